// Sample values for the parts of a witness that the policies leave open: the principal's account
// for `${Account}`, and values for policy variables (§4.6). Keys the engine derives from the
// principal (aws:PrincipalAccount, aws:PrincipalArn, aws:username, …) take the derived value, so
// a witness built with them holds for the real request without setting the key.
import { prepareRequest } from '../engine/evaluate.js'
import { derivedValues, prepareContext, type PreparedContext } from '../engine/context.js'
import type { ContextInput } from '../engine/types.js'

/** Used when the principal has no account (a service principal or anonymous). */
export const SAMPLE_ACCOUNT = '123456789012'
/** An account that is nobody's in the matrix: the outsider of resource-based policies. */
export const OUTSIDER_ACCOUNT = '444455556666'

/**
 * OUTSIDER_ACCOUNT, or the first of 544455556666 … 944455556666 (its first digit changed) that
 * `taken` lacks: an account the policies do not name, which stands for any other account.
 */
export function freeAccount(taken: ReadonlySet<string>): string {
  for (let digit = 4; digit <= 9; digit++) {
    const account = `${digit}${OUTSIDER_ACCOUNT.slice(1)}`
    if (!taken.has(account)) return account
  }
  return OUTSIDER_ACCOUNT
}

/** The twelve-digit account IDs a text names (alone or inside ARNs). */
export function accountsIn(text: string): string[] {
  return text.match(/(?<!\d)\d{12}(?!\d)/g) ?? []
}
export const SAMPLE_TEXT = 'example'
/** The Region of requests on resources whose ARN names none (realize.ts). */
export const DEFAULT_REGION = 'us-east-1'
/** The request time of every generated request (a fixed instant: the review is reproducible). */
export const SAMPLE_TIME = '2026-01-01T00:00:00Z'
export const SAMPLE_EPOCH = String(Date.parse(SAMPLE_TIME) / 1000)

/**
 * Variables on keys AWS sends in every request take the value the request implies (realize.ts),
 * so that the witness is one AWS can receive: `${aws:RequestedRegion}` is a Region name.
 */
const IMPLIED_SAMPLES: Readonly<Record<string, string>> = {
  'aws:requestedregion': DEFAULT_REGION,
  'aws:securetransport': 'true',
  'aws:currenttime': SAMPLE_TIME,
  'aws:epochtime': SAMPLE_EPOCH
}

/** Keys whose value follows the caller: the engine derives them (§6), or AWS always sends them. */
const DERIVED_KEYS = [
  'aws:PrincipalType',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:username',
  'aws:userid'
]

const CALLER_DERIVED: ReadonlySet<string> = new Set(DERIVED_KEYS.map((k) => k.toLowerCase()))

const CALLER_VARIABLE = new RegExp(`\\$\\{\\s*(${DERIVED_KEYS.join('|')})\\s*[},]`, 'i')

/** The text holds a policy variable whose value follows the caller (DERIVED_KEYS). */
export function followsCaller(text: string): boolean {
  return text.includes('${') && CALLER_VARIABLE.test(text)
}

/**
 * The aws:userid a request of this caller carries (IAM's unique-ID prefixes: AIDA for users,
 * AROA for roles, whose sessions add `:` and the session name; the root user's is its account,
 * a federated user's `account:name`).
 */
export function sampleUserId(
  kind: string,
  account: string | undefined,
  arn: string
): string | undefined {
  if (kind === 'user') return 'AIDAEXAMPLEUSERID0001'
  if (kind === 'role')
    return `AROAEXAMPLEROLEID0001:${/:assumed-role\/[^/]+\/(.+)$/.exec(arn)?.[1] ?? SAMPLE_TEXT}`
  if (kind === 'root') return account
  if (kind === 'federated-user')
    return `${account ?? ''}:${/:federated-user\/(.+)$/.exec(arn)?.[1] ?? SAMPLE_TEXT}`
  return undefined
}

export interface Samples {
  readonly principal: string
  readonly account: string
  /** the value the engine derives for a key from the principal (§6), if any */
  derived(key: string): string | undefined
  /** the value a witness uses for a policy variable */
  value(key: string): string
  /**
   * a key derived from the caller that this principal never has, so a witness must not set it:
   * `aws:username` of a role session (only IAM users have one; an account's root can still be
   * moved to a user, realize.ts), any principal key of a service or anonymous caller
   */
  absent(key: string): boolean
  /** the principal's derived keys plus `context`, as the engine sees them */
  context(context: Readonly<Record<string, ContextInput>>): PreparedContext
}

function accountOf(principal: string): string | undefined {
  const parts = principal.split(':')
  const account = parts[4]
  if (parts[0] === 'arn' && account !== undefined && /^\d{12}$/.test(account)) return account
  return /^\d{12}$/.test(principal) ? principal : undefined
}

/**
 * `owner`: the account of the resources the witnesses fill in, when it is not the principal's
 * (a resource-based policy probed for each of its callers stays in the resource's account).
 */
export function samplesFor(principal: string, owner?: string): Samples {
  const base = prepareRequest({ principal, action: 'sts:GetCallerIdentity', resource: '*' })
  const account = owner ?? accountOf(principal) ?? SAMPLE_ACCOUNT
  // aws:userid is always sent (realize.ts implies it), though the engine derives no value
  const userid = sampleUserId(base.principal.kind, base.principal.account, principal)
  const derived = (key: string): string | undefined => {
    if (key.toLowerCase() === 'aws:userid') return userid
    const value = base.context.get(key)
    return value === undefined || value.multi ? undefined : value.values[0]
  }
  // the keys IAM-SEMANTICS §6 lets the engine derive, read back once from the engine itself
  const fromPrincipal: Record<string, string> = {}
  for (const key of DERIVED_KEYS) {
    const value = derived(key)
    if (value !== undefined) fromPrincipal[key] = value
  }
  const fromPrincipalValues = derivedValues(fromPrincipal)
  const kind = base.principal.kind
  return {
    principal,
    account,
    derived,
    value: (key) =>
      derived(key) ??
      IMPLIED_SAMPLES[key.toLowerCase()] ??
      (/account$/i.test(key) ? account : SAMPLE_TEXT),
    absent: (key) => {
      const lower = key.toLowerCase()
      if (!CALLER_DERIVED.has(lower) || derived(lower) !== undefined) return false
      return !(lower === 'aws:username' && kind === 'root')
    },
    context: (context) => prepareContext(context, fromPrincipalValues)
  }
}

/** A variable's key as the policy writes it (templates keep keys in lowercase, reports should not). */
export function variableSpelling(source: string, lowerKey: string): string {
  for (const m of source.matchAll(/\$\{\s*([^},\s]+)/g)) {
    if (m[1]?.toLowerCase() === lowerKey) return m[1]
  }
  return lowerKey
}
