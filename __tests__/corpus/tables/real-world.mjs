// Patterns seen in AWS managed policies and AWS documentation examples. Each case cites the
// IAM-SEMANTICS sections its expectation rests on. Most use `requests` (one policy set, many
// requests): each row is `[request, expected effect]`.
import {
  A,
  ALICE,
  BOB,
  FULL_ACCESS,
  ROOT_A,
  SESSION,
  allow,
  allowNot,
  deny,
  denyNot,
  doc,
  kase,
  multi,
  rdeny,
  req
} from './helpers.mjs'

const INST = (id, region = 'us-east-1') => `arn:aws:ec2:${region}:${A}:instance/${id}`
const OBJ = 'arn:aws:s3:::data-bucket/k'
const BKT = 'arn:aws:s3:::data-bucket/*'

// AmazonS3ReadOnlyAccess (current version).
const S3_READ_ONLY = doc(
  allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])
)
const OLAP = `arn:aws:s3-object-lambda:us-east-1:${A}:accesspoint/ap`
// prettier-ignore
const s3ReadOnly = [
  multi('rw-s3-read-only', '§3.1: AmazonS3ReadOnlyAccess: Get*/List* granted, writes not', { identity: [S3_READ_ONLY] }, [
    [req(ALICE, 's3:GetObject', OBJ), 'Allow'],
    [req(ALICE, 's3:ListBucket', 'arn:aws:s3:::data-bucket'), 'Allow'],
    [req(ALICE, 's3:PutObject', OBJ), 'ImplicitDeny'],
    [req(ALICE, 's3:DeleteObject', OBJ), 'ImplicitDeny'],
    [req(ALICE, 's3-object-lambda:GetObject', OLAP), 'Allow'],
    [req(ALICE, 's3-object-lambda:PutObject', OLAP), 'ImplicitDeny'],
    [req(ALICE, 's3:ListAllMyBuckets', '*'), 'Allow']
  ]),
  multi('rw-s3-read-only-with-boundary', '§5.2: read-only identity policy under a boundary that allows s3:Get* only', { identity: [S3_READ_ONLY], boundary: [doc(allow('s3:Get*'))] }, [
    [req(ALICE, 's3:GetObject', OBJ), 'Allow'],
    [req(ALICE, 's3:ListBucket', 'arn:aws:s3:::data-bucket'), 'ImplicitDeny']
  ])
]

// AWS docs example: start or stop EC2 instances tagged with the user's name.
const EC2_OWNER = doc(
  allow(['ec2:StartInstances', 'ec2:StopInstances'], 'arn:aws:ec2:*:*:instance/*', {
    StringEquals: { 'aws:ResourceTag/Owner': '${aws:username}' }
  }),
  allow('ec2:DescribeInstances', '*')
)
const owner = (tagValue) => ({
  'aws:username': 'alice',
  ...(tagValue === undefined ? {} : { 'aws:ResourceTag/Owner': tagValue })
})
// prettier-ignore
const ec2Tags = [
  multi('rw-ec2-owner-tag', '§4.6, §4.2: EC2 start/stop only for instances tagged with the own user name', { identity: [EC2_OWNER] }, [
    [req(ALICE, 'ec2:StartInstances', INST('i-1'), owner('alice')), 'Allow'],
    [req(ALICE, 'ec2:StopInstances', INST('i-2', 'eu-west-1'), owner('alice')), 'Allow'],
    [req(ALICE, 'ec2:StartInstances', INST('i-3'), owner('bob')), 'ImplicitDeny'],
    [req(ALICE, 'ec2:StartInstances', INST('i-4'), owner(undefined)), 'ImplicitDeny'],
    [req(ALICE, 'ec2:TerminateInstances', INST('i-1'), owner('alice')), 'ImplicitDeny'],
    [req(ALICE, 'ec2:DescribeInstances', '*', owner(undefined)), 'Allow']
  ]),
  kase('rw-ec2-owner-tag-case', '§4.2: the Owner tag value is compared case-sensitively by StringEquals (§7.6 note)', { identity: [EC2_OWNER] }, req(ALICE, 'ec2:StartInstances', INST('i-1'), owner('Alice')), 'ImplicitDeny'),
  kase('rw-ec2-owner-tag-role', '§4.6: a role session has no aws:username, so the tag condition never matches', { identity: [EC2_OWNER] }, req(SESSION, 'ec2:StartInstances', INST('i-1'), { 'aws:ResourceTag/Owner': 'alice-session' }), 'ImplicitDeny')
]

// AWS docs: BlockMostAccessUnlessSignedInWithMFA.
const MFA_EXEMPT = [
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:GetUser',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ResyncMFADevice',
  'sts:GetSessionToken'
]
const MFA_POLICY = doc(
  allow(
    ['iam:GetAccountPasswordPolicy', 'iam:ListVirtualMFADevices'],
    '*',
    undefined,
    'AllowViewAccountInfo'
  ),
  allow(
    'iam:CreateVirtualMFADevice',
    'arn:aws:iam::*:mfa/*',
    undefined,
    'AllowManageOwnVirtualMFADevice'
  ),
  allow(
    [
      'iam:DeactivateMFADevice',
      'iam:EnableMFADevice',
      'iam:GetUser',
      'iam:ListMFADevices',
      'iam:ResyncMFADevice'
    ],
    'arn:aws:iam::*:user/${aws:username}',
    undefined,
    'AllowManageOwnUserMFA'
  ),
  denyNot(
    MFA_EXEMPT,
    '*',
    { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    'DenyAllExceptListedIfNoMFA'
  )
)
const me = (mfa) => ({
  'aws:username': 'alice',
  ...(mfa === undefined ? {} : { 'aws:MultiFactorAuthPresent': mfa })
})
const USER_ALICE = `arn:aws:iam::${A}:user/alice`
// prettier-ignore
const mfa = [
  multi('rw-mfa-block', '§3.1, §4.3, §4.6: MFA-gated access (BoolIfExists catches long-term keys)', { identity: [MFA_POLICY, doc(allow('s3:*'))] }, [
    [req(ALICE, 's3:GetObject', OBJ, me(undefined)), 'ExplicitDeny'],
    [req(ALICE, 's3:GetObject', OBJ, me('false')), 'ExplicitDeny'],
    [req(ALICE, 's3:GetObject', OBJ, me('true')), 'Allow'],
    [req(ALICE, 'iam:ListMFADevices', USER_ALICE, me(undefined)), 'Allow'],
    [req(ALICE, 'iam:ListMFADevices', `arn:aws:iam::${A}:user/bob`, me(undefined)), 'ImplicitDeny'],
    [req(ALICE, 'iam:EnableMFADevice', USER_ALICE, me('false')), 'Allow'],
    [req(ALICE, 'iam:DeactivateMFADevice', USER_ALICE, me(undefined)), 'ExplicitDeny'],
    [req(ALICE, 'iam:DeactivateMFADevice', USER_ALICE, me('true')), 'Allow']
  ]),
  kase('rw-mfa-block-determining', '§1: the MFA Deny is the determining statement', { identity: [MFA_POLICY, doc(allow('s3:*', '*', undefined, 'S3Everything'))] }, req(ALICE, 's3:PutObject', OBJ, me(undefined)), 'ExplicitDeny', { expectDeterminingSids: ['DenyAllExceptListedIfNoMFA'] })
]

// Region-deny SCP (AWS Organizations example), global services and an admin role exempted.
const GLOBAL = [
  'a4b:*',
  'budgets:*',
  'ce:*',
  'cloudfront:*',
  'globalaccelerator:*',
  'iam:*',
  'organizations:*',
  'route53:*',
  'sts:*',
  'support:*'
]
const REGION_SCP = doc(
  denyNot(
    GLOBAL,
    '*',
    {
      StringNotEquals: { 'aws:RequestedRegion': ['eu-central-1', 'eu-west-1'] },
      ArnNotLike: { 'aws:PrincipalARN': ['arn:aws:iam::*:role/OrgAdmin'] }
    },
    'DenyAllOutsideEU'
  )
)
const ADMIN = `arn:aws:sts::${A}:assumed-role/OrgAdmin/ops`
const region = (name, principalArn = ALICE) => ({
  ...(name === undefined ? {} : { 'aws:RequestedRegion': name }),
  'aws:PrincipalArn': principalArn
})
// prettier-ignore
const regionScp = [
  multi('rw-region-deny-scp', '§5.1, §4.1, §4.3: region-deny SCP with a role exemption (key name case differs: aws:PrincipalARN)', { identity: [doc(allow('*'))], scp: [[FULL_ACCESS, REGION_SCP]] }, [
    [req(ALICE, 'ec2:RunInstances', INST('i-9', 'eu-west-1'), region('eu-west-1')), 'Allow'],
    [req(ALICE, 'ec2:RunInstances', INST('i-9', 'us-east-1'), region('us-east-1')), 'ExplicitDeny'],
    [req(ALICE, 'iam:CreateUser', `arn:aws:iam::${A}:user/x`, region('us-east-1')), 'Allow'],
    [req(ADMIN, 'ec2:RunInstances', INST('i-9', 'us-east-1'), region('us-east-1', `arn:aws:iam::${A}:role/OrgAdmin`)), 'Allow'],
    [req(ALICE, 'ec2:RunInstances', INST('i-9', 'us-east-1'), region(undefined)), 'ExplicitDeny']
  ])
]

// Bucket policies: SSE-KMS required, VPC endpoint only, MFA for deletes.
const SSE = doc(
  rdeny(
    '*',
    's3:PutObject',
    BKT,
    { StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
    'DenyWrongEncryption'
  ),
  rdeny(
    '*',
    's3:PutObject',
    BKT,
    { Null: { 's3:x-amz-server-side-encryption': 'true' } },
    'DenyUnencrypted'
  )
)
const VPCE_ONLY = doc(
  rdeny('*', 's3:*', ['arn:aws:s3:::data-bucket', BKT], {
    StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }
  })
)
const MFA_DELETE = doc(
  rdeny('*', 's3:DeleteObject', BKT, { Null: { 'aws:MultiFactorAuthPresent': 'true' } })
)
const s3 = (action, context = {}) => req(ALICE, action, OBJ, context, { resourceAccount: A })
const sse = (value) => ({ 's3:x-amz-server-side-encryption': value })
const ID_S3 = [doc(allow('s3:*'))]
// prettier-ignore
const buckets = [
  multi('rw-require-sse-kms', '§4.2, §4.3: require SSE-KMS uploads', { identity: ID_S3, resource: SSE }, [
    [s3('s3:PutObject', sse('aws:kms')), 'Allow'],
    [s3('s3:PutObject', sse('AES256')), 'ExplicitDeny'],
    [s3('s3:PutObject'), 'ExplicitDeny'],
    [s3('s3:GetObject'), 'Allow']
  ]),
  kase('rw-require-sse-kms-both-denies', '§1: no header: both Deny statements apply', { identity: ID_S3, resource: SSE }, s3('s3:PutObject'), 'ExplicitDeny', { expectDeterminingSids: ['DenyUnencrypted', 'DenyWrongEncryption'] }),
  multi('rw-vpce-only', '§4.3: bucket only reachable through one VPC endpoint (StringNotEquals on a missing key is true)', { identity: ID_S3, resource: VPCE_ONLY }, [
    [s3('s3:GetObject', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }), 'Allow'],
    [s3('s3:GetObject', { 'aws:SourceVpce': 'vpce-99999999' }), 'ExplicitDeny'],
    [s3('s3:GetObject', { 'aws:SourceIp': '192.0.2.1' }), 'ExplicitDeny']
  ]),
  multi('rw-mfa-delete', '§4.2: Deny deletes unless MFA (Null check)', { identity: ID_S3, resource: MFA_DELETE }, [
    [s3('s3:DeleteObject'), 'ExplicitDeny'],
    [s3('s3:DeleteObject', { 'aws:MultiFactorAuthPresent': 'true' }), 'Allow']
  ])
]

// AWS docs: allow IAM users to manage their own password and keys (aws:username derived, §6).
const SELF = doc(
  allow('iam:GetAccountPasswordPolicy', '*'),
  allow(
    ['iam:ChangePassword', 'iam:GetUser', 'iam:CreateAccessKey'],
    'arn:aws:iam::*:user/${aws:username}'
  )
)
// prettier-ignore
const selfService = [
  multi('rw-self-service-credentials', '§4.6, §3.2, §6: own-user resources via ${aws:username} derived from the user ARN', { identity: [SELF] }, [
    [req(ALICE, 'iam:ChangePassword', USER_ALICE), 'Allow'],
    [req(ALICE, 'iam:ChangePassword', `arn:aws:iam::${A}:user/bob`), 'ImplicitDeny'],
    [req(ALICE, 'iam:CreateAccessKey', USER_ALICE), 'Allow'],
    [req(ALICE, 'iam:GetAccountPasswordPolicy', '*'), 'Allow'],
    [req(BOB, 'iam:CreateAccessKey', `arn:aws:iam::${A}:user/bob`), 'Allow']
  ])
]

// AWS docs: require a CostCenter tag on create and allow only approved tag keys.
const RUN = doc(
  allow('ec2:RunInstances', `arn:aws:ec2:*:${A}:instance/*`, {
    StringEquals: { 'aws:RequestTag/CostCenter': ['1234', '5678'] },
    'ForAllValues:StringEquals': { 'aws:TagKeys': ['CostCenter', 'Name'] }
  })
)
const run = (context) => req(ALICE, 'ec2:RunInstances', INST('i-new'), context)
// prettier-ignore
const tagging = [
  multi('rw-require-tags-on-create', '§4.1, §4.3, §4.4: CostCenter required and only approved tag keys', { identity: [RUN] }, [
    [run({ 'aws:RequestTag/CostCenter': '1234', 'aws:TagKeys': ['CostCenter'] }), 'Allow'],
    [run({ 'aws:RequestTag/CostCenter': '1234', 'aws:RequestTag/Name': 'web', 'aws:TagKeys': ['CostCenter', 'Name'] }), 'Allow'],
    [run({ 'aws:RequestTag/CostCenter': '9999', 'aws:TagKeys': ['CostCenter'] }), 'ImplicitDeny'],
    [run({ 'aws:RequestTag/CostCenter': '5678', 'aws:TagKeys': ['CostCenter', 'Owner'] }), 'ImplicitDeny'],
    [run({}), 'ImplicitDeny'],
    [run({ 'aws:RequestTag/CostCenter': '1234' }), 'Allow']
  ])
]

// iam:PassRole restricted by the receiving service and the role name.
const PASS = doc(
  allow('iam:PassRole', `arn:aws:iam::${A}:role/app-*`, {
    StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' }
  })
)
const pass = (role, service) =>
  req(
    ALICE,
    'iam:PassRole',
    `arn:aws:iam::${A}:role/${role}`,
    service === undefined ? {} : { 'iam:PassedToService': service }
  )
// prettier-ignore
const passRole = [
  multi('rw-pass-role', '§3.2, §4.2, §4.3: PassRole to EC2 only, app-* roles only', { identity: [PASS] }, [
    [pass('app-web', 'ec2.amazonaws.com'), 'Allow'],
    [pass('app-web', 'lambda.amazonaws.com'), 'ImplicitDeny'],
    [pass('admin', 'ec2.amazonaws.com'), 'ImplicitDeny'],
    [pass('app-web', undefined), 'ImplicitDeny']
  ])
]

// DynamoDB fine-grained access with LeadingKeys (ForAllValues pitfall when the key is absent).
const TABLE = `arn:aws:dynamodb:us-east-1:${A}:table/GameScores`
const DDB = doc(
  allow(['dynamodb:GetItem', 'dynamodb:Query'], TABLE, {
    'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:userid}'] }
  })
)
const ddb = (keys) =>
  req(ALICE, 'dynamodb:GetItem', TABLE, {
    'aws:userid': 'AIDAALICE',
    ...(keys === undefined ? {} : { 'dynamodb:LeadingKeys': keys })
  })
// prettier-ignore
const dynamo = [
  multi('rw-dynamodb-leading-keys', '§4.4, §4.6: LeadingKeys must equal ${aws:userid}; ForAllValues is true when the key is absent', { identity: [DDB] }, [
    [ddb(['AIDAALICE']), 'Allow'],
    [ddb(['AIDABOB']), 'ImplicitDeny'],
    [ddb(['AIDAALICE', 'AIDABOB']), 'ImplicitDeny'],
    [ddb(undefined), 'Allow']
  ])
]

// Miscellaneous managed-policy and SCP patterns.
const LOGS = doc(allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']))
const TRAIL_SCP = [[FULL_ACCESS, doc(deny(['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail']))]]
const ROOT_SCP = [
  [FULL_ACCESS, doc(deny('*', '*', { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } }))]
]
const SECRETS = doc(
  allow('secretsmanager:GetSecretValue', '*', {
    StringEquals: { 'secretsmanager:ResourceTag/team': '${aws:PrincipalTag/team}' }
  })
)
const SECRET = `arn:aws:secretsmanager:us-east-1:${A}:secret:db-AbCdEf`
const DEV_BOUNDARY = doc(
  allow('*'),
  deny(
    ['iam:DeleteUserPermissionsBoundary', 'iam:PutUserPermissionsBoundary'],
    '*',
    undefined,
    'ProtectBoundary'
  ),
  allowNot(['iam:*'])
)
const HOME = doc(
  allow('s3:ListBucket', 'arn:aws:s3:::home-bucket', {
    StringLike: { 's3:prefix': ['home/', 'home/${aws:username}/*'] }
  }),
  allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::home-bucket/home/${aws:username}/*')
)
const WINDOW = doc(
  allow('ec2:RebootInstances', '*', {
    DateGreaterThan: { 'aws:CurrentTime': '2025-06-01T00:00:00Z' },
    DateLessThan: { 'aws:CurrentTime': '2025-06-01T04:00:00Z' }
  })
)
const CORP_IP = doc(
  allow('s3:*'),
  deny('*', '*', {
    NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24'] },
    Bool: { 'aws:ViaAWSService': 'false' }
  })
)
const list = (prefix) =>
  req(
    ALICE,
    's3:ListBucket',
    'arn:aws:s3:::home-bucket',
    prefix === undefined ? {} : { 's3:prefix': prefix }
  )
// prettier-ignore
const misc = [
  multi('rw-lambda-basic-execution', '§3.1: AWSLambdaBasicExecutionRole for a role session', { identity: [LOGS] }, [
    [req(SESSION, 'logs:PutLogEvents', `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/f:log-stream:s`), 'Allow'],
    [req(SESSION, 'logs:DeleteLogGroup', `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/f`), 'ImplicitDeny']
  ]),
  multi('rw-protect-cloudtrail-scp', '§5.1: SCP protecting CloudTrail', { identity: [doc(allow('*'))], scp: TRAIL_SCP }, [
    [req(ALICE, 'cloudtrail:StopLogging', `arn:aws:cloudtrail:us-east-1:${A}:trail/main`), 'ExplicitDeny'],
    [req(ALICE, 'cloudtrail:LookupEvents', '*'), 'Allow']
  ]),
  multi('rw-deny-root-scp', '§5.1, §4.2: SCP denying the member root user', { identity: [doc(allow('*'))], scp: ROOT_SCP }, [
    [req(ROOT_A, 's3:GetObject', OBJ, { 'aws:PrincipalArn': ROOT_A }), 'ExplicitDeny'],
    [req(ALICE, 's3:GetObject', OBJ, { 'aws:PrincipalArn': ALICE }), 'Allow']
  ]),
  multi('rw-secrets-by-team-tag', '§4.6: secrets readable when the resource team tag equals the principal team tag', { identity: [SECRETS] }, [
    [req(ALICE, 'secretsmanager:GetSecretValue', SECRET, { 'secretsmanager:ResourceTag/team': 'data', 'aws:PrincipalTag/team': 'data' }), 'Allow'],
    [req(ALICE, 'secretsmanager:GetSecretValue', SECRET, { 'secretsmanager:ResourceTag/team': 'data', 'aws:PrincipalTag/team': 'web' }), 'ImplicitDeny'],
    [req(ALICE, 'secretsmanager:GetSecretValue', SECRET, { 'secretsmanager:ResourceTag/team': 'data' }), 'ImplicitDeny']
  ]),
  multi('rw-admin-with-boundary', '§5.2, §5.1: AdministratorAccess under a developer boundary that protects itself', { identity: [doc(allow('*'))], boundary: [DEV_BOUNDARY] }, [
    [req(ALICE, 'iam:DeleteUserPermissionsBoundary', USER_ALICE), 'ExplicitDeny'],
    [req(ALICE, 'iam:CreateUser', `arn:aws:iam::${A}:user/x`), 'Allow'],
    [req(ALICE, 's3:PutObject', OBJ), 'Allow']
  ]),
  multi('rw-list-own-prefix', '§4.2, §4.6: ListBucket restricted to the user\'s home prefix', { identity: [HOME] }, [
    [list('home/'), 'Allow'],
    [list('home/alice/photos/'), 'Allow'],
    [list('home/bob/'), 'ImplicitDeny'],
    [list(undefined), 'ImplicitDeny'],
    [req(ALICE, 's3:PutObject', 'arn:aws:s3:::home-bucket/home/alice/a.txt'), 'Allow'],
    [req(ALICE, 's3:PutObject', 'arn:aws:s3:::home-bucket/home/bob/a.txt'), 'ImplicitDeny']
  ]),
  multi('rw-time-window', '§4.2, §6: access only inside a maintenance window (aws:CurrentTime from the context)', { identity: [WINDOW] }, [
    [req(ALICE, 'ec2:RebootInstances', INST('i-1'), { 'aws:CurrentTime': '2025-06-01T02:30:00Z' }), 'Allow'],
    [req(ALICE, 'ec2:RebootInstances', INST('i-1'), { 'aws:CurrentTime': '2025-06-01T05:00:00Z' }), 'ImplicitDeny'],
    [req(ALICE, 'ec2:RebootInstances', INST('i-1'), {}), 'ImplicitDeny']
  ]),
  multi('rw-source-ip-unless-service', '§4.3, §4.2: deny outside corporate IPs unless called via an AWS service', { identity: [CORP_IP] }, [
    [req(ALICE, 's3:GetObject', OBJ, { 'aws:SourceIp': '192.0.2.44', 'aws:ViaAWSService': 'false' }), 'Allow'],
    [req(ALICE, 's3:GetObject', OBJ, { 'aws:SourceIp': '198.51.100.44', 'aws:ViaAWSService': 'false' }), 'ExplicitDeny'],
    [req(ALICE, 's3:GetObject', OBJ, { 'aws:ViaAWSService': 'true' }), 'Allow'],
    [req(ALICE, 's3:GetObject', OBJ, { 'aws:SourceIp': '198.51.100.44' }), 'Allow']
  ])
]

export const groups = {
  's3-read-only': s3ReadOnly,
  'ec2-tags': ec2Tags,
  'mfa-deny': mfa,
  'region-deny-scp': regionScp,
  'bucket-policies': buckets,
  'self-service': selfService,
  'tag-on-create': tagging,
  'pass-role': passRole,
  dynamodb: dynamo,
  misc
}
