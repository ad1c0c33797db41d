// Requests AWS can receive (docs/MATRIX.md "Realistic requests"). A witness context says which
// condition values a request needs; this turns it into a request AWS could really send:
//
// - keys AWS puts in every request (the global condition keys page: aws:PrincipalArn,
//   aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username for IAM users,
//   aws:ResourceAccount, aws:RequestedRegion, aws:SecureTransport, aws:CurrentTime and
//   aws:EpochTime) are always set, and set consistently with the principal, the resource and
//   each other;
// - a witness value for such a key moves the request rather than contradicting it: another
//   aws:ResourceAccount changes the resource ARN's account (or the owner of an ARN without one),
//   another aws:RequestedRegion the ARN's region, another aws:PrincipalArn / aws:PrincipalAccount
//   / aws:username the caller;
// - a witness no real request can match (an anonymous caller with an aws:PrincipalArn, an
//   account that is not twelve digits, a key set to a list) is dropped.
//
// Keys AWS sends only sometimes (aws:SourceIp, MFA keys, tags) are left as the witness has them.
import { prepareRequest } from '../engine/evaluate.js'
import type { ContextInput } from '../engine/types.js'
import { splitArn, type ArnParts } from '../policy/arn.js'
import { DEFAULT_REGION, SAMPLE_EPOCH, SAMPLE_TEXT, SAMPLE_TIME, sampleUserId } from './samples.js'
import type { Context } from './witness-contexts.js'

const ACCOUNT = /^\d{12}$/
const NAME = /^[\w+=,.@-]{1,64}$/
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/
/** The service principal a witness for aws:PrincipalIsAWSService `true` calls as. */
const SAMPLE_SERVICE = `${SAMPLE_TEXT}.amazonaws.com`

export interface RealRequest {
  readonly principal: string
  readonly resource: string
  /** the owner of a resource whose ARN names no account, when the request needs one */
  readonly resourceAccount: string | undefined
  readonly context: Context
  /** the keys set here because AWS always sends them, with the value the request implies */
  readonly implied: readonly string[]
}

/** The always-present keys, as AWS spells them. */
const SPELLING: Readonly<Record<string, string>> = {
  'aws:principalarn': 'aws:PrincipalArn',
  'aws:principalaccount': 'aws:PrincipalAccount',
  'aws:principaltype': 'aws:PrincipalType',
  'aws:userid': 'aws:userid',
  'aws:username': 'aws:username',
  'aws:resourceaccount': 'aws:ResourceAccount',
  'aws:requestedregion': 'aws:RequestedRegion',
  'aws:securetransport': 'aws:SecureTransport',
  'aws:currenttime': 'aws:CurrentTime',
  'aws:epochtime': 'aws:EpochTime',
  // in every signed request: true for a service principal, false for IAM callers
  'aws:principalisawsservice': 'aws:PrincipalIsAWSService'
}

/** What AWS derives from a caller: its keys (none for anonymous or service callers). */
interface Caller {
  readonly arn: string
  readonly kind: string
  readonly account: string | undefined
  /** aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:username */
  readonly keys: Readonly<Record<string, string>>
}

const callers = new Map<string, Caller>()

function callerOf(principal: string): Caller {
  let caller = callers.get(principal)
  if (caller === undefined) {
    const prepared = prepareRequest({ principal, action: 'sts:GetCallerIdentity', resource: '*' })
    const keys: Record<string, string> = {}
    for (const key of ['aws:principalarn', 'aws:principalaccount', 'aws:principaltype']) {
      const value = prepared.context.get(key)
      if (value !== undefined && !value.multi && value.values[0] !== undefined)
        keys[key] = value.values[0]
    }
    const username = prepared.context.get('aws:username')
    if (username !== undefined && !username.multi && username.values[0] !== undefined)
      keys['aws:username'] = username.values[0]
    caller = {
      arn: principal,
      kind: prepared.principal.kind,
      account: prepared.principal.account,
      keys
    }
    callers.set(principal, caller)
  }
  return caller
}

const isIamCaller = (c: Caller): boolean =>
  c.kind === 'user' || c.kind === 'role' || c.kind === 'root' || c.kind === 'federated-user'

/** A single string value, or undefined for a list (no always-present key is multivalued). */
function single(value: ContextInput | undefined): string | undefined | null {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return null
  return String(value)
}

function joinArn(parts: ArnParts): string {
  return `arn:${parts.partition}:${parts.service}:${parts.region}:${parts.account}:${parts.resource}`
}

/** The caller the witness asks for, or undefined when no real caller fits it. */
function chooseCaller(principal: string, given: Map<string, string>): Caller | undefined {
  let caller = callerOf(principal)
  const arn = given.get('aws:principalarn')
  if (arn !== undefined && arn !== caller.keys['aws:principalarn']) {
    const parts = splitArn(arn)
    const valid =
      parts?.service === 'iam' &&
      ACCOUNT.test(parts.account) &&
      (parts.resource === 'root' ||
        /^(user|role)\/([\w+=,.@/-]+\/)?[\w+=,.@-]{1,64}$/.test(parts.resource))
    if (!valid || !isIamCaller(caller)) return undefined
    // a role calls through its sessions, whose aws:PrincipalArn is the role's ARN (§6)
    const role = /^role\/(?:[\w+=,.@/-]+\/)?([\w+=,.@-]{1,64})$/.exec(parts.resource)?.[1]
    caller = callerOf(
      role === undefined
        ? arn
        : `arn:${parts.partition}:sts::${parts.account}:assumed-role/${role}/${SAMPLE_TEXT}`
    )
    if (caller.keys['aws:principalarn'] !== arn) return undefined
  }
  const account = given.get('aws:principalaccount')
  if (account !== undefined && account !== caller.account) {
    if (!ACCOUNT.test(account) || !isIamCaller(caller) || arn !== undefined) return undefined
    const parts = splitArn(caller.arn)
    if (parts === undefined) return undefined
    caller = callerOf(joinArn({ ...parts, account }))
  }
  const username = given.get('aws:username')
  if (username !== undefined && username !== caller.keys['aws:username']) {
    // only IAM users have a user name: an account's root moves to a user of that account
    const movable = caller.kind === 'user' || caller.kind === 'root'
    if (!movable || !NAME.test(username) || arn !== undefined) return undefined
    caller = callerOf(`arn:aws:iam::${caller.account ?? ''}:user/${username}`)
  }
  const type = given.get('aws:principaltype')
  if (type !== undefined && type !== caller.keys['aws:principaltype']) {
    // a caller of that type in the same account: `StringEquals aws:PrincipalType AssumedRole`
    // is about the role sessions of the accounts the policy lets in
    const moved =
      arn === undefined && username === undefined ? callerOfType(caller, type) : undefined
    if (moved === undefined) return undefined
    caller = moved
  }
  // a request from a service: the caller moves to a service principal, which sends no keys of
  // an IAM caller (`Bool aws:PrincipalIsAWSService true` grants to services only)
  if (given.get('aws:principalisawsservice') === 'true' && caller.kind !== 'service') {
    const free = [...CALLER_KEYS].every((key) => !given.has(key))
    if (!free) return undefined
    caller = callerOf(SAMPLE_SERVICE)
  }
  const userid = given.get('aws:userid')
  if (userid !== undefined && !isUserIdOf(caller, userid)) {
    // an ID of another kind moves the caller to a principal of that kind in its account, as
    // aws:PrincipalType does: `StringLike aws:userid AROA*` is about the accounts' role sessions
    const kind = /^AIDA[^:]*$/.test(userid)
      ? 'User'
      : /^AROA[^:]*:./.test(userid)
        ? 'AssumedRole'
        : ACCOUNT.test(userid)
          ? 'Account'
          : undefined
    const free = arn === undefined && username === undefined && type === undefined
    const moved = kind !== undefined && free ? callerOfType(caller, kind) : undefined
    if (moved === undefined || !isUserIdOf(moved, userid)) return undefined
    caller = moved
  }
  return caller
}

/**
 * Whether an aws:userid can be the caller's (IAM identifiers page: unique IDs begin with AIDA
 * for users and AROA for roles, whose sessions send `ROLEID:session`; the root user sends its
 * account, a federated user `account:name`). A witness value of another form (`other`, or
 * `AIDA…` for a role session) names no request this caller can send.
 */
function isUserIdOf(caller: Caller, userid: string): boolean {
  if (caller.kind === 'user') return /^AIDA[^:]*$/.test(userid)
  if (caller.kind === 'role') {
    const session = /:assumed-role\/[^/]+\/(.+)$/.exec(caller.arn)?.[1]
    const colon = userid.indexOf(':')
    return (
      /^AROA[^:]*:./.test(userid) && (session === undefined || userid.slice(colon + 1) === session)
    )
  }
  if (caller.kind === 'root') return userid === caller.account
  if (caller.kind === 'federated-user') return userid.startsWith(`${caller.account ?? ''}:`)
  return false
}

/** aws:PrincipalIsAWSService of a signed request: anonymous and web-identity calls have none. */
function isAwsServiceOf(caller: Caller): string | undefined {
  if (caller.kind === 'service') return 'true'
  return isIamCaller(caller) ? 'false' : undefined
}

/** The single string value of a key (any case), undefined when absent, null for a list. */
function singleOf(context: Context, lower: string): string | undefined | null {
  for (const key of Object.keys(context))
    if (key.toLowerCase() === lower) return single(context[key])
  return undefined
}

/**
 * Whether the caller can send the keys that only some callers' requests carry (the global
 * condition keys page): principal tags and organization keys belong to IAM callers;
 * kms:CallerAccount is the caller's account.
 */
function callerMayCarry(
  caller: Caller,
  context: Context,
  callerAccount: string | undefined
): boolean {
  if (callerAccount !== undefined && callerAccount !== caller.account) return false
  const iam = isIamCaller(caller)
  for (const key of Object.keys(context)) {
    const lower = key.toLowerCase()
    if (
      !iam &&
      (lower.startsWith('aws:principaltag/') ||
        lower === 'aws:principalorgid' ||
        lower === 'aws:principalorgpaths')
    )
      return false
  }
  return true
}

/** The sample caller of principal type `type` (IAM-SEMANTICS §6) in the caller's account. */
function callerOfType(caller: Caller, type: string): Caller | undefined {
  const account = caller.account
  if (!isIamCaller(caller) || account === undefined || !ACCOUNT.test(account)) return undefined
  const partition = splitArn(caller.arn)?.partition ?? 'aws'
  const arn = {
    Account: `arn:${partition}:iam::${account}:root`,
    User: `arn:${partition}:iam::${account}:user/${SAMPLE_TEXT}`,
    AssumedRole: `arn:${partition}:sts::${account}:assumed-role/${SAMPLE_TEXT}/${SAMPLE_TEXT}`,
    FederatedUser: `arn:${partition}:sts::${account}:federated-user/${SAMPLE_TEXT}`
  }[type]
  if (arn === undefined) return undefined
  const moved = callerOf(arn)
  return moved.keys['aws:principaltype'] === type ? moved : undefined
}

/** Lowercase names of the keys that describe the caller: a witness value for one moves it. */
const CALLER_KEYS: ReadonlySet<string> = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:username',
  'aws:userid'
])

/**
 * The context, and when it sets keys that describe the caller, the same context without them:
 * for a caller that a resource policy names, the witness values move it to another principal,
 * while its own values (derived when the request is realized) may satisfy the same clauses
 * (`ArnLike aws:PrincipalArn role/c*` for the role `ci`), and the other keys still need
 * their witness values on it.
 */
export function callerContexts(context: Context): readonly Context[] {
  // the same objects for the same context: action classes compare contexts by identity
  let variants = CALLER_VARIANTS.get(context)
  if (variants === undefined) {
    variants = [context]
    const keys = Object.keys(context)
    if (keys.some((key) => CALLER_KEYS.has(key.toLowerCase()))) {
      const own: Record<string, ContextInput> = {}
      for (const key of keys) {
        const value = context[key]
        if (!CALLER_KEYS.has(key.toLowerCase()) && value !== undefined) own[key] = value
      }
      variants.push(own)
    }
    CALLER_VARIANTS.set(context, variants)
  }
  return variants
}

const CALLER_VARIANTS = new WeakMap<Context, Context[]>()

/** Lowercase names of the keys AWS sends in every request (of an IAM caller, for the principal keys). */
export const ALWAYS_PRESENT: ReadonlySet<string> = new Set(Object.keys(SPELLING))

/**
 * A witness context as the subject's own requests would carry it (principal `principal`, a
 * resource of `account` in the default region): the always-present keys it leaves out get the
 * value AWS would send. Used to judge candidate contexts the way they will be sent.
 */
export function withImpliedKeys(context: Context, principal: string, account: string): Context {
  const present = new Set(Object.keys(context).map((k) => k.toLowerCase()))
  // the caller the witness moves the request to, whose own keys the request carries
  const given = new Map<string, string>()
  for (const key of Object.keys(context)) {
    const value = context[key]
    if (ALWAYS_PRESENT.has(key.toLowerCase()) && typeof value === 'string')
      given.set(key.toLowerCase(), value)
  }
  const caller = chooseCaller(principal, given) ?? callerOf(principal)
  const out: Record<string, ContextInput> = { ...context }
  const fill = (lower: string, value: string | undefined): void => {
    if (value !== undefined && !present.has(lower)) out[SPELLING[lower] ?? lower] = value
  }
  for (const lower of CALLER_KEYS) fill(lower, caller.keys[lower])
  fill('aws:userid', userIdOf(caller))
  fill('aws:principalisawsservice', isAwsServiceOf(caller))
  fill('aws:resourceaccount', account)
  fill('aws:requestedregion', DEFAULT_REGION)
  fill('aws:securetransport', 'true')
  if (!present.has('aws:currenttime') && !present.has('aws:epochtime')) {
    fill('aws:currenttime', SAMPLE_TIME)
    fill('aws:epochtime', SAMPLE_EPOCH)
  }
  return out
}

const userIdOf = (caller: Caller): string | undefined =>
  sampleUserId(caller.kind, caller.account, caller.arn)

/**
 * The request AWS would receive for this witness, or undefined when none can match it.
 * `owner`: the resource's account when its ARN names none (resource-based reviews).
 */
export function realize(
  principal: string,
  resource: string,
  owner: string | undefined,
  context: Context
): RealRequest | undefined {
  // the witness's values of always-present keys, by lowercase name; other keys are kept
  const given = new Map<string, string>()
  const out: Record<string, ContextInput> = {}
  for (const key of Object.keys(context)) {
    const lower = key.toLowerCase()
    const value = context[key]
    if (SPELLING[lower] === undefined) {
      if (value !== undefined) out[key] = value
      continue
    }
    const text = single(value)
    if (text === null) return undefined
    if (text !== undefined) given.set(lower, text)
  }
  // kms:CallerAccount is the caller's account: another one moves the caller, as
  // aws:PrincipalAccount does (that key stays implied)
  const callerAccount = singleOf(out, 'kms:calleraccount')
  if (callerAccount === null) return undefined
  const caller = chooseCaller(
    principal,
    callerAccount === undefined || given.has('aws:principalaccount')
      ? given
      : new Map([...given, ['aws:principalaccount', callerAccount]])
  )
  if (caller === undefined || !callerMayCarry(caller, out, callerAccount)) return undefined
  const implied: string[] = []
  const set = (lower: string, value: string | undefined): void => {
    if (value === undefined) return
    const key = SPELLING[lower] ?? lower
    out[key] = value
    if (!given.has(lower)) implied.push(key)
  }
  for (const lower of [
    'aws:principalarn',
    'aws:principalaccount',
    'aws:principaltype',
    'aws:username'
  ])
    set(lower, caller.keys[lower])
  set('aws:userid', given.get('aws:userid') ?? userIdOf(caller))
  const service = isAwsServiceOf(caller)
  const givenService = given.get('aws:principalisawsservice')
  if (givenService !== undefined && givenService !== service) return undefined
  set('aws:principalisawsservice', service)

  // the resource: its account and region follow the witness's aws:ResourceAccount / RequestedRegion
  let arn = splitArn(resource)
  let resourceOwner = owner
  const resourceAccount = given.get('aws:resourceaccount')
  if (resourceAccount !== undefined) {
    if (!ACCOUNT.test(resourceAccount)) return undefined
    if (arn !== undefined && arn.account !== '') arn = { ...arn, account: resourceAccount }
    else resourceOwner = resourceAccount
  }
  const region = given.get('aws:requestedregion')
  // a Region name, and a Boolean: other witness values (`other`) name no request AWS sends
  if (region !== undefined && !REGION.test(region)) return undefined
  const secure = given.get('aws:securetransport')
  if (secure !== undefined && secure !== 'true' && secure !== 'false') return undefined
  if (region !== undefined && arn !== undefined && arn.region !== '' && arn.region !== region)
    arn = { ...arn, region }
  const realResource = arn === undefined ? resource : joinArn(arn)
  const accountOfResource =
    arn !== undefined && arn.account !== '' ? arn.account : (resourceOwner ?? caller.account)
  set('aws:resourceaccount', resourceAccount ?? accountOfResource)
  set('aws:requestedregion', region ?? (arn?.region || DEFAULT_REGION))
  set('aws:securetransport', given.get('aws:securetransport') ?? 'true')
  const time = clock(given)
  if (time === undefined) return undefined
  set('aws:currenttime', time.current)
  set('aws:epochtime', time.epoch)
  return {
    principal: caller.arn,
    resource: realResource,
    resourceAccount: resourceOwner,
    context: out,
    implied
  }
}

/**
 * A hand-written request completed with the always-present keys it leaves out (their implied
 * values); the keys it sets are kept as written, and nothing is moved or dropped: the user asked
 * for that request. A request no real caller fits is returned as written.
 */
export function complete(
  principal: string,
  resource: string,
  owner: string | undefined,
  context: Context
): RealRequest {
  const own: Record<string, ContextInput> = {}
  const others: Record<string, ContextInput> = {}
  for (const key of Object.keys(context)) {
    const value = context[key]
    if (value === undefined) continue
    if (ALWAYS_PRESENT.has(key.toLowerCase())) own[key] = value
    else others[key] = value
  }
  const real = realize(principal, resource, owner, others)
  if (real === undefined)
    return { principal, resource, resourceAccount: owner, context, implied: [] }
  const mine = new Set(Object.keys(own).map((k) => k.toLowerCase()))
  const implied = real.implied.filter((k) => !mine.has(k.toLowerCase()))
  const merged: Record<string, ContextInput> = {}
  for (const [key, value] of Object.entries(real.context))
    if (!mine.has(key.toLowerCase())) merged[key] = value
  return { principal, resource, resourceAccount: owner, context: { ...merged, ...own }, implied }
}

/** aws:CurrentTime and aws:EpochTime name one instant: one follows the other, or both default. */
function clock(given: Map<string, string>): { current: string; epoch: string } | undefined {
  const current = given.get('aws:currenttime')
  const epoch = given.get('aws:epochtime')
  if (current === undefined && epoch === undefined)
    return { current: SAMPLE_TIME, epoch: SAMPLE_EPOCH }
  if (current !== undefined && epoch !== undefined) {
    const ms = Date.parse(current)
    return Number.isFinite(ms) && String(Math.floor(ms / 1000)) === epoch
      ? { current, epoch }
      : undefined
  }
  if (current !== undefined) {
    const ms = Date.parse(current)
    return Number.isFinite(ms) ? { current, epoch: String(Math.floor(ms / 1000)) } : undefined
  }
  const seconds = Number(epoch)
  if (!Number.isFinite(seconds)) return undefined
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime())
    ? undefined
    : { current: date.toISOString(), epoch: epoch ?? '' }
}
