// The request context prepared once per request (IAM-SEMANTICS §6): keys are case-insensitive
// (§4.1), values are strings (§4.5), arrays are multivalued (§4.4). Each value also carries
// caches for its parsed forms (date, number, IP address…), filled by the operator families on
// first use (conditions/parsed-value.ts), so a value is parsed once per request, not once per
// statement, policy set or base/head side.
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

/**
 * The ContextValue that prepareContext builds. The cache fields are engine-internal and exist
 * from construction, so every value has one hidden class.
 */
export class PreparedValue implements ContextValue {
  /** epoch milliseconds per value, NaN when unparsable */
  instants: Float64Array | undefined = undefined
  /** per value: [number (NaN when unparsable), digit count] */
  numbers: Float64Array | undefined = undefined
  /** per value: [version (0 when unparsable), prefix length, four address words] */
  addresses: Int32Array | undefined = undefined
  /** per value: its toLowerCase() */
  lowered: readonly string[] | undefined = undefined

  constructor(
    readonly values: readonly string[],
    readonly multi: boolean
  ) {}
}

class MapContext implements PreparedContext {
  constructor(readonly entries: ReadonlyMap<string, PreparedValue>) {}

  get(key: string): ContextValue | undefined {
    const hit = this.entries.get(key)
    if (hit !== undefined) return hit
    const lower = key.toLowerCase()
    return lower === key ? undefined : this.entries.get(lower)
  }
}

/**
 * Looks up a key the caller has already lowercased (compiled condition keys, variable keys):
 * a miss costs one map look-up instead of a second, case-folded one.
 */
export function getLowercase(context: PreparedContext, lowerKey: string): ContextValue | undefined {
  return context instanceof MapContext ? context.entries.get(lowerKey) : context.get(lowerKey)
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
  const entries = new Map<string, PreparedValue>()
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
        entries.set(lower, new PreparedValue([value], false))
      }
    }
  }
  return new MapContext(entries)
}

function toContextValue(value: ContextInput): PreparedValue {
  if (typeof value === 'object') return new PreparedValue(value.map(String), true)
  return new PreparedValue([String(value)], false)
}
