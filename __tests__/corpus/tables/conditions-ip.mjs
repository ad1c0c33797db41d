// IAM-SEMANTICS §4.2 (IpAddress / NotIpAddress: IPv4 + IPv6 CIDR, compared numerically), §4.3.
import { condCase as c } from './helpers.mjs'

const K = 'aws:SourceIp'
const ip = (value) => ({ [K]: value })

// prettier-ignore
const ipv4 = [
  c('ip4-in-24', '§4.2: IPv4 in /24', 'allow', { IpAddress: { [K]: '192.0.2.0/24' } }, ip('192.0.2.200'), 'Allow'),
  c('ip4-out-24', '§4.2: IPv4 outside /24', 'allow', { IpAddress: { [K]: '192.0.2.0/24' } }, ip('192.0.3.1'), 'ImplicitDeny'),
  c('ip4-single-no-prefix', '§4.2: no prefix = single address (/32)', 'allow', { IpAddress: { [K]: '203.0.113.7' } }, ip('203.0.113.7'), 'Allow'),
  c('ip4-single-no-prefix-other', '§4.2: no prefix = single address, the neighbour does not match', 'allow', { IpAddress: { [K]: '203.0.113.7' } }, ip('203.0.113.8'), 'ImplicitDeny'),
  c('ip4-32', '§4.2: explicit /32', 'allow', { IpAddress: { [K]: '203.0.113.7/32' } }, ip('203.0.113.7'), 'Allow'),
  c('ip4-16-upper-edge', '§4.2: /16 upper edge 10.1.255.255', 'allow', { IpAddress: { [K]: '10.1.0.0/16' } }, ip('10.1.255.255'), 'Allow'),
  c('ip4-16-next-network', '§4.2: /16 does not contain 10.2.0.0', 'allow', { IpAddress: { [K]: '10.1.0.0/16' } }, ip('10.2.0.0'), 'ImplicitDeny'),
  c('ip4-numeric-not-textual', '§4.2: numeric comparison: 10.1.0.0/16 does not contain 10.10.0.1 (text prefix would)', 'allow', { IpAddress: { [K]: '10.1.0.0/16' } }, ip('10.10.0.1'), 'ImplicitDeny'),
  c('ip4-odd-prefix', '§4.2: /20 boundary: 172.16.15.255 inside 172.16.0.0/20', 'allow', { IpAddress: { [K]: '172.16.0.0/20' } }, ip('172.16.15.255'), 'Allow'),
  c('ip4-odd-prefix-out', '§4.2: /20 boundary: 172.16.16.0 outside 172.16.0.0/20', 'allow', { IpAddress: { [K]: '172.16.0.0/20' } }, ip('172.16.16.0'), 'ImplicitDeny'),
  c('ip4-any', '§4.2: 0.0.0.0/0 contains every IPv4 address', 'allow', { IpAddress: { [K]: '0.0.0.0/0' } }, ip('198.51.100.1'), 'Allow'),
  c('ip4-values-or', '§4.1: several CIDRs ORed', 'allow', { IpAddress: { [K]: ['192.0.2.0/24', '203.0.113.0/24'] } }, ip('203.0.113.9'), 'Allow'),
  c('ip4-missing', '§4.3: IpAddress, key absent → false', 'allow', { IpAddress: { [K]: '0.0.0.0/0' } }, {}, 'ImplicitDeny'),
  c('ip4-ifexists-missing', '§4.3: IpAddressIfExists, key absent → true', 'allow', { IpAddressIfExists: { [K]: '192.0.2.0/24' } }, {}, 'Allow'),
  c('ip4-context-unparsable', '§4.5 [UNCERTAIN]: an unparsable context address makes the comparison false', 'allow', { IpAddress: { [K]: '0.0.0.0/0' } }, ip('not-an-ip'), 'ImplicitDeny')
]

// prettier-ignore
const ipv6 = [
  c('ip6-in-32', '§4.2: IPv6 in 2001:db8::/32', 'allow', { IpAddress: { [K]: '2001:db8::/32' } }, ip('2001:db8:1234::1'), 'Allow'),
  c('ip6-out-32', '§4.2: IPv6 outside 2001:db8::/32', 'allow', { IpAddress: { [K]: '2001:db8::/32' } }, ip('2001:db9::1'), 'ImplicitDeny'),
  c('ip6-case-and-compression', '§4.2: hex case and :: compression are irrelevant', 'allow', { IpAddress: { [K]: '2001:DB8::/32' } }, ip('2001:0db8:0000:0000:0000:0000:0000:0001'), 'Allow'),
  c('ip6-single', '§4.2: IPv6 without prefix = /128', 'allow', { IpAddress: { [K]: '2001:db8::1' } }, ip('2001:db8:0:0:0:0:0:1'), 'Allow'),
  c('ip6-single-other', '§4.2: IPv6 /128 does not contain the neighbour', 'allow', { IpAddress: { [K]: '2001:db8::1' } }, ip('2001:db8::2'), 'ImplicitDeny'),
  c('ip6-v4-never-in-v6', '§4.2: an IPv4 address never matches an IPv6 range (::/0)', 'allow', { IpAddress: { [K]: '::/0' } }, ip('203.0.113.7'), 'ImplicitDeny'),
  c('ip6-v6-never-in-v4', '§4.2: an IPv6 address never matches an IPv4 range (0.0.0.0/0)', 'allow', { IpAddress: { [K]: '0.0.0.0/0' } }, ip('2001:db8::1'), 'ImplicitDeny'),
  c('ip6-mixed-list', '§4.1, §4.2: IPv4 and IPv6 CIDRs in one list', 'allow', { IpAddress: { [K]: ['192.0.2.0/24', '2001:db8::/32'] } }, ip('2001:db8::abcd'), 'Allow')
]

// prettier-ignore
const notIp = [
  c('notip-outside', '§4.2: NotIpAddress, address outside → true', 'allow', { NotIpAddress: { [K]: '192.0.2.0/24' } }, ip('198.51.100.1'), 'Allow'),
  c('notip-inside', '§4.2: NotIpAddress, address inside → false', 'allow', { NotIpAddress: { [K]: '192.0.2.0/24' } }, ip('192.0.2.1'), 'ImplicitDeny'),
  c('notip-list-nor', '§4.1: NotIpAddress with a list: inside any range → false', 'allow', { NotIpAddress: { [K]: ['10.0.0.0/8', '192.0.2.0/24'] } }, ip('192.0.2.1'), 'ImplicitDeny'),
  c('notip-missing', '§4.3 (documented): NotIpAddress on a missing aws:SourceIp is true', 'allow', { NotIpAddress: { [K]: '192.0.2.0/24' } }, {}, 'Allow'),
  c('notip-deny-outside', '§4.2: Deny+NotIpAddress denies calls from outside the range', 'deny', { NotIpAddress: { [K]: '192.0.2.0/24' } }, ip('198.51.100.1'), 'ExplicitDeny'),
  c('notip-deny-inside', '§4.2: Deny+NotIpAddress does not deny calls from inside', 'deny', { NotIpAddress: { [K]: '192.0.2.0/24' } }, ip('192.0.2.77'), 'Allow'),
  c('notip-deny-vpce-missing', '§4.3 (documented): Deny+NotIpAddress denies VPC-endpoint traffic without aws:SourceIp', 'deny', { NotIpAddress: { [K]: '192.0.2.0/24' } }, {}, 'ExplicitDeny'),
  c('notip-ifexists-deny-missing', '§4.3: Deny+NotIpAddressIfExists on a missing key still applies', 'deny', { NotIpAddressIfExists: { [K]: '192.0.2.0/24' } }, {}, 'ExplicitDeny'),
  c('notip-v6-vs-v4-range', '§4.2: NotIpAddress with an IPv4 range and an IPv6 caller → true', 'allow', { NotIpAddress: { [K]: '0.0.0.0/0' } }, ip('2001:db8::1'), 'Allow')
]

export const groups = { ipv4, ipv6, 'not-ip-address': notIp }
