// Turning a resolved property into a policy document: JSON text is parsed (after substitution),
// and placeholder tokens that stand for a whole value take the form the grammar needs where
// they sit (an ARN in `Resource`, a role ARN in an `AWS` principal, a host in `Service`).
import { quote } from '../../diagnostics/quote.js'
import type { LocatedNode } from '../located-tree.js'
import { shapeToken, type PlaceholderLog } from './placeholders.js'
import { parseEmbeddedJson, type RNode } from './resolved.js'
import { positionOf, type Resolver } from './resolver.js'

/** The document a property holds: a mapping, or its JSON text; undefined (reported) otherwise. */
export function policyValue(r: Resolver, node: LocatedNode, property: string): RNode | undefined {
  const value = r.resolve(node)
  if (value === undefined) return undefined
  if (value.t === 'scalar' && typeof value.value === 'string') {
    const parsed = parseEmbeddedJson(value.value, positionOf(node))
    if (parsed.value?.t === 'object') return parsed.value
    const why = parsed.error ?? 'it is not a JSON object'
    r.report('template-policy-invalid', node, `\`${property}\` is not valid JSON: ${why}`)
    return undefined
  }
  if (value.t !== 'object') {
    r.report('template-policy-invalid', node, `\`${property}\` is not a policy document`)
    return undefined
  }
  return value
}

type Slot = 'resource' | 'aws-principal' | 'host-principal'

function reshape(node: RNode, slot: Slot, log: PlaceholderLog, partition: string): RNode {
  if (node.t === 'array') {
    return { ...node, items: node.items.map((item) => reshape(item, slot, log, partition)) }
  }
  if (node.t !== 'scalar' || typeof node.value !== 'string') return node
  const token = log.tokens.get(node.value)
  if (!token) {
    const value = reshapeInside(node.value, slot, log, partition)
    return value === node.value ? node : { ...node, value }
  }
  const value = shapeToken(token, slot, partition)
  log.add(value, log.standsFor(node.value) ?? quote(node.value), 'opaque')
  return { ...node, value }
}

const ARN_ACCOUNT = /^(arn:[^:]*:[^:]*:[^:]*:)([^:]+)(:.*)$/s

/**
 * Tokens inside a longer ARN: an account written with a parameter (`arn:aws:iam::${Account}:root`)
 * becomes a 12-digit account ID, and a resource that starts with a token (`${BucketArn}/*`,
 * `!ImportValue` then `/*`) starts with the token's ARN form. The text around the token is the
 * template's own: nothing is widened.
 */
function reshapeInside(value: string, slot: Slot, log: PlaceholderLog, partition: string): string {
  const arn = ARN_ACCOUNT.exec(value)
  if (arn && slot !== 'host-principal' && log.tokens.has(arn[2] ?? '')) {
    return `${arn[1] ?? ''}${log.accountFor(arn[2] ?? '')}${arn[3] ?? ''}`
  }
  if (slot !== 'resource' || value.startsWith('arn:')) return value
  let prefix: string | undefined
  for (const token of log.tokens.keys()) {
    const next = value.charAt(token.length)
    if (value.startsWith(token) && (next === '/' || next === ':')) {
      if (prefix === undefined || token.length > prefix.length) prefix = token
    }
  }
  const token = prefix === undefined ? undefined : log.tokens.get(prefix)
  if (prefix === undefined || token === undefined) return value
  const shaped = shapeToken(token, 'resource', partition)
  log.add(shaped, log.standsFor(prefix) ?? quote(prefix), 'opaque')
  return `${shaped}${value.slice(prefix.length)}`
}

const SLOTS: Readonly<Record<string, Slot>> = {
  Resource: 'resource',
  NotResource: 'resource',
  AWS: 'aws-principal',
  Service: 'host-principal',
  Federated: 'host-principal'
}

function mapEntries(node: RNode, fn: (key: string, value: RNode) => RNode): RNode {
  if (node.t !== 'object') return node
  return { ...node, entries: node.entries.map((e) => ({ key: e.key, value: fn(e.key, e.value) })) }
}

/** Whole-value tokens in `Resource` and principals take a valid form there. */
export function shapeTokens(doc: RNode, log: PlaceholderLog, partition: string): RNode {
  const statement = (s: RNode): RNode =>
    mapEntries(s, (key, value) => {
      if (key === 'Resource' || key === 'NotResource') {
        return reshape(value, 'resource', log, partition)
      }
      if (key !== 'Principal' && key !== 'NotPrincipal') return value
      return mapEntries(value, (type, v) => {
        const slot = SLOTS[type]
        return slot ? reshape(v, slot, log, partition) : v
      })
    })
  return mapEntries(doc, (key, value) => {
    if (key !== 'Statement') return value
    return value.t === 'array' ? { ...value, items: value.items.map(statement) } : statement(value)
  })
}
