// The product's promise (issue 3, docs/MATRIX.md): with no configuration, every catalogue action
// whose decision changed for some resource or context is found, and nothing else. Each row is
// an old → new pair with the actions that really change, worked out by hand from IAM-SEMANTICS.
import { describe, expect, it } from '@jest/globals'
import { allow, catalog, changedActions, deny, doc, matrixOf, setOf } from './helpers.js'

const BUCKET = 'arn:aws:s3:::bucket'
const s3Actions = catalog.actionsOf('s3').map((a) => a.name)

interface Row {
  readonly name: string
  readonly base: object | undefined
  readonly head: object | undefined
  readonly changed: readonly string[]
}

const when = (Condition: object): object => ({ Condition })

const rows: Row[] = [
  // §3.1 actions
  {
    name: 'an action added',
    base: doc(allow('s3:GetObject')),
    head: doc(allow(['s3:GetObject', 's3:PutObject'])),
    changed: ['s3:PutObject']
  },
  {
    name: 'action-name case only',
    base: doc(allow(['s3:getobject', 'S3:PUTOBJECT'])),
    head: doc(allow(['s3:GetObject', 's3:PutObject'])),
    changed: []
  },
  {
    name: '`?` in an action pattern',
    base: doc(allow('s3:GetObjec?')),
    head: doc(allow('s3:GetObject*')),
    // every `s3:GetObject…` except `s3:GetObject` itself, which both match
    changed: s3Actions.filter((a) => a.startsWith('s3:GetObject') && a !== 's3:GetObject')
  },
  {
    name: 'NotAction widened by a service (§3.1)',
    base: doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
    head: doc({ Effect: 'Allow', NotAction: ['iam:*', 's3:*'], Resource: '*' }),
    changed: s3Actions
  },
  {
    name: 'an action outside the catalogue removed',
    base: doc(allow(['s3:GetObject', 'foo:DoThing'])),
    head: doc(allow('s3:GetObject')),
    changed: ['foo:DoThing']
  },
  // §3.2 resources
  {
    name: 'resource narrowed to a prefix',
    base: doc(allow('s3:GetObject', `${BUCKET}/*`)),
    head: doc(allow('s3:GetObject', `${BUCKET}/reports/*`)),
    changed: ['s3:GetObject']
  },
  {
    name: 'a resource inside one pattern and outside the other (prefix of the fill text)',
    base: doc(allow('s3:GetObject', `${BUCKET}/ex*`)),
    head: doc(allow('s3:GetObject', `${BUCKET}/*`)),
    changed: ['s3:GetObject']
  },
  {
    name: '`?` versus `*` in a resource',
    base: doc(allow('s3:GetObject', `${BUCKET}/a?c`)),
    head: doc(allow('s3:GetObject', `${BUCKET}/a*c`)),
    changed: ['s3:GetObject']
  },
  {
    name: 'a pattern inside another one added (no change)',
    base: doc(allow('s3:GetObject', `${BUCKET}/*`)),
    head: doc(allow('s3:GetObject', [`${BUCKET}/*`, `${BUCKET}/a/*`])),
    changed: []
  },
  {
    name: 'a star spanning slashes (§3.2 example)',
    base: doc(allow('s3:GetObject', `${BUCKET}/*/test/*`)),
    head: doc(allow('s3:GetObject', `${BUCKET}/test/*`)),
    changed: ['s3:GetObject']
  },
  {
    name: 'NotResource widened',
    base: doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${BUCKET}/secret/*` }),
    head: doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${BUCKET}/secret*` }),
    changed: ['s3:GetObject']
  },
  {
    name: 'an action without resource types is granted only by `*`',
    base: doc(allow('s3:ListAllMyBuckets', BUCKET)),
    head: doc(allow('s3:ListAllMyBuckets', '*')),
    changed: ['s3:ListAllMyBuckets']
  },
  {
    name: 'a Region segment widened',
    base: doc(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:*:queue')),
    head: doc(allow('sqs:SendMessage', 'arn:aws:sqs:*:*:queue')),
    changed: ['sqs:SendMessage']
  },
  {
    name: 'a policy variable replaced by a star (§4.6)',
    base: doc(allow('s3:GetObject', `${BUCKET}/home/\${aws:PrincipalTag/team}/*`)),
    head: doc(allow('s3:GetObject', `${BUCKET}/home/*`)),
    changed: ['s3:GetObject']
  },
  // §4 conditions
  {
    name: 'a string condition value changed',
    base: doc(
      allow(
        'iam:PassRole',
        '*',
        when({ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } })
      )
    ),
    head: doc(
      allow(
        'iam:PassRole',
        '*',
        when({ StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } })
      )
    ),
    changed: ['iam:PassRole']
  },
  {
    name: 'StringEquals versus StringEqualsIgnoreCase',
    base: doc(
      allow(
        'iam:PassRole',
        '*',
        when({ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } })
      )
    ),
    head: doc(
      allow(
        'iam:PassRole',
        '*',
        when({ StringEqualsIgnoreCase: { 'iam:PassedToService': 'ec2.amazonaws.com' } })
      )
    ),
    changed: ['iam:PassRole']
  },
  {
    name: 'StringLike patterns that differ',
    base: doc(allow('s3:ListBucket', BUCKET, when({ StringLike: { 's3:prefix': 'home/*' } }))),
    head: doc(allow('s3:ListBucket', BUCKET, when({ StringLike: { 's3:prefix': 'home/a*' } }))),
    changed: ['s3:ListBucket']
  },
  {
    name: 'a Deny on a key only one of the actions carries (StringEquals)',
    base: doc(allow(['s3:GetObject', 'iam:PassRole'])),
    head: doc(
      allow(['s3:GetObject', 'iam:PassRole']),
      deny(
        ['s3:GetObject', 'iam:PassRole'],
        '*',
        when({ StringEquals: { 'iam:PassedToService': 'x' } })
      )
    ),
    changed: ['iam:PassRole']
  },
  {
    name: 'a Deny on a key the action never carries (StringNotEquals: always applies, §4.3)',
    base: doc(allow(['s3:GetObject', 'ec2:DescribeInstances'])),
    head: doc(
      allow(['s3:GetObject', 'ec2:DescribeInstances']),
      deny('s3:GetObject', '*', when({ StringNotEquals: { 'iam:PassedToService': 'x' } }))
    ),
    changed: ['s3:GetObject']
  },
  {
    name: 'numeric boundary: < versus <=',
    base: doc(
      allow('s3:GetObject', '*', when({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }))
    ),
    head: doc(
      allow(
        's3:GetObject',
        '*',
        when({ NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } })
      )
    ),
    changed: ['s3:GetObject']
  },
  {
    name: 'date boundary: > versus >=',
    base: doc(
      allow(
        's3:GetObject',
        '*',
        when({ DateGreaterThan: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } })
      )
    ),
    head: doc(
      allow(
        's3:GetObject',
        '*',
        when({ DateGreaterThanEquals: { 'aws:CurrentTime': '2024-01-01T00:00:00Z' } })
      )
    ),
    changed: ['s3:GetObject']
  },
  {
    name: 'a CIDR narrowed',
    base: doc(allow('s3:GetObject', '*', when({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }))),
    head: doc(allow('s3:GetObject', '*', when({ IpAddress: { 'aws:SourceIp': '10.0.0.0/16' } }))),
    changed: ['s3:GetObject']
  },
  {
    // aws:MultiFactorAuthPresent is absent from requests made with long-term keys
    name: 'Bool versus BoolIfExists (key absent, §4.3)',
    base: doc(
      deny('s3:GetObject', '*', when({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } })),
      allow('s3:GetObject')
    ),
    head: doc(
      deny('s3:GetObject', '*', when({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } })),
      allow('s3:GetObject')
    ),
    changed: ['s3:GetObject']
  },
  {
    // AWS sends aws:SecureTransport in every request (issue 11): the absent case never happens
    name: 'Bool versus BoolIfExists on a key AWS always sends: no change',
    base: doc(
      deny('s3:GetObject', '*', when({ Bool: { 'aws:SecureTransport': 'false' } })),
      allow('s3:GetObject')
    ),
    head: doc(
      deny('s3:GetObject', '*', when({ BoolIfExists: { 'aws:SecureTransport': 'false' } })),
      allow('s3:GetObject')
    ),
    changed: []
  },
  {
    name: 'ForAnyValue set widened (§4.4)',
    base: doc(
      allow('ec2:CreateTags', '*', when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }))
    ),
    head: doc(
      allow(
        'ec2:CreateTags',
        '*',
        when({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } })
      )
    ),
    changed: ['ec2:CreateTags']
  },
  {
    name: 'ForAllValues set narrowed (§4.4)',
    base: doc(
      allow(
        'ec2:CreateTags',
        '*',
        when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } })
      )
    ),
    head: doc(
      allow('ec2:CreateTags', '*', when({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }))
    ),
    changed: ['ec2:CreateTags']
  },
  {
    name: 'Null true versus false',
    base: doc(allow('ec2:CreateTags', '*', when({ Null: { 'aws:RequestTag/team': 'true' } }))),
    head: doc(allow('ec2:CreateTags', '*', when({ Null: { 'aws:RequestTag/team': 'false' } }))),
    changed: ['ec2:CreateTags']
  },
  {
    name: 'a Deny condition that needs the Allow condition too',
    base: doc(allow('s3:GetObject', '*', when({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }))),
    head: doc(
      allow('s3:GetObject', '*', when({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })),
      deny('s3:GetObject', '*', when({ Bool: { 'aws:SecureTransport': 'false' } }))
    ),
    changed: ['s3:GetObject']
  },
  {
    name: 'a condition on a key only the other action carries',
    base: doc(allow(['s3:GetObject', 'iam:PassRole'])),
    head: doc(
      allow(
        ['s3:GetObject', 'iam:PassRole'],
        '*',
        when({ StringEqualsIfExists: { 'iam:PassedToService': 'ec2.amazonaws.com' } })
      )
    ),
    changed: ['iam:PassRole']
  },
  // added and deleted files
  {
    name: 'a new file (compared against no policy)',
    base: undefined,
    // sts:GetCallerIdentity needs no permission (STS API reference): allowed with or without
    head: doc(allow(['sts:GetCallerIdentity', 'sts:GetSessionToken'])),
    changed: ['sts:GetSessionToken']
  },
  {
    name: 'a deleted file',
    base: doc(allow('s3:GetObject', `${BUCKET}/*`)),
    head: undefined,
    changed: ['s3:GetObject']
  }
]

describe('the automatic matrix finds exactly the actions whose decision changed', () => {
  it.each(rows)('$name', (row) => {
    expect(changedActions(row.base, row.head)).toEqual([...row.changed].sort())
  })
})

describe('resource-based policies: principals (§3.3)', () => {
  const bucketPolicy = (principal: object | string): object =>
    doc({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `${BUCKET}/*` })

  it.each([
    [
      'the account replaced by one of its roles',
      { AWS: 'arn:aws:iam::444455556666:root' },
      { AWS: 'arn:aws:iam::444455556666:role/reader' }
    ],
    ['a user replaced by everyone', { AWS: 'arn:aws:iam::111122223333:user/alice' }, '*'],
    [
      'a service added',
      { Service: 'cloudtrail.amazonaws.com' },
      { Service: ['cloudtrail.amazonaws.com', 'config.amazonaws.com'] }
    ]
  ])('%s', (_name, before, after) => {
    expect(changedActions(bucketPolicy(before), bucketPolicy(after))).toEqual(['s3:GetObject'])
  })

  it('reports which principal gained access', () => {
    const base = setOf(bucketPolicy({ AWS: 'arn:aws:iam::444455556666:role/reader' }))
    const head = setOf(bucketPolicy({ AWS: 'arn:aws:iam::444455556666:root' }))
    const principals = matrixOf(base, head).requests.map((r) => r.principal)
    expect(principals).toEqual(
      expect.arrayContaining([
        '*',
        'arn:aws:iam::444455556666:root',
        'arn:aws:sts::444455556666:assumed-role/reader/example',
        'arn:aws:iam::111122223333:role/example'
      ])
    )
  })
})
