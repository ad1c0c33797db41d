// Statement applicability (IAM-SEMANTICS §1): Action ∧ Resource ∧ Principal ∧ conditions, the
// grant level it applies at, and issues tied to the statement (STYLE habit 6).
import { describe, expect, it } from '@jest/globals'
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js'
import { GRANT } from '../../src/engine/match-principal.js'
import { prepareRequest } from '../../src/engine/request.js'
import {
  collectIssues,
  compileStatement,
  statementGrant,
  type CompiledStatement
} from '../../src/engine/statement.js'
import type { EvalIssue, Request } from '../../src/engine/types.js'
import type { PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

const A = '111122223333'
const ALICE = `arn:aws:iam::${A}:user/alice`

function compile(kind: PolicyKind, statement: object, version = '2012-10-17'): CompiledStatement {
  const text = JSON.stringify({ Version: version, Statement: [statement] }, null, 2)
  const { policy, diagnostics } = parsePolicy(text, { file: `${kind}.json`, kind })
  if (!policy?.statements[0]) throw new Error(diagnostics.map(formatDiagnostic).join('\n'))
  return compileStatement(policy.statements[0], policy, kind)
}

const request = (extra: Partial<Request> = {}): Request => ({
  principal: ALICE,
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  ...extra
})

const grant = (st: CompiledStatement, extra: Partial<Request> = {}): number =>
  statementGrant(st, prepareRequest(request(extra)), false, undefined)

describe('§1 a statement applies iff every element matches', () => {
  const st = compile('identity', {
    Effect: 'Allow',
    Action: 's3:Get*',
    Resource: 'arn:aws:s3:::b/*',
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } }
  })
  const tagged = { context: { 'aws:PrincipalTag/team': 'data' } }

  it.each([
    ['all match', tagged, GRANT.direct],
    ['action differs', { ...tagged, action: 's3:PutObject' }, GRANT.none],
    ['resource differs', { ...tagged, resource: 'arn:aws:s3:::c/k' }, GRANT.none],
    ['condition false', { context: { 'aws:PrincipalTag/team': 'web' } }, GRANT.none],
    ['condition key absent', {}, GRANT.none]
  ])('%s', (_row, extra, expected) => {
    expect(grant(st, extra)).toBe(expected)
  })

  it('ANDs every condition (§4.1)', () => {
    const two = compile('identity', {
      Effect: 'Allow',
      Action: 's3:*',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:PrincipalTag/team': 'data' },
        Bool: { 'aws:SecureTransport': 'true' }
      }
    })
    const context = { 'aws:PrincipalTag/team': 'data', 'aws:SecureTransport': 'true' }
    expect(grant(two, { context })).toBe(GRANT.direct)
    expect(grant(two, { context: { ...context, 'aws:SecureTransport': 'false' } })).toBe(GRANT.none)
  })
})

describe('§3.3 principal matching in resource-based statements', () => {
  const st = compile('resource', {
    Effect: 'Allow',
    Principal: { AWS: A },
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*'
  })

  it('returns the grant level of the principal entry', () => {
    expect(grant(st)).toBe(GRANT.account)
    expect(grant(st, { principal: 'arn:aws:iam::444455556666:user/x' })).toBe(GRANT.none)
  })

  it('skips a statement that cannot beat the best level found so far', () => {
    const prepared = prepareRequest(request())
    expect(statementGrant(st, prepared, false, undefined, GRANT.account)).toBe(GRANT.none)
    expect(statementGrant(st, prepared, false, undefined, GRANT.none)).toBe(GRANT.account)
  })

  it('applies a statement without Resource to the attached resource (trust policies)', () => {
    const trust = compile('resource', {
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole'
    })
    const assume = { action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` }
    expect(grant(trust, { ...assume, principal: 'ec2.amazonaws.com' })).toBe(GRANT.direct)
    expect(grant(trust, assume)).toBe(GRANT.none)
  })
})

describe('statement references and issues (STYLE habit 6)', () => {
  it('points at the statement: file, kind in the set, index, Sid, pointer, line', () => {
    const st = compile('identity', { Sid: 'S1', Effect: 'Deny', Action: '*', Resource: '*' })
    expect(st.ref).toEqual({
      file: 'identity.json',
      policyKind: 'identity',
      statementIndex: 0,
      sid: 'S1',
      pointer: '/Statement/0',
      line: 4
    })
  })

  it('ties resource and condition issues to the statement', () => {
    const st = compile('identity', {
      Sid: 'Home',
      Effect: 'Allow',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::t/${aws:PrincipalTag/team}/*', 'arn:aws:s3:::b/*'],
      Condition: { StringEquals: { 'aws:TagKeys': 'env' } }
    })
    const issues: EvalIssue[] = []
    const prepared = prepareRequest(request({ context: { 'aws:TagKeys': ['env'] } }))
    expect(statementGrant(st, prepared, false, collectIssues(st, issues))).toBe(GRANT.none)
    expect(issues.map((i) => [i.code, i.statement.sid])).toEqual([
      ['variable-unresolved', 'Home'],
      ['multivalued-without-qualifier', 'Home']
    ])
  })

  it('reports nothing for statements whose action does not match', () => {
    const st = compile('identity', {
      Effect: 'Allow',
      Action: 'ec2:*',
      Resource: 'arn:aws:s3:::t/${aws:PrincipalTag/team}/*'
    })
    const issues: EvalIssue[] = []
    statementGrant(st, prepareRequest(request()), false, collectIssues(st, issues))
    expect(issues).toEqual([])
  })
})

describe('§4.6 policy variables follow the policy Version', () => {
  const statement = {
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::home/${aws:username}/*'
  }
  it.each([
    ['2012-10-17', 'arn:aws:s3:::home/alice/k', GRANT.direct],
    ['2008-10-17', 'arn:aws:s3:::home/alice/k', GRANT.none],
    ['2008-10-17', 'arn:aws:s3:::home/${aws:username}/k', GRANT.direct]
  ])('Version %s, %s', (version, resource, expected) => {
    expect(grant(compile('identity', statement, version), { resource })).toBe(expected)
  })
})

describe('§3.1 / §3.2 NotAction and NotResource with Allow and Deny', () => {
  const notAction = (effect: string): CompiledStatement =>
    compile('identity', { Effect: effect, NotAction: 'iam:*', Resource: 'arn:aws:s3:::b/*' })
  const notResource = (effect: string): CompiledStatement =>
    compile('identity', { Effect: effect, Action: 's3:*', NotResource: 'arn:aws:s3:::public/*' })

  it.each([
    // Allow + NotAction grants everything not listed, scoped by Resource
    ['Allow', 's3:GetObject', 'arn:aws:s3:::b/k', GRANT.direct],
    ['Allow', 'iam:CreateUser', 'arn:aws:s3:::b/k', GRANT.none],
    ['Allow', 's3:GetObject', 'arn:aws:s3:::other/k', GRANT.none],
    // Deny + NotAction denies everything not listed
    ['Deny', 'ec2:RunInstances', 'arn:aws:s3:::b/k', GRANT.direct],
    ['Deny', 'iam:PassRole', 'arn:aws:s3:::b/k', GRANT.none]
  ])('%s NotAction iam:*: %s on %s → %s', (effect, action, resource, expected) => {
    expect(grant(notAction(effect), { action, resource })).toBe(expected)
  })

  it.each([
    ['Allow', 'arn:aws:s3:::secret/k', GRANT.direct],
    ['Allow', 'arn:aws:s3:::public/k', GRANT.none],
    ['Deny', 'arn:aws:s3:::secret/k', GRANT.direct],
    ['Deny', 'arn:aws:s3:::public/k', GRANT.none]
  ])('%s NotResource public/*: %s → %s', (effect, resource, expected) => {
    expect(grant(notResource(effect), { resource })).toBe(expected)
  })
})
