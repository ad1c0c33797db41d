// Is one statement applicable to a request? (IAM-SEMANTICS §1): Action ∧ Resource ∧ Principal
// (resource-based policies) ∧ every condition. Cheap checks run first; conditions last.
import type { Policy, PolicyKind, Statement } from '../policy/model.js'
import { listOf } from '../policy/packed-list.js'
import {
  compileCondition,
  DISCARD_ISSUES,
  type CompiledCondition,
  type IssueSink
} from './conditions/index.js'
import {
  actionServices,
  compileActionMatcher,
  matchAction,
  type ActionMatcher
} from './match-action.js'
import {
  compilePrincipalMatcher,
  GRANT,
  principalGrantLevel,
  type GrantLevel,
  type PrincipalMatcher
} from './match-principal.js'
import { compileResourceMatcher, matchResource, type ResourceMatcher } from './match-resource.js'
import type { PreparedRequest } from './request.js'
import type { EvalIssue, StatementRef } from './types.js'

export interface CompiledStatement {
  readonly ref: StatementRef
  readonly effect: 'Allow' | 'Deny'
  readonly action: ActionMatcher
  /** lowercase service prefixes for the index; undefined = may apply to any service */
  readonly services: readonly string[] | undefined
  readonly resource: ResourceMatcher
  /** undefined outside resource-based policies (and RCPs) */
  readonly principal: PrincipalMatcher | undefined
  readonly conditions: readonly CompiledCondition[]
}

/** `kind` is the policy's place in the PolicySet, which may differ from what it was parsed as. */
export function compileStatement(
  statement: Statement,
  policy: Policy,
  kind: PolicyKind
): CompiledStatement {
  const variables = policy.version === '2012-10-17'
  return {
    ref: {
      file: policy.file,
      policyKind: kind,
      statementIndex: statement.index,
      sid: statement.sid,
      pointer: statement.pointer,
      line: statement.span.line
    },
    effect: statement.effect,
    action: compileActionMatcher(statement.action),
    services: actionServices(statement.action),
    resource: compileResourceMatcher(statement.resource, { variables }),
    principal:
      statement.principal === undefined ? undefined : compilePrincipalMatcher(statement.principal),
    conditions: listOf(statement.conditions, (clause) => compileCondition(clause, { variables }))
  }
}

/**
 * The grant level at which the statement applies (`direct` for statements without a
 * Principal), or `none` when it does not apply or applies only at a level ≤ `above` (so a
 * search for the best resource-policy grant skips conditions it cannot improve on).
 * `issues` is undefined on the fast path, so no message is ever built there.
 */
export function statementGrant(
  st: CompiledStatement,
  request: PreparedRequest,
  hasBoundary: boolean,
  issues: IssueSink | undefined,
  above: GrantLevel = GRANT.none
): GrantLevel {
  if (!matchAction(st.action, request.action)) return GRANT.none
  return grantForAction(st, request, hasBoundary, issues, above)
}

/** statementGrant for a statement whose Action/NotAction is known to match (actionCandidates). */
export function grantForAction(
  st: CompiledStatement,
  request: PreparedRequest,
  hasBoundary: boolean,
  issues: IssueSink | undefined,
  above: GrantLevel = GRANT.none
): GrantLevel {
  if (!matchResource(st.resource, request.resource, request.context, issues)) return GRANT.none
  const level =
    st.principal === undefined
      ? GRANT.direct
      : principalGrantLevel(st.principal, request.principal, hasBoundary)
  if (level <= above) return GRANT.none
  const sink = issues ?? DISCARD_ISSUES
  for (const condition of st.conditions) {
    if (!condition.evaluate(request.context, sink)) return GRANT.none
  }
  return level
}

/** A sink that ties each issue to the statement being evaluated (explanations only). */
export function collectIssues(st: CompiledStatement, into: EvalIssue[]): IssueSink {
  return (code, message) => {
    into.push({ code, message, statement: st.ref })
  }
}
