// Action/NotAction and Resource/NotResource (IAM-SEMANTICS §2, §3.1, §3.2): exactly one of each
// pair, and the written form of every value. Patterns are checked with fixed, linear tests; no
// RegExp is built from user text.
import { quote } from '../diagnostics/quote.js'
import { splitArn, type ArnParts } from './arn.js'
import type { JsonEntry, JsonObject, JsonString } from './located-json.js'
import type { MatchList } from './model.js'
import { stringList } from './normalize.js'
import { listOf } from './packed-list.js'
import { wildcardTypeWord } from './resource-type-word.js'
import { keyOf, type PolicyContext } from './validate-context.js'

interface PairSpec {
  readonly positive: 'Action' | 'Resource'
  readonly negative: 'NotAction' | 'NotResource'
  readonly conflict: 'statement-action-conflict' | 'statement-resource-conflict'
  readonly missing: 'statement-action-missing' | 'statement-resource-missing'
  readonly check: (ctx: PolicyContext, value: JsonString) => void
}

const ACTIONS: PairSpec = {
  positive: 'Action',
  negative: 'NotAction',
  conflict: 'statement-action-conflict',
  missing: 'statement-action-missing',
  check: checkAction
}

const RESOURCES: PairSpec = {
  positive: 'Resource',
  negative: 'NotResource',
  conflict: 'statement-resource-conflict',
  missing: 'statement-resource-missing',
  check: checkResource
}

export function readActions(
  ctx: PolicyContext,
  statement: JsonObject,
  get: ReadonlyMap<string, JsonEntry>
): MatchList | undefined {
  return readPair(ctx, statement, get, ACTIONS, true)
}

/** Resource-based policies may omit both (the statement then applies to the attached resource). */
export function readResources(
  ctx: PolicyContext,
  statement: JsonObject,
  get: ReadonlyMap<string, JsonEntry>
): MatchList | undefined {
  return readPair(ctx, statement, get, RESOURCES, ctx.kind !== 'resource')
}

function readPair(
  ctx: PolicyContext,
  statement: JsonObject,
  get: ReadonlyMap<string, JsonEntry>,
  spec: PairSpec,
  required: boolean
): MatchList | undefined {
  const positive = get.get(spec.positive)
  const negative = get.get(spec.negative)
  if (positive && negative) {
    const later = positive.keyStart > negative.keyStart ? positive : negative
    const message = `\`${spec.positive}\` and \`${spec.negative}\` cannot both appear`
    ctx.report(spec.conflict, keyOf(later), message)
    return undefined
  }
  const entry = positive ?? negative
  if (!entry) {
    if (required) {
      ctx.report(spec.missing, statement, `missing \`${spec.positive}\` or \`${spec.negative}\``)
    }
    return undefined
  }
  const nodes = stringList(ctx, entry)
  if (!nodes) return undefined
  for (const node of nodes) spec.check(ctx, node)
  return { negated: entry === negative, values: listOf(nodes, (n) => n.value) }
}

const SERVICE = /^[A-Za-z0-9-]+$/
const ACTION_NAME = /^[A-Za-z0-9_.*?-]+$/

/** `*` or `service:Name`; the name may use `*` and `?`, the service may not. */
export function checkAction(ctx: PolicyContext, node: JsonString): void {
  const problem = actionProblem(node.value)
  if (problem) ctx.report('action-invalid', node, `invalid action ${quote(node.value)}: ${problem}`)
}

function actionProblem(value: string): string | undefined {
  if (value === '*') return undefined
  const colon = value.indexOf(':')
  const service = value.slice(0, colon)
  const name = value.slice(colon + 1)
  if (colon <= 0 || name === '') return 'write it as `service:Name` or `*`'
  if (/\s/.test(value)) return 'actions contain no whitespace'
  if (hasWildcard(service))
    return `wildcards are not allowed in the service prefix ${quote(service)}`
  if (!SERVICE.test(service)) {
    return `the service prefix ${quote(service)} may contain only letters, digits and \`-\``
  }
  if (!ACTION_NAME.test(name)) {
    return `the action name ${quote(name)} may contain only letters, digits, \`*\` and \`?\``
  }
  return undefined
}

/**
 * `*` or an ARN pattern (§3.2). Errors: no `arn:` prefix, an empty partition or service, a
 * wildcard in the service segment or one that cuts the resource-type word short. A pattern with
 * fewer than six parts is valid but matches nothing unless it ends in `*` (a warning).
 */
export function checkResource(ctx: PolicyContext, node: JsonString): void {
  const value = node.value
  if (value === '*') return
  const parts = splitArn(value)
  const problem = resourceProblem(value, parts)
  if (problem === 'service') {
    const message = `invalid resource ${quote(value)}: wildcards are not allowed in the service segment`
    ctx.report('resource-wildcard-service', node, message)
    return
  }
  if (problem) {
    ctx.report('resource-invalid', node, `invalid resource ${quote(value)}: ${problem}`)
    return
  }
  if (parts) checkTypeWord(ctx, node, parts.service, parts.resource)
  else if (!value.endsWith('*')) {
    const message = `resource ${quote(value)} matches no resource: it has fewer than six parts and does not end in \`*\``
    ctx.report('resource-matches-nothing', node, message)
  }
}

function resourceProblem(value: string, parts: ArnParts | undefined): string | undefined {
  if (!value.startsWith('arn:')) return 'expected `*` or an arn starting with `arn:`'
  const segments = parts ? undefined : value.split(':', 6)
  const partition = parts?.partition ?? segments?.[1] ?? ''
  const service = parts?.service ?? segments?.[2]
  if (service !== undefined && hasWildcard(service)) return 'service'
  if (partition === '') return 'the partition is empty'
  if (service === '') return 'the service segment is empty'
  // an empty resource part is accepted by AWS (`arn:aws:organizations::*:` in a managed policy)
  return undefined
}

const MAX_WORDS_SHOWN = 5

/** §3.2 [UNCERTAIN]: no wildcard in the resource-type word (`arn:aws:iam::A:u*`). */
function checkTypeWord(
  ctx: PolicyContext,
  node: JsonString,
  service: string,
  resource: string
): void {
  const found = wildcardTypeWord(service, resource)
  if (!found) return
  const shown = found.words.slice(0, MAX_WORDS_SHOWN).map(quote).join(', ')
  const more = found.words.length > MAX_WORDS_SHOWN ? ', …' : ''
  const message = `invalid resource ${quote(node.value)}: wildcards are not allowed in the resource type ${quote(found.token)}`
  ctx.report(
    'resource-wildcard-type',
    node,
    message,
    `write the resource type in full: ${shown}${more}`
  )
}

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?')
}
