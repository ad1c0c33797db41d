// scripts/build-catalog.mjs: deterministic, compact (< 4 MB), and what dist/catalog.json holds.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  catalogFromData,
  isCompactCatalog,
  splitCatalogText
} from '../../src/catalog/catalog-from-data.js'
import { readCatalogFile } from '../../src/catalog/load-catalog.js'

interface BuildScript {
  buildCatalog(outFile: string): Promise<{ file: string; bytes: number; services: number }>
}

describe('build-catalog', () => {
  it('writes the same compact file twice, equal to dist/catalog.json', async () => {
    // a plain .mjs script: a variable path keeps the type checker from looking for declarations
    const path = '../../scripts/build-catalog.mjs'
    const script = (await import(path)) as BuildScript
    const dir = mkdtempSync(join(tmpdir(), 'build-catalog-'))
    const first = await script.buildCatalog(join(dir, 'a.json'))
    const second = await script.buildCatalog(join(dir, 'b.json'))
    const a = readFileSync(first.file, 'utf8')
    expect(readFileSync(second.file, 'utf8')).toBe(a)
    expect(first.bytes).toBeLessThan(4 * 1024 * 1024)
    expect(statSync(first.file).size).toBe(first.bytes)
    const data: unknown = JSON.parse(a)
    expect(isCompactCatalog(data)).toBe(true)
    if (!isCompactCatalog(data)) return
    expect(catalogFromData(data).action('s3:GetObject')?.name).toBe('s3:GetObject')
    // one line per service, so the loader parses only the services a run asks for
    const split = splitCatalogText(readFileSync(first.file))
    expect(split?.sections.size).toBe(first.services)
    const { services, ...header } = data
    expect(split?.header).toEqual(header)
    expect(JSON.parse(split?.sections.get('s3')?.() ?? '')).toEqual(services['s3'])
    // read lazily from the file, every service equals the same data converted in one go
    const lazy = readCatalogFile(first.file)
    const eager = catalogFromData(data)
    expect(lazy.services).toEqual(eager.services)
    for (const service of eager.services)
      expect(lazy.actionsOf(service)).toEqual(eager.actionsOf(service))
    expect(lazy.resourceType('iam', 'role')).toEqual(eager.resourceType('iam', 'role'))
    expect(lazy.globalConditionKeys).toEqual(eager.globalConditionKeys)
    // a boolean: a 1.5 MB diff would bury the hint
    const dist = readFileSync(join(process.cwd(), 'dist', 'catalog.json'), 'utf8')
    expect(dist === a ? 'up to date' : 'stale: run `npm run build`').toBe('up to date')
  })
})
