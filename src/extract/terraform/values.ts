// Values of Terraform expressions as the extractor evaluates them: known values keep the
// position they were written at; what only `terraform apply` knows is an `unknown` carrying a
// deterministic placeholder token (cloudformation/placeholders.ts), never a `${…}`.
import { obj, str, type RNode } from '../cloudformation/resolved.js'
import type { SourcePosition } from '../types.js'
import type { HeredocOrigin } from './hcl-ast.js'

type At = SourcePosition | undefined

export type TfValue =
  | {
      readonly t: 'string'
      readonly value: string
      readonly at: At
      /** holds a placeholder token (computed from unknown parts) */
      readonly opaque?: boolean
      /** a literal heredoc: where its text starts in the file */
      readonly heredoc?: HeredocOrigin
    }
  | { readonly t: 'number'; readonly value: number; readonly at: At }
  | { readonly t: 'bool'; readonly value: boolean; readonly at: At }
  | { readonly t: 'null'; readonly at: At }
  | { readonly t: 'list'; readonly items: readonly TfValue[]; readonly at: At }
  | {
      readonly t: 'map'
      readonly entries: readonly { readonly key: string; readonly value: TfValue }[]
      readonly at: At
    }
  /** `jsonencode(doc)`: a JSON string whose structure (and positions) are kept */
  | { readonly t: 'json'; readonly doc: TfValue; readonly at: At }
  | { readonly t: 'unknown'; readonly token: string; readonly at: At }

export function tfString(value: string, at: At, opaque = false): TfValue {
  return opaque ? { t: 'string', value, at, opaque } : { t: 'string', value, at }
}

export function isKnown(v: TfValue): boolean {
  switch (v.t) {
    case 'unknown':
      return false
    case 'string':
      return v.opaque !== true
    case 'list':
      return v.items.every(isKnown)
    case 'map':
      return v.entries.every((e) => isKnown(e.value))
    case 'json':
      return isKnown(v.doc)
    default:
      return true
  }
}

/** The first placeholder token in a value (for naming what is unknown). */
export function firstUnknown(v: TfValue): string | undefined {
  switch (v.t) {
    case 'unknown':
      return v.token
    case 'list':
      return v.items.map(firstUnknown).find((t) => t !== undefined)
    case 'map':
      return v.entries.map((e) => firstUnknown(e.value)).find((t) => t !== undefined)
    case 'json':
      return firstUnknown(v.doc)
    default:
      return undefined
  }
}

export function entry(v: TfValue | undefined, key: string): TfValue | undefined {
  return v?.t === 'map' ? v.entries.find((e) => e.key === key)?.value : undefined
}

/** The value as template text, undefined for lists and maps (Terraform rejects them). */
export function asText(v: TfValue): string | undefined {
  switch (v.t) {
    case 'string':
      return v.value
    case 'number':
      return String(v.value)
    case 'bool':
      return v.value ? 'true' : 'false'
    case 'null':
      return ''
    case 'unknown':
      return v.token
    case 'json':
      return JSON.stringify(plain(v.doc))
    default:
      return undefined
  }
}

/** Plain JSON data; placeholders stay as their tokens. */
export function plain(v: TfValue): unknown {
  switch (v.t) {
    case 'list':
      return v.items.map(plain)
    case 'map':
      return Object.fromEntries(v.entries.map((e) => [e.key, plain(e.value)]))
    case 'json':
      return JSON.stringify(plain(v.doc))
    case 'unknown':
      return v.token
    case 'null':
      return null
    default:
      return v.value
  }
}

/** The value as a resolved node for serialisation (cloudformation/resolved.ts). */
export function toRNode(v: TfValue): RNode {
  switch (v.t) {
    case 'list':
      return { t: 'array', items: v.items.map(toRNode), at: v.at }
    case 'map':
      return obj(
        v.entries.map((e) => ({ key: e.key, value: toRNode(e.value) })),
        v.at
      )
    case 'json':
      return str(JSON.stringify(plain(v.doc)), v.at, !isKnown(v.doc))
    case 'unknown':
      return str(v.token, v.at, true)
    case 'string':
      return str(v.value, v.at, v.opaque === true)
    case 'null':
      return { t: 'scalar', value: null, at: v.at }
    default:
      return { t: 'scalar', value: v.value, at: v.at }
  }
}

/** Applies `fn` to every string of a value (`&{` → `${` in aws_iam_policy_document). */
export function mapStrings(v: TfValue, fn: (s: string) => string): TfValue {
  switch (v.t) {
    case 'string':
      return { ...v, value: fn(v.value) }
    case 'list':
      return { ...v, items: v.items.map((i) => mapStrings(i, fn)) }
    case 'map':
      return {
        ...v,
        entries: v.entries.map((e) => ({ key: e.key, value: mapStrings(e.value, fn) }))
      }
    default:
      return v
  }
}
