// The request context prepared once per request (IAM-SEMANTICS §6): keys are case-insensitive
// (§4.1), values are strings (§4.5), arrays are multivalued (§4.4). Each value also carries
// caches for its parsed forms (date, number, IP address…), filled by the operator families on
// first use (conditions/parsed-value.ts), so a value is parsed once per request, not once per
// statement, policy set or base/head side.
import { listOf } from '../policy/packed-list.js'
import { lowercase } from './lowercase.js'
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
  if (context instanceof GivenContext) return context.lookup(lowerKey)
  return context instanceof MapContext ? context.entries.get(lowerKey) : context.get(lowerKey)
}

/**
 * Values the engine derives for a request (§6: aws:PrincipalArn, aws:username, …), keyed by
 * lowercase key. One instance serves every request of its principal: the values are immutable
 * and their parse caches depend only on the values.
 */
export type DerivedValues = ReadonlyMap<string, PreparedValue>

export function derivedValues(record: Readonly<Record<string, string>>): DerivedValues {
  const values = new Map<string, PreparedValue>()
  for (const key of Object.keys(record)) {
    const value = record[key]
    const lower = key.toLowerCase()
    if (value !== undefined && !values.has(lower))
      values.set(lower, new PreparedValue([value], false))
  }
  return values
}

function isDerivedValues(
  derived: DerivedValues | Readonly<Record<string, string>>
): derived is DerivedValues {
  return derived instanceof Map
}

/**
 * Prepares a context. `derived` values fill in only keys the input lacks. Keys that differ only
 * in case: the first one given wins (JSON object order), a deterministic choice for input IAM
 * itself could never produce.
 */
export function prepareContext(
  input: Readonly<Record<string, ContextInput>> | undefined,
  derived?: DerivedValues | Readonly<Record<string, string>>
): PreparedContext {
  const entries = new Map<string, PreparedValue>()
  if (input !== undefined) {
    for (const key of Object.keys(input)) {
      const value = input[key]
      const lower = lowercase(key)
      if (value !== undefined && !entries.has(lower)) entries.set(lower, toContextValue(value))
    }
  }
  if (derived !== undefined) {
    const values = isDerivedValues(derived) ? derived : derivedValues(derived)
    for (const [lower, value] of values) if (!entries.has(lower)) entries.set(lower, value)
  }
  return new MapContext(entries)
}

/** Past this many keys a given context indexes them in a map rather than searching a list. */
const LIST_LIMIT = 16

/**
 * A context read from JSON input (givenContext). Requests carry a handful of keys, most of which
 * no condition ever reads: the keys are kept as a list beside the input object, and each value
 * is prepared from the input on its first look-up, so preparing a request allocates one list.
 * Derived values are looked up after the given ones (§6: the given context wins).
 */
export class GivenContext implements PreparedContext {
  /** per key: its lowercase form, then the name the input gave it */
  readonly #keys: string[] = []
  readonly #input: Readonly<Record<string, unknown>>
  /** per key: its prepared value, once looked up (allocated on the first look-up) */
  #prepared: (PreparedValue | undefined)[] | undefined = undefined
  #index: Map<string, number> | undefined = undefined
  #derived: DerivedValues | undefined = undefined

  constructor(input: Readonly<Record<string, unknown>>) {
    this.#input = input
  }

  /** how many keys the input gave */
  get size(): number {
    return this.#keys.length >> 1
  }

  /** false when the key is already present ignoring case (the input is then refused) */
  add(lowerKey: string, name: string): boolean {
    if (this.#find(lowerKey) >= 0) return false
    const at = this.#keys.length >> 1
    this.#keys.push(lowerKey, name)
    if (this.#index !== undefined) this.#index.set(lowerKey, at)
    else if (at + 1 > LIST_LIMIT) {
      this.#index = new Map()
      for (let i = 0; i <= at; i++) this.#index.set(this.#keys[2 * i] as string, i)
    }
    return true
  }

  complete(derived: DerivedValues | undefined): this {
    this.#derived = derived
    return this
  }

  get(key: string): ContextValue | undefined {
    return this.lookup(lowercase(key))
  }

  lookup(lowerKey: string): ContextValue | undefined {
    const at = this.#find(lowerKey)
    if (at < 0) return this.#derived?.get(lowerKey)
    const prepared = (this.#prepared ??= [])
    let value = prepared[at]
    if (value === undefined) {
      const name = this.#keys[2 * at + 1] as string
      value = toContextValue(this.#input[name] as ContextInput)
      prepared[at] = value
    }
    return value
  }

  #find(lowerKey: string): number {
    if (this.#index !== undefined) return this.#index.get(lowerKey) ?? -1
    const keys = this.#keys
    for (let i = 0; i < keys.length; i += 2) if (keys[i] === lowerKey) return i >> 1
    return -1
  }
}

/**
 * The context of JSON input, checked while it is prepared: undefined unless it is an object
 * whose values are scalars or arrays of scalars, no two of its keys equal ignoring case (a case
 * reader reports those; prepareContext would keep the first). The input must not change
 * afterwards: values are read from it on first look-up.
 */
export function givenContext(input: unknown): GivenContext | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
  const record = input as Readonly<Record<string, unknown>>
  const given = new GivenContext(record)
  // for…in, not Object.keys: no array per request (JSON.parse objects inherit nothing enumerable)
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return undefined
    const value = record[key]
    if (Array.isArray(value) ? !value.every(isScalar) : !isScalar(value)) return undefined
    if (!given.add(lowercase(key), key)) return undefined
  }
  return given
}

/** Completes a given context with derived values (it takes ownership of `given`). */
export function completeContext(given: GivenContext, derived?: DerivedValues): PreparedContext {
  return given.complete(derived)
}

function isScalar(value: unknown): value is string | number | boolean {
  const type = typeof value
  return type === 'string' || type === 'number' || type === 'boolean'
}

function toContextValue(value: ContextInput): PreparedValue {
  if (typeof value === 'object') return new PreparedValue(listOf(value, String), true)
  if (typeof value === 'string') return new PreparedValue([value], false)
  return new PreparedValue([String(value)], false)
}
