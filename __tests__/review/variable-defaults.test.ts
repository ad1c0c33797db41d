// A policy variable's default (`${aws:PrincipalTag/team, 'shared'}`) applies when the request
// leaves the key out (IAM-SEMANTICS §4.6; "Specifying default values",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-default-values).
// The matrix used to fill every variable with its sample, so a default added or changed in a
// Resource or NotResource was reported as no change (found by a differential fuzz against
// `evaluate`, issue 11 session review).
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/diff/report.js'
import { reviewStatements as run } from './review-statements.js'

const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:'
const send = (element: 'Resource' | 'NotResource', value: string): object => ({
  Effect: 'Allow',
  Action: 'sqs:SendMessage',
  [element]: value
})
const getObject = (resource: string): object => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: resource
})

/** The broadened changes: resource, and whether the request gave the variable's key. */
const broadened = (report: Report, key: string): Array<[string, boolean]> =>
  report.changes
    .filter((c) => c.kind === 'broadened')
    .map((c) => [c.resource, Object.hasOwn(c.context, key)])

describe('policy-variable defaults', () => {
  it('reports the default folder when a default is added to a Resource variable', async () => {
    const report = await run(
      [getObject('arn:aws:s3:::b/${aws:PrincipalTag/team}/*')],
      [getObject("arn:aws:s3:::b/${aws:PrincipalTag/team, 'shared'}/*")]
    )
    expect(broadened(report, 'aws:PrincipalTag/team')).toEqual([
      [expect.stringMatching(/^arn:aws:s3:::b\/shared\/.+$/), false]
    ])
  })

  it('reports the new default queue when only the default changes', async () => {
    const report = await run(
      [send('Resource', `${QUEUE}\${aws:PrincipalTag/q, 'none'}`)],
      [send('Resource', `${QUEUE}\${aws:PrincipalTag/q, 'jobs'}`)]
    )
    expect(broadened(report, 'aws:PrincipalTag/q')).toEqual([[`${QUEUE}jobs`, false]])
  })

  it('reports the queue a NotResource default no longer excludes', async () => {
    const report = await run(
      [send('NotResource', `${QUEUE}\${aws:PrincipalTag/q, 'jobs'}`)],
      [send('NotResource', `${QUEUE}\${aws:PrincipalTag/q, 'none'}`)]
    )
    expect(broadened(report, 'aws:PrincipalTag/q')).toContainEqual([`${QUEUE}jobs`, false])
  })

  it('reports the default tag when a condition value gains a default', async () => {
    const tagged = (value: string): object => ({
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': value } }
    })
    const report = await run(
      [tagged('${aws:PrincipalTag/team}')],
      [tagged("${aws:PrincipalTag/team, 'shared'}")]
    )
    const contexts = report.changes.filter((c) => c.kind === 'broadened').map((c) => c.context)
    expect(contexts.length).toBeGreaterThan(0)
    for (const context of contexts) {
      expect(context['aws:ResourceTag/team']).toBe('shared')
      expect(Object.hasOwn(context, 'aws:PrincipalTag/team')).toBe(false)
    }
  })

  it('reports ExplicitDeny → Allow when a Deny guard’s variable gains a default', async () => {
    const allow = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }
    const owner = (value: string): object => ({
      Effect: 'Deny',
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:ResourceTag/owner': value } }
    })
    const report = await run(
      [allow, owner('${aws:PrincipalTag/owner}')],
      [allow, owner("${aws:PrincipalTag/owner, 'root'}")]
    )
    const changes = report.changes.filter((c) => c.kind === 'broadened')
    expect(changes.length).toBeGreaterThan(0)
    for (const change of changes) {
      expect([change.before.effect, change.after.effect]).toEqual(['ExplicitDeny', 'Allow'])
      expect(change.context['aws:ResourceTag/owner']).toBe('root')
    }
  })

  it('reports nothing when a default is only restated', async () => {
    const report = await run(
      [send('Resource', `${QUEUE}\${aws:PrincipalTag/q, 'jobs'}`)],
      [send('Resource', `${QUEUE}\${aws:PrincipalTag/q,'jobs'}`)]
    )
    expect(report.changes).toEqual([])
  })
})
