// Shorthands for the corpus source tables. They only build documents and requests; every
// expected result in the tables is written by hand from IAM-SEMANTICS.md.

export const A = '111122223333'
export const B = '444455556666'
export const C = '777788889999'

export const ALICE = `arn:aws:iam::${A}:user/alice`
export const BOB = `arn:aws:iam::${A}:user/bob`
export const CAROL = `arn:aws:iam::${B}:user/carol`
export const ROOT_A = `arn:aws:iam::${A}:root`
export const ROOT_B = `arn:aws:iam::${B}:root`
export const ROLE = `arn:aws:iam::${A}:role/DevRole`
export const SESSION = `arn:aws:sts::${A}:assumed-role/DevRole/alice-session`
export const OTHER_SESSION = `arn:aws:sts::${A}:assumed-role/DevRole/bob-session`
export const ROLE_B = `arn:aws:iam::${B}:role/PartnerRole`
export const SESSION_B = `arn:aws:sts::${B}:assumed-role/PartnerRole/carol-session`
export const FED = `arn:aws:sts::${A}:federated-user/fed-alice`

export const OBJ = 'arn:aws:s3:::data-bucket/k'
export const BUCKET = 'arn:aws:s3:::data-bucket'
export const QUEUE = `arn:aws:sqs:us-east-1:${A}:orders`
export const TARGET_ROLE = `arn:aws:iam::${A}:role/TargetRole`
export const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
export const KEY_B = `arn:aws:kms:us-east-1:${B}:key/5678efgh-12ab-34cd-56ef-1234567890ab`
export const INSTANCE = `arn:aws:ec2:us-east-1:${A}:instance/i-0123456789abcdef0`

/** A 2012-10-17 policy document. */
export const doc = (...Statement) => ({ Version: '2012-10-17', Statement })
/** A document with an explicit Version (or none when version is undefined). */
export const docV = (version, ...Statement) =>
  version === undefined ? { Statement } : { Version: version, Statement }

const withExtras = (statement, Condition, Sid) => ({
  ...(Sid === undefined ? {} : { Sid }),
  ...statement,
  ...(Condition === undefined ? {} : { Condition })
})

/** Identity-style statement: Effect, Action, Resource (+ Condition, Sid). */
export const allow = (Action, Resource = '*', Condition, Sid) =>
  withExtras({ Effect: 'Allow', Action, Resource }, Condition, Sid)
export const deny = (Action, Resource = '*', Condition, Sid) =>
  withExtras({ Effect: 'Deny', Action, Resource }, Condition, Sid)
export const allowNot = (NotAction, Resource = '*', Condition, Sid) =>
  withExtras({ Effect: 'Allow', NotAction, Resource }, Condition, Sid)
export const denyNot = (NotAction, Resource = '*', Condition, Sid) =>
  withExtras({ Effect: 'Deny', NotAction, Resource }, Condition, Sid)

/** Resource-policy statement with a Principal (Resource omitted when undefined). */
export const rstmt = (Effect, Principal, Action, Resource, Condition, Sid) =>
  withExtras(
    { Effect, Principal, Action, ...(Resource === undefined ? {} : { Resource }) },
    Condition,
    Sid
  )
export const rallow = (Principal, Action, Resource, Condition, Sid) =>
  rstmt('Allow', Principal, Action, Resource, Condition, Sid)
export const rdeny = (Principal, Action, Resource, Condition, Sid) =>
  rstmt('Deny', Principal, Action, Resource, Condition, Sid)
export const aws = (...arns) => ({ AWS: arns.length === 1 ? arns[0] : arns })

/** FullAWSAccess / RCPFullAWSAccess as attached by AWS Organizations. */
export const FULL_ACCESS = doc(allow('*'))
export const RCP_FULL_ACCESS = doc(rallow('*', '*', '*'))

export const req = (principal, action, resource, context = {}, extra = {}) => ({
  principal,
  action,
  resource,
  context,
  ...extra
})

/** One case. `policies` keys are passed through; `expect` is written by hand in each table. */
export const kase = (id, note, policies, request, expect, extra = {}) => ({
  id,
  note,
  policies,
  ...(Array.isArray(request) ? { requests: request } : { request }),
  expect,
  ...extra
})

/** A case with several requests, each row `[request, expected effect]` written side by side. */
export const multi = (id, note, policies, rows, extra = {}) =>
  kase(
    id,
    note,
    policies,
    rows.map(([request]) => request),
    rows.map(([, expected]) => expected),
    extra
  )

/**
 * A condition probe: alice calls s3:GetObject on data-bucket/k with `context`.
 * mode 'allow': the only grant is an Allow carrying the condition (true → Allow, false → ImplicitDeny).
 * mode 'deny': Allow s3:* plus a Deny carrying the condition (true → ExplicitDeny, false → Allow).
 */
export const condCase = (id, note, mode, condition, context, expect) => {
  const statements =
    mode === 'allow'
      ? [allow('s3:GetObject', '*', condition)]
      : [allow('s3:*'), deny('s3:GetObject', '*', condition)]
  return kase(
    id,
    note,
    { identity: [doc(...statements)] },
    req(ALICE, 's3:GetObject', OBJ, context),
    expect
  )
}
