// The request context prepared once per request (IAM-SEMANTICS §6): keys are case-insensitive
// (§4.1), values are strings (§4.5), arrays are multivalued (§4.4).
import type { ContextInput } from './types.js'

export interface ContextValue {
  readonly values: readonly string[]
  /** true for arrays (also `[]` and one-element arrays): only set operators accept them */
  readonly multi: boolean
}

export interface PreparedContext {
  /** key is case-insensitive; lowercase keys are looked up without allocating */
  get(key: string): ContextValue | undefined
}

class MapContext implements PreparedContext {
  constructor(private readonly entries: ReadonlyMap<string, ContextValue>) {}

  get(key: string): ContextValue | undefined {
    const hit = this.entries.get(key)
    if (hit !== undefined) return hit
    const lower = key.toLowerCase()
    return lower === key ? undefined : this.entries.get(lower)
  }
}

/**
 * Prepares a context. `derived` values (§6: aws:PrincipalArn, aws:username, …) fill in only
 * keys the input lacks. Keys that differ only in case: the first one given wins (JSON object
 * order), a deterministic choice for input IAM itself could never produce.
 */
export function prepareContext(
  input: Readonly<Record<string, ContextInput>> | undefined,
  derived?: Readonly<Record<string, string>>
): PreparedContext {
  const entries = new Map<string, ContextValue>()
  if (input !== undefined) {
    for (const key of Object.keys(input)) {
      const value = input[key]
      const lower = key.toLowerCase()
      if (value !== undefined && !entries.has(lower)) entries.set(lower, toContextValue(value))
    }
  }
  if (derived !== undefined) {
    for (const key of Object.keys(derived)) {
      const value = derived[key]
      const lower = key.toLowerCase()
      if (value !== undefined && !entries.has(lower)) {
        entries.set(lower, { values: [value], multi: false })
      }
    }
  }
  return new MapContext(entries)
}

function toContextValue(value: ContextInput): ContextValue {
  if (typeof value === 'object') return { values: value.map(String), multi: true }
  return { values: [String(value)], multi: false }
}
