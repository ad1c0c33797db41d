// The parsed forms of context values that the Numeric, Date, IP and …IgnoreCase operators
// compare (IAM-SEMANTICS §4.2, §4.5). A PreparedValue (context.ts) keeps them once computed, so
// each request value is parsed once however many statements, policy sets and sides test it;
// any other ContextValue is parsed on every call. Every value of a key is parsed at once: keys
// are almost always single-valued, and a whole-array cache keeps one shape per value.
import { parseDate, parseIpAddress, parsePrefix, scanNumber } from '../../policy/values.js'
import { PreparedValue, type ContextValue } from '../context.js'

/** Epoch milliseconds of each value; NaN when it is not a date (§4.2, §7.7). */
export function instantsOf(value: ContextValue): Float64Array {
  if (!(value instanceof PreparedValue)) return parseInstants(value.values)
  return (value.instants ??= parseInstants(value.values))
}

/** Per value two slots: the number, then its digit count (-1 when it is not a number). */
export function numbersOf(value: ContextValue): Float64Array {
  if (!(value instanceof PreparedValue)) return parseNumbers(value.values)
  return (value.numbers ??= parseNumbers(value.values))
}

/** Slots per value in addressesOf: version (0 = not an address), prefix, four address words. */
export const ADDRESS_SLOTS = 6

/** Per value ADDRESS_SLOTS slots; an address without a prefix is /32 or /128 (§4.2). */
export function addressesOf(value: ContextValue): Int32Array {
  if (!(value instanceof PreparedValue)) return parseAddresses(value.values)
  return (value.addresses ??= parseAddresses(value.values))
}

/** Each value lowercased, for the …IgnoreCase operators. */
export function loweredOf(value: ContextValue): readonly string[] {
  if (!(value instanceof PreparedValue)) return value.values.map((v) => v.toLowerCase())
  return (value.lowered ??= value.values.map((v) => v.toLowerCase()))
}

function parseInstants(values: readonly string[]): Float64Array {
  const out = new Float64Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = parseDate(values[i] ?? '') ?? NaN
  return out
}

function parseNumbers(values: readonly string[]): Float64Array {
  const out = new Float64Array(values.length * 2)
  for (let i = 0; i < values.length; i++) {
    const text = values[i] ?? ''
    const digits = scanNumber(text)
    out[2 * i] = digits < 0 ? NaN : Number(text)
    out[2 * i + 1] = digits
  }
  return out
}

// scratch for one address: parsing is synchronous, so one buffer is enough
const words = new Int32Array(4)

function parseAddresses(values: readonly string[]): Int32Array {
  const out = new Int32Array(values.length * ADDRESS_SLOTS)
  for (let i = 0; i < values.length; i++) {
    const text = values[i] ?? ''
    const slash = text.indexOf('/')
    const version = parseIpAddress(text, words, slash < 0 ? text.length : slash)
    if (version === undefined) continue
    const max = version === 4 ? 32 : 128
    const prefix = slash < 0 ? max : parsePrefix(text, slash + 1, max)
    if (prefix === undefined) continue
    const at = i * ADDRESS_SLOTS
    out[at] = version
    out[at + 1] = prefix
    out.set(words, at + 2)
  }
  return out
}
