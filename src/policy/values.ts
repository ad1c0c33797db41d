// Pure parsers for condition values (IAM-SEMANTICS §4.2, §4.5, §7.7), shared by the policy
// validator (is this policy value valid for its operator?) and the engine (compare values).
// No RegExp at all: every parser scans by hand in linear time, without backtracking.
import type { OperatorFamily } from './condition-operators.js'
import { parseIpRange } from './ip-address.js'

// IP parsing lives in ip-address.ts; re-exported so `values.js` stays the one import for values
export { parseIpAddress, parseIpRange, parsePrefix, wordMask, type IpRange } from './ip-address.js'

/**
 * Checks a policy value for its operator family: a lowercase message such as
 * "expected a number" when invalid, undefined when valid (or when the family takes any text).
 */
export function checkConditionValue(family: OperatorFamily, value: string): string | undefined {
  switch (family) {
    case 'numeric':
      return parseNumber(value) === undefined ? 'expected a number' : undefined
    case 'date':
      return parseDate(value) === undefined
        ? 'expected an iso 8601 date or epoch seconds'
        : undefined
    case 'ip':
      return parseIpRange(value) === undefined ? 'expected an ip address or cidr range' : undefined
    case 'binary':
      return decodeBase64(value) === undefined ? 'expected base64 text' : undefined
    case 'bool':
    case 'null':
      return parseBool(value) === undefined ? 'expected `true` or `false`' : undefined
    case 'string':
    case 'arn':
      return undefined
  }
}

/**
 * Whether the text holds a `${key}` policy variable (§4.6): `${` then a key up to `}`. The
 * escapes `${*}`, `${?}` and `${$}` are not variables. The engine's resolver
 * (src/engine/variables.ts) is the reference; this only tells the validator to leave the value
 * to evaluation time.
 */
export function holdsPolicyVariable(text: string): boolean {
  return /\$\{\s*[^\s*?${}][^${}]*\}/.test(text)
}

/**
 * Checks number syntax in one pass: optional sign, digits, optional fraction (`10`, `-3`, `10.0`,
 * `.5`, `5.`); no exponent, hex, spaces, NaN or Infinity. Returns how many digits the text has,
 * or -1 when it is not a number.
 */
export function scanNumber(text: string): number {
  let i = text.length > 0 && (text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45) ? 1 : 0
  let digits = 0
  let dot = false
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if (c === 46 && !dot) dot = true
    else return -1
  }
  return digits > 0 ? digits : -1
}

/** `10`, `-3`, `10.0`, `.5` → their value (§4.2: `10.0` = `10`); anything else → undefined. */
export function parseNumber(text: string): number | undefined {
  return scanNumber(text) < 0 ? undefined : Number(text)
}

/** Doubles keep every decimal of up to 15 digits (in range 1e-15…1e15) distinct and ordered. */
export const EXACT_DOUBLE_DIGITS = 15

/**
 * Orders two valid numbers exactly, even beyond double precision: -1, 0 or 1 like a comparator.
 */
export function compareNumbers(a: string, b: string): number {
  if (scanNumber(a) <= EXACT_DOUBLE_DIGITS && scanNumber(b) <= EXACT_DOUBLE_DIGITS) {
    const difference = Number(a) - Number(b)
    return difference < 0 ? -1 : difference > 0 ? 1 : 0
  }
  return compareDecimalText(a, b)
}

/** Exact comparison of two valid numbers as decimal text (the slow path). */
export function compareDecimalText(a: string, b: string): number {
  const x = splitDecimal(a)
  const y = splitDecimal(b)
  const zero = (d: { int: string; frac: string }): boolean => d.int === '' && d.frac === ''
  const xs = zero(x) ? 0 : x.negative ? -1 : 1
  const ys = zero(y) ? 0 : y.negative ? -1 : 1
  if (xs !== ys) return Math.sign(xs - ys)
  if (xs === 0) return 0
  let magnitude = x.int.length - y.int.length
  if (magnitude === 0) magnitude = x.int < y.int ? -1 : x.int > y.int ? 1 : 0
  if (magnitude === 0) magnitude = x.frac < y.frac ? -1 : x.frac > y.frac ? 1 : 0
  if (magnitude === 0) return 0
  return magnitude < 0 ? -xs : xs
}

function splitDecimal(text: string): { negative: boolean; int: string; frac: string } {
  const sign = codeAt(text, 0) === 45 || codeAt(text, 0) === 43 ? 1 : 0
  let dot = text.indexOf('.')
  if (dot < 0) dot = text.length
  let from = sign
  while (from < dot && text.charCodeAt(from) === 48) from++
  let to = text.length
  while (to > dot + 1 && text.charCodeAt(to - 1) === 48) to--
  return {
    negative: codeAt(text, 0) === 45,
    int: text.slice(from, dot),
    frac: to > dot + 1 ? text.slice(dot + 1, to) : ''
  }
}

const DAY_MS = 86_400_000

/**
 * A date value → epoch milliseconds (fractions of a millisecond are kept as the fractional part),
 * or undefined. Accepts the W3C ISO 8601 profile of §4.2 (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, then
 * `Thh:mm`, `Thh:mm:ss` or `Thh:mm:ss.s…`, then `Z` or `±hh:mm`) and epoch seconds; date-only
 * values are midnight UTC (§7.7). Scans by hand: no RegExp, no allocation.
 */
export function parseDate(text: string): number | undefined {
  if (isEpochSeconds(text)) {
    const ms = Number(text) * 1000
    return Number.isFinite(ms) ? ms : undefined
  }
  const n = text.length
  const year = digitsAt(text, 0, 4)
  const month = n > 4 ? (codeAt(text, 4) === 45 ? digitsAt(text, 5, 2) : -1) : 1
  const day = n > 7 ? (codeAt(text, 7) === 45 ? digitsAt(text, 8, 2) : -1) : 1
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined
  }
  const midnight = daysFromCivil(year, month, day) * DAY_MS
  if (n === 4 || n === 7 || n === 10) return midnight
  if (codeAt(text, 10) !== 84) return undefined
  const time = timeOfDayMs(text, 11)
  return Number.isNaN(time) ? undefined : midnight + time
}

function isEpochSeconds(text: string): boolean {
  const start = codeAt(text, 0) === 45 ? 1 : 0
  if (text.length === start || isYearOnly(text)) return false
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/** `hh:mm[:ss[.s…]][Z|±hh:mm]` at `at` → milliseconds after midnight UTC, or NaN. */
function timeOfDayMs(text: string, at: number): number {
  const hour = digitsAt(text, at, 2)
  const minute = codeAt(text, at + 2) === 58 ? digitsAt(text, at + 3, 2) : -1
  let i = at + 5
  let second = 0
  if (codeAt(text, i) === 58) {
    second = digitsAt(text, i + 1, 2)
    i += 3
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN
  let fraction = 0
  if (codeAt(text, i) === 46 && i === at + 8) {
    let scale = 1
    const start = ++i
    for (; i < text.length && isDigit(text.charCodeAt(i)); i++) {
      // digits past the 15th are below double precision anyway
      if (i - start >= 15) continue
      fraction = fraction * 10 + (text.charCodeAt(i) - 48)
      scale *= 10
    }
    if (i === start) return NaN
    fraction = (fraction / scale) * 1000
  }
  const offset = zoneOffsetMinutes(text, i)
  return ((hour * 60 + minute - offset) * 60 + second) * 1000 + fraction
}

/** The value of `count` decimal digits at text[at…], or -1. */
function digitsAt(text: string, at: number, count: number): number {
  if (at + count > text.length) return -1
  let value = 0
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i)
    if (!isDigit(c)) return -1
    value = value * 10 + (c - 48)
  }
  return value
}

/** The UTF-16 code at i, or -1 past the end (out-of-range charCodeAt makes V8 deoptimise). */
function codeAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/**
 * [UNCERTAIN] a value of exactly four digits is read as an ISO year (`2020` = 2020-01-01), not
 * as 2,020 epoch seconds: §4.2 allows both forms and no real epoch value has four digits.
 */
function isYearOnly(text: string): boolean {
  return text.length === 4 && text.charCodeAt(0) !== 45
}

/**
 * The zone designator that must end the text at `at`, in minutes east of UTC, or NaN.
 * [UNCERTAIN] a time without a zone designator (not in the W3C profile) is read as UTC, the same
 * as date-only values (§7.7).
 */
function zoneOffsetMinutes(text: string, at: number): number {
  if (at === text.length) return 0
  const c = text.charCodeAt(at)
  if (c === 90) return at + 1 === text.length ? 0 : NaN
  if ((c !== 43 && c !== 45) || at + 6 !== text.length || text.charCodeAt(at + 3) !== 58) return NaN
  const hours = digitsAt(text, at + 1, 2)
  const minutes = digitsAt(text, at + 4, 2)
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return NaN
  return (c === 45 ? -1 : 1) * (hours * 60 + minutes)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (no Date object: years 0–99 work). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 (padding optional, no whitespace) → bytes, or undefined. */
export function decodeBase64(text: string): Uint8Array | undefined {
  let length = text.length
  if (length % 4 === 0 && text.endsWith('==')) length -= 2
  else if (length % 4 === 0 && text.endsWith('=')) length -= 1
  if (length % 4 === 1) return undefined
  const bytes = new Uint8Array(Math.floor((length * 3) / 4))
  let bits = 0
  let buffer = 0
  let n = 0
  for (let i = 0; i < length; i++) {
    const sextet = BASE64_ALPHABET.indexOf(text.charAt(i))
    if (sextet < 0) return undefined
    buffer = ((buffer << 6) | sextet) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[n++] = (buffer >> bits) & 0xff
    }
  }
  return bytes
}

/**
 * `true`/`false` → boolean, else undefined. [UNCERTAIN] §4.2: compared case-insensitively
 * (`TRUE` is true).
 */
export function parseBool(text: string): boolean | undefined {
  if (text === 'true') return true
  if (text === 'false') return false
  const lower = text.toLowerCase()
  return lower === 'true' ? true : lower === 'false' ? false : undefined
}
