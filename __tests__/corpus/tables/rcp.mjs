// IAM-SEMANTICS §5.1 step 2 (RCP levels for resources of the resource account; every level must
// allow), §2 (RCP statements use Principal "*" only), §6.
import {
  A,
  ALICE,
  B,
  CAROL,
  OBJ,
  RCP_FULL_ACCESS,
  ROOT_A,
  allow,
  aws,
  doc,
  kase,
  rallow,
  rdeny,
  req
} from './helpers.mjs'

const ID_ALL = [doc(allow('*'))]
const BKT = 'arn:aws:s3:::data-bucket/*'
const s3 = (principal = ALICE, context = {}) =>
  req(principal, 's3:GetObject', OBJ, context, { resourceAccount: A })
const ORG_PERIMETER = doc(
  rdeny(
    '*',
    's3:*',
    '*',
    {
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' }
    },
    'EnforceOrgIdentities'
  )
)
const TLS_ONLY = doc(
  rdeny('*', 's3:*', '*', { Bool: { 'aws:SecureTransport': 'false' } }, 'DenyPlainHttp')
)

// prettier-ignore
const rcp = [
  kase('rcp-full-access', '§5.1: RCPFullAWSAccess level passes', { identity: ID_ALL, rcp: [RCP_FULL_ACCESS] }, s3(), 'Allow'),
  kase('rcp-level-no-allow', '§5.1: an RCP level without an applicable Allow → ImplicitDeny', { identity: ID_ALL, rcp: [doc(rallow('*', 'sqs:*', '*'))] }, s3(), 'ImplicitDeny'),
  kase('rcp-every-level', '§5.1: every RCP level must allow (second level allows sqs only)', { identity: ID_ALL, rcp: [RCP_FULL_ACCESS, doc(rallow('*', 'sqs:*', '*'))] }, s3(), 'ImplicitDeny'),
  kase('rcp-level-array', '§6: an RCP level given as an array of documents', { identity: ID_ALL, rcp: [[doc(rallow('*', 'sqs:*', '*')), doc(rallow('*', 's3:*', '*'))]] }, s3(), 'Allow'),
  kase('rcp-empty-list', '§6: an empty RCP list = not in an organization', { identity: ID_ALL, rcp: [] }, s3(), 'Allow'),
  kase('rcp-never-grants', '§5.1: RCPs never grant by themselves', { rcp: [RCP_FULL_ACCESS] }, s3(), 'ImplicitDeny'),
  kase('rcp-perimeter-outsider', '§5.1: org perimeter RCP denies a principal from another org', { identity: ID_ALL, rcp: [[RCP_FULL_ACCESS, ORG_PERIMETER]], resource: doc(rallow(aws(B), 's3:GetObject', BKT)) }, s3(CAROL, { 'aws:PrincipalOrgID': 'o-zzz999', 'aws:PrincipalIsAWSService': 'false' }), 'ExplicitDeny', { expectDeterminingSids: ['EnforceOrgIdentities'] }),
  kase('rcp-perimeter-insider', '§5.1: org perimeter RCP lets an org principal through', { identity: ID_ALL, rcp: [[RCP_FULL_ACCESS, ORG_PERIMETER]] }, s3(ALICE, { 'aws:PrincipalOrgID': 'o-abc123', 'aws:PrincipalIsAWSService': 'false' }), 'Allow'),
  kase('rcp-perimeter-no-org-key', '§4.3: StringNotEqualsIfExists/BoolIfExists on absent keys are true: denied', { identity: ID_ALL, rcp: [[RCP_FULL_ACCESS, ORG_PERIMETER]] }, s3(ALICE), 'ExplicitDeny'),
  kase('rcp-tls-deny', '§5.1: RCP Deny on plain HTTP', { identity: ID_ALL, rcp: [[RCP_FULL_ACCESS, TLS_ONLY]] }, s3(ALICE, { 'aws:SecureTransport': false }), 'ExplicitDeny'),
  kase('rcp-tls-ok', '§5.1: RCP TLS Deny does not apply over HTTPS', { identity: ID_ALL, rcp: [[RCP_FULL_ACCESS, TLS_ONLY]] }, s3(ALICE, { 'aws:SecureTransport': true }), 'Allow'),
  kase('rcp-caps-rbp-direct', '§5.1: RCPs cap a direct resource-policy grant', { rcp: [doc(rallow('*', 'sqs:*', '*'))], resource: doc(rallow(aws(ALICE), 's3:GetObject', BKT)) }, s3(), 'ImplicitDeny'),
  kase('rcp-root-user', '§5.1: RCPs apply to requests of the root user', { rcp: [[RCP_FULL_ACCESS, TLS_ONLY]] }, s3(ROOT_A, { 'aws:SecureTransport': 'false' }), 'ExplicitDeny'),
  kase('rcp-root-user-allowed', '§5.1, §5.2: root user passes RCPs that allow', { rcp: [RCP_FULL_ACCESS] }, s3(ROOT_A), 'Allow'),
  kase('rcp-cross-account-allowed', '§5.1, §5.3: cross-account caller, RCP allows, identity and RBP allow', { identity: ID_ALL, rcp: [RCP_FULL_ACCESS], resource: doc(rallow(aws(B), 's3:GetObject', BKT)) }, s3(CAROL), 'Allow'),
  kase('rcp-resource-scoped', '§5.1: RCP Allow scoped to another bucket', { identity: ID_ALL, rcp: [doc(rallow('*', 's3:*', 'arn:aws:s3:::other-bucket/*'))] }, s3(), 'ImplicitDeny')
]

export const groups = { rcp }
