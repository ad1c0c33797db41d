// Action / NotAction matching (IAM-SEMANTICS §3.1): `service:Name` against case-insensitive,
// anchored globs. Patterns and the request action are lowercased once, so matching is a set
// look-up for plain names and a compiled glob only for patterns with wildcards.
import type { MatchList } from '../policy/model.js'
import { emptyList } from '../policy/packed-list.js'
import { compileGlob, parseGlob, type TextMatcher } from './wildcard.js'

export interface ActionMatcher {
  readonly negated: boolean
  /** a pattern matches every action (`*`, `*:*`, …) */
  readonly all: boolean
  /** lowercase patterns without wildcards */
  readonly exact: ReadonlySet<string>
  readonly globs: readonly TextMatcher[]
}

export function compileActionMatcher(list: MatchList): ActionMatcher {
  const exact = new Set<string>()
  const globs = emptyList<TextMatcher>()
  let all = false
  for (const value of list.values) {
    const parts = parseGlob(value.toLowerCase())
    if (parts.length > 0 && parts.every((p) => p.kind === 'star')) all = true
    else if (parts.every((p) => p.kind === 'text')) exact.add(value.toLowerCase())
    else globs.push(compileGlob(parts, { ignoreCase: false }))
  }
  return { negated: list.negated, all, exact, globs }
}

/** Does the statement's Action/NotAction element apply to the lowercase request action? */
export function matchAction(m: ActionMatcher, action: string): boolean {
  return anyPatternMatches(m, action) !== m.negated
}

function anyPatternMatches(m: ActionMatcher, action: string): boolean {
  if (m.all || m.exact.has(action)) return true
  for (const glob of m.globs) if (glob(action)) return true
  return false
}

/**
 * The lowercase service prefixes a statement can apply to, for the per-service index; undefined
 * when it may apply to any service (NotAction, or a wildcard in a service prefix).
 */
export function actionServices(list: MatchList): string[] | undefined {
  if (list.negated) return undefined
  const services = new Set<string>()
  for (const value of list.values) {
    const colon = value.indexOf(':')
    if (colon < 0) return undefined
    const service = value.slice(0, colon).toLowerCase()
    if (service.includes('*') || service.includes('?')) return undefined
    services.add(service)
  }
  return [...services]
}

const ACTION_SLOTS = new Map<string, number>()
/** Above the IAM action count (~18,000); past it, memo look-ups fall back to matching. */
const MAX_ACTION_SLOTS = 1 << 15

/**
 * A small number per distinct lowercase action, assigned on first sight, so per-group memos
 * of the statements an action can match (compile.ts) are arrays indexed by it; -1 past the
 * bound. The numbering depends on request order but nothing observable depends on it.
 */
export function actionSlot(action: string): number {
  const known = ACTION_SLOTS.get(action)
  if (known !== undefined) return known
  if (ACTION_SLOTS.size >= MAX_ACTION_SLOTS) return -1
  const slot = ACTION_SLOTS.size
  ACTION_SLOTS.set(action, slot)
  return slot
}
