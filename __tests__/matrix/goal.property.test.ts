// The promise as a property (issue 3): for random old → new policy pairs built from a pool of
// real-looking actions, resource patterns and conditions, every action whose decision changes
// for some request of a dense brute-force pool (many resources × every combination of context
// values) is also found by the automatic matrix. The pool respects the catalogue like the
// matrix does: resources fit the action's ARN templates, context keys are ones it can carry.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { compilePolicySet, evaluateCompiled, prepareRequest } from '../../src/engine/evaluate.js'
import type { ContextInput, PolicySet } from '../../src/engine/types.js'
import { matchGlob } from '../../src/engine/wildcard.js'
import { keyAvailability } from '../../src/matrix/key-availability.js'
import { PRINCIPAL, catalog, changes, doc, setOf } from './helpers.js'

const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:ListAllMyBuckets',
  'iam:PassRole',
  'ec2:CreateTags',
  'sqs:SendMessage'
]
const ACTION_PATTERNS = [...ACTIONS, 's3:Get*', 's3:*Object', 's3:List*', 'sqs:Send*']
const RESOURCE_PATTERNS = [
  '*',
  'arn:aws:s3:::b',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/a*',
  'arn:aws:s3:::b/a/?',
  'arn:aws:s3:::*',
  'arn:aws:s3:::b*',
  'arn:aws:iam::111122223333:role/*',
  'arn:aws:iam::*:role/r?',
  'arn:aws:sqs:us-east-1:*:q*',
  'arn:aws:sqs:*:111122223333:*',
  'arn:aws:ec2:*:*:instance/*'
]
const CONDITIONS: readonly object[] = [
  { StringEquals: { 'aws:PrincipalTag/team': 'a' } },
  { StringLike: { 's3:prefix': 'x*' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { NotIpAddress: { 'aws:SourceIp': '10.1.0.0/16' } },
  { NumericLessThan: { 's3:max-keys': '10' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringNotEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['k1'] } },
  { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['k1', 'k2'] } },
  { Null: { 'aws:RequestTag/k1': 'false' } }
]

/** Dense pool: resources per family and every value of each key, absent included where AWS can leave the key out. */
const RESOURCES = [
  '*',
  ...['b', 'b/x', 'b/a', 'b/ax', 'b/a/x', 'b/a/xy', 'bx', 'bx/y', 'c', 'c/x', 'a/b'].map(
    (r) => `arn:aws:s3:::${r}`
  ),
  ...['r1', 'r', 'other'].map((r) => `arn:aws:iam::111122223333:role/${r}`),
  'arn:aws:iam::444455556666:role/r1',
  ...[
    'us-east-1:111122223333:q1',
    'us-west-2:111122223333:q1',
    'us-east-1:111122223333:z',
    'us-east-1:444455556666:q'
  ].map((r) => `arn:aws:sqs:${r}`),
  'arn:aws:ec2:us-east-1:111122223333:instance/i-1',
  'arn:aws:ec2:us-east-1:111122223333:volume/v-1'
]
const VALUES: Readonly<Record<string, readonly ContextInput[]>> = {
  'aws:PrincipalTag/team': ['a', 'b'],
  's3:prefix': ['x', 'xy', 'y'],
  'aws:SourceIp': ['10.1.2.3', '10.2.0.1', '11.0.0.1'],
  's3:max-keys': ['5', '10', '20'],
  'aws:SecureTransport': ['true', 'false'],
  'iam:PassedToService': ['ec2.amazonaws.com', 'x'],
  'aws:TagKeys': [[], ['k1'], ['k2'], ['k1', 'k2'], ['k3']],
  'aws:RequestTag/k1': ['v']
}

function fitsTemplates(action: string, resource: string): boolean {
  const known = catalog.action(action)
  if (known === undefined) return true
  if (resource === '*') return !known.resourceTypes.some((t) => t.required)
  return known.resourceTypes.some((t) => {
    const arn = catalog.resourceType(known.service, t.name)?.arn ?? ''
    return matchGlob(arn.replace(/\$\{[^}]*\}/g, '*'), resource, false)
  })
}

/** Keys AWS sends in every request (issue 11): the pool never leaves them out. */
const ALWAYS_PRESENT = new Set(['aws:SecureTransport'])

function contexts(action: string, keys: readonly string[]): Record<string, ContextInput>[] {
  const available = keyAvailability(catalog, catalog.action(action))
  let out: Record<string, ContextInput>[] = [{ 'aws:SecureTransport': 'true' }]
  for (const key of keys.filter((k) => available.has(k))) {
    out = out.flatMap((c) => [
      ...(ALWAYS_PRESENT.has(key) ? [] : [c]),
      ...(VALUES[key] ?? []).map((v) => ({ ...c, [key]: v }))
    ])
  }
  return out
}

function oracle(
  base: PolicySet | undefined,
  head: PolicySet | undefined,
  keys: readonly string[]
): string[] {
  const b = compilePolicySet(base ?? { identity: [] })
  const h = compilePolicySet(head ?? { identity: [] })
  const changed: string[] = []
  for (const action of ACTIONS) {
    const found = RESOURCES.filter((r) => fitsTemplates(action, r)).some((resource) =>
      contexts(action, keys).some((context) => {
        const request = prepareRequest({ principal: PRINCIPAL, action, resource, context })
        return evaluateCompiled(b, request).effect !== evaluateCompiled(h, request).effect
      })
    )
    if (found) changed.push(action)
  }
  return changed
}

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
  resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 2 }),
  notResource: fc.boolean(),
  conditions: fc.subarray([...CONDITIONS.keys()], { maxLength: 2 })
})
type Generated = typeof statement extends fc.Arbitrary<infer T> ? T : never

function toStatement(s: Generated): object {
  const condition: Record<string, Record<string, unknown>> = {}
  for (const i of s.conditions) {
    for (const [op, body] of Object.entries(CONDITIONS[i] ?? {})) {
      condition[op] = { ...condition[op], ...(body as object) }
    }
  }
  return {
    Effect: s.Effect,
    Action: s.Action,
    [s.notResource ? 'NotResource' : 'Resource']: s.resources,
    ...(s.conditions.length > 0 ? { Condition: condition } : {})
  }
}

const keysOf = (statements: readonly Generated[]): string[] => [
  ...new Set(
    statements.flatMap((s) =>
      s.conditions.flatMap((i) =>
        Object.values(CONDITIONS[i] ?? {}).flatMap((body) => Object.keys(body as object))
      )
    )
  )
]

describe('the automatic matrix against a brute-force pool', () => {
  it('finds every action that changes for some pooled request', () => {
    const policyPair = fc.record({
      base: fc.array(statement, { minLength: 1, maxLength: 3 }),
      head: fc.array(statement, { minLength: 1, maxLength: 3 }),
      shared: fc.array(statement, { maxLength: 2 })
    })
    fc.assert(
      fc.property(policyPair, ({ base, head, shared }) => {
        const baseSet = setOf(doc(...[...shared, ...base].map(toStatement)))
        const headSet = setOf(doc(...[...shared, ...head].map(toStatement)))
        const expected = oracle(baseSet, headSet, keysOf([...base, ...head, ...shared]))
        const found = new Set(changes(baseSet, headSet).map((c) => c.request.action))
        expect(expected.filter((a) => !found.has(a))).toEqual([])
      }),
      { numRuns: Number(process.env.RUNS ?? 60), seed: Number(process.env.SEED ?? 20240917) }
    )
  })
})
