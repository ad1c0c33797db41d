// Reads one case of a case file (issue 2): `id`, `policies`, and `request` or `requests`.
// Metadata keys (`name`, `note`, `expect…`, …) are accepted and ignored; any other unknown key is
// an error, because a misspelt `polices` would otherwise evaluate with no policies at all.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicySet, Request } from '../engine/types.js'
import type { JsonNode } from '../policy/located-json.js'
import type { CaseReader } from './case-reader.js'
import { describe, quote } from './case-reader.js'
import { readPolicies } from './read-policies.js'
import { readRequest } from './read-request.js'

export const CASE_KEYS = ['id', 'policies', 'request', 'requests']
const METADATA_KEYS = ['name', 'note', 'description', 'comment', 'tags']

export const isMetadata = (key: string): boolean =>
  METADATA_KEYS.includes(key) ||
  key.startsWith('expect') ||
  key.startsWith('_') ||
  key.startsWith('x-')

export interface ReadCase {
  readonly id: string
  /** whether the case gave `requests` (the result then has `decisions`) */
  readonly many: boolean
  /** undefined when the case is invalid; its errors are in `errors` */
  readonly set: PolicySet | undefined
  readonly requests: readonly Request[]
  /** error-severity problems: the case's decision is `Error` */
  readonly errors: readonly Diagnostic[]
  /** warnings (e.g. a policy without Version): reported, the case still evaluates */
  readonly warnings: readonly Diagnostic[]
}

/** `index` is 0-based; the default id is `case-<index + 1>`. */
export function readCase(reader: CaseReader, node: JsonNode, index: number): ReadCase {
  const fallbackId = `case-${index + 1}`
  if (node.kind !== 'object') {
    reader.problem(node, `case ${index + 1}: a case must be an object, not ${describe(node)}`)
    return invalid(fallbackId, false, reader)
  }
  const byKey = reader.members(node)
  const id = readId(reader, byKey.get('id')?.value, fallbackId)
  const where = `case ${quote(id)}`
  reader.unknownKeys(byKey, CASE_KEYS, where, isMetadata)
  const { requests, many } = readRequests(
    reader,
    byKey.get('request')?.value,
    byKey.get('requests')?.value,
    node,
    where
  )
  const policies = readPolicies(reader, byKey.get('policies')?.value, id)
  const errors = [
    ...reader.diagnostics,
    ...policies.diagnostics.filter((d) => d.severity === 'error')
  ]
  const warnings = policies.diagnostics.filter((d) => d.severity !== 'error')
  const valid = errors.length === 0 && policies.set !== undefined && requests !== undefined
  return {
    id,
    many,
    set: valid ? policies.set : undefined,
    requests: valid ? requests : [],
    errors,
    warnings
  }
}

function invalid(id: string, many: boolean, reader: CaseReader): ReadCase {
  return { id, many, set: undefined, requests: [], errors: [...reader.diagnostics], warnings: [] }
}

function readId(reader: CaseReader, node: JsonNode | undefined, fallback: string): string {
  if (node === undefined) return fallback
  if (node.kind === 'string' && node.value !== '') return node.value
  reader.problem(
    node,
    `case ${quote(fallback)}: \`id\` must be a non-empty string, not ${describe(node)}`
  )
  return fallback
}

function readRequests(
  reader: CaseReader,
  one: JsonNode | undefined,
  many: JsonNode | undefined,
  owner: JsonNode,
  where: string
): { requests: Request[] | undefined; many: boolean } {
  if (one !== undefined && many !== undefined) {
    reader.problem(many, `${where}: give \`request\` or \`requests\`, not both`)
    return { requests: undefined, many: true }
  }
  if (one !== undefined) {
    const request = readRequest(reader, one, `${where}: request`)
    return { requests: request ? [request] : undefined, many: false }
  }
  if (many === undefined) {
    reader.problem(owner, `${where}: missing \`request\` (or \`requests\`)`)
    return { requests: undefined, many: false }
  }
  if (many.kind !== 'array' || many.items.length === 0) {
    const what = many.kind === 'array' ? 'an empty array' : describe(many)
    reader.problem(
      many,
      `${where}: \`requests\` must be a non-empty array of requests, not ${what}`
    )
    return { requests: undefined, many: true }
  }
  const requests = many.items.map((item, i) =>
    readRequest(reader, item, `${where}: requests[${i}]`)
  )
  const complete = requests.every((r) => r !== undefined)
  return { requests: complete ? requests : undefined, many: true }
}
