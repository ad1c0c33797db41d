// A widened Allow condition next to a Deny guard on a key most requests leave out must be
// reported (a fail-open found by a differential fuzz against `evaluate`, issue 11 session review).
// `NotIpAddress` and `BoolIfExists` are true when their key is absent (IAM-SEMANTICS §4.3,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists),
// so such a guard denies every request without the key: the broadened request needs the new
// Allow value and the guard's key set so that the guard is off, two keys of two statements.
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/diff/report.js'
import { reviewStatements as run } from './review-statements.js'

const teams = (values: string[]): object => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: '*',
  Condition: { StringEquals: { 'aws:PrincipalTag/team': values } }
})
const OFFICE_ONLY = {
  Effect: 'Deny',
  Action: 's3:GetObject',
  Resource: '*',
  Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
}
const MFA_ONLY = {
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }
}

const broadened = (report: Report): Array<Record<string, unknown>> =>
  report.changes
    .filter((c) => c.kind === 'broadened' && c.action === 's3:GetObject')
    .map((c) => c.context)

describe('Allow conditions widened beside a Deny guard', () => {
  it('reports team=ops from the office when a NotIpAddress guard stands beside the Allow', async () => {
    const report = await run([teams(['dev']), OFFICE_ONLY], [teams(['dev', 'ops']), OFFICE_ONLY])
    const contexts = broadened(report)
    expect(contexts.length).toBeGreaterThan(0)
    for (const context of contexts) {
      expect(context['aws:PrincipalTag/team']).toBe('ops')
      expect(String(context['aws:SourceIp'])).toMatch(/^10\./)
    }
  })

  it('reports team=ops with MFA when a BoolIfExists MFA guard stands beside the Allow', async () => {
    const report = await run([teams(['dev']), MFA_ONLY], [teams(['dev', 'ops']), MFA_ONLY])
    const contexts = broadened(report)
    expect(contexts.length).toBeGreaterThan(0)
    for (const context of contexts) {
      expect(context['aws:PrincipalTag/team']).toBe('ops')
      expect(context['aws:MultiFactorAuthPresent']).toBe('true')
    }
  })

  it('reports ExplicitDeny → Allow when one of two deny guards is loosened', async () => {
    const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
    const notTeam = (values: string[]): object => ({
      Effect: 'Deny',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:PrincipalTag/team': values } }
    })
    const report = await run(
      [allow, notTeam(['dev']), OFFICE_ONLY],
      [allow, notTeam(['dev', 'ops']), OFFICE_ONLY]
    )
    const changes = report.changes.filter((c) => c.action === 's3:GetObject')
    expect(changes.length).toBeGreaterThan(0)
    for (const change of changes) {
      expect([change.before.effect, change.after.effect]).toEqual(['ExplicitDeny', 'Allow'])
      expect(change.context['aws:PrincipalTag/team']).toBe('ops')
    }
  })

  it('reports a Deny of two keys relaxed in one, beside another guard that stays off', async () => {
    const allow = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }
    const staleOutsiders = (teamValues: string[]): object => ({
      Effect: 'Deny',
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: {
        StringNotEquals: { 'aws:PrincipalTag/team': teamValues },
        NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' }
      }
    })
    const office = {
      Effect: 'Deny',
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
    }
    const report = await run(
      [allow, staleOutsiders(['dev']), office],
      [allow, staleOutsiders(['dev', 'ops']), office]
    )
    const changes = report.changes.filter((c) => c.action === 'secretsmanager:GetSecretValue')
    expect(changes.length).toBeGreaterThan(0)
    for (const change of changes) {
      expect([change.before.effect, change.after.effect]).toEqual(['ExplicitDeny', 'Allow'])
      expect(change.context['aws:PrincipalTag/team']).toBe('ops')
      expect(String(change.context['aws:SourceIp'])).toMatch(/^10\./)
    }
  })

  it('reports nothing when only the guard is restated', async () => {
    const report = await run(
      [teams(['dev']), OFFICE_ONLY],
      [teams(['dev']), { ...OFFICE_ONLY, Sid: 'OfficeOnly' }]
    )
    expect(report.changes).toEqual([])
  })
})
