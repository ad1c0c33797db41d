// The engine's entry points (IAM-SEMANTICS §5). The effect and reason come from the fast path
// (decision.ts); the determining statements and issues are worked out on first access, by one
// full pass over the policies in force, so bulk evaluation pays only for what it reads.
import type { PolicyKind } from '../policy/model.js'
import {
  candidates,
  compilePolicySet,
  type CompiledGroup,
  type CompiledPolicySet
} from './compile.js'
import { boundaryInForce, decide, hasBoundary, scpInForce, type Outcome } from './decision.js'
import { GRANT, type GrantLevel } from './match-principal.js'
import { prepareRequest, type PreparedRequest } from './request.js'
import { collectIssues, statementGrant } from './statement.js'
import type { Decision, EvalIssue, PolicySet, Request, StatementRef } from './types.js'

export { compilePolicySet, type CompiledPolicySet } from './compile.js'
export { prepareRequest, type PreparedRequest } from './request.js'

export function evaluateCompiled(set: CompiledPolicySet, request: PreparedRequest): Decision {
  return new LazyDecision(set, request, decide(set, request))
}

/** One-off evaluation; for many requests compile the set and prepare each request once. */
export function evaluate(set: PolicySet, request: Request): Decision {
  return evaluateCompiled(compilePolicySet(set), prepareRequest(request))
}

interface Explanation {
  readonly determining: readonly StatementRef[]
  readonly issues: readonly EvalIssue[]
}

/**
 * A Decision whose `determining` and `issues` are worked out once, on first read (prototype
 * getters: an object literal with getters costs a microsecond to create, a class instance a few
 * nanoseconds). `toJSON` gives the plain shape; jest's `toEqual` sees only effect and reason,
 * so tests compare fields or use `toMatchObject`.
 */
class LazyDecision implements Decision {
  readonly effect: Decision['effect']
  readonly reason: Decision['reason']
  readonly #set: CompiledPolicySet
  readonly #request: PreparedRequest
  #explained: Explanation | undefined

  constructor(set: CompiledPolicySet, request: PreparedRequest, outcome: Outcome) {
    this.effect = outcome.effect
    this.reason = outcome.reason
    this.#set = set
    this.#request = request
  }

  get determining(): readonly StatementRef[] {
    return this.#explain().determining
  }

  get issues(): readonly EvalIssue[] {
    return this.#explain().issues
  }

  toJSON(): Decision {
    return {
      effect: this.effect,
      reason: this.reason,
      determining: this.determining,
      issues: this.issues
    }
  }

  #explain(): Explanation {
    this.#explained ??= explainOutcome(this.#set, this.#request, this)
    return this.#explained
  }
}

interface GroupInForce {
  readonly kind: PolicyKind
  readonly group: CompiledGroup
}

/** The gates the fast path may consult, in the stable order of POLICY_KINDS. */
function groupsInForce(set: CompiledPolicySet, request: PreparedRequest): GroupInForce[] {
  const groups: GroupInForce[] = []
  const add = (kind: PolicyKind, group: CompiledGroup | undefined, on: boolean): void => {
    if (on && group !== undefined) groups.push({ kind, group })
  }
  add('identity', set.identity, request.iamPrincipal)
  add('resource', set.resource, true)
  add('boundary', set.boundary, boundaryInForce(set, request))
  add('session', set.session, request.sessionPrincipal)
  for (const level of set.scp) add('scp', level, scpInForce(set, request))
  for (const level of set.rcp) add('rcp', level, true)
  return groups
}

function explainOutcome(
  set: CompiledPolicySet,
  request: PreparedRequest,
  outcome: Outcome
): Explanation {
  const issues: EvalIssue[] = []
  const determining: StatementRef[] = []
  const effect = outcome.effect === 'ExplicitDeny' ? 'Deny' : 'Allow'
  const b = hasBoundary(set, request)
  for (const { kind, group } of groupsInForce(set, request)) {
    const min = minimumLevel(outcome, kind, request)
    for (const st of candidates(group, request.service).all) {
      const level = statementGrant(st, request, b, collectIssues(st, issues))
      if (min !== undefined && level >= min && st.effect === effect) determining.push(st.ref)
    }
  }
  return { determining, issues }
}

/**
 * Which applicable statements of a gate determined the outcome: every Deny for an explicit
 * deny; for an Allow, the Allows of each gate the winning path required (a resource-based
 * policy at the grant level that path used); nothing for an implicit deny.
 */
function minimumLevel(
  outcome: Outcome,
  kind: PolicyKind,
  request: PreparedRequest
): GrantLevel | undefined {
  if (outcome.effect === 'ExplicitDeny') return GRANT.account
  if (outcome.effect === 'ImplicitDeny') return undefined
  const reason = outcome.reason
  if (reason === 'no-permission-required') return undefined
  switch (kind) {
    case 'scp':
    case 'rcp':
      return GRANT.account
    case 'identity':
      return reason === 'identity-allow' ? GRANT.account : undefined
    case 'boundary':
    case 'session':
      return reason === 'identity-allow' || reason === 'resource-role-allow'
        ? GRANT.account
        : undefined
    case 'resource':
      return resourceMinimum(reason, request)
  }
}

function resourceMinimum(
  reason: Outcome['reason'],
  request: PreparedRequest
): GrantLevel | undefined {
  if (reason === 'resource-allow') return GRANT.direct
  if (reason === 'resource-role-allow') return GRANT.role
  const { crossAccount, mandatory } = request
  if (reason === 'identity-allow' && (crossAccount || mandatory)) return GRANT.account
  return undefined
}
