// Issue 11: when one statement covers several resource types, each type whose decision changed
// gets its own witness. Elastic Load Balancing's tagging actions act on V2 listeners, rules, load
// balancers, target groups and trust stores as well as classic load balancers; the catalogue
// lists those types (scripts/build-catalog.mjs, CORRECTIONS), so the review witnesses each one.
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { memorySource, policy } from './memory-source.js'

const catalog = loadCatalog()
const run = (base: string | undefined, head: string): Promise<Report> =>
  review({
    source: memorySource({
      base: base === undefined ? {} : { 'iam/elb.json': base },
      head: { 'iam/elb.json': head }
    }),
    config: DEFAULT_CONFIG,
    catalog,
    toolVersion: 'test'
  })

const ELB = 'arn:aws:elasticloadbalancing:*:*:'
const tagging = (resources: string[], extra: object = {}): object => ({
  Effect: 'Allow',
  Action: ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'],
  Resource: resources,
  ...extra
})

/**
 * The resource type an ELB ARN names, from its resource part: `listener/net`, `targetgroup`,
 * `loadbalancer/app`, … and `loadbalancer` for a classic load balancer (`loadbalancer/<name>`).
 * ARN formats: "Resource types defined by AWS Elastic Load Balancing V2" and "… Elastic Load
 * Balancing",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancing.html
 */
function typeOf(arn: string): string {
  const resource = arn.split(':').slice(5).join(':')
  const [head, kind, ...rest] = resource.split('/')
  if (head === 'targetgroup' || head === 'truststore') return head
  if (head === 'loadbalancer' && rest.length === 0) return 'loadbalancer'
  return `${head}/${kind}`
}

/**
 * Sorted distinct resource types of the broadened requests of an action, or of the class it was
 * probed through (no statement here tells AddTags from RemoveTags: one stands for both).
 */
function broadenedTypes(report: Report, action: string): string[] {
  const probed =
    report.files
      .flatMap((f) => f.actionClasses)
      .find((c) => c.action === action || c.actions.includes(action))?.action ?? action
  const types = report.changes
    .filter((c) => c.kind === 'broadened' && c.action === probed)
    .map((c) => typeOf(c.resource))
  return [...new Set(types)].sort()
}

describe('Elastic Load Balancing tagging: a witness per resource type', () => {
  it('reports a target-group ARN when AddTags spreads from ALBs to target groups', async () => {
    // Source: AddTags acts on target groups ("You can tag your Application Load Balancers, …,
    // target groups, trust stores, listeners, and rules"),
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
    const base = policy(tagging([`${ELB}loadbalancer/app/*/*`]))
    const head = policy(tagging([`${ELB}loadbalancer/app/*/*`, `${ELB}targetgroup/*/*`]))
    const report = await run(base, head)
    for (const action of ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'])
      expect(broadenedTypes(report, action)).toEqual(['targetgroup'])
    const change = report.changes.find(
      (c) => c.action === 'elasticloadbalancing:AddTags' && c.kind === 'broadened'
    )
    expect(change?.resource).toMatch(
      /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[^/]+\/[^/]+$/
    )
    expect([change?.before.effect, change?.after.effect]).toEqual(['ImplicitDeny', 'Allow'])
    expect(report.changes.filter((c) => c.kind !== 'broadened')).toEqual([])
  })

  it('reports a listener ARN when AddTags spreads to NLB listeners', async () => {
    // Source: the V2 page lists listener/net for AddTags, ARN
    // arn:${Partition}:elasticloadbalancing:${Region}:${Account}:listener/net/${LoadBalancerName}/${LoadBalancerId}/${ListenerId},
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
    const base = policy(tagging([`${ELB}loadbalancer/app/*/*`]))
    const head = policy(tagging([`${ELB}loadbalancer/app/*/*`, `${ELB}listener/net/*/*/*`]))
    const report = await run(base, head)
    expect(broadenedTypes(report, 'elasticloadbalancing:AddTags')).toEqual(['listener/net'])
    const change = report.changes.find((c) => c.action === 'elasticloadbalancing:AddTags')
    expect(change?.resource).toMatch(
      /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/net\/[^/]+\/[^/]+\/[^/]+$/
    )
  })

  it('still witnesses a classic load balancer', async () => {
    // Source: the classic page's AddTags row (`loadbalancer`, ARN
    // arn:${Partition}:elasticloadbalancing:${Region}:${Account}:loadbalancer/${LoadBalancerName}),
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancing.html
    const v2 = [
      `${ELB}loadbalancer/app/*/*`,
      `${ELB}loadbalancer/net/*/*`,
      `${ELB}loadbalancer/gwy/*/*`
    ]
    const classic = /^arn:aws:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/[^/]+$/
    // V2 load balancers were allowed already: what `loadbalancer/*` adds is the classic one
    const report = await run(policy(tagging(v2)), policy(tagging([...v2, `${ELB}loadbalancer/*`])))
    expect(broadenedTypes(report, 'elasticloadbalancing:AddTags')).toEqual(['loadbalancer'])
    expect(report.changes.map((c) => c.resource)).toEqual([expect.stringMatching(classic)])
    // a classic name alone
    const named = await run(undefined, policy(tagging([`${ELB}loadbalancer/my-clb`])))
    expect(named.changes.map((c) => c.resource)).toEqual([
      'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/my-clb'
    ])
    // `loadbalancer/*` alone matches classic and V2 load balancers alike: no pattern tells them
    // apart, so the matrix probes one witness, and the review then decides the same request on
    // one load balancer of each other type (docs/MATRIX.md): each is reported
    const any = await run(undefined, policy(tagging([`${ELB}loadbalancer/*`])))
    expect(
      any.changes.map((c) => c.resource.split(':')[5]?.split('/').slice(0, 2).join('/'))
    ).toEqual(expect.arrayContaining(['loadbalancer/app', 'loadbalancer/net', 'loadbalancer/gwy']))
    expect(any.changes.map((c) => c.resource)).toContainEqual(expect.stringMatching(classic))
    expect(any.changes).toHaveLength(4)
  })

  it('witnesses every type of the AWS Load Balancer Controller tagging statement', async () => {
    // Source: the controller's policy grants AddTags/RemoveTags on these three patterns in one
    // statement with these Null conditions,
    // https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/c533211514b7bba513b686575921712a2ac7166f/docs/install/iam_policy.json
    const statement = tagging(
      [`${ELB}targetgroup/*/*`, `${ELB}loadbalancer/net/*/*`, `${ELB}loadbalancer/app/*/*`],
      {
        Condition: {
          Null: {
            'aws:RequestTag/elbv2.k8s.aws/cluster': 'true',
            'aws:ResourceTag/elbv2.k8s.aws/cluster': 'false'
          }
        }
      }
    )
    const report = await run(undefined, policy(statement))
    for (const action of ['elasticloadbalancing:AddTags', 'elasticloadbalancing:RemoveTags'])
      expect(broadenedTypes(report, action)).toEqual([
        'loadbalancer/app',
        'loadbalancer/net',
        'targetgroup'
      ])
  })
})
