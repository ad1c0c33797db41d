// IAM-SEMANTICS §5.2 (boundary gate and the RBP bypasses), §5.3, §6 (boundary documents are one
// boundary; empty = none).
import {
  A,
  ALICE,
  B,
  CAROL,
  OBJ,
  ROLE,
  SESSION,
  allow,
  allowNot,
  aws,
  deny,
  doc,
  kase,
  rallow,
  req
} from './helpers.mjs'

const BKT = 'arn:aws:s3:::data-bucket/*'
const get = (principal = ALICE, resourceAccount = A, context = {}) =>
  req(principal, 's3:GetObject', OBJ, context, { resourceAccount })
const ID_S3 = [doc(allow('s3:*'))]
const rbp = (principal) => doc(rallow(principal, 's3:GetObject', BKT))

// prettier-ignore
const gate = [
  kase('bnd-both-allow', '§5.2: identity and boundary both allow', { identity: ID_S3, boundary: [doc(allow('s3:GetObject'))] }, get(), 'Allow'),
  kase('bnd-boundary-missing-action', '§5.2: the boundary does not allow the action', { identity: ID_S3, boundary: [doc(allow('ec2:*'))] }, get(), 'ImplicitDeny'),
  kase('bnd-identity-missing', '§5.2: the boundary never grants by itself', { identity: [doc(allow('ec2:*'))], boundary: [doc(allow('s3:*'))] }, get(), 'ImplicitDeny'),
  kase('bnd-no-identity', '§5.2: boundary alone, no identity policy', { boundary: [doc(allow('*'))] }, get(), 'ImplicitDeny'),
  kase('bnd-split-documents', '§6: boundary documents form one boundary (second document allows)', { identity: ID_S3, boundary: [doc(allow('ec2:*')), doc(allow('s3:GetObject'))] }, get(), 'Allow'),
  kase('bnd-empty-list', '§6: an empty boundary list means no boundary', { identity: ID_S3, boundary: [] }, get(), 'Allow'),
  kase('bnd-resource-scope', '§5.2: boundary allows another bucket only', { identity: ID_S3, boundary: [doc(allow('s3:*', 'arn:aws:s3:::other-bucket/*'))] }, get(), 'ImplicitDeny'),
  kase('bnd-not-action', '§3.1, §5.2: boundary Allow NotAction iam:* covers s3', { identity: ID_S3, boundary: [doc(allowNot('iam:*'))] }, get(), 'Allow'),
  kase('bnd-not-action-excluded', '§3.1, §5.2: boundary Allow NotAction iam:* does not cover iam', { identity: [doc(allow('*'))], boundary: [doc(allowNot('iam:*'))] }, req(ALICE, 'iam:CreateUser', '*'), 'ImplicitDeny'),
  kase('bnd-condition', '§5.2: boundary Allow with a condition that holds', { identity: ID_S3, boundary: [doc(allow('s3:*', '*', { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }))] }, get(ALICE, A, { 'aws:RequestedRegion': 'us-east-1' }), 'Allow'),
  kase('bnd-condition-false', '§5.2: boundary Allow with a condition that does not hold', { identity: ID_S3, boundary: [doc(allow('s3:*', '*', { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }))] }, get(ALICE, A, { 'aws:RequestedRegion': 'eu-west-1' }), 'ImplicitDeny'),
  kase('bnd-deny', '§5.1: a boundary Deny is an explicit deny', { identity: ID_S3, boundary: [doc(allow('*'), deny('s3:GetObject'))] }, get(), 'ExplicitDeny'),
  kase('bnd-role-session', '§5.2: boundary on a role session', { identity: ID_S3, boundary: [doc(allow('ec2:*'))] }, get(SESSION), 'ImplicitDeny')
]

// prettier-ignore
const bypass = [
  kase('bnd-rbp-user-direct-bypass', '§5.2: a direct RBP grant (user ARN) is not limited by the boundary', { boundary: [doc(allow('ec2:*'))], resource: rbp(aws(ALICE)) }, get(), 'Allow'),
  kase('bnd-rbp-star-direct-bypass', '§5.2: Principal "*" is a direct grant, not limited by the boundary', { boundary: [doc(allow('ec2:*'))], resource: rbp('*') }, get(), 'Allow'),
  kase('bnd-rbp-session-direct-bypass', '§5.2: a session-ARN grant is direct, not limited by the boundary', { boundary: [doc(allow('ec2:*'))], resource: rbp(aws(SESSION)) }, get(SESSION), 'Allow'),
  kase('bnd-rbp-role-level-limited', '§5.2: a role-ARN grant is limited by the boundary', { boundary: [doc(allow('ec2:*'))], resource: rbp(aws(ROLE)) }, get(SESSION), 'ImplicitDeny'),
  kase('bnd-rbp-role-level-boundary-allows', '§5.2: role-ARN grant + boundary allows; identity not needed', { boundary: [doc(allow('s3:*'))], resource: rbp(aws(ROLE)) }, get(SESSION), 'Allow'),
  kase('bnd-rbp-account-level-limited', '§5.2: an account grant follows the identity path: boundary must allow', { identity: ID_S3, boundary: [doc(allow('ec2:*'))], resource: rbp(aws(A)) }, get(), 'ImplicitDeny'),
  kase('bnd-rbp-account-level-all-allow', '§5.2: account grant + identity + boundary', { identity: ID_S3, boundary: [doc(allow('s3:GetObject'))], resource: rbp(aws(A)) }, get(), 'Allow'),
  kase('bnd-rbp-direct-boundary-deny', '§5.1: the direct-grant bypass does not survive an explicit boundary Deny', { boundary: [doc(allow('*'), deny('s3:*'))], resource: rbp(aws(ALICE)) }, get(), 'ExplicitDeny'),
  kase('bnd-cross-account-no-bypass', '§5.3: cross-account, the boundary must allow even with a direct RBP grant', { identity: ID_S3, boundary: [doc(allow('ec2:*'))], resource: rbp(aws(CAROL)) }, get(CAROL, A), 'ImplicitDeny'),
  kase('bnd-cross-account-all-allow', '§5.3: cross-account with identity, boundary and RBP allowing', { identity: ID_S3, boundary: [doc(allow('s3:*'))], resource: rbp(aws(B)) }, get(CAROL, A), 'Allow')
]

export const groups = { gate, bypass }
