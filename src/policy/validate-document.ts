// Top-level checks (IAM-SEMANTICS §2): the known elements, `Version`, `Id`, and the shape of
// `Statement` (one object or a non-empty array of objects); plus duplicate keys inside a policy
// that is part of a larger document (parsePolicyNode).
import { quote } from '../diagnostics/quote.js'
import type { JsonNode, JsonObject } from './located-json.js'
import type { PolicyVersion } from './model.js'
import { members } from './normalize.js'
import {
  describeNode,
  keyOf,
  reportUnknownElements,
  type PolicyContext
} from './validate-context.js'

const DOCUMENT_ELEMENTS = ['Version', 'Id', 'Statement']
const VERSIONS: readonly PolicyVersion[] = ['2012-10-17', '2008-10-17']

export interface StatementNode {
  readonly node: JsonObject
  /** position in the Statement array (0 when Statement is a single object) */
  readonly index: number
}

export interface DocumentHeader {
  readonly version: PolicyVersion | undefined
  readonly id: string | undefined
  readonly statements: readonly StatementNode[]
}

export function validateDocument(ctx: PolicyContext, root: JsonObject): DocumentHeader {
  const get = members(root)
  reportUnknownElements(ctx, root, DOCUMENT_ELEMENTS, 'policy-element-unknown')
  return {
    version: readVersion(ctx, root),
    id: readId(ctx, root),
    statements: readStatements(ctx, root, get.get('Statement')?.value)
  }
}

function readVersion(ctx: PolicyContext, root: JsonObject): PolicyVersion | undefined {
  const node = members(root).get('Version')?.value
  if (node === undefined) {
    ctx.report(
      'policy-version-missing',
      root,
      'the policy has no `Version`: policy variables such as `${aws:username}` are literal text'
    )
    return undefined
  }
  if (node.kind !== 'string') {
    ctx.report(
      'policy-version-invalid',
      node,
      `\`Version\` must be a string, not ${describeNode(node)}`
    )
    return undefined
  }
  const version = VERSIONS.find((v) => v === node.value)
  if (version === undefined)
    ctx.report('policy-version-invalid', node, `unknown version ${quote(node.value)}`)
  return version
}

function readId(ctx: PolicyContext, root: JsonObject): string | undefined {
  const entry = members(root).get('Id')
  if (entry === undefined) return undefined
  if (ctx.kind === 'identity') {
    ctx.report('policy-id-in-identity', keyOf(entry), '`Id` is not part of identity policies')
  }
  if (entry.value.kind === 'string') return entry.value.value
  ctx.report('value-type', entry.value, `\`Id\` must be a string, not ${describeNode(entry.value)}`)
  return undefined
}

function readStatements(
  ctx: PolicyContext,
  root: JsonObject,
  node: JsonNode | undefined
): StatementNode[] {
  if (node === undefined) {
    ctx.report('policy-statement-missing', root, 'the policy has no `Statement`')
    return []
  }
  if (node.kind === 'object') return [{ node, index: 0 }]
  if (node.kind !== 'array') {
    const found = describeNode(node)
    ctx.report(
      'statement-not-object',
      node,
      `\`Statement\` must be an object or an array of objects, not ${found}`
    )
    return []
  }
  if (node.items.length === 0) {
    ctx.report('policy-statement-empty', node, '`Statement` must not be an empty list')
  }
  const statements: StatementNode[] = []
  node.items.forEach((item, index) => {
    if (item.kind === 'object') statements.push({ node: item, index })
    else
      ctx.report(
        'statement-not-object',
        item,
        `statement ${index} must be an object, not ${describeNode(item)}`
      )
  })
  return statements
}

/**
 * Duplicate keys anywhere under `root` (IAM-SEMANTICS §2). parsePolicy gets these from the JSON
 * layer; parsePolicyNode looks itself, because its caller parsed a larger document.
 */
export function reportDuplicateKeys(ctx: PolicyContext, root: JsonNode): void {
  const work: JsonNode[] = [root]
  for (let node = work.pop(); node; node = work.pop()) {
    if (node.kind === 'array') for (const item of node.items) work.push(item)
    if (node.kind !== 'object') continue
    const first = new Map<string, number>()
    for (const entry of node.entries) {
      const seen = first.get(entry.key)
      if (seen === undefined) first.set(entry.key, entry.keyStart)
      else {
        const line = ctx.lines.position(seen).line
        const message = `duplicate key ${quote(entry.key)}: first defined on line ${line}`
        ctx.report('json-duplicate-key', keyOf(entry), message)
      }
      work.push(entry.value)
    }
  }
}
