// The decision logic of IAM-SEMANTICS §5 on the fast path: it short-circuits everywhere and,
// once a group has seen an action (compile.ts memo), allocates nothing. Which statements
// determined the outcome is worked out separately, when asked (evaluate.ts), from the same
// "in force" predicates below.
import { actionCandidates, type CompiledGroup, type CompiledPolicySet } from './compile.js'
import { GRANT, type GrantLevel } from './match-principal.js'
import type {
  PreparedPrincipal,
  PreparedRequest,
  PreparedResource,
  PrincipalKind
} from './request.js'
import { grantForAction } from './statement.js'
import { DECISION_REASONS, type DecisionEffect, type DecisionReason } from './types.js'

export interface Outcome {
  readonly effect: DecisionEffect
  readonly reason: DecisionReason
}

/** What §5 needs to know about a request, independent of the policy set. */
export interface RequestTraits {
  /** identity policies and a boundary can be attached (IAM users, role and federated sessions) */
  readonly iamPrincipal: boolean
  /** a role or federated-user session: the session gate applies */
  readonly sessionPrincipal: boolean
  /** an IAM user or role: a NotPrincipal Deny always applies once it has a boundary (§3.3) */
  readonly boundaryHolder: boolean
  /** §5.1 step 3: SCPs limit member-account principals, not services or service-linked roles */
  readonly scpApplies: boolean
  /** §5.3: principal and resource accounts differ; false for principals without an account */
  readonly crossAccount: boolean
  /** §5.2: the resource-based policy must itself allow (trust policy, KMS key policy) */
  readonly mandatory: boolean
  /** an action AWS never authorises: allowed whatever the policies say (sts:GetCallerIdentity) */
  readonly permissionFree: boolean
}

export function requestTraits(request: {
  readonly principal: PreparedPrincipal
  readonly action: string
  readonly resource: PreparedResource
  readonly resourceAccount: string | undefined
  readonly serviceLinked: boolean
}): RequestTraits {
  const { kind, account } = request.principal
  const iamPrincipal =
    kind === 'user' || kind === 'role' || kind === 'federated-user' || kind === 'other'
  return {
    iamPrincipal,
    sessionPrincipal: kind === 'role' || kind === 'federated-user',
    boundaryHolder: kind === 'user' || kind === 'role',
    scpApplies: account !== undefined && !request.serviceLinked,
    crossAccount: account !== undefined && account !== request.resourceAccount,
    mandatory: resourcePolicyMandatory(request.action, request.resource),
    permissionFree: needsNoPermission(request.action, request.principal.kind)
  }
}

const TRUST_ACTIONS = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity'
])

/**
 * §5.2 mandatory resource policies: a role trust policy (sts:AssumeRole* on a role ARN) and a
 * KMS key policy (kms:* on a key ARN) must themselves allow.
 */
export function resourcePolicyMandatory(action: string, resource: PreparedResource): boolean {
  const arn = resource.arn
  if (arn === undefined) return false
  if (TRUST_ACTIONS.has(action)) return arn.service === 'iam' && arn.resource.startsWith('role/')
  return action.startsWith('kms:') && arn.service === 'kms' && arn.resource.startsWith('key/')
}

const PERMISSION_FREE_ACTIONS = new Set(['sts:getcalleridentity'])

/**
 * Actions AWS performs without authorising them. STS API reference, GetCallerIdentity: "No
 * permissions are required to perform this operation. If an administrator attaches a policy to
 * your identity that explicitly denies access to the sts:GetCallerIdentity action, you can
 * still perform this operation" (the same information comes back when access is denied). Only
 * callers that sign requests with credentials of their own can call it: IAM users, role and
 * federated sessions, the root user; services, identity providers and anonymous callers go
 * through the ordinary rules. `action` is lowercase.
 */
export function needsNoPermission(action: string, kind: PrincipalKind): boolean {
  if (!PERMISSION_FREE_ACTIONS.has(action)) return false
  return (
    kind === 'user' ||
    kind === 'role' ||
    kind === 'federated-user' ||
    kind === 'root' ||
    kind === 'other'
  )
}

/**
 * Whether the engine applies a rule to this action beyond matching statements (§5.2, and
 * actions that need no permission): the matrix never lets another action stand in for such an
 * action.
 */
export function actionHasOwnRules(action: string): boolean {
  const lower = action.toLowerCase()
  return TRUST_ACTIONS.has(lower) || lower.startsWith('kms:') || PERMISSION_FREE_ACTIONS.has(lower)
}

// Which policies are in force (§5): shared by the fast path and the explanation.
export function boundaryInForce(set: CompiledPolicySet, request: PreparedRequest): boolean {
  return request.iamPrincipal && set.boundary !== undefined
}

export function scpInForce(set: CompiledPolicySet, request: PreparedRequest): boolean {
  return request.scpApplies && set.scp.length > 0
}

export function hasBoundary(set: CompiledPolicySet, request: PreparedRequest): boolean {
  return request.boundaryHolder && set.boundary !== undefined
}

export function decide(set: CompiledPolicySet, request: PreparedRequest): Outcome {
  if (request.permissionFree) return ALLOW['no-permission-required']
  const b = hasBoundary(set, request)
  if (anyExplicitDeny(set, request, b)) return EXPLICIT_DENY
  if (!everyLevelAllows(set.rcp, request, b)) return IMPLICIT['rcp-no-allow']
  if (scpInForce(set, request) && !everyLevelAllows(set.scp, request, b)) {
    return IMPLICIT['scp-no-allow']
  }
  return request.crossAccount
    ? decideCrossAccount(set, request, b)
    : decideSameAccount(set, request, b)
}

/** §5.1 step 1: every policy in force, both accounts. */
function anyExplicitDeny(set: CompiledPolicySet, request: PreparedRequest, b: boolean): boolean {
  if (scpInForce(set, request) && someLevelDenies(set.scp, request, b)) return true
  if (someLevelDenies(set.rcp, request, b)) return true
  if (groupDenies(set.resource, request, b)) return true
  if (request.iamPrincipal && groupDenies(set.identity, request, b)) return true
  if (boundaryInForce(set, request) && groupDenies(set.boundary, request, b)) return true
  return request.sessionPrincipal && groupDenies(set.session, request, b)
}

export type SameAccountPath = 'root' | 'resource' | 'role' | 'identity' | 'required'

/**
 * The §5.2 table: the path a same-account request (or one by a principal without an account)
 * takes, given the best grant level of the resource-based policy.
 * [UNCERTAIN] an account-level grant only delegates to the account, so the identity path must
 * still allow: documented for KMS and trust policies, assumed for every other service.
 */
export function sameAccountPath(level: GrantLevel, request: PreparedRequest): SameAccountPath {
  if (request.principal.kind === 'root' && !request.mandatory) return 'root'
  if (level === GRANT.direct) return 'resource'
  if (level === GRANT.role) return 'role'
  if (!request.iamPrincipal || (level === GRANT.none && request.mandatory)) return 'required'
  return 'identity'
}

function decideSameAccount(set: CompiledPolicySet, request: PreparedRequest, b: boolean): Outcome {
  const rootBypass = request.principal.kind === 'root' && !request.mandatory
  const level = rootBypass ? GRANT.none : resourceGrant(set, request, b)
  switch (sameAccountPath(level, request)) {
    case 'root':
      return ALLOW['root-user']
    case 'resource':
      return ALLOW['resource-allow']
    case 'role':
      return principalGates(set, request, b, false) ?? ALLOW['resource-role-allow']
    case 'required':
      return IMPLICIT['resource-policy-required']
    case 'identity':
      return principalGates(set, request, b, true) ?? ALLOW['identity-allow']
  }
}

/** §5.3: the principal side (identity, boundary, session) and the resource side must allow. */
function decideCrossAccount(set: CompiledPolicySet, request: PreparedRequest, b: boolean): Outcome {
  const root = request.principal.kind === 'root'
  if (!root) {
    const failed = principalGates(set, request, b, true)
    if (failed === IMPLICIT['no-identity-allow']) return IMPLICIT['cross-account-no-identity-allow']
    if (failed !== undefined) return failed
  }
  if (resourceGrant(set, request, b) === GRANT.none) {
    return IMPLICIT['cross-account-no-resource-allow']
  }
  return root ? ALLOW['resource-allow'] : ALLOW['identity-allow']
}

/** Identity (when needed), boundary and session gates; undefined when all pass. */
function principalGates(
  set: CompiledPolicySet,
  request: PreparedRequest,
  b: boolean,
  identityNeeded: boolean
): Outcome | undefined {
  if (identityNeeded && !groupAllows(set.identity, request, b)) {
    return IMPLICIT['no-identity-allow']
  }
  if (boundaryInForce(set, request) && !groupAllows(set.boundary, request, b)) {
    return IMPLICIT['boundary-no-allow']
  }
  if (!sessionGate(set, request, b)) return IMPLICIT['session-no-allow']
  return undefined
}

/**
 * §5.2 S-gate: non-session principals pass; a session with a session policy needs its Allow;
 * a role session without one passes; a federated-user session without one fails.
 */
function sessionGate(set: CompiledPolicySet, request: PreparedRequest, b: boolean): boolean {
  if (!request.sessionPrincipal) return true
  if (set.session !== undefined) return groupAllows(set.session, request, b)
  return request.principal.kind === 'role'
}

function groupDenies(
  group: CompiledGroup | undefined,
  request: PreparedRequest,
  b: boolean
): boolean {
  if (group === undefined || !group.hasDeny) return false
  const deny = actionCandidates(group, request).deny
  for (let i = 0; i < deny.length; i++) {
    const st = deny[i]
    if (st !== undefined && grantForAction(st, request, b, undefined) !== GRANT.none) return true
  }
  return false
}

function groupAllows(
  group: CompiledGroup | undefined,
  request: PreparedRequest,
  b: boolean
): boolean {
  if (group === undefined) return false
  const allow = actionCandidates(group, request).allow
  for (let i = 0; i < allow.length; i++) {
    const st = allow[i]
    if (st !== undefined && grantForAction(st, request, b, undefined) !== GRANT.none) return true
  }
  return false
}

function someLevelDenies(
  levels: readonly CompiledGroup[],
  request: PreparedRequest,
  b: boolean
): boolean {
  for (const level of levels) if (groupDenies(level, request, b)) return true
  return false
}

/** §5.1 steps 2 and 3: every level must contain an applicable Allow (none = not in an org). */
function everyLevelAllows(
  levels: readonly CompiledGroup[],
  request: PreparedRequest,
  b: boolean
): boolean {
  for (const level of levels) if (!groupAllows(level, request, b)) return false
  return true
}

/** The best grant level of an applicable Allow in the resource-based policy (§3.3). */
function resourceGrant(set: CompiledPolicySet, request: PreparedRequest, b: boolean): GrantLevel {
  if (set.resource === undefined) return GRANT.none
  let best: GrantLevel = GRANT.none
  for (const st of actionCandidates(set.resource, request).allow) {
    const level = grantForAction(st, request, b, undefined, best)
    if (level > best) best = level
    if (best === GRANT.direct) break
  }
  return best
}

/** Shared outcome values, one per reason: the fast path allocates none. */
function outcomes(effect: DecisionEffect): Readonly<Record<DecisionReason, Outcome>> {
  const reasons = Object.keys(DECISION_REASONS) as DecisionReason[]
  const entries = reasons.map((reason) => [reason, { effect, reason }] as const)
  return Object.fromEntries(entries) as Record<DecisionReason, Outcome>
}

const ALLOW = outcomes('Allow')
const IMPLICIT = outcomes('ImplicitDeny')
const EXPLICIT_DENY: Outcome = { effect: 'ExplicitDeny', reason: 'explicit-deny' }
