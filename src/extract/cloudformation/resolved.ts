// A resolved value: the template's data after intrinsic functions ran, each node keeping the
// position in the original file it came from. Serialised to the document text handed to
// src/policy, with a JSON Pointer → position map (the nearest mapped ancestor otherwise).
import { escapePointerToken, parseLocatedJson, type JsonNode } from '../../policy/located-json.js'
import type { SourcePosition } from '../types.js'

export type RNode =
  | {
      readonly t: 'object'
      readonly entries: readonly { readonly key: string; readonly value: RNode }[]
      readonly at: SourcePosition | undefined
    }
  | {
      readonly t: 'array'
      readonly items: readonly RNode[]
      readonly at: SourcePosition | undefined
    }
  | {
      readonly t: 'scalar'
      readonly value: string | number | boolean | null
      readonly at: SourcePosition | undefined
      /** true when the value contains a deploy-time placeholder (conditions cannot decide on it) */
      readonly opaque?: boolean
    }

export function str(value: string, at: SourcePosition | undefined, opaque = false): RNode {
  return opaque ? { t: 'scalar', value, at, opaque } : { t: 'scalar', value, at }
}

export function obj(
  entries: readonly { key: string; value: RNode }[],
  at: SourcePosition | undefined
): RNode {
  return { t: 'object', entries, at }
}

export function isOpaque(node: RNode): boolean {
  if (node.t === 'scalar') return node.opaque === true
  if (node.t === 'array') return node.items.some(isOpaque)
  return node.entries.some((e) => isOpaque(e.value))
}

/** Structural equality, positions ignored. */
export function sameValue(a: RNode, b: RNode): boolean {
  if (a.t === 'scalar' || b.t === 'scalar') {
    return a.t === 'scalar' && b.t === 'scalar' && a.value === b.value
  }
  if (a.t === 'array' || b.t === 'array') {
    return (
      a.t === 'array' &&
      b.t === 'array' &&
      a.items.length === b.items.length &&
      a.items.every((item, i) => sameValue(item, b.items[i] as RNode))
    )
  }
  return (
    a.entries.length === b.entries.length &&
    a.entries.every((e, i) => {
      const other = b.entries[i]
      return other !== undefined && other.key === e.key && sameValue(e.value, other.value)
    })
  )
}

export function getEntry(node: RNode | undefined, key: string): RNode | undefined {
  return node?.t === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined
}

export function scalarText(node: RNode | undefined): string | undefined {
  if (node?.t !== 'scalar' || node.value === null) return undefined
  return String(node.value)
}

export interface Serialised {
  readonly text: string
  readonly positions: ReadonlyMap<string, SourcePosition>
}

/** JSON text (2-space indent) of a resolved value, and where each pointer came from. */
export function serialise(root: RNode): Serialised {
  const positions = new Map<string, SourcePosition>()
  const text = write(root, '', '', positions)
  return { text, positions }
}

function write(
  node: RNode,
  pointer: string,
  indent: string,
  positions: Map<string, SourcePosition>
): string {
  if (node.at) positions.set(pointer, node.at)
  const inner = `${indent}  `
  if (node.t === 'scalar') return JSON.stringify(node.value)
  if (node.t === 'array') {
    if (node.items.length === 0) return '[]'
    const items = node.items.map(
      (item, i) => inner + write(item, `${pointer}/${i}`, inner, positions)
    )
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  if (node.entries.length === 0) return '{}'
  const members = node.entries.map(
    (e) =>
      `${inner}${JSON.stringify(e.key)}: ${write(e.value, `${pointer}/${escapePointerToken(e.key)}`, inner, positions)}`
  )
  return `{\n${members.join(',\n')}\n${indent}}`
}

/** The position of `pointer`, else of its nearest mapped ancestor. */
export function positionLookup(
  positions: ReadonlyMap<string, SourcePosition>
): (pointer: string) => SourcePosition | undefined {
  return (pointer) => {
    let p = pointer
    for (;;) {
      const found = positions.get(p)
      if (found) return found
      if (p === '') return undefined
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')))
    }
  }
}

export interface EmbeddedJson {
  readonly value: RNode | undefined
  readonly error: string | undefined
}

/**
 * A policy written as JSON text (a `Fn::Sub` block, Logs `PolicyDocument`): parsed after
 * substitution. Every node inside takes the position of the string itself (positions inside the
 * substituted text do not map back to the template reliably).
 */
export function parseEmbeddedJson(text: string, at: SourcePosition | undefined): EmbeddedJson {
  const parsed = parseLocatedJson(text)
  const problem = parsed.diagnostics.find((d) => d.severity === 'error')
  if (!parsed.root || problem) return { value: undefined, error: problem?.message ?? 'empty text' }
  return { value: fromJsonNode(parsed.root, at), error: undefined }
}

function fromJsonNode(node: JsonNode, at: SourcePosition | undefined): RNode {
  switch (node.kind) {
    case 'object':
      return obj(
        node.entries.map((e) => ({ key: e.key, value: fromJsonNode(e.value, at) })),
        at
      )
    case 'array':
      return { t: 'array', items: node.items.map((item) => fromJsonNode(item, at)), at }
    case 'null':
      return { t: 'scalar', value: null, at }
    default:
      return { t: 'scalar', value: node.value, at }
  }
}
