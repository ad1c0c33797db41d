// IAM-SEMANTICS §1 (outcomes, applicability, order never matters) and §5.1 step 1 (an explicit
// deny anywhere wins). Cases with Sids also check the determining statements.
import {
  A,
  ALICE,
  CAROL,
  FULL_ACCESS,
  OBJ,
  RCP_FULL_ACCESS,
  SESSION,
  allow,
  aws,
  deny,
  doc,
  kase,
  rallow,
  rdeny,
  req
} from './helpers.mjs'

const get = (principal = ALICE, extra = {}) =>
  req(principal, 's3:GetObject', OBJ, {}, { resourceAccount: A, ...extra })
const sids = (...expectDeterminingSids) => ({ expectDeterminingSids })
const BKT = 'arn:aws:s3:::data-bucket/*'

// prettier-ignore
const basics = [
  kase('deny-same-policy', '§1: explicit deny in the same policy wins', { identity: [doc(allow('s3:*', '*', undefined, 'AllowAll'), deny('s3:GetObject', '*', undefined, 'DenyGet'))] }, get(), 'ExplicitDeny', sids('DenyGet')),
  kase('deny-first-order', '§1: statement order never matters (Deny first)', { identity: [doc(deny('s3:GetObject', '*', undefined, 'DenyGet'), allow('s3:*', '*', undefined, 'AllowAll'))] }, get(), 'ExplicitDeny', sids('DenyGet')),
  kase('deny-other-policy', '§1, §5.1: deny in one identity policy beats allow in another', { identity: [doc(allow('s3:*', '*', undefined, 'AllowAll')), doc(deny('s3:GetObject', '*', undefined, 'DenyGet'))] }, get(), 'ExplicitDeny', sids('DenyGet')),
  kase('deny-policy-order', '§1: policy order never matters', { identity: [doc(deny('s3:GetObject', '*', undefined, 'DenyGet')), doc(allow('s3:*', '*', undefined, 'AllowAll'))] }, get(), 'ExplicitDeny', sids('DenyGet')),
  kase('deny-two-applicable', '§1: every applicable Deny is determining', { identity: [doc(allow('s3:*'), deny('s3:Get*', '*', undefined, 'DenyGets'), deny('*', BKT, undefined, 'DenyBucket'))] }, get(), 'ExplicitDeny', sids('DenyBucket', 'DenyGets')),
  kase('deny-not-applicable-action', '§1: a Deny for another action does not apply', { identity: [doc(allow('s3:*', '*', undefined, 'AllowAll'), deny('s3:DeleteObject', '*', undefined, 'DenyDelete'))] }, get(), 'Allow', sids('AllowAll')),
  kase('deny-not-applicable-resource', '§1: a Deny for another resource does not apply', { identity: [doc(allow('s3:*'), deny('s3:*', 'arn:aws:s3:::other/*'))] }, get(), 'Allow'),
  kase('deny-condition-false', '§1: a Deny whose condition is false does not apply', { identity: [doc(allow('s3:*'), deny('s3:*', '*', { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }))] }, req(ALICE, 's3:GetObject', OBJ, { 'aws:RequestedRegion': 'us-east-1' }), 'Allow'),
  kase('deny-only-no-allow', '§1: no applicable Deny and no Allow → ImplicitDeny', { identity: [doc(deny('s3:DeleteObject'))] }, get(), 'ImplicitDeny'),
  kase('deny-no-policies', '§1: no policies at all → ImplicitDeny (default)', {}, get(), 'ImplicitDeny'),
  kase('deny-empty-identity', '§1, §6: an empty identity list → ImplicitDeny', { identity: [] }, get(), 'ImplicitDeny'),
  kase('deny-without-allow-still-explicit', '§1: an applicable Deny gives ExplicitDeny even with no Allow anywhere', { identity: [doc(deny('s3:*', '*', undefined, 'DenyS3'))] }, get(), 'ExplicitDeny', sids('DenyS3')),
  kase('deny-allow-single-statement-sid', '§1: Allow determined by the one granting statement', { identity: [doc(allow('s3:GetObject', BKT, undefined, 'ReadData'), allow('ec2:*', '*', undefined, 'Ec2'))] }, get(), 'Allow', sids('ReadData')),
  kase('deny-star-everything', '§1: Deny * * wins over Allow * *', { identity: [doc(allow('*'), deny('*'))] }, req(ALICE, 'iam:CreateUser', '*'), 'ExplicitDeny')
]

// prettier-ignore
const everywhere = [
  kase('deny-in-boundary', '§5.1: an applicable Deny in the boundary wins', { identity: [doc(allow('s3:*'))], boundary: [doc(allow('*'), deny('s3:GetObject', '*', undefined, 'BoundaryDeny'))] }, get(), 'ExplicitDeny', sids('BoundaryDeny')),
  kase('deny-in-session', '§5.1: an applicable Deny in the session policy wins', { identity: [doc(allow('s3:*'))], session: doc(allow('*'), deny('s3:GetObject', '*', undefined, 'SessionDeny')) }, get(SESSION), 'ExplicitDeny', sids('SessionDeny')),
  kase('deny-in-resource-policy', '§5.1: an applicable Deny in the resource policy wins over identity Allow', { identity: [doc(allow('s3:*'))], resource: doc(rdeny('*', 's3:GetObject', BKT, undefined, 'BucketDeny')) }, get(), 'ExplicitDeny', sids('BucketDeny')),
  kase('deny-in-resource-policy-over-rbp-allow', '§5.1: RBP Deny beats an RBP direct Allow', { resource: doc(rallow(aws(ALICE), 's3:GetObject', BKT), rdeny(aws(ALICE), 's3:GetObject', BKT)) }, get(), 'ExplicitDeny'),
  kase('deny-in-scp', '§5.1: an applicable Deny in an SCP wins', { identity: [doc(allow('s3:*'))], scp: [FULL_ACCESS, doc(deny('s3:GetObject', '*', undefined, 'ScpDeny'))] }, get(), 'ExplicitDeny', sids('ScpDeny')),
  kase('deny-in-rcp', '§5.1: an applicable Deny in an RCP wins', { identity: [doc(allow('s3:*'))], rcp: [[RCP_FULL_ACCESS, doc(rdeny('*', 's3:GetObject', '*', undefined, 'RcpDeny'))]] }, get(), 'ExplicitDeny', sids('RcpDeny')),
  kase('deny-cross-account-resource-side', "§5.3: a Deny in the resource account's RBP wins for a cross-account caller", { identity: [doc(allow('s3:*'))], resource: doc(rallow(aws(CAROL), 's3:*', BKT), rdeny(aws('444455556666'), 's3:GetObject', BKT)) }, get(CAROL), 'ExplicitDeny'),
  kase('deny-cross-account-principal-side', "§5.3: a Deny in the caller's identity policy wins cross-account", { identity: [doc(allow('s3:*'), deny('s3:GetObject', BKT))], resource: doc(rallow(aws(CAROL), 's3:*', BKT)) }, get(CAROL), 'ExplicitDeny'),
  kase('deny-beats-direct-rbp-grant', '§5.1, §5.2: an identity Deny beats a same-account direct RBP grant', { identity: [doc(deny('s3:GetObject'))], resource: doc(rallow(aws(ALICE), 's3:GetObject', BKT)) }, get(), 'ExplicitDeny')
]

// STS API reference, GetCallerIdentity: "No permissions are required to perform this operation.
// If an administrator attaches a policy to your identity that explicitly denies access to the
// sts:GetCallerIdentity action, you can still perform this operation." (needsNoPermission)
const gci = (principal = ALICE, extra = {}) =>
  req(principal, 'sts:GetCallerIdentity', '*', {}, { resourceAccount: A, ...extra })
const DENY_ALL = doc(deny('*', '*', undefined, 'DenyAll'))

// prettier-ignore
const noPermission = [
  kase('gci-explicit-deny', '§1 (STS API reference): sts:GetCallerIdentity succeeds despite an explicit Deny of it', { identity: [doc(allow('*'), deny('sts:GetCallerIdentity', '*', undefined, 'DenyGci'))] }, gci(), 'Allow', sids()),
  kase('gci-no-policies', '§1 (STS API reference): sts:GetCallerIdentity needs no Allow', {}, gci(), 'Allow', sids()),
  kase('gci-deny-everywhere', '§5.1 (STS API reference): neither a boundary, a session policy nor an SCP stops it', { identity: [DENY_ALL], boundary: [DENY_ALL], session: DENY_ALL, scp: [DENY_ALL] }, gci(SESSION), 'Allow', sids()),
  kase('gci-other-sts-action', '§1: other STS actions still follow the rules (GetSessionToken denied)', { identity: [doc(allow('*'), deny('sts:GetSessionToken', '*', undefined, 'DenySts'))] }, req(ALICE, 'sts:GetSessionToken', '*', {}, { resourceAccount: A }), 'ExplicitDeny', sids('DenySts'))
]

export const groups = { basics, everywhere, noPermission }
