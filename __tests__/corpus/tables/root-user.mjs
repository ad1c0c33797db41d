// IAM-SEMANTICS §5.2 (root user of the resource account: Allow unless stopped at steps 1–3),
// §5.3 (root caller cross-account), §5.1 (SCPs/RCPs/RBP denies still apply).
import {
  A,
  B,
  FULL_ACCESS,
  INSTANCE,
  OBJ,
  RCP_FULL_ACCESS,
  ROOT_A,
  ROOT_B,
  allow,
  aws,
  deny,
  doc,
  kase,
  rallow,
  rdeny,
  req
} from './helpers.mjs'

const BKT = 'arn:aws:s3:::data-bucket/*'
const get = (principal = ROOT_A, resourceAccount = A, context = {}) =>
  req(principal, 's3:GetObject', OBJ, context, { resourceAccount })

// prettier-ignore
const root = [
  kase('root-no-policies', '§5.2: root user of the resource account, no policies at all → Allow', {}, get(), 'Allow'),
  kase('root-any-action', '§5.2: root user, any action on own resources', {}, req(ROOT_A, 'ec2:TerminateInstances', INSTANCE), 'Allow'),
  kase('root-iam-action', '§5.2: root user, IAM action with resource "*"', {}, req(ROOT_A, 'iam:CreateUser', '*'), 'Allow'),
  kase('root-rbp-deny', '§5.1: a bucket-policy Deny still stops the root user', { resource: doc(rdeny('*', 's3:*', BKT)) }, get(), 'ExplicitDeny'),
  kase('root-rbp-deny-condition-false', '§5.1: a bucket-policy Deny with a false condition does not stop the root user', { resource: doc(rdeny('*', 's3:*', BKT, { Bool: { 'aws:SecureTransport': 'false' } })) }, get(ROOT_A, A, { 'aws:SecureTransport': 'true' }), 'Allow'),
  kase('root-rbp-other-principal', '§5.2: a bucket policy granting someone else does not limit the root user', { resource: doc(rallow(aws(`arn:aws:iam::${A}:user/bob`), 's3:GetObject', BKT)) }, get(), 'Allow'),
  kase('root-scp-deny', '§5.1: SCP Deny applies to a member account root user', { scp: [[FULL_ACCESS, doc(deny('s3:GetObject'))]] }, get(), 'ExplicitDeny'),
  kase('root-scp-no-allow', '§5.1: SCP level without an Allow for the action', { scp: [doc(allow('ec2:*'))] }, get(), 'ImplicitDeny'),
  kase('root-rcp-no-allow', '§5.1: RCP level without an Allow', { rcp: [doc(rallow('*', 'sqs:*', '*'))] }, get(), 'ImplicitDeny'),
  kase('root-rcp-full', '§5.1: RCPFullAWSAccess lets the root user through', { rcp: [RCP_FULL_ACCESS] }, get(), 'Allow'),
  kase('root-cross-account-granted', '§5.3: root of B; bucket in A grants account B', { resource: doc(rallow(aws(B), 's3:GetObject', BKT)) }, get(ROOT_B), 'Allow'),
  kase('root-cross-account-root-arn-granted', '§5.3: root of B; bucket in A grants arn:aws:iam::B:root', { resource: doc(rallow(aws(ROOT_B), 's3:GetObject', BKT)) }, get(ROOT_B), 'Allow'),
  kase('root-cross-account-no-rbp', '§5.3: root of B is not the root of the resource account: no bypass', {}, get(ROOT_B), 'ImplicitDeny'),
  kase('root-cross-account-scp', '§5.3: root of B with an SCP that blocks s3', { scp: [doc(allow('ec2:*'))], resource: doc(rallow(aws(B), 's3:GetObject', BKT)) }, get(ROOT_B), 'ImplicitDeny'),
  kase('root-other-account-resource-arn', '§5.2, §6: root of A calling a queue in B is not the resource account root', {}, req(ROOT_A, 'sqs:SendMessage', `arn:aws:sqs:us-east-1:${B}:orders`), 'ImplicitDeny')
]

export const groups = { root }
