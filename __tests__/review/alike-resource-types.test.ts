// Issue 11, "Warnings a reviewer needs": when one statement covers several resource types, each
// type whose decision changed gets its own witness in the report. A pattern such as `*` tells no
// resource type apart, so the matrix probes one witness for all of them (MATRIX.md, Resources);
// when that witness's decision changes, the review decides the same request on one resource of
// each other type (src/matrix/alike-requests.ts) and reports those that changed too.
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/diff/report.js'
import { reviewStatements as run } from './review-statements.js'

const allow = (action: string, resource: string | string[]): object => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource
})

/** The resource type word of each broadened change of `action` (the resource part's head). */
const broadenedTypes = (report: Report, action: string): string[] =>
  report.changes
    .filter((c) => c.kind === 'broadened' && c.action === action)
    .map((c) => (c.resource.split(':')[5] ?? '').split('/')[0] ?? '')

describe('each resource type whose decision changed is reported', () => {
  it('a tagging grant widened to `*` lists load balancers, target groups and listeners', async () => {
    const report = await run(
      [
        allow('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*')
      ],
      [allow('elasticloadbalancing:AddTags', '*')]
    )
    const types = new Set(broadenedTypes(report, 'elasticloadbalancing:AddTags'))
    for (const type of ['targetgroup', 'listener', 'listener-rule', 'loadbalancer', 'truststore'])
      expect(types).toContain(type)
    // the application load balancers of the account were allowed before: not broadened there
    const sameAccountAlb = report.changes.filter(
      (c) =>
        c.kind === 'broadened' &&
        /:123456789012:loadbalancer\/app\//.test(c.resource) &&
        c.context['aws:ResourceAccount'] === undefined
    )
    expect(sameAccountAlb).toEqual([])
  })

  it('the summary counts the extra requests as evaluated and generated', async () => {
    const report = await run([], [allow('elasticloadbalancing:AddTags', '*')])
    const rows = report.changes.filter((c) => c.action === 'elasticloadbalancing:AddTags')
    expect(rows.length).toBeGreaterThan(5)
    expect(report.summary.requests).toBeGreaterThanOrEqual(rows.length)
    expect(report.summary.generatedRequests).toBe(report.summary.requests)
  })

  // before: the one witness of every type outside `loadbalancer/app/*` was a load balancer of
  // the China partition (first in text order), so the review reported only that
  it("shows a witness of the principal's partition, the others stand beside it", async () => {
    const report = await run(
      [
        allow('elasticloadbalancing:AddTags', 'arn:aws:elasticloadbalancing:*:*:loadbalancer/app/*')
      ],
      [allow('elasticloadbalancing:AddTags', '*')]
    )
    const resources = report.changes.map((c) => c.resource)
    expect(resources.filter((r) => r.startsWith('arn:aws:')).length).toBeGreaterThan(3)
    expect(resources).toContainEqual(
      expect.stringMatching(/^arn:aws:elasticloadbalancing:[^:]+:\d{12}:targetgroup\//)
    )
  })

  it('adds nothing when the witness did not change', async () => {
    const same = allow('elasticloadbalancing:AddTags', '*')
    const report = await run([same], [same, allow('s3:GetObject', 'arn:aws:s3:::b/*')])
    expect(report.changes.filter((c) => c.action.startsWith('elasticloadbalancing:'))).toEqual([])
  })
})
