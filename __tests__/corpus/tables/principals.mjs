// IAM-SEMANTICS §3.3: Principal / NotPrincipal matching in resource-based policies, observed
// through the same-account decision table of §5.2 (direct → Allow alone, role → Allow without
// boundary/session, account → identity policy needed).
import {
  A,
  ALICE,
  BOB,
  CAROL,
  FED,
  OBJ,
  OTHER_SESSION,
  ROLE,
  ROOT_A,
  SESSION,
  allow,
  aws,
  doc,
  kase,
  rallow,
  req
} from './helpers.mjs'

const BKT = 'arn:aws:s3:::data-bucket/*'
const rbp = (principal) => ({ resource: doc(rallow(principal, 's3:GetObject', BKT)) })
const get = (principal) => req(principal, 's3:GetObject', OBJ, {}, { resourceAccount: A })
const withIdentity = (policies) => ({ ...policies, identity: [doc(allow('s3:GetObject'))] })

// prettier-ignore
const principal = [
  kase('pr-star', '§3.3: "*" matches everyone, direct grant (§5.2)', rbp('*'), get(ALICE), 'Allow'),
  kase('pr-aws-star', '§3.3: {"AWS":"*"} ≡ "*"', rbp(aws('*')), get(ALICE), 'Allow'),
  kase('pr-user-exact', '§3.3: IAM user ARN matches that user, direct', rbp(aws(ALICE)), get(ALICE), 'Allow'),
  kase('pr-user-other', '§3.3: IAM user ARN does not match another user; no identity policy', rbp(aws(BOB)), get(ALICE), 'ImplicitDeny'),
  kase('pr-user-case', '§3.3: user names match exactly and case-sensitively (user/Alice)', rbp(aws(`arn:aws:iam::${A}:user/Alice`)), get(ALICE), 'ImplicitDeny'),
  kase('pr-account-id-no-identity', '§3.3, §5.2 [UNCERTAIN]: account grant in the same account needs an identity policy', rbp(aws(A)), get(ALICE), 'ImplicitDeny'),
  kase('pr-account-id-with-identity', '§3.3, §5.2: account grant plus identity policy', withIdentity(rbp(aws(A))), get(ALICE), 'Allow'),
  kase('pr-account-root-no-identity', '§3.3: arn:aws:iam::A:root means the account, not only the root user (account level)', rbp(aws(ROOT_A)), get(ALICE), 'ImplicitDeny'),
  kase('pr-account-root-with-identity', '§3.3, §5.2: root-ARN account grant plus identity policy', withIdentity(rbp(aws(ROOT_A))), get(ALICE), 'Allow'),
  kase('pr-account-root-matches-root-user', '§3.3: root ARN entry matches the root user directly', rbp(aws(ROOT_A)), get(ROOT_A), 'Allow'),
  kase('pr-role-arn-session', '§3.3: role ARN matches any session of the role (role level, no boundary/session)', rbp(aws(ROLE)), get(SESSION), 'Allow'),
  kase('pr-role-arn-other-role', '§3.3: role ARN of another role does not match', rbp(aws(`arn:aws:iam::${A}:role/OtherRole`)), get(SESSION), 'ImplicitDeny'),
  kase('pr-role-arn-request-is-role', '§3.3: a plain role ARN as request principal is a session of that role', rbp(aws(ROLE)), get(ROLE), 'Allow'),
  kase('pr-session-arn-exact', '§3.3: assumed-role session ARN matches that exact session, direct', rbp(aws(SESSION)), get(SESSION), 'Allow'),
  kase('pr-session-arn-other', '§3.3: another session name of the same role does not match', rbp(aws(OTHER_SESSION)), get(SESSION), 'ImplicitDeny'),
  kase('pr-federated-exact', '§3.3, §5.2: federated-user ARN matches that session directly (session gate not applied)', rbp(aws(FED)), get(FED), 'Allow'),
  kase('pr-user-arn-vs-session', '§3.3: a user ARN entry does not match a role session', rbp(aws(ALICE)), get(SESSION), 'ImplicitDeny'),
  kase('pr-role-arn-vs-user', '§3.3: a role ARN entry does not match an IAM user', rbp(aws(ROLE)), get(ALICE), 'ImplicitDeny'),
  kase('pr-multiple-entries-or', '§3.3: multiple entries are ORed', rbp(aws(BOB, ALICE)), get(ALICE), 'Allow'),
  kase('pr-mixed-types-no-match', '§3.3: AWS + Service entries, none naming the caller', rbp({ AWS: BOB, Service: 'ec2.amazonaws.com' }), get(ALICE), 'ImplicitDeny'),
  kase('pr-other-account-user', '§3.3: a user of another account does not match', rbp(aws(CAROL)), get(ALICE), 'ImplicitDeny'),
  kase('pr-canonical-user-no-match', '§3.3: a CanonicalUser entry does not match an IAM user', rbp({ CanonicalUser: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }), get(ALICE), 'ImplicitDeny'),
  kase('pr-identity-fallback', '§5.2: RBP does not name the caller; identity policy still grants', withIdentity(rbp(aws(BOB))), get(ALICE), 'Allow'),
  kase('pr-role-arn-with-identity-not-needed', '§5.2: role-level grant does not need the identity policy (identity allows other things only)', { ...rbp(aws(ROLE)), identity: [doc(allow('ec2:*'))] }, get(SESSION), 'Allow')
]

// RBP: Allow "*" s3:GetObject plus Deny NotPrincipal for s3:*.
const np = (notPrincipal, extra = {}) => ({
  resource: doc(rallow('*', 's3:GetObject', BKT), {
    Effect: 'Deny',
    NotPrincipal: notPrincipal,
    Action: 's3:*',
    Resource: BKT
  }),
  ...extra
})

// prettier-ignore
const notPrincipal = [
  kase('np-user-and-root-listed', '§3.3: chain {root, user} fully listed: the Deny does not apply', np(aws(ALICE, ROOT_A)), get(ALICE), 'Allow'),
  kase('np-user-and-bare-account', '§3.3: a bare account ID counts as the root ARN', np(aws(ALICE, A)), get(ALICE), 'Allow'),
  kase('np-user-only', '§3.3: listing the user without its account denies (root chain element not listed)', np(aws(ALICE)), get(ALICE), 'ExplicitDeny'),
  kase('np-account-only', '§3.3: listing the account does not exempt its users', np(aws(ROOT_A)), get(ALICE), 'ExplicitDeny'),
  kase('np-other-user-denied', '§3.3: users not listed are denied', np(aws(ALICE, ROOT_A)), get(BOB), 'ExplicitDeny'),
  kase('np-role-session-full-chain', '§3.3: role session chain {root, role, session} fully listed', np(aws(ROOT_A, ROLE, SESSION)), get(SESSION), 'Allow'),
  kase('np-role-without-session-arn', '§3.3: role listed but not the session ARN: the Deny applies', np(aws(ROOT_A, ROLE)), get(SESSION), 'ExplicitDeny'),
  kase('np-session-without-role', '§3.3: session and root listed, role ARN missing: the Deny applies', np(aws(ROOT_A, SESSION)), get(SESSION), 'ExplicitDeny'),
  kase('np-root-listed', '§3.3: root chain is {root}: listed, no Deny', np(aws(ROOT_A)), get(ROOT_A), 'Allow'),
  kase('np-root-not-listed', '§3.3: root chain {root} not listed: the Deny applies', np(aws(ALICE)), get(ROOT_A), 'ExplicitDeny'),
  kase('np-boundary-always-denies', '§3.3: a NotPrincipal Deny always applies to a principal with a permissions boundary', np(aws(ALICE, ROOT_A), { boundary: [doc(allow('s3:*'))] }), get(ALICE), 'ExplicitDeny'),
  kase('np-cross-account-denied', '§3.3, §5.3: other-account caller is not listed: denied', np(aws(ALICE, ROOT_A), { identity: [doc(allow('s3:GetObject'))] }), get(CAROL), 'ExplicitDeny'),
  kase('np-action-mismatch', '§1: the NotPrincipal Deny covers only s3:DeleteObject; GetObject is granted', { resource: doc(rallow('*', 's3:GetObject', BKT), { Effect: 'Deny', NotPrincipal: aws(ROOT_A), Action: 's3:DeleteObject', Resource: BKT }) }, get(ALICE), 'Allow')
]

export const groups = { principal, 'not-principal': notPrincipal }
