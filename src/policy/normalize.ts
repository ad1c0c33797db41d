// Shape normalisation shared by the validators: string-or-array elements become arrays of
// string nodes, condition values become strings (IAM-SEMANTICS §4.5), and object members are
// looked up by exact key. Wrong shapes are reported here, once, with the element's name.
import { quote } from '../diagnostics/quote.js'
import type { JsonEntry, JsonNode, JsonObject, JsonString } from './located-json.js'
import { describeNode, type PolicyContext } from './validate-context.js'

/**
 * Members by key. With duplicate keys the first occurrence is kept: the document is invalid
 * anyway (json-duplicate-key), and the first is where readers look.
 */
export function members(object: JsonObject): Map<string, JsonEntry> {
  const map = new Map<string, JsonEntry>()
  for (const entry of object.entries) if (!map.has(entry.key)) map.set(entry.key, entry)
  return map
}

/** `"x"` or a non-empty `["x", …]` → the string nodes; anything else is reported. */
export function stringList(ctx: PolicyContext, entry: JsonEntry): JsonString[] | undefined {
  const node = entry.value
  if (node.kind === 'string') return [node]
  const name = `\`${entry.key}\``
  if (node.kind !== 'array') {
    ctx.report(
      'value-type',
      node,
      `${name} must be a string or an array of strings, not ${describeNode(node)}`
    )
    return undefined
  }
  if (node.items.length === 0) {
    ctx.report('value-empty', node, `${name} must not be an empty list`)
    return undefined
  }
  const strings: JsonString[] = []
  for (const item of node.items) {
    if (item.kind === 'string') strings.push(item)
    else
      ctx.report('value-type', item, `${name} entries must be strings, not ${describeNode(item)}`)
  }
  return strings.length === node.items.length ? strings : undefined
}

export interface ConditionValue {
  /** the value as the engine compares it */
  readonly text: string
  readonly node: JsonNode
}

/**
 * A condition key's value: one scalar or a non-empty array of scalars. JSON booleans become
 * "true"/"false" and numbers keep their source text (`10.0` stays `10.0`).
 */
export function conditionValues(
  ctx: PolicyContext,
  entry: JsonEntry
): ConditionValue[] | undefined {
  const node = entry.value
  const items = node.kind === 'array' ? node.items : [node]
  if (items.length === 0) {
    ctx.report(
      'value-empty',
      node,
      `condition key ${quote(entry.key)} must have at least one value`
    )
    return undefined
  }
  const values: ConditionValue[] = []
  for (const item of items) {
    const text = scalarText(item)
    if (text !== undefined) values.push({ text, node: item })
    else {
      ctx.report(
        'value-type',
        item,
        `condition key ${quote(entry.key)} values must be strings, numbers or booleans, not ${describeNode(item)}`
      )
    }
  }
  return values.length === items.length ? values : undefined
}

/** The text of a string, number or boolean node; undefined for other kinds. */
export function scalarText(node: JsonNode): string | undefined {
  switch (node.kind) {
    case 'string':
      return node.value
    case 'number':
      return node.text
    case 'boolean':
      return node.value ? 'true' : 'false'
    default:
      return undefined
  }
}
