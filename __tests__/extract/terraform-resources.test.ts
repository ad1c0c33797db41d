// The policy-bearing resources of the Terraform AWS provider, references and placeholders,
// instances, sibling files, and the registry's choice of extractor.
import { describe, expect, test } from '@jest/globals'
import { extractFile, EXTRACTORS } from '../../src/extract/registry.js'
import { sniffUnreviewable } from '../../src/extract/sniff.js'
import { TERRAFORM_CLAIM, terraformExtractor } from '../../src/extract/terraform/extractor.js'
import { DEFAULT_FACTS } from '../../src/extract/types.js'
import { fixture, OPTIONS, positionOfText } from './helpers.js'
import { doc, json, statements, tf } from './terraform-helpers.js'

const text = fixture('terraform/iam.tf')
const result = tf(text)

describe('policy arguments (fixture iam.tf)', () => {
  test('documents, locations, names and kinds', () => {
    expect(result.diagnostics).toEqual([])
    expect(result.documents.map((d) => [d.location, d.name, d.kind])).toEqual([
      ['aws_iam_role.deploy/assume_role_policy', 'aws_iam_role.deploy › trust policy', 'resource'],
      [
        'aws_iam_role.deploy/inline_policy/logs',
        'aws_iam_role.deploy › inline policy logs',
        'identity'
      ],
      ['aws_s3_bucket_policy.logs/policy', 'aws_s3_bucket_policy.logs › bucket policy', 'resource'],
      ['aws_kms_key.k/policy', 'aws_kms_key.k › key policy', 'resource'],
      [
        'aws_organizations_policy.rcp/content',
        'aws_organizations_policy.rcp › resource control policy',
        'rcp'
      ],
      [
        'aws_lambda_permission.allow_bucket',
        'aws_lambda_permission.allow_bucket › permission',
        'resource'
      ]
    ])
  })

  test('references resolve: locals, variables with defaults, facts, resource ARNs; others are placeholders', () => {
    const trust = doc(result, 'aws_iam_role.deploy/assume_role_policy')
    const principal = (statements(trust)[0]?.['Principal'] as Record<string, string>)['AWS']
    // a placeholder in an ARN's account is a 12-digit account ID (a hash of the token, 420fee5)
    expect(principal).toMatch(/^arn:aws:iam::\d{12}:root$/)
    expect(principal).not.toBe('arn:aws:iam::123456789012:root')
    expect(trust.placeholders).toContainEqual({
      value: principal?.split(':')[4],
      stands: 'account variable `external_account` (no default in this file)',
      kind: 'parameter'
    })
    const inline = doc(result, 'aws_iam_role.deploy/inline_policy/logs')
    expect(statements(inline)[0]?.['Resource']).toBe('arn:aws:s3:::app-prod-logs/*')
    expect(inline.attachedTo).toEqual({
      kind: 'role',
      name: 'aws_iam_role.deploy',
      type: 'aws_iam_role',
      arn: 'arn:aws:iam::123456789012:role/ci/deploy'
    })
    const key = doc(result, 'aws_kms_key.k/policy')
    expect(JSON.stringify(json(key))).toContain('arn:aws:iam::123456789012:root')
  })

  test('a heredoc maps every element to its line and column', () => {
    const d = doc(result, 'aws_s3_bucket_policy.logs/policy')
    expect(d.positionOf('/Statement/0/Effect')).toEqual(positionOfText(text, '"Deny"'))
    expect(d.attachedTo).toEqual({
      kind: 'resource',
      name: 'aws_s3_bucket.logs',
      type: 'aws_s3_bucket',
      arn: 'arn:aws:s3:::app-prod-logs'
    })
  })

  test('jsonencode maps elements to the HCL that wrote them', () => {
    const d = doc(result, 'aws_iam_role.deploy/assume_role_policy')
    expect(d.positionOf('/Statement/0/Action')).toEqual(positionOfText(text, '"sts:AssumeRole"'))
  })

  test('a Lambda permission is one statement on the function', () => {
    const d = doc(result, 'aws_lambda_permission.allow_bucket')
    expect(statements(d)).toEqual([
      {
        Sid: 'AllowExecutionFromS3Bucket',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:func',
        Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::app-prod-logs' } }
      }
    ])
  })

  test('attachments: managed policies, boundary, policy attachments', () => {
    expect(result.attachments?.map((a) => [a.relation, a.to.name, a.policy, a.location])).toEqual([
      [
        'managed-policy',
        'aws_iam_role.deploy',
        'arn:aws:iam::123456789012:policy/boundary',
        'aws_iam_role.deploy/managed_policy_arns/arn:aws:iam::123456789012:policy~1boundary'
      ],
      [
        'permissions-boundary',
        'aws_iam_role.deploy',
        'arn:aws:iam::123456789012:policy/boundary',
        'aws_iam_role.deploy/permissions_boundary'
      ],
      [
        'managed-policy',
        'aws_iam_role.deploy',
        'arn:aws:iam::aws:policy/ReadOnlyAccess',
        'aws_iam_role_policy_attachment.ro'
      ]
    ])
  })

  test('policies not known from the file are not reviewed, with the reason', () => {
    expect(result.unreviewable.map((u) => [u.what, u.reason])).toEqual([
      [
        'Terraform: aws_iam_policy.boundary › managed policy',
        'the policy is `file("policies/boundary.json")`, known only when Terraform runs'
      ],
      [
        'Terraform: aws_sqs_queue_policy.q › queue policy',
        'the policy is variable `queue_policy` (no default in this file), known only when Terraform runs'
      ],
      [
        'Terraform: `file("policies/boundary.json")`',
        'the policy is in another file, which this review does not read'
      ]
    ])
  })

  test('file() and templatefile() read siblings through the optional reader', () => {
    const files: Record<string, string> = {
      'infra/policies/boundary.json':
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
      'infra/policies/bucket.json.tftpl':
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${bucket}/$${aws:username}/*"}]}'
    }
    const asked: string[] = []
    const readSibling = (path: string): string | undefined => {
      asked.push(path)
      return files[path]
    }
    const r = tf(
      `${text}
resource "aws_iam_policy" "t" {
  policy = templatefile("\${path.module}/policies/bucket.json.tftpl", { bucket = aws_s3_bucket.logs.bucket })
}
resource "aws_iam_policy" "escape" {
  policy = file("../../../etc/passwd")
}`,
      { ...OPTIONS, readSibling }
    )
    expect(statements(doc(r, 'aws_iam_policy.boundary/policy'))[0]?.['Action']).toBe('*')
    expect(statements(doc(r, 'aws_iam_policy.t/policy'))[0]?.['Resource']).toBe(
      'arn:aws:s3:::app-prod-logs/${aws:username}/*'
    )
    expect(asked.some((p) => p.includes('passwd'))).toBe(false)
    expect(r.unreviewable.map((u) => u.reason)).toContain('the file is outside the repository')
  })
})

describe('instances and expressions', () => {
  test('for_each over a literal set and count give one document per instance', () => {
    const r = tf(`
resource "aws_iam_role_policy" "p" {
  for_each = toset(["read", "write"])
  role     = "deploy"
  policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:\${title(each.key)}*", Resource = "*" }] })
}
resource "aws_iam_user_policy" "u" {
  count  = 2
  user   = "u\${count.index}"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:List\${count.index}", Resource = "*" }] })
}`)
    expect(r.documents.map((d) => d.location)).toEqual([
      'aws_iam_role_policy.p["read"]/policy',
      'aws_iam_role_policy.p["write"]/policy',
      'aws_iam_user_policy.u[0]/policy',
      'aws_iam_user_policy.u[1]/policy'
    ])
    expect(doc(r, 'aws_iam_user_policy.u[1]/policy').attachedTo).toEqual({
      kind: 'user',
      name: 'u1',
      type: 'aws_iam_user'
    })
    // an unsupported function is a placeholder, never `${`
    const action = statements(doc(r, 'aws_iam_role_policy.p["read"]/policy'))[0]?.['Action']
    expect(action).toBe('s3:iam-policy-diff.terraform-function.titleeach.key*')
  })

  test('for_each over an unknown collection is reviewed once and reported', () => {
    const r = tf(`
resource "aws_iam_policy" "p" {
  for_each = var.policies
  policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = each.value }] })
}`)
    expect(statements(doc(r, 'aws_iam_policy.p/policy'))[0]?.['Resource']).toBe(
      'arn:aws:iam-policy-diff:::terraform-each/each.value'
    )
    expect(r.unreviewable.map((u) => u.what)).toEqual(['Terraform: `for_each` of aws_iam_policy.p'])
  })

  test('conditionals decide on known values; for expressions over literal lists', () => {
    const r = tf(`
variable "strict" { default = true }
locals {
  buckets = ["a", "b"]
}
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = var.strict ? "Deny" : "Allow"
      Action   = "s3:*"
      Resource = [for b in local.buckets : "arn:aws:s3:::\${b}" if b != "b"]
    }]
  })
}`)
    expect(statements(doc(r, 'aws_iam_policy.p/policy'))[0]).toEqual({
      Effect: 'Deny',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::a']
    })
  })

  test('`$${aws:username}` is the IAM variable; Terraform `${…}` never reaches the engine', () => {
    const r = tf(`
resource "aws_iam_policy" "p" {
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = ["arn:aws:s3:::b/$\${aws:username}/*", "arn:aws:s3:::\${var.x}"] }] })
}`)
    const resources = statements(doc(r, 'aws_iam_policy.p/policy'))[0]?.['Resource'] as string[]
    expect(resources).toEqual([
      'arn:aws:s3:::b/${aws:username}/*',
      'arn:aws:s3:::iam-policy-diff.terraform-var.x'
    ])
  })
})

describe('registry and sniff', () => {
  test('.tf files with IAM content are claimed by the Terraform extractor', () => {
    expect(EXTRACTORS).toContain(terraformExtractor)
    const extraction = extractFile('infra/iam.tf', text, { facts: DEFAULT_FACTS })
    expect(extraction.format).toBe('terraform')
    expect(extraction.documents.length).toBeGreaterThan(0)
    expect(terraformExtractor.claims('variables.tf', 'variable "x" {}')).toBe(0)
    expect(terraformExtractor.claims('iam.tf.json', '{"resource": {"aws_iam_role": {}}}')).toBe(
      TERRAFORM_CLAIM
    )
    // every `.tf.json`: JSON escapes could hide a type name from a text search
    expect(terraformExtractor.claims('variables.tf.json', '{"variable": {"x": {}}}')).toBe(
      TERRAFORM_CLAIM
    )
  })

  test('a Terraform file with IAM content that nobody claims is not reviewed, with the plan as the fix', () => {
    const found = sniffUnreviewable('iam.tf.json', '{"resource": {"aws_iam_role": {"r": {}}}}')
    expect(found[0]?.what).toBe('Terraform (.tf.json)')
    expect(found[0]?.fix).toContain('terraform show -json')
  })
})
