// IpAddress / NotIpAddress (IAM-SEMANTICS §4.2): IPv4 and IPv6 CIDR ranges compared as numbers
// (hex case and `::` compression do not matter); an address without a prefix is /32 or /128;
// IPv4 never matches an IPv6 range or the reverse. No policy variables (§4.6).
import type { IpRange } from '../../policy/values.js'
import { parseIpAddress, parseIpRange, parsePrefix, wordMask } from '../../policy/values.js'
import type { ConditionOperator, PolicyValues } from './operator.js'

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

// scratch for the request address: evaluation is synchronous, so one buffer is enough
const address = new Int32Array(4)

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
      test(r) {
        const slash = r.indexOf('/')
        const end = slash < 0 ? r.length : slash
        const version = parseIpAddress(r, address, end)
        if (version === undefined) return 'unparsable'
        const prefix =
          slash < 0
            ? version === 4
              ? 32
              : 128
            : parsePrefix(r, slash + 1, version === 4 ? 32 : 128)
        if (prefix === undefined) return 'unparsable'
        for (let i = 0; i < ranges.length; i++) {
          const range = ranges[i]
          if (range !== undefined && contains(range, version, prefix)) return 'match'
        }
        return 'no-match'
      }
    }
    return { bind: () => tester }
  }
}

/**
 * Is the request address (in `address`) inside the range? A request value with a prefix (not
 * something AWS sends, but accepted here) must lie wholly inside the range.
 */
function contains(range: PreparedRange, version: 4 | 6, prefix: number): boolean {
  if (range.version !== version || prefix < range.prefix) return false
  for (let w = 0; w < range.words.length; w++) {
    if ((((address[w] ?? 0) ^ (range.words[w] ?? 0)) & (range.masks[w] ?? 0)) !== 0) return false
  }
  return true
}
