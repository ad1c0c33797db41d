// Choosing condition-context values (IAM-SEMANTICS §4): the candidates of each key, and contexts
// that satisfy a statement's clauses, satisfy as many clauses as possible, or vary one key.
import type { CompiledCondition } from '../engine/conditions/index.js'
import type { PreparedContext } from '../engine/context.js'
import type { ContextInput } from '../engine/types.js'
import type { ConditionClause } from '../policy/model.js'

export type Context = Readonly<Record<string, ContextInput>>

/** A value of the candidate list that means "key absent". */
export const ABSENT = Symbol('absent')
export type Candidate = ContextInput | typeof ABSENT

/** More values than this: no set holding all of them. */
const MAX_SET = 6

/** One distinct condition clause of the statements of an action, compiled once. */
export interface Clause {
  readonly id: string
  readonly clause: ConditionClause
  /** lowercase */
  readonly key: string
  readonly compiled: CompiledCondition
  readonly variables: boolean
}

export interface KeyInfo {
  /** the key as the policies write it */
  readonly spelling: string
  /** ABSENT first */
  readonly candidates: readonly Candidate[]
}

const noIssues = (): void => undefined

/** Sets for a multivalued key (§4.4): empty, each value alone, a mixed pair, all of them. */
export function setCandidates(values: readonly string[]): Candidate[] {
  const sets: string[][] = [[], ...values.map((v) => [v])]
  if (values.length > 1) sets.push([values[0] ?? '', values.at(-1) ?? ''])
  if (values.length > 2 && values.length <= MAX_SET) sets.push([...values])
  return sets
}

/** Picks key values: satisfying a statement's clauses, or as many clauses as possible. */
export class Chooser {
  constructor(
    private readonly info: ReadonlyMap<string, KeyInfo>,
    private readonly base: Readonly<Record<string, string>>,
    private readonly prepare: (context: Context) => PreparedContext,
    private readonly clausesOn: (key: string) => readonly Clause[]
  ) {}

  private holds(context: Context, clauses: readonly Clause[]): boolean[] {
    const prepared = this.prepare(context)
    return clauses.map((c) => c.compiled.evaluate(prepared, noIssues))
  }

  private with(context: Context, key: string, value: Candidate): Context {
    const spelling = this.info.get(key)?.spelling ?? key
    const out: Record<string, ContextInput> = {}
    for (const [k, v] of Object.entries(context)) if (k.toLowerCase() !== key) out[k] = v
    if (value !== ABSENT) out[spelling] = value
    return out
  }

  /**
   * A context where every clause of `own` holds, starting from `from` (the chooser's base by
   * default); undefined when a key has no such value.
   */
  satisfy(own: readonly Clause[], from: Context = this.base): Context | undefined {
    let context: Context = from
    for (const key of [...new Set(own.map((c) => c.key))]) {
      const mine = own.filter((c) => c.key === key)
      const pick = (this.info.get(key)?.candidates ?? []).find((value) => {
        const trial = this.with(context, key, value)
        return this.holds(trial, mine).every(Boolean)
      })
      if (pick === undefined) return undefined
      context = this.with(context, key, pick)
    }
    return context
  }

  /** Per key, the candidate that makes the most clauses on it true (first on ties). */
  best(keys: readonly string[]): Context {
    let context: Context = this.base
    for (const key of keys) {
      let chosen: Candidate = ABSENT
      let score = -1
      for (const value of this.info.get(key)?.candidates ?? []) {
        const trial = this.with(context, key, value)
        const count = this.holds(trial, this.clausesOn(key)).filter(Boolean).length
        if (count > score) [chosen, score] = [value, count]
      }
      context = this.with(context, key, chosen)
    }
    return context
  }

  /**
   * Per key, the candidate that makes the most clauses of Allow statements true and the most
   * clauses of Deny statements false (first on ties): the context in which a guard such as
   * `Deny NotIpAddress aws:SourceIp` or `Deny BoolIfExists aws:MultiFactorAuthPresent false` is
   * off, so that varying another key from it shows what the Allow statements now grant.
   */
  allowing(keys: readonly string[], denies: (clause: Clause) => boolean): Context {
    let context: Context = this.base
    for (const key of keys) {
      const on = this.clausesOn(key)
      let chosen: Candidate = ABSENT
      let score = -1
      for (const value of this.info.get(key)?.candidates ?? []) {
        const truths = this.holds(this.with(context, key, value), on)
        const count = truths.filter((holds, i) => holds !== denies(on[i] as Clause)).length
        if (count > score) [chosen, score] = [value, count]
      }
      context = this.with(context, key, chosen)
    }
    return context
  }

  /** The context itself and, for each key, every other candidate value of that key. */
  variants(context: Context, keys: readonly string[]): Context[] {
    const out: Context[] = [context]
    for (const key of new Set(keys)) {
      for (const value of this.info.get(key)?.candidates ?? [])
        out.push(this.with(context, key, value))
    }
    return out
  }
}
