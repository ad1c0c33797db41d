// aws_iam_policy_document, written from the Terraform AWS provider's documentation of the data
// source (arguments, `&{…}`, principals and conditions, source/override merging), and the
// property that one policy written as heredoc JSON, jsonencode and a policy document extracts
// to the same statements.
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { doc, json, parsedStatements, statements, tf } from './terraform-helpers.js'

const ROLE = (policy: string): string => `
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = ${policy}
}
`

describe('aws_iam_policy_document', () => {
  test('every statement argument, principals and conditions grouped as the provider does', () => {
    const result = tf(`
data "aws_iam_policy_document" "example" {
  policy_id = "example"
  statement {
    sid       = "1"
    actions   = ["s3:ListAllMyBuckets", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::*"]
  }
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::my-bucket"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["", "home/", "home/&{aws:username}/"]
    }
  }
  statement {
    effect        = "Deny"
    not_actions   = ["s3:*"]
    not_resources = ["arn:aws:s3:::my-bucket/home/&{aws:username}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::210987654321:root"]
    }
    not_principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
${ROLE('data.aws_iam_policy_document.example.json')}`)
    const d = doc(result, 'aws_iam_policy.p/policy')
    expect(json(d)).toMatchObject({ Version: '2012-10-17', Id: 'example' })
    const [first, second, third] = statements(d)
    expect(first).toEqual({
      Sid: '1',
      Effect: 'Allow',
      Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
      Resource: ['arn:aws:s3:::*']
    })
    expect(second?.['Condition']).toEqual({
      StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/'] }
    })
    expect(third).toEqual({
      Effect: 'Deny',
      NotAction: ['s3:*'],
      NotResource: ['arn:aws:s3:::my-bucket/home/${aws:username}/*'],
      Principal: { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::210987654321:root'] },
      NotPrincipal: { Service: ['ec2.amazonaws.com'] }
    })
    // the data source is reviewed through the policy that uses it, not twice
    expect(result.documents.map((x) => x.location)).toEqual(['aws_iam_policy.p/policy'])
  })

  test('a principal `*` with identifier `*` is `"Principal": "*"`; version is kept', () => {
    const result = tf(`
data "aws_iam_policy_document" "public" {
  version = "2008-10-17"
  statement {
    actions = ["s3:GetObject"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}`)
    const d = doc(result, 'data.aws_iam_policy_document.public')
    expect(d.kind).toBe('resource')
    expect(d.name).toBe('data.aws_iam_policy_document.public › policy document')
    expect(json(d)['Version']).toBe('2008-10-17')
    expect(statements(d)[0]?.['Principal']).toBe('*')
  })

  test('source and override documents merge by Sid (provider example)', () => {
    const result = tf(`
data "aws_iam_policy_document" "source" {
  statement {
    actions   = ["ec2:*"]
    resources = ["*"]
  }
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:*"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "override" {
  statement {
    sid       = "SidToOverride"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.source.json]
  override_policy_documents = [data.aws_iam_policy_document.override.json]
  statement {
    sid       = "OwnStatement"
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}`)
    const d = doc(result, 'data.aws_iam_policy_document.merged')
    expect(statements(d).map((s) => [s['Sid'], s['Action']])).toEqual([
      [undefined, ['ec2:*']],
      ['SidToOverride', ['s3:GetObject']],
      ['OwnStatement', ['sqs:SendMessage']]
    ])
    // source and override are part of `merged`, so they are not reviewed on their own
    expect(result.documents.map((x) => x.location)).toEqual(['data.aws_iam_policy_document.merged'])
  })

  test('a statement of the document overrides a source statement with the same Sid', () => {
    const result = tf(`
locals {
  base = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "A", Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}
data "aws_iam_policy_document" "d" {
  source_policy_documents = [local.base]
  statement {
    sid = "A"
    effect = "Deny"
    actions = ["s3:DeleteBucket"]
    resources = ["*"]
  }
}`)
    const d = doc(result, 'data.aws_iam_policy_document.d')
    expect(statements(d)).toEqual([
      { Sid: 'A', Effect: 'Deny', Action: ['s3:DeleteBucket'], Resource: ['*'] }
    ])
  })

  test('dynamic "statement" over a literal collection expands; over an unknown one it is reported', () => {
    const result = tf(`
variable "buckets" {
  default = ["a", "b"]
}
variable "unknown" {}
data "aws_iam_policy_document" "d" {
  dynamic "statement" {
    for_each = var.buckets
    content {
      actions   = ["s3:GetObject"]
      resources = ["arn:aws:s3:::\${statement.value}/*"]
    }
  }
  dynamic "statement" {
    for_each = var.unknown
    iterator = s
    content {
      actions   = ["s3:PutObject"]
      resources = [s.value]
    }
  }
}`)
    const d = doc(result, 'data.aws_iam_policy_document.d')
    expect(statements(d).map((s) => s['Resource'])).toEqual([
      ['arn:aws:s3:::a/*'],
      ['arn:aws:s3:::b/*']
    ])
    expect(result.unreviewable).toEqual([
      expect.objectContaining({
        what: 'Terraform: `dynamic "statement"` in data.aws_iam_policy_document.d',
        position: { line: 14, column: 3 }
      })
    ])
  })

  test('positions point at the arguments as written', () => {
    const text = `data "aws_iam_policy_document" "d" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}`
    const d = doc(tf(text), 'data.aws_iam_policy_document.d')
    expect(d.positionOf('/Statement/0')).toEqual({ line: 2, column: 3 })
    expect(d.positionOf('/Statement/0/Action/0')).toEqual({ line: 3, column: 18 })
    expect(d.positionOf('/Statement/0/Effect')).toEqual({ line: 2, column: 3 })
  })
})

describe('heredoc JSON, jsonencode and aws_iam_policy_document are the same policy', () => {
  const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/)
  const statement = fc.record({
    sid: fc.option(word, { nil: undefined }),
    effect: fc.constantFrom('Allow', 'Deny'),
    actions: fc.array(
      word.map((w) => `s3:${w}`),
      { minLength: 1, maxLength: 3 }
    ),
    resources: fc.array(
      word.map((w) => `arn:aws:s3:::${w}/*`),
      { minLength: 1, maxLength: 3 }
    ),
    condition: fc.option(
      fc.record({
        key: word.map((w) => `aws:PrincipalTag/${w}`),
        values: fc.array(word, { minLength: 1, maxLength: 2 })
      }),
      { nil: undefined }
    )
  })
  type S = typeof statement extends fc.Arbitrary<infer T> ? T : never

  const asJson = (s: S): unknown => ({
    ...(s.sid === undefined ? {} : { Sid: s.sid }),
    Effect: s.effect,
    Action: s.actions,
    Resource: s.resources,
    ...(s.condition
      ? { Condition: { StringEquals: { [s.condition.key]: s.condition.values } } }
      : {})
  })
  const hcl = (value: unknown): string => JSON.stringify(value)
  const asHclObject = (s: S): string =>
    `{
      ${s.sid === undefined ? '' : `Sid = ${hcl(s.sid)}`}
      Effect = ${hcl(s.effect)}
      Action = ${hcl(s.actions)}
      Resource = ${hcl(s.resources)}
      ${s.condition ? `Condition = { StringEquals = { ${hcl(s.condition.key)} = ${hcl(s.condition.values)} } }` : ''}
    }`
  const asBlock = (s: S): string => `
  statement {
    ${s.sid === undefined ? '' : `sid = ${hcl(s.sid)}`}
    effect = ${hcl(s.effect)}
    actions = ${hcl(s.actions)}
    resources = ${hcl(s.resources)}
    ${s.condition ? `condition {\n      test = "StringEquals"\n      variable = ${hcl(s.condition.key)}\n      values = ${hcl(s.condition.values)}\n    }` : ''}
  }`

  test('property: the parsed statements are equal', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(statement, {
          minLength: 1,
          maxLength: 4,
          selector: (s) => s.sid ?? JSON.stringify(s)
        }),
        (list) => {
          const heredoc = `<<-EOT\n    ${JSON.stringify({ Version: '2012-10-17', Statement: list.map(asJson) }, null, 2).replaceAll('\n', '\n    ')}\n  EOT`
          const encoded = `jsonencode({\n    Version = "2012-10-17"\n    Statement = [${list.map(asHclObject).join(', ')}]\n  })`
          const text = `
resource "aws_iam_policy" "heredoc" {
  policy = ${heredoc}
}
resource "aws_iam_policy" "encoded" {
  policy = ${encoded}
}
data "aws_iam_policy_document" "doc" {${list.map(asBlock).join('\n')}
}
resource "aws_iam_policy" "document" {
  policy = data.aws_iam_policy_document.doc.json
}`
          const result = tf(text)
          expect(result.diagnostics).toEqual([])
          const a = parsedStatements(doc(result, 'aws_iam_policy.heredoc/policy'))
          const b = parsedStatements(doc(result, 'aws_iam_policy.encoded/policy'))
          const c = parsedStatements(doc(result, 'aws_iam_policy.document/policy'))
          expect(b).toEqual(a)
          expect(c).toEqual(a)
        }
      ),
      { numRuns: 60, seed: 9 }
    )
  })
})
