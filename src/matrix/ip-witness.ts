// Addresses inside and just outside a CIDR range (IAM-SEMANTICS §4.2 IP family): the network
// address, the address after the range and the one before it, as plain text.
import { parseIpRange } from '../policy/values.js'

function formatV4(n: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((n >> shift) & 255n)).join('.')
}

function formatV6(n: bigint): string {
  const groups: string[] = []
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push(((n >> shift) & 0xffffn).toString(16))
  return groups.join(':')
}

/** Inside first, then outside (after the range, before it); empty for a value that is no range. */
export function ipWitnesses(cidr: string): string[] {
  const range = parseIpRange(cidr)
  if (range === undefined) return []
  const bits = range.version === 4 ? 32n : 128n
  let start = 0n
  for (const word of range.words) start = (start << 32n) | BigInt(word >>> 0)
  const size = 1n << (bits - BigInt(range.prefix))
  const max = (1n << bits) - 1n
  const format = range.version === 4 ? formatV4 : formatV6
  const out = [format(start)]
  if (start + size <= max) out.push(format(start + size))
  if (start > 0n) out.push(format(start - 1n))
  return out
}
