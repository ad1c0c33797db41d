// The public engine API: evaluate / compilePolicySet / prepareRequest / evaluateCompiled, the
// shape of the Decision value (STYLE habit 6), and the shared sanity cases.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js'
import { candidates, compilePolicy } from '../../src/engine/compile.js'
import {
  compilePolicySet,
  evaluate,
  evaluateCompiled,
  prepareRequest
} from '../../src/engine/evaluate.js'
import type { PolicySet, Request } from '../../src/engine/types.js'
import type { Policy, PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

function policy(kind: PolicyKind, doc: unknown, file = `${kind}.json`): Policy {
  const { policy: parsed, diagnostics } = parsePolicy(JSON.stringify(doc, null, 2), { file, kind })
  if (!parsed) throw new Error(diagnostics.map(formatDiagnostic).join('\n'))
  return parsed
}

const ALICE = 'arn:aws:iam::111122223333:user/alice'
const request = (action: string, resource: string, extra: Partial<Request> = {}): Request => ({
  principal: ALICE,
  action,
  resource,
  ...extra
})

describe('decision value (STYLE habit 6, IAM-SEMANTICS §1)', () => {
  const identity = policy('identity', {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadAll', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Sid: 'ReadBucket', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
      { Sid: 'NoDeleteB', Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' }
    ]
  })
  const set: PolicySet = { identity: [identity] }

  it('lists every applicable Allow of the identity gate, in statement order', () => {
    const decision = evaluate(set, request('s3:GetObject', 'arn:aws:s3:::b/k'))
    expect(decision.effect).toBe('Allow')
    expect(decision.reason).toBe('identity-allow')
    expect(decision.determining.map((r) => r.sid)).toEqual(['ReadAll', 'ReadBucket'])
    expect(decision.issues).toEqual([])
  })

  it('lists every applicable Deny for an explicit deny, with file, kind, pointer and line', () => {
    const decision = evaluate(set, request('s3:DeleteObject', 'arn:aws:s3:::b/k'))
    expect(decision.effect).toBe('ExplicitDeny')
    expect(decision.reason).toBe('explicit-deny')
    expect(decision.determining).toEqual([
      {
        file: 'identity.json',
        policyKind: 'identity',
        statementIndex: 2,
        sid: 'NoDelete',
        pointer: '/Statement/2',
        line: 16
      },
      {
        file: 'identity.json',
        policyKind: 'identity',
        statementIndex: 3,
        sid: 'NoDeleteB',
        pointer: '/Statement/3',
        line: 22
      }
    ])
  })

  it('lists nothing for an implicit deny and names the failing gate', () => {
    const decision = evaluate(set, request('ec2:RunInstances', '*'))
    expect(decision).toMatchObject({
      effect: 'ImplicitDeny',
      reason: 'no-identity-allow',
      determining: [],
      issues: []
    })
  })

  it('serialises determining and issues as plain properties', () => {
    const decision = evaluate(set, request('s3:DeleteObject', 'arn:aws:s3:::x/k'))
    const json = JSON.parse(JSON.stringify(decision))
    expect(json.effect).toBe('ExplicitDeny')
    expect(json.determining.map((r: { sid: string }) => r.sid)).toEqual(['NoDelete'])
    expect(json.issues).toEqual([])
  })

  it('gives the same decision from compiled sets and prepared requests reused across calls', () => {
    const compiled = compilePolicySet(set)
    const prepared = prepareRequest(request('s3:GetObject', 'arn:aws:s3:::b/k'))
    const first = evaluateCompiled(compiled, prepared)
    const second = evaluateCompiled(compilePolicySet(set), prepared)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
    expect(first.determining.map((r) => r.sid)).toEqual(['ReadAll', 'ReadBucket'])
  })

  it('names the policy by its place in the set, not the kind it was parsed as', () => {
    const asBoundary: PolicySet = { identity: [identity], boundary: [identity] }
    const decision = evaluate(asBoundary, request('s3:GetObject', 'arn:aws:s3:::b/k'))
    expect(decision.determining.map((r) => `${r.policyKind}:${r.sid}`)).toEqual([
      'identity:ReadAll',
      'identity:ReadBucket',
      'boundary:ReadAll',
      'boundary:ReadBucket'
    ])
  })
})

describe('evaluation issues are reported, tied to their statement (STYLE habit 6, §4.6)', () => {
  const identity = policy('identity', {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Home',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::home/${aws:PrincipalTag/team}/*'
      },
      {
        Sid: 'Team',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { StringEquals: { 'aws:TagKeys': 'env' } }
      }
    ]
  })

  it('reports an unresolvable resource variable and a multivalued key without qualifier', () => {
    const decision = evaluate(
      { identity: [identity] },
      request('s3:GetObject', 'arn:aws:s3:::home/x/k', { context: { 'aws:TagKeys': ['env'] } })
    )
    expect(decision.effect).toBe('ImplicitDeny')
    expect(decision.issues.map((i) => `${i.statement.sid}:${i.code}`)).toEqual([
      'Home:variable-unresolved',
      'Team:multivalued-without-qualifier'
    ])
    expect(decision.issues[0]?.message).toContain('`${aws:principaltag/team}`')
  })
})

interface SanityCase {
  id: string
  expect: string
  policies: Record<string, unknown>
  request: Request
}

/** Cases whose expectation is outside the engine, with the reason. */
const SKIP: Record<string, string> = {
  'probe-unknown-request-action':
    'an action missing from the catalogue is refused by the evaluate command, not the engine'
}

type Built = { set: PolicySet } | { error: string }

/** Case file shape (issue 2) → PolicySet; `Error` when any policy is invalid. */
function buildSet(id: string, policies: Record<string, unknown>): Built {
  const errors: string[] = []
  const parse = (kind: PolicyKind, doc: unknown, where: string): Policy => {
    const result = parsePolicy(JSON.stringify(doc), { file: `${id}/${where}`, kind })
    if (!result.policy) errors.push(...result.diagnostics.map(formatDiagnostic))
    return result.policy ?? { file: where, kind, version: undefined, statements: [] }
  }
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value])
  const docs = (kind: PolicyKind): Policy[] =>
    ((policies[kind] as unknown[] | undefined) ?? []).map((d, i) => parse(kind, d, `${kind}/${i}`))
  const levels = (kind: 'scp' | 'rcp'): Policy[][] =>
    ((policies[kind] as unknown[] | undefined) ?? []).map((level, l) =>
      list(level).map((d, i) => parse(kind, d, `${kind}/${l}/${i}`))
    )
  const resource = policies.resource ?? undefined
  const session = policies.session ?? undefined
  const set: PolicySet = {
    identity: docs('identity'),
    resource: resource === undefined ? undefined : parse('resource', resource, 'resource'),
    boundary: docs('boundary'),
    session: session === undefined ? undefined : parse('session', session, 'session'),
    scp: levels('scp'),
    rcp: levels('rcp')
  }
  return errors.length > 0 ? { error: errors.join('\n') } : { set }
}

describe('shared sanity cases (../shared/cases/sanity-cases.json, copied)', () => {
  const cases = JSON.parse(
    readFileSync(new URL('./sanity-cases.json', import.meta.url), 'utf8')
  ) as SanityCase[]

  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases.filter((c) => SKIP[c.id] === undefined).map((c) => [c.id, c] as const))(
    '%s',
    (_id, c) => {
      const built = buildSet(c.id, c.policies)
      const actual = 'error' in built ? 'Error' : evaluate(built.set, c.request).effect
      expect(actual).toBe(c.expect)
    }
  )
})

describe('compilePolicySet: compiled once per policy, indexed by service', () => {
  const p = policy('identity', {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'S3', Effect: 'Allow', Action: ['s3:Get*', 'S3:List*'], Resource: '*' },
      { Sid: 'Ec2', Effect: 'Deny', Action: 'ec2:*', Resource: '*' },
      { Sid: 'NotIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      {
        Sid: 'All',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } }
      }
    ]
  })

  it('caches the compiled statements per policy object and place in the set', () => {
    expect(compilePolicy(p, 'identity')).toBe(compilePolicy(p, 'identity'))
    expect(compilePolicy(p, 'boundary')).not.toBe(compilePolicy(p, 'identity'))
    const base = compilePolicySet({ identity: [p] })
    const head = compilePolicySet({ identity: [p] })
    expect(candidates(head.identity, 's3').all[0]).toBe(candidates(base.identity, 's3').all[0])
  })

  it.each([
    ['s3', ['S3', 'NotIam'], ['All'], ['S3', 'NotIam', 'All']],
    ['ec2', ['NotIam'], ['Ec2', 'All'], ['Ec2', 'NotIam', 'All']],
    ['sqs', ['NotIam'], ['All'], ['NotIam', 'All']] // no statement names sqs: the `any` lists
  ])('service %s: allow %j, deny %j, all in statement order %j', (service, allow, deny, all) => {
    const group = compilePolicySet({ identity: [p] }).identity
    const sids = (list: readonly { ref: { sid: string | undefined } }[]): unknown[] =>
      list.map((st) => st.ref.sid)
    const found = candidates(group, service)
    expect([sids(found.allow), sids(found.deny), sids(found.all)]).toEqual([allow, deny, all])
  })
})

describe('decision invariants over generated policy sets (§1, §5; STYLE habit 6)', () => {
  const B = '444455556666'
  const actions = ['s3:GetObject', 's3:*', 's3:Get*', 'ec2:*', '*', 'iam:*']
  const resources = ['*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/k', 'arn:aws:s3:::c/*']
  const principals = ['*', '111122223333', ALICE, 'arn:aws:iam::111122223333:role/R', B]
  const statement = fc.record({
    Effect: fc.constantFrom('Allow', 'Deny'),
    not: fc.boolean(),
    action: fc.constantFrom(...actions),
    Resource: fc.constantFrom(...resources)
  })
  const statements = fc.array(statement, { minLength: 1, maxLength: 3 })
  const toDoc = (
    list: { Effect: string; not: boolean; action: string; Resource: string }[],
    who?: string
  ): unknown => ({
    Version: '2012-10-17',
    Statement: list.map(({ Effect, not, action, Resource }, i) => ({
      Sid: `S${i}`,
      Effect,
      [not && who === undefined ? 'NotAction' : 'Action']: action,
      Resource,
      ...(who === undefined ? {} : { Principal: who === '*' ? '*' : { AWS: who } })
    }))
  })
  const arbitrary = fc.record({
    identity: fc.array(statements, { maxLength: 2 }),
    resource: fc.option(fc.tuple(statements, fc.constantFrom(...principals)), { nil: undefined }),
    boundary: fc.option(statements, { nil: undefined }),
    session: fc.option(statements, { nil: undefined }),
    scp: fc.array(statements, { maxLength: 2 }),
    principal: fc.constantFrom(
      ALICE,
      'arn:aws:sts::111122223333:assumed-role/R/s',
      'arn:aws:iam::111122223333:root',
      `arn:aws:iam::${B}:user/carol`,
      'arn:aws:sts::111122223333:federated-user/f',
      'logs.amazonaws.com'
    ),
    requestAction: fc.constantFrom(
      's3:GetObject',
      's3:PutObject',
      'ec2:RunInstances',
      'iam:GetUser'
    ),
    requestResource: fc.constantFrom('arn:aws:s3:::b/k', 'arn:aws:s3:::c/k', '*')
  })

  type Generated = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never
  const build = (g: Generated): PolicySet => ({
    identity: g.identity.map((s, i) => policy('identity', toDoc(s), `identity-${i}`)),
    resource: g.resource && policy('resource', toDoc(g.resource[0], g.resource[1]), 'resource'),
    boundary: g.boundary && [policy('boundary', toDoc(g.boundary), 'boundary')],
    session: g.session && policy('session', toDoc(g.session), 'session'),
    scp: g.scp.map((s, i) => [policy('scp', toDoc(s), `scp-${i}`)])
  })
  const effectOf = (set: PolicySet, ref: { file: string; statementIndex: number }): string => {
    const all = [
      ...set.identity,
      set.resource,
      ...(set.boundary ?? []),
      set.session,
      ...(set.scp ?? []).flat()
    ]
    const found = all.find((p) => p?.file === ref.file)
    return found?.statements[ref.statementIndex]?.effect ?? '?'
  }

  it('determining statements agree with the effect; a universal Deny always wins', () => {
    fc.assert(
      fc.property(arbitrary, (g) => {
        const set = build(g)
        const request = {
          principal: g.principal,
          action: g.requestAction,
          resource: g.requestResource,
          resourceAccount: '111122223333'
        }
        const decision = evaluate(set, request)
        const effects = decision.determining.map((ref) => effectOf(set, ref))
        if (decision.effect === 'ImplicitDeny') expect(effects).toEqual([])
        if (decision.effect === 'ExplicitDeny') {
          expect(effects.length).toBeGreaterThan(0)
          expect(effects.every((e) => e === 'Deny')).toBe(true)
        }
        if (decision.effect === 'Allow') {
          expect(effects.every((e) => e === 'Allow')).toBe(true)
          if (decision.reason !== 'root-user') expect(effects.length).toBeGreaterThan(0)
        }
        const universal = policy(
          'resource',
          toDoc([{ Effect: 'Deny', not: false, action: '*', Resource: '*' }], '*'),
          'deny-all'
        )
        expect(evaluate({ ...set, resource: universal }, request).effect).toBe('ExplicitDeny')
      }),
      { seed: 20260401, numRuns: 300 }
    )
  })
})
