// The slice of AWS the synthetic workload talks about: services, real action names and how their
// resource ARNs look. Accounts, buckets and names are drawn from small pools so that policies and
// requests overlap the way they do in a real account.
import type { Random } from './prng.js'

export const ACCOUNT = '111122223333'
export const OTHER_ACCOUNT = '444455556666'
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']
export const TEAMS = ['payments', 'search', 'platform', 'data', 'web']
export const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']
export const BUCKETS = Array.from({ length: 24 }, (_, i) => `app-${i}-${TEAMS[i % 5] ?? 'x'}`)
export const TABLES = ['Orders', 'Users', 'Sessions', 'Invoices', 'Events', 'Audit']
export const FUNCTIONS = ['resize-image', 'send-mail', 'nightly-report', 'ingest', 'webhook']
export const ROLES = ['app-role', 'ci-deployer', 'lambda-exec', 'readonly', 'admin']

export interface Service {
  readonly prefix: string
  readonly actions: readonly string[]
  /** a concrete ARN of this service's resources */
  arn(random: Random, region: string): string
  /** a resource pattern as a policy would write it (wildcards, prefixes) */
  pattern(random: Random): string
}

const region = (random: Random): string => random.pick([...REGIONS, '*'])

export const SERVICES: readonly Service[] = [
  {
    prefix: 's3',
    actions: [
      'GetObject',
      'PutObject',
      'DeleteObject',
      'ListBucket',
      'GetObjectTagging',
      'PutObjectAcl',
      'GetBucketPolicy',
      'PutBucketPolicy',
      'GetBucketLocation',
      'ListAllMyBuckets'
    ],
    arn: (r) =>
      r.chance(0.3)
        ? `arn:aws:s3:::${r.pick(BUCKETS)}`
        : `arn:aws:s3:::${r.pick(BUCKETS)}/${r.pick(['home', 'logs', 'public', 'tmp'])}/${r.pick(USERS)}/f${r.int(0, 99)}.json`,
    pattern: (r) =>
      r.pick([
        `arn:aws:s3:::${r.pick(BUCKETS)}`,
        `arn:aws:s3:::${r.pick(BUCKETS)}/*`,
        `arn:aws:s3:::app-${r.int(0, 9)}-*/*`,
        `arn:aws:s3:::${r.pick(BUCKETS)}/public/*`,
        `arn:aws:s3:::${r.pick(BUCKETS)}/logs/????/*`
      ])
  },
  {
    prefix: 'ec2',
    actions: [
      'RunInstances',
      'TerminateInstances',
      'StartInstances',
      'StopInstances',
      'DescribeInstances',
      'DescribeVolumes',
      'CreateTags',
      'AttachVolume'
    ],
    arn: (r, reg) => `arn:aws:ec2:${reg}:${ACCOUNT}:instance/i-0${r.int(100000, 999999)}abc`,
    pattern: (r) => `arn:aws:ec2:${region(r)}:${ACCOUNT}:${r.pick(['instance/*', 'volume/*', '*'])}`
  },
  {
    prefix: 'dynamodb',
    actions: ['GetItem', 'PutItem', 'Query', 'Scan', 'DeleteItem', 'UpdateItem', 'DescribeTable'],
    arn: (r, reg) => `arn:aws:dynamodb:${reg}:${ACCOUNT}:table/${r.pick(TABLES)}`,
    pattern: (r) =>
      r.pick([
        `arn:aws:dynamodb:${region(r)}:${ACCOUNT}:table/${r.pick(TABLES)}`,
        `arn:aws:dynamodb:*:${ACCOUNT}:table/${r.pick(TABLES)}*`,
        `arn:aws:dynamodb:${region(r)}:${ACCOUNT}:table/*`
      ])
  },
  {
    prefix: 'lambda',
    actions: [
      'InvokeFunction',
      'UpdateFunctionCode',
      'GetFunction',
      'CreateFunction',
      'DeleteFunction'
    ],
    arn: (r, reg) => `arn:aws:lambda:${reg}:${ACCOUNT}:function:${r.pick(FUNCTIONS)}`,
    pattern: (r) =>
      `arn:aws:lambda:${region(r)}:${ACCOUNT}:function:${r.pick([...FUNCTIONS, '*', 'send-*'])}`
  },
  {
    prefix: 'iam',
    actions: [
      'PassRole',
      'CreateUser',
      'AttachRolePolicy',
      'GetRole',
      'CreateAccessKey',
      'ListUsers'
    ],
    arn: (r) =>
      `arn:aws:iam::${ACCOUNT}:${r.chance(0.6) ? 'role' : 'user'}/${r.pick([...ROLES, ...USERS])}`,
    pattern: (r) =>
      `arn:aws:iam::${ACCOUNT}:${r.pick(['role/*', `role/${r.pick(ROLES)}`, 'user/${aws:username}'])}`
  },
  {
    prefix: 'kms',
    actions: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey', 'ScheduleKeyDeletion'],
    arn: (r, reg) =>
      `arn:aws:kms:${reg}:${ACCOUNT}:key/${r.int(1000, 1010)}abcd-12ab-34cd-56ef-1234567890ab`,
    pattern: (r) => `arn:aws:kms:${region(r)}:${ACCOUNT}:key/*`
  },
  {
    prefix: 'sqs',
    actions: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes', 'PurgeQueue'],
    arn: (r, reg) => `arn:aws:sqs:${reg}:${ACCOUNT}:${r.pick(TEAMS)}-queue`,
    pattern: (r) => `arn:aws:sqs:${region(r)}:${ACCOUNT}:${r.pick(TEAMS)}-*`
  },
  {
    prefix: 'logs',
    actions: [
      'CreateLogGroup',
      'CreateLogStream',
      'PutLogEvents',
      'DeleteLogGroup',
      'FilterLogEvents'
    ],
    arn: (r, reg) => `arn:aws:logs:${reg}:${ACCOUNT}:log-group:/aws/lambda/${r.pick(FUNCTIONS)}:*`,
    pattern: (r) => `arn:aws:logs:${region(r)}:${ACCOUNT}:log-group:/aws/lambda/*`
  },
  {
    prefix: 'secretsmanager',
    actions: ['GetSecretValue', 'PutSecretValue', 'DescribeSecret', 'DeleteSecret'],
    arn: (r, reg) =>
      `arn:aws:secretsmanager:${reg}:${ACCOUNT}:secret:${r.pick(TEAMS)}/db-AbC${r.int(100, 120)}`,
    pattern: (r) => `arn:aws:secretsmanager:${region(r)}:${ACCOUNT}:secret:${r.pick(TEAMS)}/*`
  },
  {
    prefix: 'sns',
    actions: ['Publish', 'Subscribe', 'CreateTopic', 'DeleteTopic'],
    arn: (r, reg) => `arn:aws:sns:${reg}:${ACCOUNT}:${r.pick(TEAMS)}-alerts`,
    pattern: (r) => `arn:aws:sns:${region(r)}:${ACCOUNT}:*-alerts`
  }
]

export function serviceOf(prefix: string): Service {
  const service = SERVICES.find((s) => s.prefix === prefix)
  if (service === undefined) throw new Error(`unknown bench service ${prefix}`)
  return service
}
