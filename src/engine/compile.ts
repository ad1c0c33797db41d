// Policies → compiled statements, indexed by service prefix (IAM-SEMANTICS §6 input model).
// A Policy object is compiled once per role in a set (WeakMap), so base and head sets that
// share unchanged documents share their matchers; grouping per set is cheap array work.
// Each group also remembers, per request action, the statements whose Action/NotAction
// matches it (§3.1 depends on the action alone), so evaluation never matches actions twice.
import type { Policy, PolicyKind } from '../policy/model.js'
import { matchAction } from './match-action.js'
import { emptyList, listOf } from '../policy/packed-list.js'
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
  /** by actionSlot of the request action: the statements whose Action/NotAction matches it */
  readonly byAction: (Candidates | undefined)[]
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
    scp: listOf(set.scp ?? [], (level) => compileGroup(level, 'scp')),
    rcp: listOf(set.rcp ?? [], (level) => compileGroup(level, 'rcp'))
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
    hasDeny: statements.some((st) => st.effect === 'Deny'),
    byAction: emptyList()
  }
}

function candidateLists(statements: readonly CompiledStatement[]): Candidates {
  return {
    allow: listOf(statements.filter((st) => st.effect === 'Allow')),
    deny: listOf(statements.filter((st) => st.effect === 'Deny')),
    all: listOf(statements)
  }
}

const NO_STATEMENTS: readonly CompiledStatement[] = emptyList()
const NO_CANDIDATES: Candidates = { allow: NO_STATEMENTS, deny: NO_STATEMENTS, all: NO_STATEMENTS }

/**
 * candidateLists sharing one object for the lists that are empty: a memo holds one per group
 * and action, and for most pairs nothing matches.
 */
function compactLists(statements: readonly CompiledStatement[]): Candidates {
  if (statements.length === 0) return NO_CANDIDATES
  const lists = candidateLists(statements)
  return {
    allow: lists.allow.length === 0 ? NO_STATEMENTS : lists.allow,
    deny: lists.deny.length === 0 ? NO_STATEMENTS : lists.deny,
    all: lists.all
  }
}

/** The statements of a group that can apply to a request for `service` (lowercase). */
export function candidates(group: CompiledGroup, service: string): Candidates {
  return group.byService.get(service) ?? group.any
}

/** What actionCandidates needs to know about the request. */
export interface RequestAction {
  /** lowercase `service:name` */
  readonly action: string
  /** its lowercase service prefix */
  readonly service: string
  /** actionSlot(action) */
  readonly actionSlot: number
}

/**
 * The statements of a group whose Action/NotAction matches the request action, worked out once
 * per group and action: callers need not match the action again.
 */
export function actionCandidates(group: CompiledGroup, request: RequestAction): Candidates {
  const slot = request.actionSlot
  const known = slot >= 0 && slot < group.byAction.length ? group.byAction[slot] : undefined
  if (known !== undefined) return known
  const { action, service } = request
  const found = compactLists(
    candidates(group, service).all.filter((st) => matchAction(st.action, action))
  )
  if (slot >= 0) {
    // grow densely: a write far past the end would turn the array into a slow dictionary
    const memo = group.byAction
    while (memo.length < slot) memo.push(undefined)
    memo[slot] = found
  }
  return found
}
