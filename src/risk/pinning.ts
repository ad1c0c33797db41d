// Whether the keys that look like they pin a public grant really do (docs/RISKS.md, "public").
// A condition on `aws:SourceIp` makes a grant to `*` look restricted; `0.0.0.0/0`, a `NotIpAddress`
// of a private range, or `StringLike aws:SourceArn "*"` restricts nothing. The matrix's witness
// satisfies the condition by construction, so its value says nothing: the request is decided
// again with every such key set to a value of the outsider's own (an address, ARN, VPC,
// organisation no policy names). Still allowed: the keys pin nothing, and the grant is public.
import type { ContextInput, Request } from '../engine/types.js'
import { ANONYMOUS, isOutsiderCaller } from '../matrix/principals.js'
import { OUTSIDER_ACCOUNT } from '../matrix/samples.js'
import { splitArn } from '../policy/arn.js'
import { RESTRICTING_KEYS } from './classify.js'

const IPV4 = '198.51.100.77'
const IPV6 = '2001:db8::77'

/** A value of the outsider's for each pinning key (lowercase key), given its account. */
function outsiderValue(key: string, account: string, given: string): string {
  switch (key) {
    case 'aws:sourceip':
    case 'aws:vpcsourceip':
      return given.includes(':') ? IPV6 : IPV4
    case 'aws:sourcearn':
      return `arn:aws:sns:us-east-1:${account}:outsider`
    case 'aws:sourcevpc':
      return 'vpc-0a1b2c3d4e5f60718'
    case 'aws:sourcevpce':
      return 'vpce-0a1b2c3d4e5f60718'
    case 'aws:sourceorgid':
    case 'aws:principalorgid':
      return 'o-outsider777'
    case 'aws:sourceorgpaths':
    case 'aws:principalorgpaths':
      return 'o-outsider777/r-0ut1/ou-0ut1-outsider/'
    case 'aws:userid':
      return 'AIDAOUTSIDEROUTSIDER7'
    case 'aws:principalarn':
      return `arn:aws:iam::${account}:user/outsider`
    case 'aws:principalservicename':
    case 'aws:principalservicenameslist':
      return 'outsider.amazonaws.com'
    case 's3:dataaccesspointarn':
      return `arn:aws:s3:us-east-1:${account}:accesspoint/outsider`
    case 's3:x-amz-server-side-encryption-aws-kms-key-id':
      return `arn:aws:kms:us-east-1:${account}:key/0a1b2c3d-outsider`
    default:
      // aws:SourceOwner, aws:SourceAccount, aws:PrincipalAccount, s3:DataAccessPointAccount
      return account
  }
}

/**
 * The request by the anonymous caller or the outsider with every pinning key it carries (those
 * the matrix did not set only because AWS always sends them) set to the outsider's own value;
 * undefined when it is by someone else or carries no such key.
 */
export function outsiderVariant(
  request: Request,
  implied: readonly string[] | undefined
): Request | undefined {
  const anonymous = request.principal === ANONYMOUS
  if (!anonymous && !isOutsiderCaller(request.principal)) return undefined
  const account = anonymous
    ? OUTSIDER_ACCOUNT
    : (splitArn(request.principal)?.account ?? OUTSIDER_ACCOUNT)
  const skip = new Set((implied ?? []).map((key) => key.toLowerCase()))
  const context: Record<string, ContextInput> = {}
  let changed = false
  for (const [key, value] of Object.entries(request.context ?? {})) {
    const lower = key.toLowerCase()
    if (!RESTRICTING_KEYS.has(lower) || skip.has(lower)) {
      context[key] = value
      continue
    }
    const first = Array.isArray(value) ? String(value[0] ?? '') : String(value)
    const outsider = outsiderValue(lower, account, first)
    context[key] = Array.isArray(value) ? [outsider] : outsider
    changed = true
  }
  return changed ? { ...request, context } : undefined
}
