// One statement (IAM-SEMANTICS §2): its known elements, Sid, Effect, and the element validators
// for actions, resources, principals and conditions. Returns the normalised statement only when
// the statement has no errors.
import { quote } from '../diagnostics/quote.js'
import { suggest } from '../diagnostics/suggest.js'
import type { JsonEntry } from './located-json.js'
import type { Statement } from './model.js'
import { members } from './normalize.js'
import { readConditions } from './validate-condition.js'
import {
  describeNode,
  didYouMean,
  reportUnknownElements,
  type PolicyContext
} from './validate-context.js'
import type { StatementNode } from './validate-document.js'
import { readActions, readResources } from './validate-match.js'
import { readPrincipal } from './validate-principal.js'

const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition'
]
const EFFECTS = ['Allow', 'Deny'] as const
const ALPHANUMERIC = /^[A-Za-z0-9]*$/

/** Sids seen so far in the policy → the index of the statement that used it first. */
export type SidRegistry = Map<string, number>

export function validateStatement(
  ctx: PolicyContext,
  { node, index }: StatementNode,
  sids: SidRegistry
): Statement | undefined {
  const before = ctx.errorCount()
  const get = members(node)
  const sid = readSid(ctx, get.get('Sid'), index, sids)
  ctx.scope = { sid, index }
  reportUnknownElements(ctx, node, STATEMENT_ELEMENTS, 'statement-element-unknown')
  const effect = readEffect(ctx, node, get.get('Effect'))
  const action = readActions(ctx, node, get)
  const resource = readResources(ctx, node, get)
  const principal = readPrincipal(ctx, node, get, effect)
  const conditions = readConditions(ctx, get.get('Condition'))
  ctx.scope = undefined
  if (ctx.errorCount() > before || !effect || !action) return undefined
  return {
    index,
    sid,
    effect,
    action,
    resource,
    principal,
    conditions,
    pointer: ctx.pointer(node),
    span: ctx.lines.span(node.start, node.end)
  }
}

function readSid(
  ctx: PolicyContext,
  entry: JsonEntry | undefined,
  index: number,
  sids: SidRegistry
): string | undefined {
  if (!entry) return undefined
  const node = entry.value
  if (node.kind !== 'string') {
    ctx.report(
      'value-type',
      node,
      `statement ${index}: \`Sid\` must be a string, not ${describeNode(node)}`
    )
    return undefined
  }
  const sid = node.value
  // an empty Sid is common in generated policies and means "no Sid"
  if (sid === '') return undefined
  const first = sids.get(sid)
  if (first === undefined) sids.set(sid, index)
  else {
    const message = `duplicate sid ${quote(sid)}: statement ${first} uses it too`
    ctx.report('statement-sid-duplicate', node, message)
  }
  if (!ALPHANUMERIC.test(sid)) {
    const message = `sid ${quote(sid)} contains characters other than letters and digits`
    ctx.report('statement-sid-invalid', node, message)
  }
  return sid
}

function readEffect(
  ctx: PolicyContext,
  statement: StatementNode['node'],
  entry: JsonEntry | undefined
): 'Allow' | 'Deny' | undefined {
  if (!entry) {
    ctx.report('statement-effect-missing', statement, 'missing `Effect`')
    return undefined
  }
  const node = entry.value
  const effect = EFFECTS.find((e) => node.kind === 'string' && node.value === e)
  if (effect) return effect
  if (node.kind !== 'string') {
    const message = `\`Effect\` must be \`Allow\` or \`Deny\`, not ${describeNode(node)}`
    ctx.report('statement-effect-invalid', node, message)
    return undefined
  }
  const help = didYouMean(suggest(node.value, EFFECTS, { ignoreCase: true }))
  const message = `invalid effect ${quote(node.value)}: use exactly \`Allow\` or \`Deny\``
  ctx.report('statement-effect-invalid', node, message, help)
  return undefined
}
