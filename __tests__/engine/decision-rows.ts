// Table rows for the decision tests of IAM-SEMANTICS §5: a compact policy notation, a request
// defaulting to alice reading an S3 object, and the expected effect, reason and determining
// statements (`kind:Sid`, in stable order).
import { expect } from '@jest/globals'
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js'
import { evaluate } from '../../src/engine/evaluate.js'
import type { DecisionEffect, DecisionReason, PolicySet, Request } from '../../src/engine/types.js'
import type { Policy, PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

export const A = '111122223333'
export const B = '444455556666'
export const ALICE = `arn:aws:iam::${A}:user/alice`
export const CAROL = `arn:aws:iam::${B}:user/carol`
export const ROLE = `arn:aws:iam::${A}:role/App`
export const SESSION = `arn:aws:sts::${A}:assumed-role/App/s1`
export const FED = `arn:aws:sts::${A}:federated-user/alice`
export const ROOT = `arn:aws:iam::${A}:root`
export const OBJECT = 'arn:aws:s3:::bucket/key'
export const KEY = `arn:aws:kms:us-east-1:${A}:key/k-1`

export type Json = Record<string, unknown>
export const doc = (...statements: Json[]): Json => ({
  Version: '2012-10-17',
  Statement: statements
})
export const allow = (
  Sid: string,
  action = 's3:GetObject',
  resource = '*',
  extra: Json = {}
): Json => ({
  Sid,
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra
})
export const deny = (
  Sid: string,
  action = 's3:GetObject',
  resource = '*',
  extra: Json = {}
): Json => ({
  ...allow(Sid, action, resource, extra),
  Effect: 'Deny'
})
const principal = (who: string | Json): Json | string =>
  typeof who === 'string' ? (who === '*' ? '*' : { AWS: who }) : who
/** A resource-based statement; no Resource = the attached resource (trust policies). */
export const grant = (
  Sid: string,
  who: string | Json,
  action = 's3:GetObject',
  extra: Json = {}
): Json => ({
  Sid,
  Effect: 'Allow',
  Principal: principal(who),
  Action: action,
  ...extra
})
export const refuse = (
  Sid: string,
  who: string | Json,
  action = 's3:GetObject',
  extra: Json = {}
): Json => ({
  ...grant(Sid, who, action, extra),
  Effect: 'Deny'
})
export const FULL = doc(allow('Full', '*'))

interface Policies {
  identity?: Json[]
  resource?: Json
  boundary?: Json[]
  session?: Json
  scp?: (Json | Json[])[]
  rcp?: (Json | Json[])[]
}

export interface Row {
  row: string
  policies: Policies
  request?: Partial<Request>
  effect: DecisionEffect
  reason: DecisionReason
  determining?: string[]
}

function parse(kind: PolicyKind, value: Json, file: string): Policy {
  const { policy, diagnostics } = parsePolicy(JSON.stringify(value), { file, kind })
  if (!policy) throw new Error(diagnostics.map(formatDiagnostic).join('\n'))
  return policy
}

function buildSet(p: Policies): PolicySet {
  const levels = (kind: 'scp' | 'rcp', value: (Json | Json[])[] | undefined): Policy[][] =>
    (value ?? []).map((level, l) =>
      (Array.isArray(level) ? level : [level]).map((d, i) => parse(kind, d, `${kind}-${l}-${i}`))
    )
  return {
    identity: (p.identity ?? []).map((d, i) => parse('identity', d, `identity-${i}`)),
    resource: p.resource === undefined ? undefined : parse('resource', p.resource, 'resource'),
    boundary: (p.boundary ?? []).map((d, i) => parse('boundary', d, `boundary-${i}`)),
    session: p.session === undefined ? undefined : parse('session', p.session, 'session'),
    scp: levels('scp', p.scp),
    rcp: levels('rcp', p.rcp)
  }
}

export function check(row: Row): void {
  const request: Request = {
    principal: ALICE,
    action: 's3:GetObject',
    resource: OBJECT,
    ...row.request
  }
  const decision = evaluate(buildSet(row.policies), request)
  expect({ effect: decision.effect, reason: decision.reason }).toEqual({
    effect: row.effect,
    reason: row.reason
  })
  const determining = decision.determining.map(
    (r) => `${r.policyKind}:${r.sid ?? r.statementIndex}`
  )
  expect(determining).toEqual(row.determining ?? [])
}

export const cases = (rows: Row[]): [string, Row][] => rows.map((r) => [r.row, r])
