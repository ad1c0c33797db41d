// Condition contexts for one action (IAM-SEMANTICS §4): for every statement that can apply, a
// context that satisfies all its conditions, then one condition key varied at a time over its
// candidates (absent, each literal, outside, boundaries, sets); the same around a context that
// satisfies as many clauses as possible across statements (so an Allow and a Deny can hold
// together). Only keys the action can carry are set. Candidates that no clause tells apart are
// merged, keeping the first in canonical order, so the result does not depend on statement order;
// for one resource, only the clauses of the statements that can apply to it count.
import { compileCondition, type CompiledCondition } from '../engine/conditions/index.js'
import type { PreparedContext } from '../engine/context.js'
import { parseTemplate } from '../engine/variables.js'
import { clauseValues, defaultedKeys } from './condition-values.js'
import {
  ABSENT,
  Chooser,
  setCandidates,
  type Clause,
  type Context,
  type KeyInfo
} from './context-chooser.js'
import type { KeyAvailability } from './key-availability.js'
import { withImpliedKeys } from './realize.js'
import type { Samples } from './samples.js'
import type { SourceStatement } from './statements.js'

export type { Context } from './context-chooser.js'

/**
 * Context keys whose value changes the request beyond condition clauses (resource account, §6):
 * a witness value for one of them moves the request to another account, region or caller, or
 * fits only some callers (realize.ts), so two contexts that differ in them are never merged.
 */
const STRUCTURAL = [
  'aws:resourceaccount',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:username',
  'aws:userid',
  'kms:calleraccount',
  'aws:requestedregion',
  // true only for service principals, false for the others (realize.ts drops the rest)
  'aws:principalisawsservice'
]

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const noIssues = (): void => undefined

/** Canonical text of a context: keys sorted (the sort and dedupe key of candidates). */
export function contextKey(context: Context): string {
  // the text of JSON.stringify(sorted [key, value] pairs), without building the pairs: large
  // reviews key hundreds of thousands of requests
  const keys = Object.keys(context).sort(byText)
  let text = '['
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const value = context[key]
    text += `${i === 0 ? '' : ','}[${JSON.stringify(key)},${value === undefined ? 'null' : JSON.stringify(value)}]`
  }
  return `${text}]`
}

/** A kept context with what it makes of each clause and of the keys beyond clauses. */
interface Kept {
  readonly context: Context
  readonly truths: string
  readonly tail: string
}

/** The contexts of an action, and the fewer ones that matter when only some statements apply. */
export class ContextWitnesses {
  private readonly subsets = new Map<string, readonly Context[]>()

  constructor(
    private readonly kept: readonly Kept[],
    /** per statement (in the order given to the builder), the indexes of its clauses */
    private readonly clausesOf: readonly (readonly number[])[]
  ) {}

  private every: readonly Context[] | undefined

  get all(): readonly Context[] {
    this.every ??= this.forStatements(this.clausesOf.map(() => true))
    return this.every
  }

  /** Whether any statement has a condition (otherwise every resource gets the same contexts). */
  get conditional(): boolean {
    return this.clausesOf.some((c) => c.length > 0)
  }

  /** One context per combination of the clauses of the statements that `applies` selects. */
  forStatements(applies: readonly boolean[]): readonly Context[] {
    const mask = applies.map((a) => (a ? '1' : '0')).join('')
    let found = this.subsets.get(mask)
    if (found === undefined) {
      const indexes = [...new Set(this.clausesOf.flatMap((c, i) => (applies[i] ? c : [])))]
      const seen = new Set<string>()
      const kept = this.kept.filter((k) => {
        const signature = `${k.tail}|${indexes.map((i) => k.truths[i]).join('')}`
        if (seen.has(signature)) return false
        seen.add(signature)
        return true
      })
      const applying = this.clausesOf.filter((_, i) => applies[i] === true)
      found = satisfyingFirst(kept, applying).map((k) => k.context)
      this.subsets.set(mask, found)
    }
    return found
  }
}

export class ContextWitnessBuilder {
  private readonly compiled = new Map<string, CompiledCondition>()
  private readonly clauses = new Map<number, readonly Clause[]>()
  private readonly results = new Map<string, ContextWitnesses>()
  private readonly sets = new Map<
    readonly SourceStatement[],
    { ids: string; clauses: readonly Clause[]; usedKeys: readonly string[] }
  >()

  constructor(private readonly samples: Samples) {}

  contexts(
    statements: readonly SourceStatement[],
    keys: KeyAvailability,
    resourceBindings: Readonly<Record<string, string>>
  ): ContextWitnesses {
    let set = this.sets.get(statements)
    if (set === undefined) {
      const clauses = this.distinctClauses(statements)
      const ids = statements.map((s) => s.id).join(',')
      set = { ids, clauses, usedKeys: [...new Set(clauses.map((c) => c.key))].sort(byText) }
      this.sets.set(statements, set)
    }
    const available =
      set.usedKeys.length === 0 ? '' : set.usedKeys.map((k) => (keys.has(k) ? 1 : 0)).join('')
    const bound = Object.keys(resourceBindings).length === 0 ? '' : JSON.stringify(resourceBindings)
    const cacheKey = `${set.ids}|${available}|${bound}`
    let result = this.results.get(cacheKey)
    if (result === undefined) {
      result = this.build(statements, set.clauses, keys, resourceBindings)
      this.results.set(cacheKey, result)
    }
    return result
  }

  /** A candidate as it will be sent: keys AWS always sends filled in (realize.ts). */
  private prepare(context: Context): PreparedContext {
    const { principal, account } = this.samples
    return this.samples.context(withImpliedKeys(context, principal, account))
  }

  private clausesOf(s: SourceStatement): readonly Clause[] {
    let list = this.clauses.get(s.id)
    if (list === undefined) {
      list = s.statement.conditions.map((clause) => {
        const key = clause.key.toLowerCase()
        const id = JSON.stringify([clause.operator, key, clause.values, s.variables])
        let compiled = this.compiled.get(id)
        if (compiled === undefined) {
          compiled = compileCondition(clause, { variables: s.variables })
          this.compiled.set(id, compiled)
        }
        return { id, clause, key, compiled, variables: s.variables }
      })
      this.clauses.set(s.id, list)
    }
    return list
  }

  private distinctClauses(statements: readonly SourceStatement[]): Clause[] {
    const byId = new Map<string, Clause>()
    for (const s of statements)
      for (const c of this.clausesOf(s)) if (!byId.has(c.id)) byId.set(c.id, c)
    return [...byId.values()].sort((a, b) => byText(a.id, b.id))
  }

  private build(
    statements: readonly SourceStatement[],
    clauses: readonly Clause[],
    keys: KeyAvailability,
    resourceBindings: Readonly<Record<string, string>>
  ): ContextWitnesses {
    const bindings: Record<string, string> = { ...resourceBindings }
    const info = this.keyInfo(clauses, keys, bindings)
    const candidates = this.candidates(statements, clauses, info, bindings, keys)
    const sign = (context: Context): Kept => {
      const prepared = this.prepare(context)
      const truths = clauses.map((c) => (c.compiled.evaluate(prepared, noIssues) ? '1' : '0'))
      return { context, truths: truths.join(''), tail: tailOf(context, bindings) }
    }
    const index = new Map(clauses.map((c, i) => [c.id, i]))
    const clausesOf = statements.map((s) => this.clausesOf(s).map((c) => index.get(c.id) ?? -1))
    return new ContextWitnesses(distinct(candidates, sign), clausesOf)
  }

  private candidates(
    statements: readonly SourceStatement[],
    clauses: readonly Clause[],
    info: ReadonlyMap<string, KeyInfo>,
    bindings: Readonly<Record<string, string>>,
    keys: KeyAvailability
  ): Map<string, Context> {
    const candidates = new Map<string, Context>()
    const add = (context: Context): void => void candidates.set(contextKey(context), context)
    add({})
    add(bindings)
    const prepare = (ctx: Context): PreparedContext => this.prepare(ctx)
    const chooserFrom = (base: Readonly<Record<string, string>>): Chooser =>
      new Chooser(info, base, prepare, (key) => clauses.filter((c) => c.key === key))
    /** each statement made to apply (from `from`), then varied by its own keys */
    const eachStatement = (chooser: Chooser, from?: Context): void => {
      for (const s of statements) {
        const own = this.clausesOf(s).filter((c) => info.has(c.key))
        const applying = own.length === 0 ? undefined : chooser.satisfy(own, from)
        if (applying === undefined) continue
        const ownKeys = own.map((c) => c.key)
        chooser.variants(applying, ownKeys).forEach(add)
      }
    }
    const chooser = chooserFrom(bindings)
    eachStatement(chooser)
    const best = chooser.best([...info.keys()])
    chooser.variants(best, [...info.keys()]).forEach(add)
    // Deny guards on keys most requests leave out (NotIpAddress aws:SourceIp, BoolIfExists
    // aws:MultiFactorAuthPresent) deny every context above that varies another key: around a
    // context with the guards off, a change to an Allow's condition shows; each statement is
    // also made to apply on top of it (a Deny of two keys relaxed in one, beside another guard
    // that stays off, needs both of its keys set and the other guard off)
    const denyClauses = new Set(
      statements
        .filter((s) => s.statement.effect === 'Deny')
        .flatMap((s) => this.clausesOf(s).map((c) => c.id))
    )
    if (denyClauses.size > 0) {
      const allowing = chooser.allowing([...info.keys()], (c) => denyClauses.has(c.id))
      chooser.variants(allowing, [...info.keys()]).forEach(add)
      eachStatement(chooser, allowing)
    }
    // an Allow whose clauses hold for most requests (`Bool aws:SecureTransport true` beside
    // `user/*`) allows a request before a change to another statement's condition can show:
    // around a context with every clause false, each statement is made to apply alone
    const conditional = statements.filter((s) => this.clausesOf(s).some((c) => info.has(c.key)))
    if (conditional.length >= 2)
      eachStatement(
        chooser,
        chooser.allowing([...info.keys()], () => true)
      )
    // a variable with a default in a condition value or a Resource / NotResource reads the
    // default when the request leaves its key out: each statement satisfied and varied again
    // without those keys (the resource witness built with the default needs that context)
    const defaulted = new Set([
      ...clauses.flatMap((c) =>
        defaultedKeys(c.clause, c.variables, this.samples, keys).map((k) => k.toLowerCase())
      ),
      ...resourceDefaults(statements)
    ])
    if (defaulted.size > 0) {
      const bare = Object.entries(bindings).filter(([key]) => !defaulted.has(key.toLowerCase()))
      eachStatement(chooserFrom(Object.fromEntries(bare)))
    }
    return candidates
  }

  /** Candidate values per available key, from every clause on it. */
  private keyInfo(
    clauses: readonly Clause[],
    keys: KeyAvailability,
    bindings: Record<string, string>
  ): Map<string, KeyInfo> {
    const info = new Map<string, KeyInfo>()
    for (const key of [...new Set(clauses.map((c) => c.key))].sort(byText)) {
      // a key named with `*`/`?` is in no request: keys match by name (condition-key-wildcard)
      if (!keys.has(key) || /[*?]/.test(key)) continue
      const on = clauses.filter((c) => c.key === key)
      const values: string[] = []
      for (const c of on) {
        const found = clauseValues(c.clause, c.variables, this.samples, keys)
        values.push(...found.values)
        Object.assign(bindings, found.bindings)
      }
      const unique = [...new Set(values)]
      const multi = on.some((c) => c.clause.qualifier !== undefined)
      const spelling = on.map((c) => c.clause.key).sort(byText)[0] ?? key
      // left out, a key AWS sends in every request takes the value the request implies
      // (realize.ts): the caller's own name, ARN or account, which no witness value may be
      info.set(key, {
        spelling,
        candidates: [ABSENT, ...(multi ? setCandidates(unique) : unique)]
      })
    }
    return info
  }
}

/**
 * Contexts in which every clause of some conditional statement holds come first (stable): when
 * the request budget cuts an action's requests, the ones that can switch a statement on are kept.
 */
function satisfyingFirst(kept: readonly Kept[], clausesOf: readonly (readonly number[])[]): Kept[] {
  const conditional = clausesOf.filter((c) => c.length > 0)
  const satisfies = (k: Kept): boolean =>
    conditional.some((own) => own.every((i) => k.truths[i] === '1'))
  return [...kept.filter(satisfies), ...kept.filter((k) => !satisfies(k))]
}

/** What a context sets beyond condition clauses: structural keys and variable values. */
function tailOf(context: Context, bindings: object): string {
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]))
  const structural = STRUCTURAL.map((k) => lower.get(k))
  const bound = Object.keys(bindings).map((k) => lower.get(k.toLowerCase()))
  return JSON.stringify([structural, bound])
}

/** Keeps the first context of each signature: fewest keys (`{}` wins), shortest, then by text. */
function distinct(contexts: ReadonlyMap<string, Context>, sign: (c: Context) => Kept): Kept[] {
  const seen = new Set<string>()
  const kept: Kept[] = []
  const size = (key: string): number => Object.keys(contexts.get(key) ?? {}).length
  const order = (a: string, b: string): number =>
    size(a) - size(b) || a.length - b.length || byText(a, b)
  for (const key of [...contexts.keys()].sort(order)) {
    const k = sign(contexts.get(key) as Context)
    const signature = `${k.tail}|${k.truths}`
    if (seen.has(signature)) continue
    seen.add(signature)
    kept.push(k)
  }
  return kept
}

/** Lowercase keys of the variables with a default in the statements' Resource or NotResource. */
function resourceDefaults(statements: readonly SourceStatement[]): string[] {
  const out: string[] = []
  for (const { statement, variables } of statements) {
    if (!variables) continue
    for (const source of statement.resource?.values ?? []) {
      if (!source.includes('${')) continue
      for (const part of parseTemplate(source, { variables, wildcards: true }).parts)
        if (part.kind === 'variable' && part.defaultValue !== undefined) out.push(part.key)
    }
  }
  return out
}
