// IAM-SEMANTICS §5.1 step 3 (SCP levels root → account, every level must allow, SCPs never
// grant, member root user limited, RBP grants capped), §6 (level = document or array), §7.3.
import {
  A,
  ALICE,
  B,
  CAROL,
  FULL_ACCESS,
  INSTANCE,
  OBJ,
  ROOT_A,
  SESSION,
  allow,
  allowNot,
  aws,
  deny,
  denyNot,
  doc,
  kase,
  rallow,
  req
} from './helpers.mjs'

const ID_ALL = [doc(allow('*'))]
const SLR = `arn:aws:iam::${A}:role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk`
const s3 = (principal = ALICE, context = {}) =>
  req(principal, 's3:GetObject', OBJ, context, { resourceAccount: A })
const ec2 = (principal = ALICE, context = {}) =>
  req(principal, 'ec2:StartInstances', INSTANCE, context)
const S3_ONLY = doc(allow('s3:*'))
const EC2_ONLY = doc(allow('ec2:*'))
const REGION_DENY = doc(
  denyNot(
    ['iam:*', 'organizations:*', 'sts:*', 'support:*'],
    '*',
    { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
    'DenyOtherRegions'
  )
)

// prettier-ignore
const levels = [
  kase('scp-full-access', '§5.1: one level with FullAWSAccess, identity allows', { identity: ID_ALL, scp: [FULL_ACCESS] }, s3(), 'Allow'),
  kase('scp-level-no-allow', '§5.1: the level allows s3 only: ec2 is implicitly denied', { identity: ID_ALL, scp: [S3_ONLY] }, ec2(), 'ImplicitDeny'),
  kase('scp-two-levels-ok', '§5.1: root FullAWSAccess + OU s3 only: s3 allowed', { identity: ID_ALL, scp: [FULL_ACCESS, S3_ONLY] }, s3(), 'Allow'),
  kase('scp-two-levels-ou-blocks', '§5.1: root FullAWSAccess + OU s3 only: ec2 blocked at the OU', { identity: ID_ALL, scp: [FULL_ACCESS, S3_ONLY] }, ec2(), 'ImplicitDeny'),
  kase('scp-every-level-must-allow', '§5.1: root allows ec2 only, account allows s3 only: s3 blocked at the root', { identity: ID_ALL, scp: [EC2_ONLY, S3_ONLY] }, s3(), 'ImplicitDeny'),
  kase('scp-three-levels', '§5.1: three levels, all allow s3', { identity: ID_ALL, scp: [FULL_ACCESS, S3_ONLY, doc(allow('s3:GetObject'))] }, s3(), 'Allow'),
  kase('scp-level-array-union', '§6: a level given as an array of documents: any document may allow', { identity: ID_ALL, scp: [FULL_ACCESS, [S3_ONLY, EC2_ONLY]] }, ec2(), 'Allow'),
  kase('scp-level-array-none', '§6: a level array where no document allows', { identity: ID_ALL, scp: [[S3_ONLY, doc(allow('sqs:*'))]] }, ec2(), 'ImplicitDeny'),
  kase('scp-empty-list', '§6: an empty SCP list = not in an organization', { identity: ID_ALL, scp: [] }, ec2(), 'Allow'),
  kase('scp-never-grants', '§5.1: SCPs never grant', { scp: [FULL_ACCESS] }, s3(), 'ImplicitDeny'),
  kase('scp-deny-only-second-level', '§5.1: a second level holding only a Deny has no Allow, so every other action is blocked', { identity: ID_ALL, scp: [FULL_ACCESS, doc(deny('ec2:TerminateInstances'))] }, s3(), 'ImplicitDeny'),
  kase('scp-only-deny-statement', '§5.1, §7.3: a level with only Deny statements allows nothing (ImplicitDeny, not ExplicitDeny)', { identity: ID_ALL, scp: [doc(deny('ec2:TerminateInstances'))] }, s3(), 'ImplicitDeny'),
  kase('scp-resource-scoped-allow', '§5.1: SCP Allow with a Resource element (other bucket)', { identity: ID_ALL, scp: [doc(allow('s3:*', 'arn:aws:s3:::other-bucket/*'))] }, s3(), 'ImplicitDeny'),
  kase('scp-allow-not-action', '§3.1, §5.1: SCP allow-list via NotAction', { identity: ID_ALL, scp: [doc(allowNot('ec2:*'))] }, ec2(), 'ImplicitDeny'),
  kase('scp-allow-condition', '§5.1: SCP Allow with a condition', { identity: ID_ALL, scp: [doc(allow('*', '*', { StringEquals: { 'aws:PrincipalTag/tier': 'gold' } }))] }, s3(ALICE, { 'aws:PrincipalTag/tier': 'gold' }), 'Allow'),
  kase('scp-role-session', '§5.1: SCPs limit role sessions too', { identity: ID_ALL, scp: [S3_ONLY] }, ec2(SESSION), 'ImplicitDeny')
]

// prettier-ignore
const denies = [
  kase('scp-region-deny-other', '§5.1: region-deny SCP denies eu-central-1', { identity: ID_ALL, scp: [[FULL_ACCESS, REGION_DENY]] }, ec2(ALICE, { 'aws:RequestedRegion': 'eu-central-1' }), 'ExplicitDeny', { expectDeterminingSids: ['DenyOtherRegions'] }),
  kase('scp-region-deny-allowed-region', '§5.1: region-deny SCP allows us-east-1', { identity: ID_ALL, scp: [[FULL_ACCESS, REGION_DENY]] }, ec2(ALICE, { 'aws:RequestedRegion': 'us-east-1' }), 'Allow'),
  kase('scp-region-deny-global-service', '§3.1: region-deny SCP exempts iam:* via NotAction', { identity: ID_ALL, scp: [[FULL_ACCESS, REGION_DENY]] }, req(ALICE, 'iam:CreateUser', '*', { 'aws:RequestedRegion': 'ap-south-1' }), 'Allow'),
  kase('scp-region-deny-missing-region', '§4.3: StringNotEquals on an absent aws:RequestedRegion is true: denied', { identity: ID_ALL, scp: [[FULL_ACCESS, REGION_DENY]] }, ec2(), 'ExplicitDeny'),
  kase('scp-deny-exempt-admin-role', '§5.1, §4.2: SCP Deny unless aws:PrincipalArn is the admin role', { identity: ID_ALL, scp: [[FULL_ACCESS, doc(deny('s3:DeleteBucket', '*', { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/Admin` } }))]] }, req(SESSION, 's3:DeleteBucket', 'arn:aws:s3:::data-bucket', { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/DevRole` }, { resourceAccount: A }), 'ExplicitDeny'),
  kase('scp-deny-admin-exempt', '§5.1: the admin role is exempt', { identity: ID_ALL, scp: [[FULL_ACCESS, doc(deny('s3:DeleteBucket', '*', { ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/Admin` } }))]] }, req(`arn:aws:sts::${A}:assumed-role/Admin/ops`, 's3:DeleteBucket', 'arn:aws:s3:::data-bucket', { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/Admin` }, { resourceAccount: A }), 'Allow'),
  kase('scp-deny-leave-org', '§5.1: Deny organizations:LeaveOrganization', { identity: ID_ALL, scp: [FULL_ACCESS, doc(deny('organizations:LeaveOrganization'))] }, req(ALICE, 'organizations:LeaveOrganization', '*'), 'ExplicitDeny')
]

// prettier-ignore
const reach = [
  kase('scp-root-user-denied', '§5.1: SCPs limit the member account root user (Deny)', { scp: [FULL_ACCESS, doc(deny('s3:*'))] }, s3(ROOT_A), 'ExplicitDeny'),
  kase('scp-root-user-not-allowed', '§5.1: SCPs limit the member account root user (no Allow)', { scp: [EC2_ONLY] }, s3(ROOT_A), 'ImplicitDeny'),
  kase('scp-root-user-allowed', '§5.1, §5.2: root user of the resource account passes when SCPs allow', { scp: [FULL_ACCESS] }, s3(ROOT_A), 'Allow'),
  kase('scp-caps-rbp-direct', '§5.1: SCPs cap grants made by resource-based policies', { scp: [EC2_ONLY], resource: doc(rallow(aws(ALICE), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, s3(), 'ImplicitDeny'),
  kase('scp-rbp-direct-allowed', '§5.1, §5.2: SCP allows, direct RBP grant, no identity', { scp: [FULL_ACCESS], resource: doc(rallow(aws(ALICE), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, s3(), 'Allow'),
  kase('scp-cross-account-caller', "§5.1, §5.3: SCPs of the caller's account apply to a cross-account call", { identity: ID_ALL, scp: [EC2_ONLY], resource: doc(rallow(aws(B), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, s3(CAROL), 'ImplicitDeny'),
  kase('scp-service-linked-role-no-allow', '§5.1: SCPs do not limit service-linked roles (role path aws-service-role/)', { identity: ID_ALL, scp: [EC2_ONLY] }, s3(SLR), 'Allow'),
  kase('scp-service-linked-role-deny', '§5.1: SCPs do not apply to service-linked roles at all, so their Deny does not either', { identity: ID_ALL, scp: [[FULL_ACCESS, doc(deny('s3:*'))]] }, s3(SLR), 'Allow'),
  kase('scp-ordinary-role-with-path', '§5.1: an ordinary role with a path is limited by SCPs', { identity: ID_ALL, scp: [EC2_ONLY] }, s3(`arn:aws:iam::${A}:role/team/app/AppRole`), 'ImplicitDeny'),
  kase('scp-service-principal-trust', '§5.1: SCPs do not limit service principals (trust policy names lambda.amazonaws.com)', { scp: [EC2_ONLY], resource: doc(rallow({ Service: 'lambda.amazonaws.com' }, 'sts:AssumeRole')) }, req('lambda.amazonaws.com', 'sts:AssumeRole', `arn:aws:iam::${A}:role/TargetRole`), 'Allow'),
  kase('scp-cross-account-allowed', '§5.3: cross-account call with SCP, identity and RBP allowing', { identity: ID_ALL, scp: [FULL_ACCESS], resource: doc(rallow(aws(B), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, s3(CAROL), 'Allow')
]

export const groups = { levels, denies, reach }
