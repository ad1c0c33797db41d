// IAM-SEMANTICS §5.2 S-gate (session policies for role and federated sessions), §5.3.
import {
  A,
  ALICE,
  B,
  FED,
  OBJ,
  ROLE,
  ROLE_B,
  SESSION,
  SESSION_B,
  allow,
  aws,
  deny,
  doc,
  kase,
  rallow,
  req
} from './helpers.mjs'

const BKT = 'arn:aws:s3:::data-bucket/*'
const get = (principal, resourceAccount = A) =>
  req(principal, 's3:GetObject', OBJ, {}, { resourceAccount })
const ID_S3 = [doc(allow('s3:*'))]
const rbp = (principal) => doc(rallow(principal, 's3:GetObject', BKT))

// prettier-ignore
const sessionGate = [
  kase('ses-role-policy-allows', '§5.2: role session, identity and session policy allow', { identity: ID_S3, session: doc(allow('s3:GetObject')) }, get(SESSION), 'Allow'),
  kase('ses-role-policy-not-allow', '§5.2: role session, the session policy does not allow', { identity: ID_S3, session: doc(allow('ec2:*')) }, get(SESSION), 'ImplicitDeny'),
  kase('ses-role-no-policy', '§5.2: role session without a session policy: the gate passes', { identity: ID_S3 }, get(SESSION), 'Allow'),
  kase('ses-policy-never-grants', '§5.2: the session policy alone never grants', { session: doc(allow('*')) }, get(SESSION), 'ImplicitDeny'),
  kase('ses-policy-resource-scope', '§5.2: the session policy allows another bucket only', { identity: ID_S3, session: doc(allow('s3:*', 'arn:aws:s3:::other-bucket/*')) }, get(SESSION), 'ImplicitDeny'),
  kase('ses-federated-no-policy', '§5.2: federated-user session without a session policy fails the gate', { identity: ID_S3 }, get(FED), 'ImplicitDeny'),
  kase('ses-federated-policy-allows', '§5.2: federated-user session with a session policy that allows', { identity: ID_S3, session: doc(allow('s3:*')) }, get(FED), 'Allow'),
  kase('ses-federated-policy-not-allow', '§5.2: federated-user session policy does not allow', { identity: ID_S3, session: doc(allow('sqs:*')) }, get(FED), 'ImplicitDeny'),
  kase('ses-user-gate-passes', '§5.2: for a non-session principal the S-gate passes', { identity: ID_S3, session: doc(allow('ec2:*')) }, get(ALICE), 'Allow'),
  kase('ses-deny', '§5.1: a session policy Deny is an explicit deny', { identity: ID_S3, session: doc(allow('*'), deny('s3:GetObject')) }, get(SESSION), 'ExplicitDeny'),
  kase('ses-role-arn-request', '§3.3, §5.2: plain role ARN as request principal = a role session (gate applies)', { identity: ID_S3, session: doc(allow('ec2:*')) }, get(ROLE), 'ImplicitDeny'),
  kase('ses-with-boundary', '§5.2: boundary and session policy both needed', { identity: ID_S3, boundary: [doc(allow('s3:*'))], session: doc(allow('ec2:*')) }, get(SESSION), 'ImplicitDeny'),
  kase('ses-with-boundary-all-allow', '§5.2: identity, boundary and session policy all allow', { identity: ID_S3, boundary: [doc(allow('s3:*'))], session: doc(allow('s3:GetObject')) }, get(SESSION), 'Allow')
]

// prettier-ignore
const withResourcePolicy = [
  kase('ses-rbp-session-direct', '§5.2: a direct grant to the session ARN is not limited by the session policy', { session: doc(allow('ec2:*')), resource: rbp(aws(SESSION)) }, get(SESSION), 'Allow'),
  kase('ses-rbp-federated-direct', '§5.2: a direct grant to the federated-user ARN bypasses the federated S-gate', { resource: rbp(aws(FED)) }, get(FED), 'Allow'),
  kase('ses-rbp-role-level-limited', '§5.2: a role-ARN grant requires the session policy to allow', { session: doc(allow('ec2:*')), resource: rbp(aws(ROLE)) }, get(SESSION), 'ImplicitDeny'),
  kase('ses-rbp-role-level-allowed', '§5.2: role-ARN grant + session policy allows; identity not needed', { session: doc(allow('s3:GetObject')), resource: rbp(aws(ROLE)) }, get(SESSION), 'Allow'),
  kase('ses-rbp-account-level', '§5.2: account grant: identity path, session policy must allow', { identity: ID_S3, session: doc(allow('ec2:*')), resource: rbp(aws(A)) }, get(SESSION), 'ImplicitDeny'),
  kase('ses-cross-account-gate', '§5.3: cross-account principal side applies the S-gate', { identity: ID_S3, session: doc(allow('ec2:*')), resource: rbp(aws(ROLE_B)) }, get(SESSION_B), 'ImplicitDeny'),
  kase('ses-cross-account-allowed', '§5.3: cross-account role session, all gates pass', { identity: ID_S3, session: doc(allow('s3:*')), resource: rbp(aws(ROLE_B)) }, get(SESSION_B), 'Allow'),
  kase('ses-cross-account-direct-no-bypass', '§5.3: cross-account, a direct session grant does not bypass the session policy', { identity: ID_S3, session: doc(allow('ec2:*')), resource: rbp(aws(SESSION_B)) }, get(SESSION_B), 'ImplicitDeny'),
  kase('ses-cross-account-account-grant', '§5.3: cross-account account grant (bare ID) with identity, no session policy', { identity: ID_S3, resource: rbp(aws(B)) }, get(SESSION_B), 'Allow')
]

export const groups = { gate: sessionGate, 'with-resource-policy': withResourcePolicy }
