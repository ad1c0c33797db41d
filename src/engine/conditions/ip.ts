// IpAddress / NotIpAddress (IAM-SEMANTICS §4.2): IPv4 and IPv6 CIDR ranges compared as numbers
// (hex case and `::` compression do not matter); an address without a prefix is /32 or /128;
// IPv4 never matches an IPv6 range or the reverse. No policy variables (§4.6). Request
// addresses are parsed once per request (parsed-value.ts).
import type { IpRange } from '../../policy/values.js'
import { parseIpRange, wordMask } from '../../policy/values.js'
import type { ConditionOperator, PolicyValues } from './operator.js'
import { ADDRESS_SLOTS, addressesOf } from './parsed-value.js'

interface PreparedRange {
  readonly version: 4 | 6
  readonly prefix: number
  readonly words: readonly number[]
  readonly masks: readonly number[]
}

function prepareRange(range: IpRange): PreparedRange {
  const masks = range.words.map((_w, i) => wordMask(range.prefix - i * 32))
  return { version: range.version, prefix: range.prefix, words: range.words, masks }
}

export const IP_OPERATOR: ConditionOperator = {
  family: 'ip',
  expects: 'an ip address',
  compile(_info, values) {
    const ranges: PreparedRange[] = []
    for (const value of values) {
      const range = parseIpRange(value)
      if (range !== undefined) ranges.push(prepareRange(range))
    }
    const tester: PolicyValues = {
      test(value, index) {
        const parsed = addressesOf(value)
        const at = index * ADDRESS_SLOTS
        if ((parsed[at] ?? 0) === 0) return 'unparsable'
        for (let i = 0; i < ranges.length; i++) {
          const range = ranges[i]
          if (range !== undefined && contains(range, parsed, at)) return 'match'
        }
        return 'no-match'
      }
    }
    return { fixed: tester, bind: () => tester }
  }
}

/**
 * Is the request address parsed at `at` (version, prefix, words) inside the range? A request
 * value with a prefix (not something AWS sends, but accepted here) must lie wholly inside it.
 */
function contains(range: PreparedRange, parsed: Int32Array, at: number): boolean {
  if (range.version !== parsed[at] || (parsed[at + 1] ?? 0) < range.prefix) return false
  for (let w = 0; w < range.words.length; w++) {
    const word = parsed[at + 2 + w] ?? 0
    if (((word ^ (range.words[w] ?? 0)) & (range.masks[w] ?? 0)) !== 0) return false
  }
  return true
}
