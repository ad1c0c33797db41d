// The statements of both sides that the matrix has to exercise, flattened from the policy sets
// (identity, resource, boundary, session, SCP and RCP levels alike: any of them can change a
// decision). Each keeps its side, the gate it belongs to (IAM-SEMANTICS §5), and whether its
// policy substitutes variables (Version 2012-10-17, §4.6).
import type { PolicySet } from '../engine/types.js'
import type { Policy, Statement } from '../policy/model.js'

export interface SourceStatement {
  /** position in the flattened list of both sides: a stable identity within one build */
  readonly id: number
  readonly statement: Statement
  readonly policy: Policy
  readonly variables: boolean
  readonly side: 'base' | 'head'
  /** `identity`, `resource`, `boundary`, `session`, `scp:0` (root level), `rcp:1`, … */
  readonly gate: string
}

function gatesOf(set: PolicySet): [string, Policy][] {
  return [
    ...set.identity.map((p): [string, Policy] => ['identity', p]),
    ...(set.resource === undefined ? [] : [['resource', set.resource] as [string, Policy]]),
    ...(set.boundary ?? []).map((p): [string, Policy] => ['boundary', p]),
    ...(set.session === undefined ? [] : [['session', set.session] as [string, Policy]]),
    ...(set.scp ?? []).flatMap((level, i) => level.map((p): [string, Policy] => [`scp:${i}`, p])),
    ...(set.rcp ?? []).flatMap((level, i) => level.map((p): [string, Policy] => [`rcp:${i}`, p]))
  ]
}

export function collectStatements(
  base: PolicySet | undefined,
  head: PolicySet | undefined
): SourceStatement[] {
  const out: SourceStatement[] = []
  for (const [side, set] of [
    ['base', base],
    ['head', head]
  ] as const) {
    if (set === undefined) continue
    for (const [gate, policy] of gatesOf(set)) {
      const variables = policy.version === '2012-10-17'
      for (const statement of policy.statements) {
        out.push({ id: out.length, statement, policy, variables, side, gate })
      }
    }
  }
  return out
}

/** Resource-based evaluation: some side has a resource policy, so principals vary (§3.3). */
export function hasResourcePolicy(sets: readonly (PolicySet | undefined)[]): boolean {
  return sets.some((set) => set?.resource !== undefined)
}

/**
 * Which gates a set has (§5: a boundary, a session policy or a resource policy counts by being
 * there at all; SCP and RCP levels by their number). undefined = no policy set.
 */
export function gateStructure(set: PolicySet | undefined): string | undefined {
  if (set === undefined) return undefined
  const has = (x: unknown): string => (x === undefined ? '-' : '+')
  const boundary = (set.boundary ?? []).length > 0 ? '+' : '-'
  return `${has(set.resource)}${boundary}${has(set.session)}|${(set.scp ?? []).length}|${(set.rcp ?? []).length}`
}

const canonical = new WeakMap<Statement, string>()

const sorted = (values: readonly string[]): string[] => [...new Set(values)].sort()

/**
 * A statement's meaning as text: what it matches, never how it is written (order of values,
 * action and key case, Sid and position do not count).
 */
export function statementMeaning(s: SourceStatement): string {
  let text = canonical.get(s.statement)
  if (text === undefined) {
    const st = s.statement
    const conditions = st.conditions.map((c) =>
      JSON.stringify([c.operator, c.key.toLowerCase(), sorted(c.values)])
    )
    text = JSON.stringify([
      st.effect,
      st.action.negated,
      sorted(st.action.values.map((a) => a.toLowerCase())),
      st.resource === undefined ? null : [st.resource.negated, sorted(st.resource.values)],
      st.principal === undefined
        ? null
        : [st.principal.negated, sorted(st.principal.entries.map((e) => `${e.type}:${e.value}`))],
      sorted(conditions)
    ])
    canonical.set(st, text)
  }
  return `${s.variables ? 'v' : 'l'}${text}`
}

const gated = new WeakMap<SourceStatement, string>()

function gatedMeaning(s: SourceStatement): string {
  let key = gated.get(s)
  if (key === undefined) {
    key = `${s.gate}\n${statementMeaning(s)}`
    gated.set(s, key)
  }
  return key
}

/**
 * True when both sides hold the same statements (by meaning, gate by gate) for an action: then
 * no request of that action can change decision, given the same gate structure.
 */
export function sameOnBothSides(statements: readonly SourceStatement[]): boolean {
  const sides = { base: new Set<string>(), head: new Set<string>() }
  for (const s of statements) sides[s.side].add(gatedMeaning(s))
  if (sides.base.size !== sides.head.size) return false
  for (const key of sides.base) if (!sides.head.has(key)) return false
  return true
}
