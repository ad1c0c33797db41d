// Policies → compiled statements, indexed by service prefix (IAM-SEMANTICS §6 input model).
// A Policy object is compiled once per role in a set (WeakMap), so base and head sets that
// share unchanged documents share their matchers; grouping per set is cheap array work.
import type { Policy, PolicyKind } from '../policy/model.js'
import { compileStatement, type CompiledStatement } from './statement.js'
import type { PolicySet } from './types.js'

/** The statements of one gate that can apply to one service, in policy/statement order. */
export interface Candidates {
  readonly allow: readonly CompiledStatement[]
  readonly deny: readonly CompiledStatement[]
  /** both effects, for explanations */
  readonly all: readonly CompiledStatement[]
}

/** The policies that together make one gate (identity union, boundary, one SCP level, …). */
export interface CompiledGroup {
  /** by lowercase service prefix; each entry includes the `any` statements */
  readonly byService: ReadonlyMap<string, Candidates>
  /** statements that can apply to any service (`*`, NotAction, wildcard prefixes) */
  readonly any: Candidates
  /** any Deny statement at all: most groups have none, and the fast path skips them */
  readonly hasDeny: boolean
}

export interface CompiledPolicySet {
  readonly identity: CompiledGroup
  readonly resource: CompiledGroup | undefined
  /** undefined when there is no boundary (absent or empty) */
  readonly boundary: CompiledGroup | undefined
  readonly session: CompiledGroup | undefined
  /** organisation root first; empty = not in an organisation */
  readonly scp: readonly CompiledGroup[]
  readonly rcp: readonly CompiledGroup[]
}

const cache = new WeakMap<Policy, Map<PolicyKind, readonly CompiledStatement[]>>()

export function compilePolicy(policy: Policy, kind: PolicyKind): readonly CompiledStatement[] {
  let byKind = cache.get(policy)
  if (byKind === undefined) {
    byKind = new Map()
    cache.set(policy, byKind)
  }
  let compiled = byKind.get(kind)
  if (compiled === undefined) {
    compiled = policy.statements.map((statement) => compileStatement(statement, policy, kind))
    byKind.set(kind, compiled)
  }
  return compiled
}

export function compilePolicySet(set: PolicySet): CompiledPolicySet {
  const boundary = set.boundary ?? []
  return {
    identity: compileGroup(set.identity, 'identity'),
    resource: set.resource === undefined ? undefined : compileGroup([set.resource], 'resource'),
    boundary: boundary.length === 0 ? undefined : compileGroup(boundary, 'boundary'),
    session: set.session === undefined ? undefined : compileGroup([set.session], 'session'),
    scp: (set.scp ?? []).map((level) => compileGroup(level, 'scp')),
    rcp: (set.rcp ?? []).map((level) => compileGroup(level, 'rcp'))
  }
}

export function compileGroup(policies: readonly Policy[], kind: PolicyKind): CompiledGroup {
  const statements = policies.flatMap((policy) => compilePolicy(policy, kind))
  const services = new Set(statements.flatMap((st) => st.services ?? []))
  const byService = new Map<string, Candidates>()
  for (const service of services) {
    byService.set(
      service,
      candidateLists(statements.filter((st) => st.services?.includes(service) ?? true))
    )
  }
  return {
    byService,
    any: candidateLists(statements.filter((st) => st.services === undefined)),
    hasDeny: statements.some((st) => st.effect === 'Deny')
  }
}

function candidateLists(statements: readonly CompiledStatement[]): Candidates {
  return {
    allow: statements.filter((st) => st.effect === 'Allow'),
    deny: statements.filter((st) => st.effect === 'Deny'),
    all: statements
  }
}

/** The statements of a group that can apply to a request for `service` (lowercase). */
export function candidates(group: CompiledGroup, service: string): Candidates {
  return group.byService.get(service) ?? group.any
}
