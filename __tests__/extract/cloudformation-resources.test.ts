// One case per resource type that holds a policy (CloudFormation resource reference).
import { describe, expect, it } from '@jest/globals'
import { cloudFormationExtractor } from '../../src/extract/cloudformation/extractor.js'
import {
  byLocation,
  expectValidPolicy,
  extract,
  json,
  only,
  statement,
  template
} from './cloudformation-helpers.js'

const DOC = `
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: {AWS: '111122223333'}
            Action: '*'`

const IDENTITY = `
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: '*'`

describe('claims', () => {
  it.each([
    ["AWSTemplateFormatVersion: '2010-09-09'\n", 35],
    ['Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 35],
    ['Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', 25],
    ['{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}', 25],
    ['{"Statement": []}', 0],
    ['service: x\nprovider: {name: aws}\n', 0]
  ])('%j → %d', (text, score) => {
    expect(cloudFormationExtractor.claims('t', text)).toBe(score)
  })
})

describe('resource-based policies', () => {
  it.each([
    [
      'AWS::S3::BucketPolicy',
      'PolicyDocument',
      '      Bucket: my-bucket\n',
      'arn:aws:s3:::my-bucket'
    ],
    [
      'AWS::SQS::QueuePolicy',
      'PolicyDocument',
      '      Queues: [https://sqs.us-east-1.amazonaws.com/123456789012/q1]\n',
      'arn:aws:sqs:us-east-1:123456789012:q1'
    ],
    [
      'AWS::SNS::TopicPolicy',
      'PolicyDocument',
      '      Topics: [arn:aws:sns:us-east-1:123456789012:t]\n',
      'arn:aws:sns:us-east-1:123456789012:t'
    ],
    ['AWS::KMS::Key', 'KeyPolicy', '', 'arn:aws:kms:us-east-1:123456789012:key/Res'],
    [
      'AWS::Events::EventBus',
      'Policy',
      '      Name: bus\n',
      'arn:aws:events:us-east-1:123456789012:event-bus/bus'
    ],
    [
      'AWS::SecretsManager::ResourcePolicy',
      'ResourcePolicy',
      '      SecretId: arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf\n',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf'
    ],
    [
      'AWS::ECR::Repository',
      'RepositoryPolicyText',
      '      RepositoryName: repo\n',
      'arn:aws:ecr:us-east-1:123456789012:repository/repo'
    ],
    [
      'AWS::EFS::FileSystem',
      'FileSystemPolicy',
      '',
      'arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-Res'
    ],
    [
      'AWS::OpenSearchService::Domain',
      'AccessPolicies',
      '      DomainName: dom\n',
      'arn:aws:es:us-east-1:123456789012:domain/dom'
    ]
  ])('%s %s', (type, property, extra, arn) => {
    const result = extract(
      template(`  Res:\n    Type: ${type}\n    Properties:\n${extra}      ${property}:${DOC}\n`)
    )
    const doc = only(result)
    expect(doc).toMatchObject({
      location: `Resources/Res/Properties/${property}`,
      kind: 'resource'
    })
    expect(doc.attachedTo?.arn).toBe(arn)
    expectValidPolicy(doc)
    const line = 11 + extra.split('\n').length - 1
    expect(doc.positionOf('/Statement/0/Action')).toEqual({ line, column: 21 })
  })

  it('parses a Logs resource policy written as JSON text, positioned at the string', () => {
    const text = template(`  LogsPolicy:
    Type: AWS::Logs::ResourcePolicy
    Properties:
      PolicyName: es-logs
      PolicyDocument: !Sub |
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"Service": "es.amazonaws.com"}, "Action": "logs:PutLogEvents",
          "Resource": "arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/es/*"}]}
`)
    const doc = only(extract(text))
    expect(statement(doc)['Resource']).toBe('arn:aws:logs:us-east-1:123456789012:log-group:/es/*')
    expect(doc.positionOf('/Statement/0/Resource')).toEqual({ line: 7, column: 28 })
    expectValidPolicy(doc)
  })

  it('reports a policy property that is not valid JSON text', () => {
    const result = extract(
      template(
        `  P:\n    Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyDocument: '{"Statement": ['\n`
      )
    )
    expect(result.documents).toEqual([])
    expect(result.diagnostics.map((d) => d.code)).toContain('template-policy-invalid')
  })

  it('builds a Lambda permission statement from its properties', () => {
    const doc = only(
      extract(
        template(`  Fn:
    Type: AWS::Lambda::Function
    Properties: {FunctionName: worker}
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Fn
      Principal: s3.amazonaws.com
      SourceArn: arn:aws:s3:::uploads
      SourceAccount: !Ref AWS::AccountId
      PrincipalOrgID: o-abc123
`)
      )
    )
    expect(json(doc)['Statement']).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:worker',
        Condition: {
          StringEquals: { 'aws:SourceAccount': '123456789012', 'aws:PrincipalOrgID': 'o-abc123' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' }
        }
      }
    ])
    expect(doc.kind).toBe('resource')
    expectValidPolicy(doc)
  })

  it('reads both forms of an EventBusPolicy', () => {
    const result = extract(
      template(`  New:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: new
      EventBusName: bus
      Statement:
        Sid: new
        Effect: Allow
        Principal: {AWS: arn:aws:iam::111122223333:root}
        Action: events:PutEvents
        Resource: arn:aws:events:us-east-1:123456789012:event-bus/bus
  Old:
    Type: AWS::Events::EventBusPolicy
    Properties:
      StatementId: old
      Action: events:PutEvents
      Principal: '*'
      Condition: {Type: StringEquals, Key: aws:PrincipalOrgID, Value: o-abc123}
`)
    )
    expect(statement(byLocation(result, 'Resources/New/Properties'))['Sid']).toBe('new')
    const old = byLocation(result, 'Resources/Old/Properties')
    expect(statement(old)).toEqual({
      Sid: 'old',
      Effect: 'Allow',
      Principal: '*',
      Action: 'events:PutEvents',
      Resource: 'arn:aws:events:us-east-1:123456789012:event-bus/default',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }
    })
    for (const doc of result.documents) expectValidPolicy(doc)
  })
})

describe('identity policies and IAM principals', () => {
  it('extracts a role trust policy (resource kind), inline policies by name, and attachments', () => {
    const result = extract(
      template(`  Deploy:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deployer
      AssumeRolePolicyDocument:${DOC}
      Policies:
        - PolicyName: s3-write
          PolicyDocument:${IDENTITY.replaceAll('\n        ', '\n            ')}
      ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
`)
    )
    const trust = byLocation(result, 'Resources/Deploy/Properties/AssumeRolePolicyDocument')
    expect(trust).toMatchObject({ kind: 'resource', name: 'Deploy › trust policy' })
    expect(trust.attachedTo).toEqual({
      kind: 'role',
      name: 'Deploy',
      type: 'AWS::IAM::Role',
      arn: 'arn:aws:iam::123456789012:role/deployer'
    })
    const inline = byLocation(
      result,
      'Resources/Deploy/Properties/Policies/s3-write/PolicyDocument'
    )
    expect(inline).toMatchObject({ kind: 'identity', name: 'Deploy › inline policy s3-write' })
    expect(result.attachments?.map((a) => [a.relation, a.policy])).toEqual([
      ['managed-policy', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
      ['permissions-boundary', 'arn:aws:iam::123456789012:policy/boundary']
    ])
    for (const doc of result.documents) expectValidPolicy(doc)
  })

  it.each([
    ['AWS::IAM::User', 'user'],
    ['AWS::IAM::Group', 'group']
  ])('%s inline policies', (type, kind) => {
    const body = `  P:\n    Type: ${type}\n    Properties:\n      Policies:\n        - PolicyName: a\n          PolicyDocument:${IDENTITY.replaceAll('\n        ', '\n            ')}\n`
    const doc = only(extract(template(body)))
    expect(doc.attachedTo?.kind).toBe(kind)
    expectValidPolicy(doc)
  })

  it.each([
    ['AWS::IAM::Policy', '      PolicyName: p\n      Roles: [r1]\n'],
    ['AWS::IAM::ManagedPolicy', '      Users: [u1]\n'],
    ['AWS::IAM::RolePolicy', '      PolicyName: p\n      RoleName: r1\n'],
    ['AWS::IAM::UserPolicy', '      PolicyName: p\n      UserName: u1\n'],
    ['AWS::IAM::GroupPolicy', '      PolicyName: p\n      GroupName: g1\n']
  ])('%s', (type, extra) => {
    const result = extract(
      template(
        `  P:\n    Type: ${type}\n    Properties:\n${extra}      PolicyDocument:${IDENTITY}\n`
      )
    )
    const doc = only(result)
    expect(doc).toMatchObject({
      kind: 'identity',
      location: 'Resources/P/Properties/PolicyDocument'
    })
    expectValidPolicy(doc)
  })

  it('records whom a standalone policy applies to', () => {
    const result = extract(
      template(
        `  P:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Roles: [r1]\n      Groups: [g1]\n      PolicyDocument:${IDENTITY}\n`
      )
    )
    expect(result.attachments?.map((a) => [a.relation, a.to.kind, a.to.name])).toEqual([
      ['applies-to', 'role', 'r1'],
      ['applies-to', 'group', 'g1']
    ])
  })

  it('SSO permission set inline policy (JSON text)', () => {
    const text = template(
      `  Set:\n    Type: AWS::SSO::PermissionSet\n    Properties:\n      InlinePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'\n`
    )
    const doc = only(extract(text))
    expect(doc.kind).toBe('identity')
    expectValidPolicy(doc)
  })
})

describe('organization policies', () => {
  it.each([
    ['SERVICE_CONTROL_POLICY', 'scp'],
    ['RESOURCE_CONTROL_POLICY', 'rcp']
  ])('%s → %s, content as object or JSON text', (type, kind) => {
    const statementText =
      kind === 'scp'
        ? '{"Effect":"Deny","Action":"s3:*","Resource":"*"}'
        : '{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}'
    const result = extract(
      template(`  AsText:
    Type: AWS::Organizations::Policy
    Properties:
      Type: ${type}
      Content: '{"Version":"2012-10-17","Statement":[${statementText}]}'
  AsObject:
    Type: AWS::Organizations::Policy
    Properties:
      Type: ${type}
      Content: {"Version":"2012-10-17","Statement":[${statementText}]}
`)
    )
    expect(result.documents.map((d) => d.kind)).toEqual([kind, kind])
    for (const doc of result.documents) expectValidPolicy(doc)
  })

  it('ignores tag and backup policies', () => {
    const text = template(
      `  Tags:\n    Type: AWS::Organizations::Policy\n    Properties:\n      Type: TAG_POLICY\n      Content: {tags: {}}\n`
    )
    expect(extract(text).documents).toEqual([])
  })
})
