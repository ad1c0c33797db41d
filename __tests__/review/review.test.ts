import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { SourceError, type PolicySource } from '../../src/sources/port.js'
import { diagnostic } from '../../src/diagnostics/diagnostic.js'
import { json, memorySource, policy } from './memory-source.js'

const catalog = loadCatalog()
const run = (
  init: Parameters<typeof memorySource>[0],
  config: ReviewConfig = DEFAULT_CONFIG
): Promise<Report> => review({ source: memorySource(init), config, catalog, toolVersion: 'test' })

const allow = (
  action: string | string[],
  resource: string | string[] = '*',
  extra: object = {}
): object => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra
})
const s3 = (actions: string[]): string =>
  policy({ Sid: 'WriteReports', ...allow(actions, 'arn:aws:s3:::prod-data/reports/*') })
const actions = (report: Report, kind: string): string[] =>
  [...new Set(report.changes.filter((c) => c.kind === kind).map((c) => c.action))].sort()

describe('review of identity policies', () => {
  it('finds the broadening of s3:*Object with its deciding statement', async () => {
    const report = await run({
      base: { 'iam/s3.json': s3(['s3:GetObject', 's3:PutObject']) },
      head: { 'iam/s3.json': s3(['s3:*Object']) }
    })
    expect(actions(report, 'broadened')).toContain('s3:DeleteObject')
    expect(actions(report, 'broadened')).not.toContain('s3:GetObject')
    const del = report.changes.find((c) => c.action === 's3:DeleteObject')!
    expect([del.before.effect, del.after.effect]).toEqual(['ImplicitDeny', 'Allow'])
    expect(del.after.determining.map((r) => [r.file, r.sid, r.line])).toEqual([
      ['iam/s3.json', 'WriteReports', 4]
    ])
    expect(report.files[0]).toMatchObject({
      file: 'iam/s3.json',
      outcome: 'changed',
      policyKind: 'identity'
    })
    expect(report.files[0]?.patch.length).toBeGreaterThan(0)
    expect(report.summary.requests).toBe(report.files[0]?.requests)
  })

  it('reports narrowing, and explicit denies as narrowed or deny-changed', async () => {
    const deny = { Effect: 'Deny', Action: 'sqs:DeleteQueue', Resource: '*' }
    const report = await run({
      base: { 'p.json': policy(allow(['sqs:SendMessage', 'sqs:DeleteQueue'])) },
      head: { 'p.json': policy(allow(['sqs:DeleteQueue']), deny) }
    })
    expect(actions(report, 'narrowed')).toEqual(['sqs:DeleteQueue', 'sqs:SendMessage'])
    const denied = report.changes.find((c) => c.action === 'sqs:DeleteQueue')!
    expect(denied.after.effect).toBe('ExplicitDeny')
    const report2 = await run({
      base: { 'p.json': policy(allow('sqs:SendMessage')) },
      head: { 'p.json': policy(allow('sqs:SendMessage'), deny) }
    })
    expect(report2.changes.map((c) => [c.kind, c.action])).toContainEqual([
      'deny-changed',
      'sqs:DeleteQueue'
    ])
    expect(report2.summary.denyChanged).toBeGreaterThan(0)
  })

  it('compares added files with no policy and deleted files with nothing', async () => {
    const report = await run({
      base: { 'old.json': policy(allow('sqs:SendMessage')) },
      head: { 'new.json': policy(allow('sns:Publish')) }
    })
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f]))
    expect(byFile['new.json']).toMatchObject({
      status: 'added',
      outcome: 'changed',
      changes: { narrowed: 0 }
    })
    expect(byFile['old.json']).toMatchObject({
      status: 'deleted',
      outcome: 'changed',
      changes: { broadened: 0 }
    })
    expect(actions(report, 'broadened')).toEqual(['sns:Publish'])
    expect(actions(report, 'narrowed')).toEqual(['sqs:SendMessage'])
  })

  it('reports no change for a reordered, reformatted file but says the text changed', async () => {
    const before = policy(
      { Sid: 'A', ...allow(['s3:GetObject', 's3:ListBucket']) },
      allow('sqs:SendMessage')
    )
    const after = json({
      Statement: [
        { Resource: ['*'], Action: 'SQS:sendmessage', Effect: 'Allow' },
        {
          Action: ['s3:ListBucket', 's3:GetObject', 's3:GetObject'],
          Resource: '*',
          Effect: 'Allow',
          Sid: 'A'
        }
      ],
      Version: '2012-10-17'
    })
    const report = await run({ base: { 'p.json': before }, head: { 'p.json': after } })
    expect(report.changes).toEqual([])
    expect(report.files[0]).toMatchObject({ outcome: 'neutral', patch: [] })
    expect(report.summary).toMatchObject({ neutralFiles: 1, files: 1 })
  })
})

describe('which files are reviewed', () => {
  it('ignores other JSON, reports an invalid policy with located diagnostics and reviews the rest', async () => {
    const report = await run({
      base: {
        'package.json': '{"name":"a"}',
        'tsconfig.json': '{}',
        'p.json': policy(allow('s3:GetObject')),
        'bad.json': policy(allow('s3:GetObject'))
      },
      head: {
        'package.json': '{"name":"b"}',
        'tsconfig.json': '{"x":1}',
        'p.json': policy(allow('s3:PutObject')),
        'bad.json': '{\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}\n'
      }
    })
    expect(report.files.map((f) => [f.file, f.outcome])).toEqual([
      ['bad.json', 'error'],
      ['p.json', 'changed']
    ])
    const bad = report.files[0]!
    expect(bad.policyKind).toBeUndefined()
    expect(bad.diagnostics[0]).toMatchObject({
      code: 'json-syntax',
      file: 'bad.json',
      severity: 'error'
    })
    expect(bad.diagnostics[0]?.span?.line).toBe(3)
    expect(report.summary.filesWithErrors).toBe(1)
  })

  it('reports a policy made invalid by validation (not syntax) with its pointer', async () => {
    const report = await run({
      base: { 'p.json': policy(allow('s3:GetObject')) },
      head: { 'p.json': policy({ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }) }
    })
    expect(report.files[0]?.outcome).toBe('error')
    expect(report.files[0]?.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual([
      'statement-effect-invalid',
      '/Statement/0/Effect'
    ])
  })

  it('compares with no policy when only the base version is invalid, with a warning', async () => {
    const report = await run({
      base: { 'p.json': '{"Statement": [' },
      head: { 'p.json': policy(allow('sns:Publish')) }
    })
    expect(report.files[0]).toMatchObject({ outcome: 'changed' })
    expect(report.files[0]?.diagnostics[0]).toMatchObject({
      severity: 'warning',
      code: 'json-syntax'
    })
    expect(report.files[0]?.diagnostics[0]?.message).toMatch(
      /^base version \(compared as absent\): /
    )
    expect(actions(report, 'broadened')).toEqual(['sns:Publish'])
  })

  it('applies include and exclude globs', async () => {
    const files = {
      'iam/a.json': policy(allow('s3:GetObject')),
      'iam/fixtures/b.json': policy(allow('s3:GetObject')),
      'other/c.json': policy(allow('s3:GetObject'))
    }
    const report = await run(
      { base: {}, head: files },
      { ...DEFAULT_CONFIG, include: ['iam/**'], exclude: ['**/fixtures/**'] }
    )
    expect(report.files.map((f) => f.file)).toEqual(['iam/a.json'])
  })

  it('reviews renamed files against their old path', async () => {
    const report = await run({
      base: { 'old.json': policy(allow('s3:GetObject')) },
      head: { 'new.json': policy(allow(['s3:GetObject', 's3:PutObject'])) },
      renames: { 'new.json': 'old.json' }
    })
    expect(report.files.map((f) => [f.file, f.previousFile, f.status])).toEqual([
      ['new.json', 'old.json', 'renamed']
    ])
    expect(actions(report, 'broadened')).toEqual(['s3:PutObject'])
  })

  it('keeps the report when the source fails, with the failure as a diagnostic', async () => {
    const failing: PolicySource = {
      baseLabel: 'main',
      headLabel: 'pr',
      listChangedFiles: () =>
        Promise.reject(
          new SourceError(diagnostic('git-failed', { message: 'unknown git ref `main`' }))
        ),
      readFile: () => Promise.resolve(undefined),
      listFiles: () => Promise.resolve([])
    }
    const report = await review({
      source: failing,
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    expect(report.diagnostics.map((d) => d.code)).toEqual(['git-failed'])
    expect(report.files).toEqual([])
  })

  it('turns a read failure of one file into a diagnostic on that file', async () => {
    const source = memorySource({
      base: { 'a.json': policy(allow('s3:GetObject')), 'b.json': policy(allow('s3:GetObject')) },
      head: { 'a.json': policy(allow('s3:PutObject')), 'b.json': policy(allow('s3:PutObject')) }
    })
    const flaky: PolicySource = {
      ...source,
      listChangedFiles: () => source.listChangedFiles(),
      listFiles: (side) => source.listFiles(side),
      readFile: (path, side) =>
        path === 'a.json' && side === 'head'
          ? Promise.reject(new Error('disk on fire'))
          : source.readFile(path, side)
    }
    const report = await review({
      source: flaky,
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    expect(report.files.map((f) => [f.file, f.outcome])).toEqual([
      ['a.json', 'error'],
      ['b.json', 'changed']
    ])
    expect(report.files[0]?.diagnostics[0]?.message).toBe('cannot read `a.json`: disk on fire')
  })
})
