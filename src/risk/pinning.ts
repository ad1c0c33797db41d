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

/** ARN-valued pinning keys: also tried with the witness's own ARN moved to the outsider. */
const ARN_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn',
  'aws:principalarn',
  's3:dataaccesspointarn',
  's3:x-amz-server-side-encryption-aws-kms-key-id'
])

/**
 * The witness's ARN with the outsider's account and a resource name of its own: a pattern that
 * accepts any resource of that kind (`arn:aws:s3:::*`) accepts it, a fixed one does not.
 */
function movedArn(given: string, account: string): string | undefined {
  const arn = splitArn(given)
  if (arn === undefined) return undefined
  const cut = Math.max(arn.resource.lastIndexOf('/'), arn.resource.lastIndexOf(':'))
  const resource = `${arn.resource.slice(0, cut + 1)}outsider7`
  const owner = arn.account === '' ? '' : account
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${owner}:${resource}`
}

/**
 * The requests by the anonymous caller or the outsider with every pinning key it carries (those
 * the matrix did not set only because AWS always sends them) set to values of the outsider's
 * own: fixed ones, and for ARN keys also the witness moved to the outsider; empty when the
 * request is by someone else or carries no such key.
 */
export function outsiderVariants(
  request: Request,
  implied: readonly string[] | undefined
): Request[] {
  const anonymous = request.principal === ANONYMOUS
  if (!anonymous && !isOutsiderCaller(request.principal)) return []
  const account = anonymous
    ? OUTSIDER_ACCOUNT
    : (splitArn(request.principal)?.account ?? OUTSIDER_ACCOUNT)
  const skip = new Set((implied ?? []).map((key) => key.toLowerCase()))
  const fixed: Record<string, ContextInput> = {}
  const moved: Record<string, ContextInput> = {}
  let changed = false
  let arns = false
  for (const [key, value] of Object.entries(request.context ?? {})) {
    const lower = key.toLowerCase()
    if (!RESTRICTING_KEYS.has(lower) || skip.has(lower)) {
      fixed[key] = value
      moved[key] = value
      continue
    }
    const first = Array.isArray(value) ? String(value[0] ?? '') : String(value)
    const outsider = outsiderValue(lower, account, first)
    const shift = ARN_KEYS.has(lower) ? (movedArn(first, account) ?? outsider) : outsider
    if (shift !== outsider) arns = true
    fixed[key] = Array.isArray(value) ? [outsider] : outsider
    moved[key] = Array.isArray(value) ? [shift] : shift
    changed = true
  }
  if (!changed) return []
  return arns
    ? [
        { ...request, context: fixed },
        { ...request, context: moved }
      ]
    : [{ ...request, context: fixed }]
}
