// IAM-SEMANTICS §5.2 "Mandatory resource policies": role trust policies (sts:AssumeRole*) and
// KMS key policies must themselves allow; account-level grants need the identity path too.
import {
  A,
  ALICE,
  B,
  BOB,
  CAROL,
  KEY,
  KEY_B,
  ROLE,
  ROOT_A,
  ROOT_B,
  SESSION,
  TARGET_ROLE,
  allow,
  aws,
  doc,
  kase,
  rallow,
  rdeny,
  req
} from './helpers.mjs'

const trust = (principal, condition, Sid) =>
  doc(rallow(principal, 'sts:AssumeRole', undefined, condition, Sid))
const assume = (principal = ALICE, context = {}) =>
  req(principal, 'sts:AssumeRole', TARGET_ROLE, context)
const ID_ASSUME = [doc(allow('sts:AssumeRole', TARGET_ROLE))]

// prettier-ignore
const trustPolicies = [
  kase('trust-user-direct', '§5.2: trust policy names the user: Allow without identity policy', { resource: trust(aws(ALICE)) }, assume(), 'Allow'),
  kase('trust-account-with-identity', '§5.2: trust names the account root: identity must allow too (it does)', { identity: ID_ASSUME, resource: trust(aws(ROOT_A)) }, assume(), 'Allow'),
  kase('trust-account-no-identity', '§5.2: trust names the account root, no identity policy', { resource: trust(aws(ROOT_A)) }, assume(), 'ImplicitDeny'),
  kase('trust-not-named', '§5.2: trust does not name the caller: ImplicitDeny even though identity allows', { identity: ID_ASSUME, resource: trust(aws(BOB)) }, assume(), 'ImplicitDeny'),
  kase('trust-missing', '§5.2: no trust policy given: the mandatory resource policy has no Allow', { identity: ID_ASSUME, resource: null }, assume(), 'ImplicitDeny'),
  kase('trust-role-level', '§5.2: trust names a role; a session of it assumes (role level, no boundary/session)', { resource: trust(aws(ROLE)) }, assume(SESSION), 'Allow'),
  kase('trust-role-level-boundary-blocks', "§5.2: role-level trust grant limited by the caller's boundary", { resource: trust(aws(ROLE)), boundary: [doc(allow('s3:*'))] }, assume(SESSION), 'ImplicitDeny'),
  kase('trust-role-level-session-policy-blocks', '§5.2: role-level trust grant limited by the session policy', { resource: trust(aws(ROLE)), session: doc(allow('s3:*')) }, assume(SESSION), 'ImplicitDeny'),
  kase('trust-cross-account', "§5.3: trust in A names account B; carol's identity allows", { identity: ID_ASSUME, resource: trust(aws(ROOT_B)) }, assume(CAROL), 'Allow'),
  kase('trust-cross-account-no-identity', '§5.3: trust names account B but carol has no identity policy', { resource: trust(aws(ROOT_B)) }, assume(CAROL), 'ImplicitDeny'),
  kase('trust-cross-account-user-no-identity', "§5.3: trust names carol directly, still needs carol's identity policy", { resource: trust(aws(CAROL)) }, assume(CAROL), 'ImplicitDeny'),
  kase('trust-external-id', '§5.3: trust with sts:ExternalId condition, right id', { identity: ID_ASSUME, resource: trust(aws(B), { StringEquals: { 'sts:ExternalId': 'Unique-7f3a' } }) }, assume(CAROL, { 'sts:ExternalId': 'Unique-7f3a' }), 'Allow'),
  kase('trust-external-id-wrong', '§5.3: trust with sts:ExternalId condition, wrong id', { identity: ID_ASSUME, resource: trust(aws(B), { StringEquals: { 'sts:ExternalId': 'Unique-7f3a' } }) }, assume(CAROL, { 'sts:ExternalId': 'guess' }), 'ImplicitDeny'),
  kase('trust-external-id-missing', '§4.3: sts:ExternalId absent: StringEquals false', { identity: ID_ASSUME, resource: trust(aws(B), { StringEquals: { 'sts:ExternalId': 'Unique-7f3a' } }) }, assume(CAROL), 'ImplicitDeny'),
  kase('trust-deny-no-mfa', '§5.1: Deny in the trust policy without MFA', { resource: doc(rallow(aws(ALICE), 'sts:AssumeRole'), rdeny('*', 'sts:AssumeRole', undefined, { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })) }, assume(), 'ExplicitDeny'),
  kase('trust-deny-with-mfa', '§5.1: same trust policy, MFA present', { resource: doc(rallow(aws(ALICE), 'sts:AssumeRole'), rdeny('*', 'sts:AssumeRole', undefined, { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })) }, assume(ALICE, { 'aws:MultiFactorAuthPresent': 'true' }), 'Allow'),
  kase('trust-star-org-same-account', '§3.3, §5.2: trust Principal {"AWS":"*"} limited by aws:PrincipalOrgID: direct grant in the same account', { resource: trust(aws('*'), { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }) }, assume(ALICE, { 'aws:PrincipalOrgID': 'o-abc123' }), 'Allow'),
  kase('trust-star-org-cross-account-no-identity', '§5.3: the same trust policy, cross-account caller without identity policy', { resource: trust(aws('*'), { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }) }, assume(CAROL, { 'aws:PrincipalOrgID': 'o-abc123' }), 'ImplicitDeny'),
  kase('trust-star-org-cross-account', '§5.3: the same trust policy, cross-account caller with identity policy', { identity: ID_ASSUME, resource: trust(aws('*'), { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }) }, assume(CAROL, { 'aws:PrincipalOrgID': 'o-abc123' }), 'Allow'),
  kase('trust-service-principal', '§3.3 (Service = direct), §5.2: a service principal named in the trust policy may assume the role', { resource: trust({ Service: 'lambda.amazonaws.com' }) }, assume('lambda.amazonaws.com'), 'Allow'),
  kase('trust-service-principal-other', '§3.3: another service principal does not match', { resource: trust({ Service: 'lambda.amazonaws.com' }) }, assume('ec2.amazonaws.com'), 'ImplicitDeny'),
  kase('trust-root-user-not-named', '§5.2: the root user has no bypass for trust policies', { resource: trust(aws(ALICE)) }, assume(ROOT_A), 'ImplicitDeny'),
  kase('trust-saml-action', '§5.2: sts:AssumeRoleWithSAML is also governed by the trust policy (not named → ImplicitDeny)', { identity: [doc(allow('sts:*'))], resource: trust(aws(BOB)) }, req(ALICE, 'sts:AssumeRoleWithSAML', TARGET_ROLE), 'ImplicitDeny')
]

const keyPolicy = (...statements) => doc(...statements)
const DEFAULT_KEY_POLICY = keyPolicy(
  rallow(aws(ROOT_A), 'kms:*', '*', undefined, 'EnableIAMUserPermissions')
)
const decrypt = (principal = ALICE, context = {}, key = KEY) =>
  req(principal, 'kms:Decrypt', key, context)
const ID_KMS = [doc(allow('kms:Decrypt', KEY))]

// prettier-ignore
const kms = [
  kase('kms-default-with-identity', '§5.2: default key policy (account root) + identity allows', { identity: ID_KMS, resource: DEFAULT_KEY_POLICY }, decrypt(), 'Allow'),
  kase('kms-default-no-identity', '§5.2: default key policy alone does not grant a user', { resource: DEFAULT_KEY_POLICY }, decrypt(), 'ImplicitDeny'),
  kase('kms-direct-user', '§5.2: key policy names the user: Allow without identity', { resource: keyPolicy(rallow(aws(ALICE), 'kms:Decrypt', '*')) }, decrypt(), 'Allow'),
  kase('kms-no-key-policy', '§5.2: no key policy: ImplicitDeny even though identity allows', { identity: ID_KMS, resource: null }, decrypt(), 'ImplicitDeny'),
  kase('kms-key-policy-other-principal', '§5.2: key policy names someone else only; identity allows', { identity: ID_KMS, resource: keyPolicy(rallow(aws(BOB), 'kms:*', '*')) }, decrypt(), 'ImplicitDeny'),
  kase('kms-key-policy-action-mismatch', '§5.2: key policy grants alice Encrypt only; Decrypt needs the key policy', { identity: [doc(allow('kms:*'))], resource: keyPolicy(rallow(aws(ALICE), 'kms:Encrypt', '*')) }, decrypt(), 'ImplicitDeny'),
  kase('kms-role-level', '§5.2: key policy names the role; a session decrypts', { resource: keyPolicy(rallow(aws(ROLE), 'kms:Decrypt', '*')) }, decrypt(SESSION), 'Allow'),
  kase('kms-default-boundary-blocks', '§5.2: account-level key grant: identity path, boundary must allow', { identity: ID_KMS, boundary: [doc(allow('s3:*'))], resource: DEFAULT_KEY_POLICY }, decrypt(), 'ImplicitDeny'),
  kase('kms-via-service', '§5.2: key policy grant with kms:ViaService condition that holds', { resource: keyPolicy(rallow(aws(ALICE), 'kms:Decrypt', '*', { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } })) }, decrypt(ALICE, { 'kms:ViaService': 's3.us-east-1.amazonaws.com' }), 'Allow'),
  kase('kms-via-service-absent', '§4.3: kms:ViaService absent (direct call)', { resource: keyPolicy(rallow(aws(ALICE), 'kms:Decrypt', '*', { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } })) }, decrypt(), 'ImplicitDeny'),
  kase('kms-cross-account', "§5.3: key in B grants account A; alice's identity allows", { identity: [doc(allow('kms:Decrypt', KEY_B))], resource: keyPolicy(rallow(aws(ROOT_A), 'kms:Decrypt', '*')) }, decrypt(ALICE, {}, KEY_B), 'Allow'),
  kase('kms-cross-account-no-identity', '§5.3: key in B grants account A; alice has no identity policy', { resource: keyPolicy(rallow(aws(A), 'kms:Decrypt', '*')) }, decrypt(ALICE, {}, KEY_B), 'ImplicitDeny'),
  kase('kms-cross-account-owner-only', '§5.3: key in B grants only its own account', { identity: [doc(allow('kms:Decrypt', KEY_B))], resource: keyPolicy(rallow(aws(ROOT_B), 'kms:*', '*')) }, decrypt(ALICE, {}, KEY_B), 'ImplicitDeny'),
  kase('kms-root-user-default', '§3.3, §5.2: the root user matches the default key statement directly', { resource: DEFAULT_KEY_POLICY }, decrypt(ROOT_A), 'Allow'),
  kase('kms-root-user-not-named', '§5.2: no root bypass for KMS: key policy names only alice', { resource: keyPolicy(rallow(aws(ALICE), 'kms:*', '*')) }, decrypt(ROOT_A), 'ImplicitDeny'),
  kase('kms-star-caller-account', '§3.3, §5.2: key policy Principal "*" with kms:CallerAccount is a direct grant', { resource: keyPolicy(rallow('*', 'kms:Decrypt', '*', { StringEquals: { 'kms:CallerAccount': A } })) }, decrypt(ALICE, { 'kms:CallerAccount': A }), 'Allow'),
  kase('kms-star-caller-account-missing', '§4.3: kms:CallerAccount absent: the Principal "*" statement does not apply', { resource: keyPolicy(rallow('*', 'kms:Decrypt', '*', { StringEquals: { 'kms:CallerAccount': A } })) }, decrypt(), 'ImplicitDeny'),
  kase('kms-root-of-other-account', '§5.3: root user of B decrypts with a key in A whose policy grants account B', { resource: keyPolicy(rallow(aws(ROOT_B), 'kms:Decrypt', '*')) }, decrypt(ROOT_B), 'Allow'),
  kase('kms-deny', '§5.1: a key-policy Deny wins', { identity: ID_KMS, resource: keyPolicy(rallow(aws(ROOT_A), 'kms:*', '*'), rdeny(aws(ALICE), 'kms:Decrypt', '*')) }, decrypt(), 'ExplicitDeny'),
  kase('kms-sid-determining', '§1: determining statement of a key-policy denial', { identity: ID_KMS, resource: keyPolicy(rallow(aws(ROOT_A), 'kms:*', '*', undefined, 'EnableIAM'), rdeny('*', 'kms:Decrypt', '*', { Bool: { 'aws:SecureTransport': 'false' } }, 'DenyInsecure')) }, decrypt(ALICE, { 'aws:SecureTransport': 'false' }), 'ExplicitDeny', { expectDeterminingSids: ['DenyInsecure'] })
]

export const groups = { 'trust-policies': trustPolicies, 'kms-key-policies': kms }
