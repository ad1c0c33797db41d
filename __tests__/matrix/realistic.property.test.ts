// Issue 11, "requests AWS can receive": for random policies whose conditions name the keys AWS
// sends in every request (and others), every generated request carries those keys, consistent
// with its principal, its resource and each other (the global condition keys page), and every
// change the matrix reports is reproduced by the engine on exactly that request.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { prepareRequest } from '../../src/engine/evaluate.js'
import type { Request } from '../../src/engine/types.js'
import { splitArn } from '../../src/policy/arn.js'
import { changes, doc, matrixOf, PRINCIPAL, setOf } from './helpers.js'

const CONDITIONS: readonly object[] = [
  { StringEquals: { 'aws:ResourceAccount': '111122223333' } },
  { StringNotEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } },
  { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } },
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ops-*' } },
  { StringEquals: { 'aws:PrincipalAccount': '444455556666' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { DateGreaterThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
  { NumericLessThan: { 'aws:EpochTime': '1700000000' } },
  { StringLike: { 'aws:userid': 'AROA*' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { StringEquals: { 'aws:username': 'alice' } },
  { StringLike: { 'aws:userid': 'AIDA*' } },
  { Null: { 'aws:PrincipalArn': 'false' } },
  { Null: { 'aws:username': 'false', 'aws:SecureTransport': 'false' } }
]
const ACTIONS = ['s3:GetObject', 'sqs:SendMessage', 'ec2:TerminateInstances', 'iam:ListRoles']
const RESOURCES = [
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:sqs:*:111122223333:q',
  'arn:aws:sqs:eu-west-1:*:*',
  'arn:aws:ec2:*:*:instance/*'
]
const PRINCIPALS = [
  PRINCIPAL,
  'arn:aws:iam::111122223333:user/alice',
  'arn:aws:sts::111122223333:assumed-role/ci/s1'
]

/** The keys AWS sends in every request of an IAM caller, lowercase. */
const ALWAYS = [
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:userid',
  'aws:resourceaccount',
  'aws:requestedregion',
  'aws:securetransport',
  'aws:currenttime',
  'aws:epochtime'
]

function single(request: Request, key: string): string | undefined {
  for (const [k, v] of Object.entries(request.context ?? {}))
    if (k.toLowerCase() === key) return Array.isArray(v) ? undefined : String(v)
  return undefined
}

/** What AWS would send for the request's caller and resource; '' when consistent. */
function inconsistency(request: Request): string {
  for (const key of ALWAYS) if (single(request, key) === undefined) return `no ${key}`
  const derived = prepareRequest({ ...request, context: {} }).context
  for (const key of [
    'aws:principalarn',
    'aws:principalaccount',
    'aws:principaltype',
    'aws:username'
  ]) {
    const value = derived.get(key)?.values[0]
    if (value !== single(request, key)) return `${key} does not follow the principal`
  }
  // unique IDs: AIDA… for users, AROA…:session for role sessions (IAM identifiers page)
  const type = derived.get('aws:principaltype')?.values[0]
  const userid = single(request, 'aws:userid') ?? ''
  if (type === 'User' && !/^AIDA[^:]*$/.test(userid)) return 'aws:userid is no user ID'
  const session = /:assumed-role\/[^/]+\/(.+)$/.exec(request.principal)?.[1]
  if (
    type === 'AssumedRole' &&
    !(/^AROA[^:]*:./.test(userid) && (session === undefined || userid.endsWith(`:${session}`)))
  )
    return 'aws:userid is not the session ID'
  const arn = splitArn(request.resource)
  const account =
    arn?.account || request.resourceAccount || derived.get('aws:principalaccount')?.values[0]
  if (single(request, 'aws:resourceaccount') !== account) return 'aws:ResourceAccount'
  if (arn?.region && single(request, 'aws:requestedregion') !== arn.region)
    return 'aws:RequestedRegion is not the resource region'
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(single(request, 'aws:requestedregion') ?? ''))
    return 'aws:RequestedRegion is no Region name'
  const ms = Date.parse(single(request, 'aws:currenttime') ?? '')
  if (String(Math.floor(ms / 1000)) !== single(request, 'aws:epochtime'))
    return 'aws:CurrentTime and aws:EpochTime disagree'
  if (!['true', 'false'].includes(single(request, 'aws:securetransport') ?? ''))
    return 'aws:SecureTransport'
  return ''
}

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.subarray(ACTIONS, { minLength: 1, maxLength: 2 }),
  Resource: fc.subarray(RESOURCES, { minLength: 1, maxLength: 2 }),
  conditions: fc.subarray([...CONDITIONS.keys()], { maxLength: 3 })
})
type Generated = typeof statement extends fc.Arbitrary<infer T> ? T : never

function toStatement(s: Generated): object {
  const condition: Record<string, Record<string, unknown>> = {}
  for (const i of s.conditions)
    for (const [op, body] of Object.entries(CONDITIONS[i] ?? {}))
      condition[op] = { ...condition[op], ...(body as object) }
  return {
    Effect: s.Effect,
    Action: s.Action,
    Resource: s.Resource,
    ...(s.conditions.length > 0 ? { Condition: condition } : {})
  }
}

describe('every generated request is one AWS could send (issue 11)', () => {
  it('carries the always-present keys, consistent with its principal, resource and time', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        fc.array(statement, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...PRINCIPALS),
        (base, head, principal) => {
          const b = setOf(doc(...base.map(toStatement)))
          const h = setOf(doc(...head.map(toStatement)))
          const matrix = matrixOf(b, h, { principal })
          const wrong = matrix.requests
            .map((r) => [inconsistency(r), r] as const)
            .filter(([why]) => why !== '')
          expect(wrong.slice(0, 1)).toEqual([])
          // the precision check: each reported change is what the engine decides on that request
          for (const c of changes(b, h, matrix)) expect(inconsistency(c.request)).toBe('')
        }
      ),
      { numRuns: Number(process.env.RUNS ?? 40), seed: Number(process.env.SEED ?? 20261206) }
    )
  })
})
