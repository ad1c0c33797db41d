// IAM-SEMANTICS §5.2 (same-account paths), §6 (how the resource account is found), §2 (a
// resource-policy statement without Resource applies to the attached resource).
import {
  A,
  ALICE,
  B,
  BOB,
  OBJ,
  QUEUE,
  ROLE,
  ROOT_A,
  SESSION,
  allow,
  aws,
  doc,
  kase,
  rallow,
  rdeny,
  req
} from './helpers.mjs'

const BKT = 'arn:aws:s3:::data-bucket/*'
const ID_S3 = [doc(allow('s3:*'))]
const get = (principal = ALICE, extra = {}, context = {}) =>
  req(principal, 's3:GetObject', OBJ, context, extra)
const rbp = (principal, action = 's3:GetObject', resource = BKT, condition) =>
  doc(rallow(principal, action, resource, condition))
const sqs = (principal = ALICE) => req(principal, 'sqs:SendMessage', QUEUE)

// prettier-ignore
const paths = [
  kase('rbp-direct-user-no-identity', '§5.2: direct grant to the user, no identity policy', { resource: rbp(aws(ALICE)) }, get(ALICE, { resourceAccount: A }), 'Allow'),
  kase('rbp-direct-star-no-identity', '§5.2: Principal "*" is a direct grant', { resource: rbp('*') }, get(ALICE, { resourceAccount: A }), 'Allow'),
  kase('rbp-account-no-identity', '§5.2 [UNCERTAIN]: account grant in the same account delegates to the account: identity needed', { resource: rbp(aws(ROOT_A)) }, get(ALICE, { resourceAccount: A }), 'ImplicitDeny'),
  kase('rbp-account-with-identity', '§5.2: account grant + identity policy', { identity: ID_S3, resource: rbp(aws(A)) }, get(ALICE, { resourceAccount: A }), 'Allow'),
  kase('rbp-role-level', '§5.2: role grant for a session, no identity policy', { resource: rbp(aws(ROLE)) }, get(SESSION, { resourceAccount: A }), 'Allow'),
  kase('rbp-direct-and-account', '§5.2: account and direct grants for the same caller: the direct one needs no identity policy', { resource: doc(rallow(aws(A), 's3:GetObject', BKT), rallow(aws(ALICE), 's3:GetObject', BKT)) }, get(ALICE, { resourceAccount: A }), 'Allow'),
  kase('rbp-no-match-identity-allows', '§5.2: RBP does not name the caller, identity allows', { identity: ID_S3, resource: rbp(aws(BOB)) }, get(ALICE, { resourceAccount: A }), 'Allow'),
  kase('rbp-no-match-no-identity', '§5.2: RBP does not name the caller, no identity', { resource: rbp(aws(BOB)) }, get(ALICE, { resourceAccount: A }), 'ImplicitDeny'),
  kase('rbp-action-mismatch', '§1: RBP grants another action only', { resource: rbp(aws(ALICE), 's3:PutObject') }, get(ALICE, { resourceAccount: A }), 'ImplicitDeny'),
  kase('rbp-resource-mismatch', '§3.2: RBP statement names another bucket', { resource: rbp(aws(ALICE), 's3:GetObject', 'arn:aws:s3:::other/*') }, get(ALICE, { resourceAccount: A }), 'ImplicitDeny'),
  kase('rbp-resource-omitted', '§2: an RBP statement without Resource applies to the attached resource', { resource: doc(rallow(aws(ALICE), 'sqs:SendMessage', undefined)) }, sqs(), 'Allow'),
  kase('rbp-condition-true', '§4: RBP grant with a condition that holds', { resource: rbp(aws(ALICE), 's3:GetObject', BKT, { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }) }, get(ALICE, { resourceAccount: A }, { 'aws:SourceIp': '192.0.2.10' }), 'Allow'),
  kase('rbp-condition-false', '§4: RBP grant with a condition that fails', { resource: rbp(aws(ALICE), 's3:GetObject', BKT, { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }) }, get(ALICE, { resourceAccount: A }, { 'aws:SourceIp': '198.51.100.10' }), 'ImplicitDeny'),
  kase('rbp-deny-tls', '§5.1: bucket policy Deny for plain HTTP beats identity Allow', { identity: ID_S3, resource: doc(rdeny('*', 's3:*', [BKT, 'arn:aws:s3:::data-bucket'], { Bool: { 'aws:SecureTransport': 'false' } })) }, get(ALICE, { resourceAccount: A }, { 'aws:SecureTransport': 'false' }), 'ExplicitDeny'),
  kase('rbp-deny-only-identity-allows', '§5.2: a bucket policy with only a non-applicable Deny does not block the identity path', { identity: ID_S3, resource: doc(rdeny('*', 's3:*', BKT, { Bool: { 'aws:SecureTransport': 'false' } })) }, get(ALICE, { resourceAccount: A }, { 'aws:SecureTransport': 'true' }), 'Allow'),
  kase('rbp-sqs-arn-account', '§6: the resource account comes from the ARN (same account)', { resource: doc(rallow(aws(ALICE), 'sqs:SendMessage', QUEUE)) }, sqs(), 'Allow')
]

// prettier-ignore
const accounts = [
  kase('rbp-s3-no-account-defaults-same', "§6: S3 ARN without account, no resourceAccount/context: principal's account → same account", { resource: rbp(aws(ALICE)) }, get(ALICE), 'Allow'),
  kase('rbp-resource-account-field-other', '§6: resourceAccount makes it cross-account: a direct grant alone is not enough', { resource: rbp(aws(ALICE)) }, get(ALICE, { resourceAccount: B }), 'ImplicitDeny'),
  kase('rbp-context-resource-account', '§6: context aws:ResourceAccount is used when the ARN has no account', { resource: rbp(aws(ALICE)) }, get(ALICE, {}, { 'aws:ResourceAccount': B }), 'ImplicitDeny'),
  kase('rbp-context-resource-account-same', "§6: context aws:ResourceAccount equal to the caller's account", { resource: rbp(aws(ALICE)) }, get(ALICE, {}, { 'aws:ResourceAccount': A }), 'Allow'),
  kase('rbp-resource-account-overrides-arn', '§6: request.resourceAccount wins over the ARN account', { resource: doc(rallow(aws(ALICE), 'sqs:SendMessage', QUEUE)) }, req(ALICE, 'sqs:SendMessage', QUEUE, {}, { resourceAccount: B }), 'ImplicitDeny'),
  kase('rbp-arn-account-other', '§6: a queue ARN in another account → cross-account', { resource: doc(rallow(aws(ALICE), 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${B}:orders`)) }, req(ALICE, 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${B}:orders`), 'ImplicitDeny'),
  kase('rbp-arn-account-other-with-identity', '§5.3: same cross-account queue with an identity policy', { identity: [doc(allow('sqs:SendMessage'))], resource: doc(rallow(aws(ALICE), 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${B}:orders`)) }, req(ALICE, 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${B}:orders`), 'Allow')
]

export const groups = { paths, 'resource-account': accounts }
