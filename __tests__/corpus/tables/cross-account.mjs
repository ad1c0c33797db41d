// IAM-SEMANTICS §5.3: cross-account requests need both the principal side (identity, boundary,
// session gate) and the resource side (RBP Allow at any level); explicit deny on either side wins.
import {
  A,
  B,
  C,
  CAROL,
  OBJ,
  ROLE_B,
  ROOT_B,
  SESSION_B,
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
const ID = [doc(allow('s3:GetObject', BKT))]
const get = (principal = CAROL, context = {}) =>
  req(principal, 's3:GetObject', OBJ, context, { resourceAccount: A })
const rbp = (principal, condition) => doc(rallow(principal, 's3:GetObject', BKT, condition))
const QUEUE_A = `arn:aws:sqs:us-east-1:${A}:orders`

// prettier-ignore
const both = [
  kase('xa-account-root-grant', '§5.3: RBP grants the caller account (root ARN) + identity allows', { identity: ID, resource: rbp(aws(ROOT_B)) }, get(), 'Allow'),
  kase('xa-bare-account-grant', '§5.3: RBP grants the caller account (bare ID) + identity allows', { identity: ID, resource: rbp(aws(B)) }, get(), 'Allow'),
  kase('xa-user-grant', '§5.3: RBP grants the user directly + identity allows', { identity: ID, resource: rbp(aws(CAROL)) }, get(), 'Allow'),
  kase('xa-star-grant', '§5.3: RBP Principal "*" + identity allows', { identity: ID, resource: rbp('*') }, get(), 'Allow'),
  kase('xa-role-grant-session', '§5.3: RBP grants the role; caller is a session of it; identity allows', { identity: ID, resource: rbp(aws(ROLE_B)) }, get(SESSION_B), 'Allow'),
  kase('xa-session-grant', '§5.3: RBP grants the exact session ARN + identity allows', { identity: ID, resource: rbp(aws(SESSION_B)) }, get(SESSION_B), 'Allow'),
  kase('xa-direct-no-identity', '§5.3: the same-account direct bypass does not apply cross-account', { resource: rbp(aws(CAROL)) }, get(), 'ImplicitDeny'),
  kase('xa-star-no-identity', '§5.3: Principal "*" alone is not enough cross-account', { resource: rbp('*') }, get(), 'ImplicitDeny'),
  kase('xa-identity-no-rbp', '§5.3: identity allows, no resource policy', { identity: ID, resource: null }, get(), 'ImplicitDeny'),
  kase('xa-identity-rbp-other-account', '§5.3: identity allows, RBP grants a third account', { identity: ID, resource: rbp(aws(C)) }, get(), 'ImplicitDeny'),
  kase('xa-identity-rbp-own-account', '§5.3: RBP grants only its own account (A), caller is from B', { identity: ID, resource: rbp(aws(A)) }, get(), 'ImplicitDeny'),
  kase('xa-identity-wrong-action', '§5.3: identity allows another action only', { identity: [doc(allow('s3:PutObject', BKT))], resource: rbp(aws(B)) }, get(), 'ImplicitDeny'),
  kase('xa-rbp-condition-org', '§5.3: RBP grant to "*" conditioned on aws:PrincipalOrgID', { identity: ID, resource: rbp('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }) }, get(CAROL, { 'aws:PrincipalOrgID': 'o-abc123' }), 'Allow'),
  kase('xa-rbp-condition-org-other', '§5.3: RBP org condition fails for another org', { identity: ID, resource: rbp('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }) }, get(CAROL, { 'aws:PrincipalOrgID': 'o-zzz999' }), 'ImplicitDeny'),
  kase('xa-sqs-queue-arn', '§5.3, §6: resource account from the queue ARN, RBP grants the caller account', { identity: [doc(allow('sqs:SendMessage'))], resource: doc(rallow(aws(B), 'sqs:SendMessage', QUEUE_A)) }, req(CAROL, 'sqs:SendMessage', QUEUE_A), 'Allow'),
  kase('xa-root-caller-account-grant', '§5.3: a root-user caller passes the principal side; RBP grants its account', { resource: rbp(aws(B)) }, get(ROOT_B), 'Allow'),
  kase('xa-root-caller-user-grant', "§3.3, §5.3: RBP naming only a user does not match the caller account's root user", { resource: rbp(aws(CAROL)) }, get(ROOT_B), 'ImplicitDeny'),
  kase('xa-root-caller-no-rbp', '§5.3: root-user caller, no resource policy', { resource: null }, get(ROOT_B), 'ImplicitDeny')
]

// prettier-ignore
const denies = [
  kase('xa-deny-rbp-account', '§5.3: RBP Deny on the caller account wins', { identity: ID, resource: doc(rallow(aws(B), 's3:*', BKT), rdeny(aws(B), 's3:GetObject', BKT)) }, get(), 'ExplicitDeny'),
  kase('xa-deny-rbp-star-condition', '§5.3: RBP Deny for principals outside the org', { identity: ID, resource: doc(rallow(aws(B), 's3:*', BKT), rdeny('*', 's3:*', BKT, { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })) }, get(CAROL, { 'aws:PrincipalOrgID': 'o-zzz999' }), 'ExplicitDeny'),
  kase('xa-deny-identity', '§5.3: identity Deny on the caller side wins', { identity: [doc(allow('s3:*'), deny('s3:GetObject', 'arn:aws:s3:::data-bucket/*'))], resource: rbp(aws(B)) }, get(), 'ExplicitDeny'),
  kase('xa-deny-boundary', '§5.3: boundary Deny on the caller side wins', { identity: ID, boundary: [doc(allow('*'), deny('s3:GetObject'))], resource: rbp(aws(B)) }, get(), 'ExplicitDeny'),
  kase('xa-deny-no-rbp-allow-still-explicit', '§5.3: an RBP Deny gives ExplicitDeny even when nothing allows', { resource: doc(rdeny('*', 's3:*', BKT)) }, get(), 'ExplicitDeny')
]

export const groups = { 'both-sides': both, denies }
