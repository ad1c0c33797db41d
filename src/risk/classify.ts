// Which risks a broadened change carries (docs/RISKS.md). A change stands for its whole action
// class (docs/MATRIX.md "Action classes"), so the action-based risks are read over every member
// of the class; the principal-based ones (public, cross-account) over the request. Pure.
import { isOutsiderCaller, ANONYMOUS } from '../matrix/principals.js'
import { SAMPLE_TEXT } from '../matrix/samples.js'
import { splitArn } from '../policy/arn.js'
import { escalationOf } from './escalation.js'
import { isOpenWebIdentity } from './federation.js'
import { sortRisks, type Risk } from './vocabulary.js'

/** What the classification reads of a change (a subset of the report's `Change`). */
export interface RiskRequest {
  readonly kind: 'broadened' | 'narrowed' | 'deny-changed'
  readonly action: string
  readonly resource: string
  readonly principal: string
  readonly resourceAccount: string | undefined
  readonly context: Readonly<Record<string, string | readonly string[]>>
  /** context keys AWS sends in every request (set by the matrix, not by a condition) */
  readonly impliedKeys?: readonly string[]
  readonly after: { readonly determining: readonly { readonly policyKind: string }[] }
}

export interface RiskEnvironment {
  /** the catalogue's access level of an action (`Write`, `Permissions management, Write`, …) */
  readonly accessLevel: (action: string) => string | undefined
}

/**
 * Condition keys that pin a public grant to known callers or networks: with one of them set, a
 * grant to any principal is not public (S3's "The meaning of public", Block Public Access: a
 * policy is not public when it grants only to fixed values of these). Lowercase.
 */
export const RESTRICTING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:userid',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalservicename',
  'aws:principalservicenameslist',
  'aws:vpcsourceip',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id'
])

/**
 * A class is `admin` when it holds write (or permissions-management) actions of at least this
 * many services: `"Action": "*"` on `"Resource": "*"` splits into a few classes of 350 to 420 of
 * the catalogue's ~450 services, while the broadest job-function grant (PowerUser aside) writes
 * to a few dozen; read-only grants across every service (ReadOnlyAccess) never count.
 */
export const ADMIN_MIN_SERVICES = 100

const ACCESS_LEVELS: Readonly<Record<string, Risk>> = {
  'permissions management': 'permissions-management',
  write: 'write',
  tagging: 'tagging',
  read: 'read',
  list: 'list'
}

/**
 * The risk of a catalogue access level. The data package writes AWS's "Permissions management"
 * and "Tagging" as `Permissions management, Write` and `Tagging, Write`: the first level is the
 * one AWS's Service Authorization Reference gives the action.
 */
export function accessLevelRisk(level: string | undefined): Risk | undefined {
  if (level === undefined) return undefined
  const first = level.split(',')[0]?.trim().toLowerCase() ?? ''
  return ACCESS_LEVELS[first]
}

/** What a class contributes regardless of the request: computed once per class. */
interface ClassFacts {
  readonly levels: readonly Risk[]
  readonly admin: boolean
  readonly escalation: readonly string[]
}

/**
 * A classifier over a catalogue: `classify(change, members, passRole, unpinned)` gives the
 * change's risks. `members` is the change's class (the action and every action it stands for);
 * `passRole` says whether the same principal, in the same policy set, also gains `iam:PassRole`
 * on any role; `unpinned`, that the request stays allowed when its pinning keys take the
 * outsider's own values (pinning.ts).
 */
export function riskClassifier(env: RiskEnvironment): {
  classify(
    change: RiskRequest,
    members: readonly string[],
    passRole: boolean,
    unpinned?: boolean
  ): Risk[]
  escalationMembers(change: RiskRequest, members: readonly string[], passRole: boolean): string[]
} {
  const facts = new WeakMap<readonly string[], ClassFacts>()
  const factsOf = (members: readonly string[]): ClassFacts => {
    let found = facts.get(members)
    if (found === undefined) {
      found = classFacts(members, env)
      facts.set(members, found)
    }
    return found
  }
  const escalationMembers = (
    change: RiskRequest,
    members: readonly string[],
    passRole: boolean
  ): string[] => factsOf(members).escalation.filter((action) => escalates(action, change, passRole))
  return {
    escalationMembers,
    classify(change, members, passRole, unpinned = false) {
      if (change.kind !== 'broadened') return []
      const cls = factsOf(members)
      const risks: Risk[] = [...cls.levels]
      if (cls.admin || change.action === '*') risks.push('admin')
      if (escalationMembers(change, members, passRole).length > 0)
        risks.push('privilege-escalation')
      if (isPublic(change, unpinned)) risks.push('public', 'cross-account')
      else if (isCrossAccount(change)) risks.push('cross-account')
      return sortRisks(risks)
    }
  }
}

function classFacts(members: readonly string[], env: RiskEnvironment): ClassFacts {
  const levels = new Set<Risk>()
  const writers = new Set<string>()
  const services = new Set<string>()
  const escalation: string[] = []
  for (const action of members) {
    const level = accessLevelRisk(env.accessLevel(action))
    if (level !== undefined) levels.add(level)
    const service = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase()
    services.add(service)
    if (level === 'write' || level === 'permissions-management') writers.add(service)
    if (escalationOf(action) !== undefined) escalation.push(action)
  }
  // without access levels (no catalogue entry) every service counts
  const wide = levels.size === 0 ? services.size : writers.size
  return { levels: sortRisks(levels), admin: wide >= ADMIN_MIN_SERVICES, escalation }
}

/** Whether granting `action` (an escalation action) on this request escalates. */
function escalates(action: string, change: RiskRequest, passRole: boolean): boolean {
  const entry = escalationOf(action)
  if (entry === undefined) return false
  switch (entry.rule) {
    case 'alone':
      return true
    case 'broad-resource':
      // a role's trust policy grants assuming that one role, whatever its ARN reads
      return isAnyRole(change.resource) && !grantedByResourcePolicy(change)
    case 'other-user':
      return !isOwnUser(change.resource, change.principal)
    case 'with-passrole':
      return passRole
  }
}

/**
 * `*`, or a role whose name the matrix filled in for a wildcard (`role/*` is probed as
 * `role/example`, docs/MATRIX.md): the policy lets the caller pick any role of that account.
 */
export function isAnyRole(resource: string): boolean {
  if (resource === '*') return true
  const arn = splitArn(resource)
  if (arn === undefined || !arn.resource.startsWith('role/')) return false
  return arn.resource.slice(arn.resource.lastIndexOf('/') + 1) === SAMPLE_TEXT
}

/** Every deciding statement of the new decision is in a resource-based policy. */
function grantedByResourcePolicy(change: RiskRequest): boolean {
  const refs = change.after.determining
  return refs.length > 0 && refs.every((ref) => ref.policyKind === 'resource')
}

/** The resource is the caller's own IAM user (e.g. `user/${aws:username}`). */
function isOwnUser(resource: string, principal: string): boolean {
  const target = splitArn(resource)
  const caller = splitArn(principal)
  if (target === undefined || caller === undefined) return false
  if (!caller.resource.startsWith('user/') || target.account !== caller.account) return false
  const name = (text: string): string => text.slice(text.lastIndexOf('/') + 1)
  return target.resource.startsWith('user/') && name(target.resource) === name(caller.resource)
}

/**
 * Anyone gains access: the anonymous caller, or the outsider (an account no policy names, so
 * any AWS account), with no condition key in the request that pins the caller or its network,
 * or with keys that pin nothing (`unpinned`, pinning.ts); or any holder of a public identity
 * provider's token (federation.ts).
 */
export function isPublic(change: RiskRequest, unpinned = false): boolean {
  if (isOpenWebIdentity(change)) return true
  if (change.principal !== ANONYMOUS && !isOutsiderCaller(change.principal)) return false
  if (unpinned) return true
  const implied = new Set((change.impliedKeys ?? []).map((key) => key.toLowerCase()))
  return !Object.keys(change.context).some((key) => {
    const lower = key.toLowerCase()
    return RESTRICTING_KEYS.has(lower) && !implied.has(lower)
  })
}

/**
 * A principal of another account than the resource's gains access through a resource-based
 * policy (a deciding statement of kind `resource`); anonymous callers count (they are nobody's).
 */
export function isCrossAccount(change: RiskRequest): boolean {
  if (!change.after.determining.some((ref) => ref.policyKind === 'resource')) return false
  if (change.principal === ANONYMOUS) return true
  const caller = accountOf(change.principal)
  const owner = resourceAccountOf(change)
  return caller !== undefined && owner !== undefined && caller !== owner
}

function accountOf(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal
  const account = splitArn(principal)?.account
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined
}

function resourceAccountOf(change: RiskRequest): string | undefined {
  if (change.resourceAccount !== undefined) return change.resourceAccount
  const account = splitArn(change.resource)?.account
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined
}
