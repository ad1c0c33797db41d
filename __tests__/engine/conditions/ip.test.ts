// IpAddress / NotIpAddress, table-driven (IAM-SEMANTICS §4.2, §4.3, §4.5).
import { describe, expect, it } from '@jest/globals'
import type { Row } from './run-condition.js'
import { rowName, runCondition } from './run-condition.js'

const IP = 'aws:SourceIp'

const rows: Row[] = [
  // IAM-SEMANTICS §4.2: IPv4 CIDR; no prefix = /32
  ['§4.2', 'IpAddress', IP, '203.0.113.0/24', { [IP]: '203.0.113.7' }, true],
  ['§4.2', 'IpAddress', IP, '203.0.113.0/24', { [IP]: '203.0.114.7' }, false],
  ['§4.2', 'IpAddress', IP, '203.0.113.7', { [IP]: '203.0.113.7' }, true],
  ['§4.2', 'IpAddress', IP, '203.0.113.7', { [IP]: '203.0.113.8' }, false],
  ['§4.2', 'IpAddress', IP, '203.0.113.7/32', { [IP]: '203.0.113.7' }, true],
  ['§4.2', 'IpAddress', IP, '0.0.0.0/0', { [IP]: '255.255.255.255' }, true],
  ['§4.2', 'IpAddress', IP, '128.0.0.0/1', { [IP]: '127.255.255.255' }, false],
  ['§4.2', 'IpAddress', IP, '128.0.0.0/1', { [IP]: '128.0.0.0' }, true],
  ['§4.2', 'IpAddress', IP, '10.1.2.3/8', { [IP]: '10.200.0.1' }, true],
  ['§4.2', 'IpAddress', IP, '10.0.0.0/31', { [IP]: '10.0.0.1' }, true],
  ['§4.2', 'IpAddress', IP, '10.0.0.0/31', { [IP]: '10.0.0.2' }, false],
  ['§4.1', 'IpAddress', IP, ['192.0.2.0/24', '203.0.113.0/24'], { [IP]: '203.0.113.9' }, true],
  ['§4.1', 'NotIpAddress', IP, ['192.0.2.0/24', '203.0.113.0/24'], { [IP]: '198.51.100.1' }, true],
  ['§4.1', 'NotIpAddress', IP, ['192.0.2.0/24', '203.0.113.0/24'], { [IP]: '192.0.2.200' }, false],
  // IAM-SEMANTICS §4.2: IPv6; hex case and `::` compression do not matter
  ['§4.2', 'IpAddress', IP, '2001:DB8::/32', { [IP]: '2001:db8:0:0:0:0:0:1' }, true],
  ['§4.2', 'IpAddress', IP, '2001:db8::/32', { [IP]: '2001:DB9::1' }, false],
  [
    '§4.2',
    'IpAddress',
    IP,
    '2001:0db8:0000:0000:0000:0000:0000:0001',
    { [IP]: '2001:db8::1' },
    true
  ],
  ['§4.2', 'IpAddress', IP, '2001:db8::1', { [IP]: '2001:db8::2' }, false],
  [
    '§4.2',
    'IpAddress',
    IP,
    '2001:db8:abcd:12::/64',
    { [IP]: '2001:db8:abcd:12:ffff:ffff:ffff:ffff' },
    true
  ],
  ['§4.2', 'IpAddress', IP, '2001:db8:abcd:12::/64', { [IP]: '2001:db8:abcd:13::' }, false],
  ['§4.2', 'IpAddress', IP, '2001:db8::/33', { [IP]: '2001:db8:8000::' }, false],
  ['§4.2', 'IpAddress', IP, '2001:db8::/33', { [IP]: '2001:db8:7fff::' }, true],
  ['§4.2', 'IpAddress', IP, '::/0', { [IP]: 'ffff::ffff' }, true],
  ['§4.2', 'IpAddress', IP, '::ffff:0:0/96', { [IP]: '::ffff:192.0.2.1' }, true],
  ['§4.2', 'IpAddress', IP, '::ffff:192.0.2.0/120', { [IP]: '::FFFF:c000:02ff' }, true],
  // IAM-SEMANTICS §4.2: IPv4 never matches an IPv6 range and the reverse
  ['§4.2', 'IpAddress', IP, '::/0', { [IP]: '192.0.2.1' }, false],
  ['§4.2', 'IpAddress', IP, '0.0.0.0/0', { [IP]: '::1' }, false],
  ['§4.2', 'IpAddress', IP, '::ffff:0:0/96', { [IP]: '192.0.2.1' }, false],
  ['§4.2', 'NotIpAddress', IP, '0.0.0.0/0', { [IP]: '2001:db8::1' }, true],
  // a request value with a prefix must lie wholly inside the range
  ['§4.2', 'IpAddress', IP, '10.0.0.0/8', { [IP]: '10.1.0.0/16' }, true],
  ['§4.2', 'IpAddress', IP, '10.0.0.0/16', { [IP]: '10.0.0.0/8' }, false],
  // IAM-SEMANTICS §4.5 [UNCERTAIN]: an unparsable request value fails the comparison, negated too
  [
    '§4.5',
    'IpAddress',
    IP,
    '10.0.0.0/8',
    { [IP]: 'localhost' },
    false,
    ['context-value-unparsable']
  ],
  [
    '§4.5',
    'NotIpAddress',
    IP,
    '10.0.0.0/8',
    { [IP]: '10.0.0.256' },
    false,
    ['context-value-unparsable']
  ],
  [
    '§4.5',
    'NotIpAddress',
    IP,
    '10.0.0.0/8',
    { [IP]: '010.0.0.1' },
    false,
    ['context-value-unparsable']
  ],
  ['§4.5', 'IpAddress', IP, '::/0', { [IP]: '1::2::3' }, false, ['context-value-unparsable']],
  [
    '§4.5',
    'IpAddress',
    IP,
    '10.0.0.0/8',
    { [IP]: '10.0.0.1/33' },
    false,
    ['context-value-unparsable']
  ],
  // IAM-SEMANTICS §4.3: absent key
  ['§4.3', 'IpAddress', IP, '10.0.0.0/8', {}, false],
  ['§4.3', 'NotIpAddress', IP, '10.0.0.0/8', {}, true]
]

describe('IpAddress / NotIpAddress', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    const [, operator, key, values, context, expected, issues = []] = row
    const outcome = runCondition(operator, key, values, context)
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual(issues)
  })
})
