// Reads one request of a case: principal, action, resource, optional resourceAccount and context
// (IAM-SEMANTICS §6). Unknown keys are errors: a misspelt `contxt` would silently drop the
// context and change the decision.
import type { ContextInput, Request } from '../engine/types.js'
import type { JsonNode } from '../policy/located-json.js'
import { describe, quote, type CaseReader } from './case-reader.js'

export const REQUEST_KEYS = ['principal', 'action', 'resource', 'resourceAccount', 'context']

export function readRequest(
  reader: CaseReader,
  node: JsonNode,
  where: string
): Request | undefined {
  if (node.kind !== 'object') {
    reader.problem(node, `${where}: a request must be an object, not ${describe(node)}`)
    return undefined
  }
  const byKey = reader.members(node)
  reader.unknownKeys(byKey, REQUEST_KEYS, where)
  const principal = reader.stringMember(byKey, 'principal', where, node)
  const action = reader.stringMember(byKey, 'action', where, node)
  const resource = reader.stringMember(byKey, 'resource', where, node)
  const accountNode = byKey.get('resourceAccount')?.value
  const resourceAccount = accountNode ? readAccount(reader, accountNode, where) : undefined
  const contextNode = byKey.get('context')?.value
  const context = contextNode ? readContext(reader, contextNode, where) : {}
  if (principal === undefined || action === undefined || resource === undefined) return undefined
  if (context === undefined || (accountNode !== undefined && resourceAccount === undefined)) {
    return undefined
  }
  return { principal, action, resource, context, ...(resourceAccount ? { resourceAccount } : {}) }
}

function readAccount(reader: CaseReader, node: JsonNode, where: string): string | undefined {
  if (node.kind === 'string' && node.value !== '') return node.value
  reader.problem(
    node,
    `${where}: \`resourceAccount\` must be an account id string, not ${describe(node)}`
  )
  return undefined
}

type ContextRecord = Record<string, ContextInput>

function readContext(reader: CaseReader, node: JsonNode, where: string): ContextRecord | undefined {
  if (node.kind !== 'object') {
    reader.problem(
      node,
      `${where}: \`context\` must be an object of condition keys, not ${describe(node)}`
    )
    return undefined
  }
  // A null-prototype record: keys such as `__proto__` are ordinary condition keys here.
  const context: ContextRecord = Object.create(null) as ContextRecord
  let ok = true
  const folded = new Set<string>()
  for (const [key, entry] of reader.members(node)) {
    const value = contextValue(entry.value)
    if (folded.has(key.toLowerCase())) {
      ok = false
      reader.problem(
        entry.value,
        `${where}: context key ${quote(key)} is given twice (keys are case-insensitive)`
      )
    } else if (value === undefined) {
      ok = false
      const message = `${where}: context key ${quote(key)}: values are strings, numbers, booleans or arrays of them, not ${describe(entry.value)}`
      reader.problem(entry.value, message)
    } else context[key] = value
    folded.add(key.toLowerCase())
  }
  return ok ? context : undefined
}

function contextValue(node: JsonNode): ContextInput | undefined {
  if (node.kind === 'array') {
    const values = node.items.map(scalar)
    return values.every((v) => v !== undefined) ? values : undefined
  }
  return scalar(node)
}

function scalar(node: JsonNode): string | number | boolean | undefined {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value
    default:
      return undefined
  }
}
