// A request prepared once for many evaluations (IAM-SEMANTICS §3.3, §6): the principal is
// classified from its ARN, the action lowercased, the resource ARN split, the context indexed.
import { splitArn, type ArnParts } from '../policy/arn.js'
import {
  completeContext,
  derivedValues,
  prepareContext,
  type DerivedValues,
  type GivenContext,
  type PreparedContext
} from './context.js'
import { requestTraits, type RequestTraits } from './decision.js'
import { lowercase } from './lowercase.js'
import { actionSlot } from './match-action.js'
import type { Request } from './types.js'

/**
 * Request principal kinds (§3.3). `role` is a session of a role (a plain role ARN counts as
 * one); `service` is a service principal or any other non-ARN name; `provider` a SAML/OIDC
 * identity provider; `other` an ARN of no known principal form.
 */
export type PrincipalKind =
  'user' | 'role' | 'federated-user' | 'root' | 'service' | 'provider' | 'anonymous' | 'other'

export interface PreparedPrincipal {
  readonly kind: PrincipalKind
  /** the principal as given (`*` for anonymous) */
  readonly arn: string
  /** the account of an AWS principal; undefined for service, provider and anonymous */
  readonly account: string | undefined
  /** the user name (user) or federated user name (federated-user) */
  readonly name: string | undefined
  /** role sessions: `ACCOUNT:ROLENAME`, the role's identity regardless of its path */
  readonly roleKey: string | undefined
  /** role sessions: the role ARN (path only when the request gave the role ARN itself) */
  readonly roleArn: string | undefined
  /** role sessions: the session ARN, undefined when the request gave a plain role ARN */
  readonly sessionArn: string | undefined
}

export interface PreparedResource {
  /** the resource as given */
  readonly text: string
  /** the six ARN parts, undefined when the resource is `*` or not an ARN */
  readonly arn: ArnParts | undefined
}

/** Also carries what §5 needs to know about the request (flat, for one less pointer chase). */
export interface PreparedRequest extends RequestTraits {
  readonly request: Request
  /** lowercase `service:name` */
  readonly action: string
  /** lowercase service prefix (the text before the first colon) */
  readonly service: string
  /** actionSlot(action): indexes the per-group action memos (compile.ts) */
  readonly actionSlot: number
  readonly resource: PreparedResource
  readonly principal: PreparedPrincipal
  /** §6: resourceAccount, else the resource ARN's account, else aws:ResourceAccount, else Ap */
  readonly resourceAccount: string | undefined
  readonly context: PreparedContext
  /** a service-linked role (path `aws-service-role/`): SCPs do not apply (§5.1) */
  readonly serviceLinked: boolean
}

const ACCOUNT_ID = /^\d{12}$/

export function prepareRequest(request: Request): PreparedRequest {
  return prepareWithContext(request, undefined)
}

/**
 * A request whose context a reader has already prepared with givenContext (checking its input
 * while preparing it, so the context is read once).
 */
export function prepareGivenRequest(request: Request, given: GivenContext): PreparedRequest {
  return prepareWithContext(request, given)
}

function prepareWithContext(request: Request, given: GivenContext | undefined): PreparedRequest {
  const { principal, derived } = principalOf(request.principal)
  const context =
    given === undefined ? prepareContext(request.context, derived) : completeContext(given, derived)
  const action = lowercase(request.action)
  const colon = action.indexOf(':')
  const arn = splitArn(request.resource)
  const service = colon < 0 ? action : action.slice(0, colon)
  const resource = { text: request.resource, arn }
  const account = resourceAccount(request, arn, context, principal)
  const serviceLinked = isServiceLinkedRole(principal, context)
  const traits = requestTraits({
    principal,
    action,
    resource,
    resourceAccount: account,
    serviceLinked
  })
  // one explicit literal (no spreads): every prepared request shares one hidden class
  return {
    request,
    action,
    service,
    actionSlot: actionSlot(action),
    resource,
    principal,
    resourceAccount: account,
    context,
    serviceLinked,
    iamPrincipal: traits.iamPrincipal,
    sessionPrincipal: traits.sessionPrincipal,
    boundaryHolder: traits.boundaryHolder,
    scpApplies: traits.scpApplies,
    crossAccount: traits.crossAccount,
    mandatory: traits.mandatory,
    permissionFree: traits.permissionFree
  }
}

interface KnownPrincipal {
  readonly principal: PreparedPrincipal
  readonly derived: DerivedValues
}

/** Requests repeat a few principals: each is classified once (both parts are immutable). */
const PRINCIPALS = new Map<string, KnownPrincipal>()
const MAX_PRINCIPALS = 1024

function principalOf(text: string): KnownPrincipal {
  const known = PRINCIPALS.get(text)
  if (known !== undefined) return known
  const principal = parsePrincipal(text)
  const parsed = { principal, derived: derivedValues(derivedContext(principal)) }
  if (PRINCIPALS.size >= MAX_PRINCIPALS) PRINCIPALS.clear()
  PRINCIPALS.set(text, parsed)
  return parsed
}

/** Classifies the request principal (§3.3); never throws. */
export function parsePrincipal(text: string): PreparedPrincipal {
  if (text === '*' || text === 'anonymous') return principal('anonymous', text, undefined)
  if (ACCOUNT_ID.test(text)) return principal('root', `arn:aws:iam::${text}:root`, text)
  const arn = splitArn(text)
  if (arn === undefined) return principal('service', text, undefined)
  const { service, account, resource } = arn
  if (service === 'iam') {
    if (resource === 'root') return principal('root', text, account)
    if (resource.startsWith('user/')) {
      return principal('user', text, account, { name: lastSegment(resource) })
    }
    if (resource.startsWith('role/')) {
      return roleSession(text, account, lastSegment(resource), text, undefined)
    }
    if (resource.startsWith('saml-provider/') || resource.startsWith('oidc-provider/')) {
      return principal('provider', text, undefined)
    }
  }
  if (service === 'sts') {
    const session = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource)
    if (session?.[1] !== undefined) {
      const roleArn = `arn:${arn.partition}:iam::${account}:role/${session[1]}`
      return roleSession(text, account, session[1], roleArn, text)
    }
    if (resource.startsWith('federated-user/')) {
      return principal('federated-user', text, account, { name: resource.slice(15) })
    }
  }
  return principal('other', text, account)
}

interface PrincipalDetails {
  readonly name?: string
  readonly roleKey?: string
  readonly roleArn?: string
  readonly sessionArn?: string
}

/** One object shape for every kind (no spreads): hot code sees a single hidden class. */
function principal(
  kind: PrincipalKind,
  arn: string,
  account: string | undefined,
  details: PrincipalDetails = {}
): PreparedPrincipal {
  return {
    kind,
    arn,
    account,
    name: details.name,
    roleKey: details.roleKey,
    roleArn: details.roleArn,
    sessionArn: details.sessionArn
  }
}

function roleSession(
  arn: string,
  account: string,
  roleName: string,
  roleArn: string,
  sessionArn: string | undefined
): PreparedPrincipal {
  return principal('role', arn, account, {
    roleKey: `${account}:${roleName}`,
    roleArn,
    ...(sessionArn === undefined ? {} : { sessionArn })
  })
}

function lastSegment(resource: string): string {
  return resource.slice(resource.lastIndexOf('/') + 1)
}

const PRINCIPAL_TYPES: Partial<Record<PrincipalKind, string>> = {
  user: 'User',
  role: 'AssumedRole',
  'federated-user': 'FederatedUser',
  root: 'Account',
  anonymous: 'Anonymous'
}

/** §6: keys the engine may derive from the principal; the given context always wins. */
function derivedContext(p: PreparedPrincipal): Record<string, string> {
  const derived: Record<string, string> = {}
  const type = PRINCIPAL_TYPES[p.kind]
  if (type !== undefined) derived['aws:PrincipalType'] = type
  if (p.account === undefined) return derived
  derived['aws:PrincipalAccount'] = p.account
  derived['aws:PrincipalArn'] = p.roleArn ?? p.arn
  if (p.kind === 'user' && p.name !== undefined) derived['aws:username'] = p.name
  return derived
}

function resourceAccount(
  request: Request,
  arn: ArnParts | undefined,
  context: PreparedContext,
  p: PreparedPrincipal
): string | undefined {
  if (request.resourceAccount !== undefined && request.resourceAccount !== '') {
    return request.resourceAccount
  }
  if (arn !== undefined && arn.account !== '') return arn.account
  const given = context.get('aws:resourceaccount')
  if (given !== undefined && !given.multi && given.values[0] !== undefined) return given.values[0]
  return p.account
}

/**
 * Service-linked roles are recognisable only by their path (§5.1): from a role ARN request
 * principal, or from an aws:PrincipalArn given in the context for a session.
 */
export function isServiceLinkedRole(p: PreparedPrincipal, context: PreparedContext): boolean {
  if (p.kind !== 'role') return false
  const given = context.get('aws:principalarn')
  const roleArn = given !== undefined && !given.multi ? given.values[0] : p.roleArn
  return roleArn !== undefined && isServiceLinkedRoleArn(roleArn)
}

/** Requests repeat a few role ARNs (usually the principal's own): each is split once. */
const SERVICE_LINKED = new Map<string, boolean>()

function isServiceLinkedRoleArn(roleArn: string): boolean {
  let known = SERVICE_LINKED.get(roleArn)
  if (known === undefined) {
    known = splitArn(roleArn)?.resource.startsWith('role/aws-service-role/') === true
    if (SERVICE_LINKED.size >= MAX_PRINCIPALS) SERVICE_LINKED.clear()
    SERVICE_LINKED.set(roleArn, known)
  }
  return known
}
