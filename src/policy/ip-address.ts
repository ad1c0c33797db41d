// IPv4 and IPv6 addresses and CIDR ranges for the `IpAddress` / `NotIpAddress` operators
// (IAM-SEMANTICS §4.2), shared by the validator and the engine. Scanned by hand in linear time:
// no RegExp, and the address parser does not allocate (the engine calls it per request).

/** An address range: `words` is the network address (masked) as 32-bit words, one for IPv4. */
export interface IpRange {
  readonly version: 4 | 6
  readonly words: readonly number[]
  readonly prefix: number
}

/**
 * `10.0.0.0/8`, `203.0.113.7` (= /32), `2001:DB8::/32`, `::ffff:1.2.3.4` (= /128) → range, or
 * undefined. Host bits beyond the prefix are ignored; hex case and `::` compression do not matter.
 */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/')
  const end = slash < 0 ? text.length : slash
  const words = [0, 0, 0, 0]
  const version = parseIpAddress(text, words, end)
  if (version === undefined) return undefined
  const max = version === 4 ? 32 : 128
  const prefix = slash < 0 ? max : parsePrefix(text, slash + 1, max)
  if (prefix === undefined) return undefined
  const kept = words.slice(0, version === 4 ? 1 : 4)
  for (let i = 0; i < kept.length; i++) kept[i] = (kept[i] ?? 0) & wordMask(prefix - i * 32)
  return { version, words: kept, prefix }
}

/** Decimal prefix length in text[start..] (no leading zeros, at most `max`), or undefined. */
export function parsePrefix(text: string, start: number, max: number): number | undefined {
  const digits = text.length - start
  if (digits < 1 || digits > 3 || (digits > 1 && text.charCodeAt(start) === 48)) return undefined
  let value = 0
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 48 || c > 57) return undefined
    value = value * 10 + (c - 48)
  }
  return value <= max ? value : undefined
}

/** The mask of one 32-bit word that keeps its first `bits` bits (clamped to 0–32). */
export function wordMask(bits: number): number {
  if (bits <= 0) return 0
  if (bits >= 32) return -1
  return ~(-1 >>> bits)
}

/**
 * Parses the IPv4 or IPv6 address in text[0, end) into `out` (one word for IPv4, four for IPv6,
 * as signed 32-bit integers) without allocating; returns the version or undefined.
 */
export function parseIpAddress(
  text: string,
  out: number[] | Int32Array,
  end: number = text.length
): 4 | 6 | undefined {
  const colon = text.indexOf(':')
  if (colon >= 0 && colon < end) return parseIpv6(text, end, out) ? 6 : undefined
  const v4 = parseIpv4(text, 0, end)
  if (v4 === undefined) return undefined
  out[0] = v4 | 0
  return 4
}

/** Dotted quad in text[start, end) → 32-bit value; no leading zeros (they could mean octal). */
function parseIpv4(text: string, start: number, end: number): number | undefined {
  let value = 0
  let i = start
  for (let octets = 0; octets < 4; octets++) {
    if (octets > 0) {
      if (i >= end || text.charCodeAt(i) !== 46) return undefined
      i++
    }
    let octet = 0
    let digits = 0
    for (; i < end && digits < 4; i++, digits++) {
      const c = text.charCodeAt(i)
      if (c < 48 || c > 57) break
      if (digits === 1 && octet === 0) return undefined
      octet = octet * 10 + (c - 48)
    }
    if (digits === 0 || octet > 255) return undefined
    value = value * 256 + octet
  }
  return i === end ? value : undefined
}

const groups = new Int32Array(8)

/** IPv6 with `::` compression and an optional IPv4 tail; fills four words of `out`. */
function parseIpv6(text: string, end: number, out: number[] | Int32Array): boolean {
  let count = 0
  let gap = -1
  let i = 0
  if (text.charCodeAt(0) === 58) {
    if (end < 2 || text.charCodeAt(1) !== 58) return false
    gap = 0
    i = 2
  }
  while (i < end) {
    let value = 0
    let j = i
    for (; j < end; j++) {
      const digit = hexDigit(text.charCodeAt(j))
      if (digit < 0) break
      value = value * 16 + digit
    }
    if (j < end && text.charCodeAt(j) === 46) {
      const v4 = parseIpv4(text, i, end)
      if (v4 === undefined || count > 6) return false
      groups[count++] = v4 >>> 16
      groups[count++] = v4 & 0xffff
      break
    }
    if (j === i || j - i > 4 || count === 8) return false
    groups[count++] = value
    i = j
    if (i === end) break
    if (text.charCodeAt(i) !== 58) return false
    i++
    if (i < end && text.charCodeAt(i) === 58) {
      if (gap >= 0) return false
      gap = count
      i++
    } else if (i === end) return false
  }
  return fillWords(count, gap, out)
}

function fillWords(count: number, gap: number, out: number[] | Int32Array): boolean {
  if (gap < 0 ? count !== 8 : count > 7) return false
  const zeros = 8 - count
  for (let g = 0; g < 8; g++) {
    let value = 0
    if (gap < 0 || g < gap) value = groups[g] ?? 0
    else if (g >= gap + zeros) value = groups[g - zeros] ?? 0
    if (g % 2 === 0) out[g >> 1] = value << 16
    else out[g >> 1] = (out[g >> 1] ?? 0) | value | 0
  }
  return true
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 97 && c <= 102) return c - 87
  if (c >= 65 && c <= 70) return c - 55
  return -1
}
