// Every reported change must be reproducible: the reported request, evaluated by the engine's
// one-off `evaluate` against freshly parsed old and new documents (in the policy set that
// docs/REPORT.md documents for the file's kind), gives exactly the reported decisions.
import { describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../../src/config/types.js'
import type { Change, Report } from '../../src/diff/report.js'
import { evaluate, prepareRequest } from '../../src/engine/evaluate.js'
import type { Request } from '../../src/engine/types.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { review } from '../../src/review/review.js'
import { DEFAULT_PRINCIPAL, HIDDEN_FILES, policySetFor, sideOf } from '../../src/review/subjects.js'
import { directoryPairSource } from '../../src/sources/file-pair-source.js'
import { versionPairs } from './managed-policies.js'
import { json, memorySource } from './memory-source.js'

const catalog = loadCatalog()

function requestOf(change: Change): Request {
  return {
    principal: change.principal,
    action: change.action,
    resource: change.resource,
    ...(change.resourceAccount === undefined ? {} : { resourceAccount: change.resourceAccount }),
    context: change.context
  }
}

/** Re-evaluates every change of a report from the texts alone; returns the mismatches. */
function reproduce(
  report: Report,
  texts: { base: Record<string, string>; head: Record<string, string> }
): string[] {
  const mismatches: string[] = []
  // documents inside templates are reproduced from their extracted text elsewhere
  // (__tests__/review/sources.test.ts); here the bare policy files, from their raw text
  for (const change of report.changes.filter((c) => c.document === undefined)) {
    const file = report.files.find((f) => f.file === change.file)!
    const kind = file.policyKind!
    const parse = (text: string | undefined): ReturnType<typeof parsePolicy>['policy'] =>
      text === undefined ? undefined : parsePolicy(text, { file: change.file, kind }).policy
    const subject = {
      name: undefined,
      files: [change.file],
      principal: DEFAULT_PRINCIPAL,
      base: sideOf(kind, parse(texts.base[file.previousFile ?? change.file])),
      head: sideOf(kind, parse(texts.head[change.file]))
    }
    const request = requestOf(change)
    const prepared = prepareRequest(request)
    for (const side of ['base', 'head'] as const) {
      const decision = evaluate(policySetFor(subject, side, prepared), request)
      const reported = side === 'base' ? change.before : change.after
      const refs = decision.determining
        .filter((r) => !HIDDEN_FILES.has(r.file))
        .map((r) => `${r.statementIndex}@${r.line}`)
      const expected = reported.determining.map((r) => `${r.statementIndex}@${r.line}`)
      if (
        decision.effect !== reported.effect ||
        decision.reason !== reported.reason ||
        refs.join() !== expected.join()
      ) {
        mismatches.push(
          `${change.file} ${side} ${JSON.stringify(request)}: reported ${reported.effect}, evaluate gives ${decision.effect}`
        )
      }
    }
  }
  return mismatches
}

async function readTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      else out[`${prefix}${entry.name}`] = await readFile(path.join(dir, entry.name), 'utf8')
    }
  }
  await walk(root, '')
  return out
}

describe('every reported change is reproduced by evaluate', () => {
  it('on the bundled examples (identity, resource, deny, added and deleted files)', async () => {
    const examples = path.join(process.cwd(), 'examples')
    const texts = {
      base: await readTree(path.join(examples, 'base')),
      head: await readTree(path.join(examples, 'head'))
    }
    const report = await review({
      source: directoryPairSource({
        base: path.join(examples, 'base'),
        head: path.join(examples, 'head')
      }),
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    // actions that decide alike are probed once per class (docs/MATRIX.md), so fewer requests
    expect(report.changes.length).toBeGreaterThan(8)
    expect(new Set(report.changes.map((c) => c.kind))).toEqual(new Set(['broadened', 'narrowed']))
    expect(reproduce(report, texts)).toEqual([])
  })

  it('on guardrails evaluated against the assumed identity policy', async () => {
    const scp = (...extra: object[]): string =>
      json({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:*', 'ec2:*'], Resource: '*' }, ...extra]
      })
    const texts = {
      base: { 'org/root.json': scp() },
      head: {
        'org/root.json': scp({
          Effect: 'Deny',
          Action: 's3:DeleteBucket',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'platform' } }
        })
      }
    }
    const config: ReviewConfig = { ...DEFAULT_CONFIG, kinds: [{ glob: 'org/*.json', kind: 'scp' }] }
    const report = await review({
      source: memorySource(texts),
      config,
      catalog,
      toolVersion: 'test'
    })
    expect(report.changes.length).toBeGreaterThan(0)
    expect(reproduce(report, texts)).toEqual([])
  })

  it('on 25 real changes of AWS managed policies', async () => {
    const pairs = versionPairs(25)
    expect(pairs).toHaveLength(25)
    const texts = {
      base: Object.fromEntries(pairs.map((p) => [`policies/${p.name}.json`, json(p.base)])),
      head: Object.fromEntries(pairs.map((p) => [`policies/${p.name}.json`, json(p.head)]))
    }
    const report = await review({
      source: memorySource(texts),
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    expect(report.summary.filesWithErrors).toBe(0)
    expect(report.changes.length).toBeGreaterThan(25)
    expect(reproduce(report, texts)).toEqual([])
  })
})
