// Issue 11: services whose V1 and V2 pages the action data merges under one prefix. The V2-only
// resource types are listed under no action (API Gateway) or left off the tagging actions
// (Greengrass), so a policy opened to V2 resources had no witness and its broadening went
// unreported. scripts/build-catalog.mjs (CORRECTIONS) adds the V2 rows; these reviews witness them.
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/diff/report.js'
import { reviewStatements } from './review-statements.js'

const run = (base: object, head: object): Promise<Report> =>
  reviewStatements([base], [head], 'iam/api.json')

const allow = (action: string[], resource: string[]): object => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource
})

/** The broadened requests' resources per action (the action's class stands for its members). */
function broadened(report: Report): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const c of report.changes.filter((c) => c.kind === 'broadened')) {
    out.set(c.action, [...(out.get(c.action) ?? []), c.resource])
  }
  return out
}

describe('API Gateway V2 (HTTP and WebSocket APIs)', () => {
  // Source: "Actions defined by Amazon API Gateway Management V2" lists Route, Routes,
  // RouteResponse, … for GET, PATCH and DELETE, with the ARN formats
  // arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/routes/${RouteId},
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagementv2.html
  const REST = 'arn:aws:apigateway:*::/restapis/*'
  // a named HTTP API and one of its routes: only the V2 types Api and Route have these ARNs
  // (a wildcard pattern under /apis/ would also match the V2 ARNs of types both pages share)
  const API = 'arn:aws:apigateway:us-east-1::/apis/a1b2c3'
  const ROUTE = `${API}/routes/r4d5e6`

  it('reports the API and its route when REST API rights spread to an HTTP API', async () => {
    const verbs = ['apigateway:GET', 'apigateway:PATCH', 'apigateway:DELETE']
    const report = await run(allow(verbs, [REST]), allow(verbs, [REST, API, ROUTE]))
    const resources = [...broadened(report).values()].flat().sort()
    expect(resources).toEqual([API, ROUTE])
    const changes = report.changes.filter((c) => c.kind === 'broadened')
    expect(changes.every((c) => c.before.effect === 'ImplicitDeny')).toBe(true)
    expect(changes.every((c) => c.after.effect === 'Allow')).toBe(true)
    expect(report.changes.filter((c) => c.kind !== 'broadened')).toEqual([])
  })

  it('shows a route for a pattern over every route, not an authorizer named `routes/…`', async () => {
    // IAM's `*` spans `/`, so `/apis/*/routes/*` also matches the V2 authorizer format
    // /apis/${ApiId}/authorizers/${AuthorizerId} with the ID `routes/example`; API Gateway IDs
    // are single path segments, so the witness shown is the route, and of the other types the
    // pattern matches only those a real request can name are reported beside it (a route's
    // request parameters and responses)
    const report = await run(
      allow(['apigateway:DELETE'], [REST]),
      allow(['apigateway:DELETE'], [REST, 'arn:aws:apigateway:*::/apis/*/routes/*'])
    )
    const resources = [...broadened(report).values()].flat().sort()
    expect(resources).toContainEqual(expect.stringMatching(/::\/apis\/[^/]+\/routes\/[^/]+$/))
    for (const resource of resources) {
      expect(resource).toMatch(/::\/apis\/example\/routes\/[a-z]+(\/[a-z]+\/example)?$/)
    }
  })

  it('reports the API collection when creating APIs is allowed (POST on /apis)', async () => {
    const report = await run(
      allow(['apigateway:POST'], [REST]),
      allow(['apigateway:POST'], [REST, 'arn:aws:apigateway:*::/apis'])
    )
    const resources = [...broadened(report).values()].flat()
    expect(resources.length).toBeGreaterThan(0)
    for (const resource of resources) expect(resource).toMatch(/::\/apis$/)
  })

  it('reports nothing when only REST API access is rewritten', async () => {
    const report = await run(
      allow(['apigateway:GET'], [REST]),
      allow(['apigateway:GET'], ['arn:aws:apigateway:*::/restapis/*'])
    )
    expect(report.changes).toEqual([])
  })
})

describe('Greengrass V2 tagging', () => {
  // Source: TagResource's resourceArn pattern
  // arn:[^:]*:greengrass:[^:]*:(aws|[0-9]+):(components|deployments|coreDevices):.*,
  // https://docs.aws.amazon.com/greengrass/v2/APIReference/API_TagResource.html
  it('reports core-device and component ARNs when tagging spreads from V1 groups', async () => {
    const tagging = ['greengrass:TagResource', 'greengrass:UntagResource']
    const groups = 'arn:aws:greengrass:*:*:/greengrass/groups/*'
    const report = await run(
      allow(tagging, [groups]),
      allow(tagging, [
        groups,
        'arn:aws:greengrass:*:*:coreDevices:*',
        'arn:aws:greengrass:*:*:components:*'
      ])
    )
    const resources = [...broadened(report).values()].flat()
    expect(resources.some((r) => /:coreDevices:[^:]+$/.test(r))).toBe(true)
    expect(resources.some((r) => /:components:[^:]+/.test(r))).toBe(true)
    for (const resource of resources) {
      expect(resource).toMatch(/^arn:aws:greengrass:[a-z0-9-]+:\d{12}:(coreDevices|components):/)
    }
  })
})

describe('GuardDuty custom detection rules', () => {
  // Source: AWS's GuardDuty page lists GetCustomDetectionRule with the required resource type
  // customdetectionrule (arn:${Partition}:guardduty::aws:detection-rule/custom/${RuleId}); the
  // data lists none, so before the correction the action was requested on `*` only and a
  // Resource narrowed to one rule, or widened back, changed nothing the review could see
  // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonguardduty.html
  const RULE = 'arn:aws:guardduty::aws:detection-rule/custom/r-123'
  it('reports other rules when a grant on one rule is widened to every rule', async () => {
    const report = await run(
      allow(['guardduty:GetCustomDetectionRule'], [RULE]),
      allow(
        ['guardduty:GetCustomDetectionRule'],
        ['arn:aws:guardduty::aws:detection-rule/custom/*']
      )
    )
    const resources = broadened(report).get('guardduty:GetCustomDetectionRule') ?? []
    expect(resources.length).toBeGreaterThan(0)
    for (const resource of resources) {
      expect(resource).toMatch(/^arn:aws:guardduty::aws:detection-rule\/custom\/(?!r-123$)/)
    }
  })
})
