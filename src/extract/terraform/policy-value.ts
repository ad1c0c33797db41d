// A policy argument's value as a document: `jsonencode({…})` keeps its structure and positions;
// JSON text (a heredoc, a quoted string, a file read through the sibling reader) is parsed, and
// a literal heredoc maps every element back to its line and column in the file.
import { parseLocatedJson, type JsonNode } from '../../policy/located-json.js'
import type { SourcePosition } from '../types.js'
import { tfString, type TfValue } from './values.js'

export interface PolicyValue {
  readonly doc: TfValue | undefined
  /** why the value is not a document (invalid JSON, not an object) */
  readonly error: string | undefined
  /** the value is known only at apply time: the placeholder token */
  readonly unknown: string | undefined
}

export function policyValue(v: TfValue): PolicyValue {
  if (v.t === 'unknown') return { doc: undefined, error: undefined, unknown: v.token }
  if (v.t === 'json') {
    if (v.doc.t === 'unknown') return { doc: undefined, error: undefined, unknown: v.doc.token }
    return v.doc.t === 'map'
      ? { doc: v.doc, error: undefined, unknown: undefined }
      : { doc: undefined, error: 'it is not a JSON object', unknown: undefined }
  }
  if (v.t !== 'string')
    return { doc: undefined, error: 'it is not a JSON string', unknown: undefined }
  const parsed = parseLocatedJson(v.value)
  const problem = parsed.diagnostics.find((d) => d.severity === 'error')
  if (!parsed.root || problem) {
    return { doc: undefined, error: problem?.message ?? 'empty text', unknown: undefined }
  }
  if (parsed.root.kind !== 'object') {
    return { doc: undefined, error: 'it is not a JSON object', unknown: undefined }
  }
  const origin = v.heredoc
  const at = (node: JsonNode): SourcePosition | undefined => {
    if (!origin) return v.at
    const p = parsed.lines.position(node.start)
    return { line: origin.line + p.line - 1, column: p.column + origin.indent }
  }
  return { doc: fromJson(parsed.root, at, v.opaque === true), error: undefined, unknown: undefined }
}

/** The document a value holds, or undefined. */
export function jsonDocument(v: TfValue): TfValue | undefined {
  return policyValue(v).doc
}

function fromJson(
  node: JsonNode,
  at: (n: JsonNode) => SourcePosition | undefined,
  opaque: boolean
): TfValue {
  switch (node.kind) {
    case 'object':
      return {
        t: 'map',
        entries: node.entries.map((e) => ({ key: e.key, value: fromJson(e.value, at, opaque) })),
        at: at(node)
      }
    case 'array':
      return { t: 'list', items: node.items.map((i) => fromJson(i, at, opaque)), at: at(node) }
    case 'string':
      return tfString(node.value, at(node), opaque && node.value.includes('iam-policy-diff.'))
    case 'number':
      return { t: 'number', value: node.value, at: at(node) }
    case 'boolean':
      return { t: 'bool', value: node.value, at: at(node) }
    default:
      return { t: 'null', at: at(node) }
  }
}
