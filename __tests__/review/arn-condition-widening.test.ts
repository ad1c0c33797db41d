// An ARN condition widened in its region or account part must be reported (a fail-open found by
// a differential fuzz against `evaluate`, issue 11 session review). ArnLike and ArnNotLike compare
// each of the six ARN parts on its own (IAM-SEMANTICS §4.2, "ARN condition operators":
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN),
// so `arn:aws:sqs:*:*:*` admits a queue of another account that `arn:aws:sqs:*:123456789012:*`
// does not; the matrix used to fill both with the same region and account.
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/diff/report.js'
import { reviewStatements as run } from './review-statements.js'

const allowWhen = (operator: string, arns: string[]): object => ({
  Effect: 'Allow',
  Action: 'logs:CreateLogGroup',
  Resource: '*',
  Condition: { [operator]: { 'aws:SourceArn': arns } }
})

/** A Deny of sqs:SendMessage unless aws:SourceArn matches `arn`, beside an Allow of it. */
const guard = (arn: string): object => ({
  Effect: 'Deny',
  Action: 'sqs:SendMessage',
  Resource: '*',
  Condition: { ArnNotLike: { 'aws:SourceArn': arn } }
})
const allowSend = { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }

/** The broadened changes' aws:SourceArn values. */
const sourceArns = (report: Report): string[] =>
  report.changes
    .filter((c) => c.kind === 'broadened')
    .map((c) => String(c.context['aws:SourceArn'] ?? ''))

describe('ARN conditions widened in the region or account part', () => {
  it('reports another account when a pattern for every account is added', async () => {
    const report = await run(
      [allowWhen('ArnLike', ['arn:aws:sqs:*:123456789012:*'])],
      [allowWhen('ArnLike', ['arn:aws:sqs:*:123456789012:*', 'arn:aws:sqs:*:*:*'])]
    )
    const arns = sourceArns(report)
    expect(arns.length).toBeGreaterThan(0)
    for (const arn of arns) expect(arn).toMatch(/^arn:aws:sqs:[a-z0-9-]+:(?!123456789012)\d{12}:/)
  })

  it('reports another region when a region wildcard replaces a pinned region', async () => {
    const report = await run(
      [allowWhen('ArnLike', ['arn:aws:sqs:us-east-1:123456789012:*'])],
      [allowWhen('ArnLike', ['arn:aws:sqs:*:123456789012:*'])]
    )
    const arns = sourceArns(report)
    expect(arns.length).toBeGreaterThan(0)
    for (const arn of arns)
      expect(arn).toMatch(/^arn:aws:sqs:(?!us-east-1:)[a-z0-9-]+:123456789012:/)
  })

  it('reports another region under ArnEquals too', async () => {
    const report = await run(
      [allowWhen('ArnEquals', ['arn:aws:sqs:us-east-1:123456789012:orders'])],
      [allowWhen('ArnEquals', ['arn:aws:sqs:*:123456789012:orders'])]
    )
    expect(sourceArns(report)).toEqual([
      expect.stringMatching(/^arn:aws:sqs:(?!us-east-1:)[a-z0-9-]+:123456789012:orders$/)
    ])
  })

  it('reports the ExplicitDeny → Allow of a deny guard loosened to every account', async () => {
    const report = await run(
      [allowSend, guard('arn:aws:sns:*:123456789012:*')],
      [allowSend, guard('arn:aws:sns:*:*:*')]
    )
    const changes = report.changes.filter((c) => c.action === 'sqs:SendMessage')
    expect(changes.length).toBeGreaterThan(0)
    for (const change of changes) {
      expect([change.before.effect, change.after.effect]).toEqual(['ExplicitDeny', 'Allow'])
      expect(String(change.context['aws:SourceArn'])).toMatch(
        /^arn:aws:sns:[a-z0-9-]+:(?!123456789012)\d{12}:/
      )
    }
  })

  // the partition is one of the six parts too; a policy deployed to several partitions (one
  // template for the commercial Regions and GovCloud) grants more where the partition is open
  it('reports another partition when the partition part is opened', async () => {
    const report = await run(
      [allowWhen('ArnLike', ['arn:aws:sns:*:123456789012:*'])],
      [allowWhen('ArnLike', ['arn:*:sns:*:123456789012:*'])]
    )
    const arns = sourceArns(report)
    expect(arns.length).toBeGreaterThan(0)
    for (const arn of arns) expect(arn).toMatch(/^arn:aws-(cn|us-gov):sns:[a-z0-9-]+:123456789012:/)
  })

  it('reports the ExplicitDeny → Allow of a deny guard opened to every partition', async () => {
    const report = await run(
      [allowSend, guard('arn:aws:sns:us-east-1:123456789012:alerts')],
      [allowSend, guard('arn:*:sns:us-east-1:123456789012:alerts')]
    )
    const changes = report.changes.filter((c) => c.action === 'sqs:SendMessage')
    expect(changes.map((c) => [c.before.effect, c.after.effect])).toContainEqual([
      'ExplicitDeny',
      'Allow'
    ])
  })

  it('reports nothing when the same patterns are only reordered', async () => {
    const report = await run(
      [allowWhen('ArnLike', ['arn:aws:sqs:*:*:*', 'arn:aws:sqs:*:123456789012:*'])],
      [allowWhen('ArnLike', ['arn:aws:sqs:*:123456789012:*', 'arn:aws:sqs:*:*:*'])]
    )
    expect(report.changes).toEqual([])
  })
})
