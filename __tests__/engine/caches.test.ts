// The engine's caches never change a decision: parsed context values (per prepared request),
// the statements each action can match (per compiled group), and policy-variable resolutions
// (per compiled statement). Reused compiled sets and prepared requests must decide exactly as a
// fresh evaluate() does, explanations included (IAM-SEMANTICS §4.2, §4.6, §5; STYLE habit 6).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js'
import {
  compilePolicySet,
  evaluate,
  evaluateCompiled,
  prepareRequest
} from '../../src/engine/evaluate.js'
import type { ContextInput, PolicySet, Request } from '../../src/engine/types.js'
import type { Policy, PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

function policy(kind: PolicyKind, statements: unknown[], file = `${kind}.json`): Policy {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statements })
  const { policy: parsed, diagnostics } = parsePolicy(text, { file, kind })
  if (!parsed) throw new Error(diagnostics.map(formatDiagnostic).join('\n'))
  return parsed
}

const A = '111122223333'
const ALICE = `arn:aws:iam::${A}:user/alice`
const BOB = `arn:aws:iam::${A}:user/bob`
const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`

const when = (Sid: string, condition: unknown, Effect = 'Allow'): unknown => ({
  Sid,
  Effect,
  Action: 's3:GetObject',
  Resource: '*',
  Condition: condition
})

describe('§4.2 parsed context values are shared across statements and sets', () => {
  // one set per condition: the same prepared request meets both, in both orders
  it.each([
    [
      'Date: aws:CurrentTime before and after',
      { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
      { DateGreaterThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
      { 'aws:CurrentTime': '2026-05-01T12:00:00+02:00' },
      ['Allow', 'ImplicitDeny']
    ],
    [
      'Date: an unparsable value fails both',
      { DateLessThan: { 'aws:CurrentTime': '2026-06-01' } },
      { DateNotEquals: { 'aws:CurrentTime': '2026-06-01' } },
      { 'aws:CurrentTime': 'yesterday' },
      ['ImplicitDeny', 'ImplicitDeny']
    ],
    [
      'Numeric: exact and beyond double precision',
      { NumericLessThan: { n: '10000000000000000000001' } },
      { NumericEquals: { n: '10000000000000000000000.0' } },
      { n: '10000000000000000000000' },
      ['Allow', 'Allow']
    ],
    [
      'IP: an IPv4-mapped IPv6 address is IPv6',
      { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      { IpAddress: { 'aws:SourceIp': '::ffff:203.0.113.0/120' } },
      { 'aws:SourceIp': '::ffff:203.0.113.9' },
      ['ImplicitDeny', 'Allow']
    ],
    [
      'IP: NotIpAddress and IpAddress on one address',
      { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      { 'aws:SourceIp': '10.1.2.3' },
      ['ImplicitDeny', 'Allow']
    ],
    [
      'IgnoreCase: lowercased once, compared case-insensitively',
      { StringEqualsIgnoreCase: { 'aws:PrincipalTag/Team': 'RED' } },
      { 'ForAnyValue:StringEqualsIgnoreCase': { 'aws:PrincipalTag/Team': 'Blue' } },
      { 'aws:principaltag/team': 'Red' },
      ['Allow', 'ImplicitDeny']
    ]
  ])('%s', (_row, first, second, context, effects) => {
    const sets = [first, second].map((c) =>
      compilePolicySet({ identity: [policy('identity', [when('S', c)])] })
    )
    const prepared = prepareRequest({
      principal: ALICE,
      action: 's3:GetObject',
      resource: '*',
      context
    })
    const forward = sets.map((set) => evaluateCompiled(set, prepared).effect)
    const backward = [...sets].reverse().map((set) => evaluateCompiled(set, prepared).effect)
    expect(forward).toEqual(effects)
    expect(backward.reverse()).toEqual(effects)
  })
})

describe('§3.1 the per-action statement memo of a compiled set', () => {
  const set = compilePolicySet({
    identity: [
      policy('identity', [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' },
        { Sid: 'All', Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::open/*' },
        { Sid: 'OnlyS3', Effect: 'Deny', NotAction: 's3:*', Resource: '*' }
      ])
    ]
  })
  it.each([
    ['s3:GetObject', 'arn:aws:s3:::b/k', 'Allow'],
    ['S3:GETOBJECT', 'arn:aws:s3:::b/k', 'Allow'],
    ['ec2:DescribeInstances', '*', 'ExplicitDeny'],
    ['s3:PutObject', 'arn:aws:s3:::b/k', 'ImplicitDeny'],
    ['s3:PutObject', 'arn:aws:s3:::open/k', 'Allow'],
    ['s3-object-lambda:GetObject', 'arn:aws:s3:::open/k', 'ExplicitDeny']
  ])('%s on %s → %s, twice and after other actions', (action, resource, effect) => {
    const prepared = prepareRequest({ principal: ALICE, action, resource })
    const other = prepareRequest({ principal: ALICE, action: 'iam:GetUser', resource: '*' })
    expect(evaluateCompiled(set, prepared).effect).toBe(effect)
    expect(evaluateCompiled(set, other).effect).toBe('ExplicitDeny')
    expect(evaluateCompiled(set, prepared).effect).toBe(effect)
  })
})

describe('§4.6 policy-variable resolutions follow the variable values', () => {
  const set = compilePolicySet({
    identity: [
      policy('identity', [
        {
          Sid: 'Home',
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/home/${aws:username}/*'
        },
        {
          Sid: 'Team',
          Effect: 'Deny',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            StringNotEquals: { 's3:ExistingObjectTag/team': '${aws:PrincipalTag/team}' }
          }
        }
      ])
    ]
  })
  const ask = (principal: string, team: string | undefined): Request => ({
    principal,
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/home/alice/k',
    context: {
      's3:ExistingObjectTag/team': 'red',
      ...(team === undefined ? {} : { 'aws:PrincipalTag/team': team })
    }
  })
  it.each([
    ['alice, red team', ask(ALICE, 'red'), 'Allow', []],
    ['bob: not his home folder', ask(BOB, 'red'), 'ImplicitDeny', []],
    ['alice, blue team: the tag differs', ask(ALICE, 'blue'), 'ExplicitDeny', []],
    [
      'alice without a team tag: the Deny applies (§4.6 documented)',
      ask(ALICE, undefined),
      'ExplicitDeny',
      ['Team:variable-unresolved']
    ],
    [
      'a role session has no aws:username',
      ask(SESSION, 'red'),
      'ImplicitDeny',
      ['Home:variable-unresolved']
    ]
  ])('%s', (_row, request, effect, issues) => {
    const prepared = prepareRequest(request)
    // the fast path first (it fills the caches), then the explanation reads them
    for (let round = 0; round < 2; round++) {
      const decision = evaluateCompiled(set, prepared)
      expect(decision.effect).toBe(effect)
      expect(decision.issues.map((i) => `${i.statement.sid}:${i.code}`)).toEqual(issues)
    }
  })
})

describe('reused compiled sets and prepared requests decide as a fresh evaluate()', () => {
  const statements = [
    { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/*' },
    { Effect: 'Allow', Action: 's3:Get*', Resource: '*' },
    { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b/*' },
    when('Region', { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } }, 'Deny'),
    when('Late', { DateGreaterThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } }, 'Deny'),
    when('Net', { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }, 'Deny'),
    when('Age', { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } }, 'Deny'),
    when('Tag', { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }),
    when('Keys', { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team', 'cost-*'] } }, 'Deny')
  ]
  const pool = statements.map((st, i) => policy('identity', [st], `p${i}.json`))
  const contexts: Record<string, ContextInput>[] = [
    {},
    { 'aws:RequestedRegion': 'eu-west-1', 'aws:SourceIp': '203.0.113.7' },
    { 'aws:CurrentTime': '2026-07-01T00:00:00Z', 'aws:SourceIp': '2001:db8::1' },
    { 'aws:MultiFactorAuthAge': '7200', 'aws:PrincipalTag/team': 'red' },
    { 'aws:ResourceTag/team': 'red', 'aws:PrincipalTag/team': 'red', 'aws:TagKeys': ['env'] },
    { 'aws:CurrentTime': 'soon', 'aws:SourceIp': 'nowhere', 'aws:MultiFactorAuthAge': 'x' }
  ]
  const requests: Request[] = contexts.flatMap((context) =>
    [ALICE, BOB, SESSION].flatMap((principal) =>
      ['s3:GetObject', 's3:PutObject', 'iam:GetUser'].map((action) => ({
        principal,
        action,
        resource: 'arn:aws:s3:::b/alice/k',
        context
      }))
    )
  )

  it('for any order of (set, request) pairs', () => {
    const setArbitrary = fc.uniqueArray(fc.nat(pool.length - 1), { minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(
        fc.array(setArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(3), fc.nat(requests.length - 1)), { minLength: 1, maxLength: 40 }),
        (setIndexes, pairs) => {
          const sets: PolicySet[] = setIndexes.map((indexes) => ({
            identity: indexes.map((i) => pool[i] as Policy)
          }))
          const compiled = sets.map(compilePolicySet)
          const prepared = requests.map(prepareRequest)
          // explanations are read only after every decision: lazily, as renderers do
          const decisions = pairs.map(([s, r]) => {
            const set = s % sets.length
            return [evaluateCompiled(compiled[set]!, prepared[r]!), set, r] as const
          })
          for (const [reused, set, r] of decisions) {
            const fresh = evaluate(sets[set]!, requests[r]!)
            expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh))
          }
        }
      ),
      { seed: 20261123, numRuns: 150 }
    )
  })
})
