// Terraform plan JSON, from the documented "JSON Output Format" (format_version,
// resource_changes[].change.{actions, before, after, after_unknown}).
import { expect, test } from '@jest/globals'
import { extractFile } from '../../src/extract/registry.js'
import { extractPlanChange, terraformPlanExtractor } from '../../src/extract/terraform/plan.js'
import { DEFAULT_FACTS } from '../../src/extract/types.js'
import { fixture, OPTIONS, positionOfText } from './helpers.js'
import { doc, statements } from './terraform-helpers.js'

const text = fixture('terraform/plan.json')
const { base, head } = extractPlanChange('plan.json', text, OPTIONS)

test('both sides of every change with a policy, located by address', () => {
  expect(base.documents.map((d) => d.location)).toEqual([
    'module.ci.aws_iam_role.deploy["main"]/assume_role_policy',
    'aws_iam_role_policy.gone/policy'
  ])
  expect(head.documents.map((d) => d.location)).toEqual([
    'module.ci.aws_iam_role.deploy["main"]/assume_role_policy',
    'module.ci.aws_iam_role.deploy["main"]/inline_policy/s3',
    'aws_lambda_permission.s3'
  ])
  const trust = doc(head, 'module.ci.aws_iam_role.deploy["main"]/assume_role_policy')
  expect(trust.name).toBe('module.ci.aws_iam_role.deploy["main"] › trust policy')
  expect(statements(trust)[0]?.['Principal']).toEqual({ AWS: '*' })
  expect(trust.attachedTo).toEqual({
    kind: 'role',
    name: 'module.ci.aws_iam_role.deploy["main"]',
    type: 'aws_iam_role',
    arn: 'arn:aws:iam::123456789012:role/deploy'
  })
  const needle = '"assume_role_policy"'
  const second = text.indexOf(needle, text.indexOf(needle) + 1)
  const at = positionOfText(text, needle, second)
  expect(trust.positionOf('/Statement/0')).toEqual({
    line: at.line,
    column: at.column + needle.length + 2
  })
})

test('a policy unknown until apply is not reviewed; unknown parts are placeholders', () => {
  expect(head.unreviewable.map((u) => [u.what, u.reason])).toEqual([
    [
      'Terraform plan: aws_iam_policy.new › managed policy',
      'the policy is known only after apply (`after_unknown`)'
    ]
  ])
  const permission = doc(head, 'aws_lambda_permission.s3')
  expect(statements(permission)[0]).toEqual({
    Sid: 'AllowS3',
    Effect: 'Allow',
    Principal: { Service: 's3.amazonaws.com' },
    Action: 'lambda:InvokeFunction',
    Resource:
      'arn:aws:lambda:us-east-1:123456789012:function:iam-policy-diff.terraform-plan.aws_lambda_permission.s3.function_name',
    Condition: {
      ArnLike: {
        'AWS:SourceArn': 'iam-policy-diff.terraform-plan.aws_lambda_permission.s3.source_arn'
      }
    }
  })
})

test('attachments on each side', () => {
  expect(base.attachments?.map((a) => a.policy)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess'])
  expect(head.attachments?.map((a) => a.policy)).toEqual([
    'arn:aws:iam::aws:policy/AdministratorAccess'
  ])
})

test('claimed as terraform-plan; the extractor alone gives the planned side', () => {
  expect(terraformPlanExtractor.claims('plan.json', text)).toBeGreaterThan(35)
  expect(terraformPlanExtractor.claims('p.json', '{"Statement": []}')).toBe(0)
  const extraction = extractFile('plan.json', text, { facts: DEFAULT_FACTS })
  expect(extraction.format).toBe('terraform-plan')
  expect(extraction.documents.map((d) => d.location)).toEqual(head.documents.map((d) => d.location))
})

test('broken and hostile plans never throw', () => {
  for (const t of [
    '{"format_version": "1.2", "resource_changes": [',
    '{"format_version": "1.2", "resource_changes": {"a": 1}}',
    '{"format_version": "1.2", "resource_changes": [null, 1, {"address": 1}, {"address": "a", "type": "aws_iam_policy", "change": {"after": {"policy": "{not json"}}}]}',
    '{"format_version": "1.2", "resource_changes": [{"address": "__proto__", "type": "constructor", "change": {"after": {}}}]}'
  ]) {
    const r = extractPlanChange('plan.json', t, OPTIONS)
    expect(r.head.documents).toEqual([])
  }
})
