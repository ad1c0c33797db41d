// Terraform's JSON configuration syntax (`.tf.json`, what CDK for Terraform synthesizes): the same
// configuration written in JSON extracts to the same policy documents as in the native syntax.
// Source: Terraform, "JSON Configuration Syntax" (block types and labels as nested objects,
// arrays for repeated blocks, strings as templates, `//` comments, literal variable defaults).
import { describe, expect, it } from '@jest/globals'
import { extractTerraform } from '../../src/extract/terraform/extractor.js'
import { extractFile } from '../../src/extract/registry.js'
import type { Extraction } from '../../src/extract/types.js'
import { OPTIONS } from './helpers.js'
import { parsedStatements, tf } from './terraform-helpers.js'

const tfJson = (config: unknown): Extraction =>
  extractTerraform('infra/main.tf.json', JSON.stringify(config, null, 2), OPTIONS)

/** location → statements without positions, for comparing the two syntaxes */
function documents(extraction: Extraction): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const d of extraction.documents) out[`${d.location} (${d.kind})`] = parsedStatements(d)
  return out
}

function errors(extraction: Extraction): string[] {
  return extraction.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)
}

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }]
})

describe('.tf.json reads like .tf', () => {
  it.each<[string, string, unknown]>([
    [
      'a policy document data source with conditions and principals, used by a role',
      `
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["123456789012"]
    }
  }
}
resource "aws_iam_role" "fn" {
  name               = "fn"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}`,
      {
        '//': { metadata: { backend: 'local' } },
        data: {
          aws_iam_policy_document: {
            assume: {
              statement: [
                {
                  actions: ['sts:AssumeRole'],
                  principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
                  condition: [
                    {
                      test: 'StringEquals',
                      variable: 'aws:SourceAccount',
                      values: ['123456789012']
                    }
                  ]
                }
              ]
            }
          }
        },
        resource: {
          aws_iam_role: {
            fn: { name: 'fn', assume_role_policy: '${data.aws_iam_policy_document.assume.json}' }
          }
        }
      }
    ],
    [
      'a literal JSON policy string, a variable default and a template',
      `
variable "bucket" {
  default = "reports"
}
resource "aws_iam_policy" "read" {
  name   = "read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::\${var.bucket}/*" }]
  })
}
resource "aws_iam_role_policy" "inline" {
  name   = "inline"
  role   = "fn"
  policy = ${JSON.stringify(POLICY)}
}`,
      {
        variable: { bucket: { default: 'reports' } },
        resource: {
          aws_iam_policy: {
            read: {
              name: 'read',
              policy:
                '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::${var.bucket}/*"}]})}'
            }
          },
          aws_iam_role_policy: { inline: { name: 'inline', role: 'fn', policy: POLICY } }
        }
      }
    ],
    [
      'a dynamic statement block and an inline_policy block',
      `
data "aws_iam_policy_document" "buckets" {
  dynamic "statement" {
    for_each = ["a", "b"]
    content {
      actions   = ["s3:GetObject"]
      resources = ["arn:aws:s3:::\${statement.value}/*"]
    }
  }
}
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = ${JSON.stringify(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }))}
  inline_policy {
    name   = "buckets"
    policy = data.aws_iam_policy_document.buckets.json
  }
}`,
      {
        data: {
          aws_iam_policy_document: {
            buckets: {
              dynamic: {
                statement: {
                  for_each: ['a', 'b'],
                  content: {
                    actions: ['s3:GetObject'],
                    resources: ['arn:aws:s3:::${statement.value}/*']
                  }
                }
              }
            }
          }
        },
        resource: {
          aws_iam_role: {
            r: {
              name: 'r',
              assume_role_policy: JSON.stringify({
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { Service: 'ec2.amazonaws.com' },
                    Action: 'sts:AssumeRole'
                  }
                ]
              }),
              inline_policy: [
                { name: 'buckets', policy: '${data.aws_iam_policy_document.buckets.json}' }
              ]
            }
          }
        }
      }
    ]
  ])('%s', (_name, hcl, config) => {
    const native = tf(hcl)
    const fromJson = tfJson(config)
    expect(errors(native)).toEqual([])
    expect(errors(fromJson)).toEqual([])
    expect(Object.keys(documents(native)).length).toBeGreaterThan(0)
    expect(documents(fromJson)).toEqual(documents(native))
  })
})

describe('.tf.json files', () => {
  it('a literal variable default is not a template', () => {
    const result = tfJson({
      variable: { name: { default: '${not.a.reference}' } },
      resource: {
        aws_iam_policy: {
          p: {
            policy:
              '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::${var.name}"}]})}'
          }
        }
      }
    })
    expect(errors(result)).toEqual([])
    const [document] = result.documents
    expect(JSON.parse(document?.text ?? '{}')).toMatchObject({
      Statement: [{ Resource: 'arn:aws:s3:::${not.a.reference}' }]
    })
  })

  it('property names are templates, and escaped type names are still read', () => {
    // Terraform decodes JSON escapes and reads object keys as templates
    const result = extractTerraform(
      'main.tf.json',
      JSON.stringify({
        locals: { key: 'aws:username' },
        resource: {
          'aws_iam_polic\u0079': {
            p: {
              policy:
                '${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = "s3:*", Resource = "*", Condition = {StringLike = {"${local.key}" = "*"}}}]})}'
            }
          }
        }
      }).replace('aws_iam_policy', 'aws_iam_polic\\u0079'),
      OPTIONS
    )
    expect(errors(result)).toEqual([])
    const [document] = result.documents
    expect(JSON.parse(document?.text ?? '{}')).toMatchObject({
      Statement: [{ Condition: { StringLike: { 'aws:username': '*' } } }]
    })
  })

  it('a policy document condition variable from a local', () => {
    const result = tfJson({
      locals: { key: 'aws:username' },
      data: {
        aws_iam_policy_document: {
          d: {
            statement: [
              {
                actions: ['s3:*'],
                resources: ['*'],
                condition: [{ test: 'StringLike', variable: '${local.key}', values: ['*'] }]
              }
            ]
          }
        }
      },
      resource: { aws_iam_policy: { p: { policy: '${data.aws_iam_policy_document.d.json}' } } }
    })
    expect(errors(result)).toEqual([])
    expect(JSON.parse(result.documents[0]?.text ?? '{}')).toMatchObject({
      Statement: [{ Condition: { StringLike: { 'aws:username': ['*'] } } }]
    })
  })

  it('invalid JSON is a located syntax error', () => {
    const result = extractTerraform('main.tf.json', '{\n  "resource": {,\n}', OPTIONS)
    expect(result.documents).toEqual([])
    expect(result.diagnostics).toMatchObject([{ code: 'terraform-syntax', span: { line: 2 } }])
  })

  it('a block that is not an object is a located syntax error', () => {
    const result = extractTerraform(
      'main.tf.json',
      '{\n  "resource": {\n    "aws_iam_policy": {\n      "p": 3\n    }\n  }\n}',
      OPTIONS
    )
    expect(result.diagnostics).toMatchObject([{ code: 'terraform-syntax', span: { line: 4 } }])
  })

  it('is read by the Terraform extractor, not listed as not reviewed', () => {
    const text = JSON.stringify({ resource: { aws_iam_policy: { p: { policy: POLICY } } } })
    const result = extractFile('cdktf.out/stacks/app/cdk.tf.json', text, OPTIONS)
    expect(result.format).toBe('terraform')
    expect(result.unreviewable).toEqual([])
    expect(result.documents.map((d) => d.location)).toEqual(['aws_iam_policy.p/policy'])
  })
})
