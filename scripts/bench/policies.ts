// Synthetic identity policies that look like the ones teams write: scoped allows with resource
// wildcards, service-wide read access, region locks, TLS and MFA guards, tag-based access (ABAC),
// policy variables, NotAction and NotResource. Every condition family appears.
import type { Random } from './prng.js'
import { ACCOUNT, REGIONS, ROLES, SERVICES, TEAMS, serviceOf, type Service } from './services.js'

type Json = Record<string, unknown>

const actionsOf = (r: Random, service: Service, count: number): string[] =>
  r.sample(service.actions, count).map((name) => `${service.prefix}:${name}`)

function scopedAllow(r: Random): Json {
  const service = r.pick(SERVICES)
  const resources = Array.from({ length: r.int(1, 3) }, () => service.pattern(r))
  const actions = r.chance(0.25)
    ? [`${service.prefix}:${r.pick(['Get', 'Put', 'Describe', 'List'])}*`]
    : []
  return {
    Effect: 'Allow',
    Action: [...actions, ...actionsOf(r, service, r.int(1, 4))],
    Resource: resources
  }
}

function readOnlyWildcards(r: Random): Json {
  const services = r.sample(SERVICES, r.int(1, 3))
  const verbs = ['Get*', 'List*', 'Describe*']
  return {
    Effect: 'Allow',
    Action: services.flatMap((s) => r.sample(verbs, 2).map((v) => `${s.prefix}:${v}`)),
    Resource: '*'
  }
}

const regionCondition = (r: Random): Json => ({
  StringEquals: { 'aws:RequestedRegion': r.sample(REGIONS, 2) }
})

const ipCondition = (r: Random): Json => ({
  IpAddress: {
    'aws:SourceIp': [
      `203.0.${r.int(0, 3)}.0/24`,
      `198.51.100.${r.int(0, 7) * 32}/27`,
      '2001:db8::/32'
    ]
  }
})

function denyInsecureTransport(r: Random): Json {
  const bucket = serviceOf('s3').pattern(r)
  return {
    Effect: 'Deny',
    Action: 's3:*',
    Resource: [bucket, `${bucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } }
  }
}

function regionLockNotAction(r: Random): Json {
  return {
    Effect: 'Deny',
    NotAction: ['iam:*', 'sts:*', 'organizations:*', 'support:*', 'cloudfront:*'],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': r.sample(REGIONS, r.int(1, 3)) } }
  }
}

function homeFolder(r: Random): Json {
  const bucket = `arn:aws:s3:::${r.pick(['app-0-payments', 'app-5-payments', 'app-7-data'])}`
  return r.chance(0.5)
    ? {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: bucket,
        Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'public/*'] } }
      }
    : {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `${bucket}/home/\${aws:username}/*`
      }
}

function abacByTeam(r: Random): Json {
  const service = serviceOf(r.pick(['ec2', 'dynamodb', 'lambda', 'secretsmanager']))
  return {
    Effect: 'Allow',
    Action: actionsOf(r, service, 3),
    Resource: '*',
    Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } }
  }
}

const denyAfterDate = (r: Random): Json => ({
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition: {
    DateGreaterThan: { 'aws:CurrentTime': `20${r.int(27, 31)}-0${r.int(1, 9)}-01T00:00:00Z` }
  }
})

const tagKeysOnCreate = (r: Random): Json => ({
  Effect: 'Allow',
  Action: ['ec2:CreateTags', 'ec2:RunInstances'],
  Resource: `arn:aws:ec2:*:${ACCOUNT}:*`,
  Condition: {
    'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env', 'owner'] },
    'ForAnyValue:StringLike': { 'aws:TagKeys': r.pick([['team'], ['env', 'cost-*']]) }
  }
})

const passRoleToService = (r: Random): Json => ({
  Effect: 'Allow',
  Action: 'iam:PassRole',
  Resource: `arn:aws:iam::${ACCOUNT}:role/${r.pick(ROLES)}`,
  Condition: {
    StringEquals: { 'iam:PassedToService': r.pick(['lambda.amazonaws.com', 'ec2.amazonaws.com']) }
  }
})

const denyWithoutMfa = (): Json => ({
  Effect: 'Deny',
  Action: ['iam:*', 'kms:ScheduleKeyDeletion'],
  Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }
})

const recentMfa = (r: Random): Json => ({
  Effect: 'Allow',
  Action: ['iam:CreateAccessKey', 'iam:CreateUser'],
  Resource: '*',
  Condition: {
    NumericLessThanEquals: { 'aws:MultiFactorAuthAge': String(r.pick([900, 3600])) },
    Null: { 'aws:MultiFactorAuthAge': 'false' }
  }
})

const sourceArnAllow = (r: Random): Json => ({
  Effect: 'Allow',
  Action: ['sqs:SendMessage', 'sns:Publish', 'lambda:InvokeFunction'],
  Resource: '*',
  Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${ACCOUNT}:${r.pick(TEAMS)}-*` } }
})

const denyNotResource = (r: Random): Json => ({
  Effect: 'Deny',
  Action: 'secretsmanager:GetSecretValue',
  NotResource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:${r.pick(TEAMS)}/*`
})

/** A statement builder per realistic pattern, with its weight in the mix. */
const TEMPLATES: readonly { weight: number; build: (r: Random) => Json }[] = [
  { weight: 10, build: scopedAllow },
  { weight: 4, build: readOnlyWildcards },
  { weight: 3, build: (r) => ({ ...scopedAllow(r), Condition: regionCondition(r) }) },
  { weight: 2, build: (r) => ({ ...scopedAllow(r), Condition: ipCondition(r) }) },
  { weight: 2, build: denyInsecureTransport },
  { weight: 2, build: regionLockNotAction },
  { weight: 2, build: homeFolder },
  { weight: 2, build: abacByTeam },
  { weight: 1, build: denyAfterDate },
  { weight: 1, build: tagKeysOnCreate },
  { weight: 1, build: passRoleToService },
  { weight: 1, build: denyWithoutMfa },
  { weight: 1, build: recentMfa },
  { weight: 1, build: sourceArnAllow },
  { weight: 1, build: denyNotResource },
  {
    weight: 1,
    build: (r) => ({
      Effect: 'Deny',
      Action: actionsOf(r, r.pick(SERVICES), 2),
      Resource: r.pick(SERVICES).pattern(r)
    })
  }
]
const TOTAL_WEIGHT = TEMPLATES.reduce((sum, t) => sum + t.weight, 0)

function pickTemplate(r: Random): (r: Random) => Json {
  let roll = r.next() * TOTAL_WEIGHT
  for (const template of TEMPLATES) {
    roll -= template.weight
    if (roll < 0) return template.build
  }
  return scopedAllow
}

/** One identity policy document of 2–12 statements. */
export function syntheticPolicy(r: Random): Json {
  const statements = Array.from({ length: r.int(2, 12) }, (_, i) => {
    const statement = pickTemplate(r)(r)
    return r.chance(0.5) ? { Sid: `Stmt${i}`, ...statement } : statement
  })
  return { Version: '2012-10-17', Statement: statements }
}

/** A permissions boundary and an SCP level shared by some of the sets, as in a real organisation. */
export const BOUNDARY: Json = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
    { Effect: 'Allow', Action: ['iam:PassRole', 'iam:Get*', 'iam:List*'], Resource: '*' }
  ]
}

export const SCP_LEVEL: readonly Json[] = [
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'NoLeavingOrg',
        Effect: 'Deny',
        Action: 'organizations:LeaveOrganization',
        Resource: '*'
      },
      {
        Sid: 'RegionLock',
        Effect: 'Deny',
        NotAction: ['iam:*', 'sts:*', 'support:*'],
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2', 'eu-west-1'] }
        }
      }
    ]
  }
]
