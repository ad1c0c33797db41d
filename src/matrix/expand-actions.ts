// Action / NotAction patterns → the actions to probe (IAM-SEMANTICS §3.1: case-insensitive,
// anchored globs). Patterns with a literal service prefix only look at that service; the rest
// (and `*`, NotAction) scan the whole catalogue once per pattern, cached per catalogue.
import type { ActionCatalog, CatalogAction } from '../catalog/catalog.js'
import { suggest } from '../diagnostics/suggest.js'
import { compileActionMatcher, matchAction, type ActionMatcher } from '../engine/match-action.js'
import { compileGlob, parseGlob } from '../engine/wildcard.js'
import type { SourceStatement } from './statements.js'

/** One action of the matrix and the statements (of either side) that can apply to it. */
export interface ProbeAction {
  /** canonical `service:Name`, or the name as written for actions the catalogue lacks */
  readonly name: string
  readonly catalog: CatalogAction | undefined
  readonly statements: readonly SourceStatement[]
}

export interface UnknownAction {
  readonly action: string
  readonly suggestion: string | undefined
}

export interface ActionExpansion {
  /** sorted by lowercase name */
  readonly actions: readonly ProbeAction[]
  readonly unknownActions: readonly UnknownAction[]
}

interface CatalogIndex {
  readonly all: readonly CatalogAction[]
  /** lowercase `service:name` of each action, computed once */
  readonly keys: ReadonlyMap<CatalogAction, string>
  readonly patterns: Map<string, readonly CatalogAction[]>
  readonly suggestions: Map<string, string | undefined>
}

const indexes = new WeakMap<ActionCatalog, CatalogIndex>()

function indexOf(catalog: ActionCatalog): CatalogIndex {
  let index = indexes.get(catalog)
  if (index === undefined) {
    const all = catalog.services.flatMap((service) => catalog.actionsOf(service))
    const keys = new Map(all.map((a) => [a, a.name.toLowerCase()]))
    index = { all, keys, patterns: new Map(), suggestions: new Map() }
    indexes.set(catalog, index)
  }
  return index
}

const isWild = (text: string): boolean => text.includes('*') || text.includes('?')

/** The catalogue actions a pattern matches (canonical objects, catalogue order). */
export function expandPattern(catalog: ActionCatalog, pattern: string): readonly CatalogAction[] {
  const index = indexOf(catalog)
  const key = pattern.toLowerCase()
  const hit = index.patterns.get(key)
  if (hit !== undefined) return hit
  let result: readonly CatalogAction[]
  const colon = key.indexOf(':')
  const service = colon < 0 ? undefined : key.slice(0, colon)
  if (!isWild(key)) {
    const action = catalog.action(key)
    result = action === undefined ? [] : [action]
  } else {
    const matcher = compileGlob(parseGlob(key), { ignoreCase: true })
    const pool = service === undefined || isWild(service) ? index.all : catalog.actionsOf(service)
    result = pool.filter((action) => matcher(action.name))
  }
  index.patterns.set(key, result)
  return result
}

/** "Did you mean": the nearest action of the service, or the same name in the nearest service. */
export function suggestAction(catalog: ActionCatalog, name: string): string | undefined {
  const cache = indexOf(catalog).suggestions
  if (cache.has(name)) return cache.get(name)
  const suggestion = nearestAction(catalog, name)
  cache.set(name, suggestion)
  return suggestion
}

function nearestAction(catalog: ActionCatalog, name: string): string | undefined {
  const colon = name.indexOf(':')
  if (colon < 0) return undefined
  const service = name.slice(0, colon).toLowerCase()
  const rest = name.slice(colon + 1)
  const names = (svc: string): string[] => catalog.actionsOf(svc).map((a) => a.name)
  if (catalog.actionsOf(service).length > 0) {
    return isWild(rest) ? undefined : suggest(name, names(service), { ignoreCase: true })
  }
  const other = suggest(service, catalog.services, { ignoreCase: true })
  if (other === undefined) return undefined
  if (isWild(rest)) return `${other}:${rest}`
  return (
    catalog.action(`${other}:${rest}`)?.name ??
    suggest(`${other}:${rest}`, names(other), {
      ignoreCase: true
    })
  )
}

interface Collected {
  /** actions named or matched by some pattern (lowercase name → entry) */
  readonly byAction: Map<string, { catalog: CatalogAction | undefined; spellings: Set<string> }>
  readonly positive: Map<string, SourceStatement[]>
  readonly negated: { statement: SourceStatement; excluded: Set<string> }[]
  /** `Action: "*"` statements: they apply to every action, so they are not expanded */
  readonly universal: SourceStatement[]
  needsAll: boolean
}

function addAction(
  c: Collected,
  key: string,
  name: string,
  catalog: CatalogAction | undefined
): string {
  let entry = c.byAction.get(key)
  if (entry === undefined) {
    entry = { catalog, spellings: new Set<string>() }
    c.byAction.set(key, entry)
  }
  // catalogue actions have one canonical name; unknown ones keep every spelling seen
  if (catalog === undefined) entry.spellings.add(name)
  return key
}

/** Expands one statement's patterns; returns the lowercase names it names or matches. */
function collectStatement(c: Collected, catalog: ActionCatalog, s: SourceStatement): Set<string> {
  const names = new Set<string>()
  const keys = indexOf(catalog).keys
  for (const pattern of s.statement.action.values) {
    const found = expandPattern(catalog, pattern)
    if (isStar(pattern)) c.needsAll = true
    for (const action of found) {
      const key = keys.get(action) ?? action.name.toLowerCase()
      names.add(addAction(c, key, action.name, action))
    }
    // not in the catalogue: probe the name as written (a wildcard pattern stands for itself)
    if (found.length === 0) names.add(addAction(c, pattern.toLowerCase(), pattern, undefined))
  }
  return names
}

const isStar = (pattern: string): boolean => /^\*+$/.test(pattern)

function collect(catalog: ActionCatalog, statements: readonly SourceStatement[]): Collected {
  const c: Collected = {
    byAction: new Map(),
    positive: new Map(),
    negated: [],
    universal: [],
    needsAll: false
  }
  for (const s of statements) {
    const { negated, values } = s.statement.action
    if (!negated && values.some(isStar)) {
      c.needsAll = true
      c.universal.push(s)
      // names outside the catalogue are still probed (and reported)
      for (const p of values) {
        if (expandPattern(catalog, p).length === 0) addAction(c, p.toLowerCase(), p, undefined)
      }
      continue
    }
    const names = collectStatement(c, catalog, s)
    if (s.statement.action.negated) {
      c.needsAll = true
      c.negated.push({ statement: s, excluded: names })
      continue
    }
    for (const name of names) {
      const list = c.positive.get(name)
      if (list === undefined) c.positive.set(name, [s])
      else if (list.at(-1) !== s) list.push(s)
    }
  }
  return c
}

const actionMatchers = new WeakMap<SourceStatement['statement'], ActionMatcher>()

/** Whether a statement's Action/NotAction applies to a lowercase action name (§3.1). */
function appliesTo(s: SourceStatement, key: string): boolean {
  let m = actionMatchers.get(s.statement)
  if (m === undefined) {
    m = compileActionMatcher(s.statement.action)
    actionMatchers.set(s.statement, m)
  }
  return matchAction(m, key)
}

/** Relevant statements of an action; equal lists are one shared array (callers cache on it). */
class Relevance {
  private readonly lists = new Map<string, readonly SourceStatement[]>()

  constructor(
    private readonly c: Collected,
    private readonly statements: readonly SourceStatement[]
  ) {}

  of(key: string, known: boolean): readonly SourceStatement[] {
    // the catalogue-based index does not know names outside the catalogue: match them directly
    if (!known) return this.intern(this.statements.filter((s) => appliesTo(s, key)))
    const positive = this.c.positive.get(key) ?? []
    let id = positive.map((s) => s.id).join(',')
    for (const n of this.c.negated) id += n.excluded.has(key) ? '-' : '+'
    const shared = this.lists.get(id)
    if (shared !== undefined) return shared
    const list = [...positive, ...this.c.universal]
    for (const n of this.c.negated) if (!n.excluded.has(key)) list.push(n.statement)
    list.sort((a, b) => a.id - b.id)
    this.lists.set(id, list)
    return list
  }

  private intern(list: SourceStatement[]): readonly SourceStatement[] {
    const id = `u${list.map((s) => s.id).join(',')}`
    const shared = this.lists.get(id)
    if (shared !== undefined) return shared
    this.lists.set(id, list)
    return list
  }
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

interface UniverseEntry {
  readonly key: string
  readonly catalog: CatalogAction | undefined
  readonly name: string
}

/** Every catalogue action by lowercase name, built once per catalogue. */
const sortedCatalogs = new WeakMap<ActionCatalog, readonly UniverseEntry[]>()

function sortedCatalog(catalog: ActionCatalog): readonly UniverseEntry[] {
  let list = sortedCatalogs.get(catalog)
  if (list === undefined) {
    const { all, keys } = indexOf(catalog)
    list = all
      .map((a) => ({ key: keys.get(a) ?? a.name.toLowerCase(), catalog: a, name: a.name }))
      .sort((a, b) => byText(a.key, b.key))
    sortedCatalogs.set(catalog, list)
  }
  return list
}

/** The actions to probe, by lowercase name: named or matched ones, or the whole catalogue. */
function universe(catalog: ActionCatalog, c: Collected): UniverseEntry[] {
  const named: UniverseEntry[] = []
  for (const [key, entry] of c.byAction) {
    if (c.needsAll && entry.catalog !== undefined) continue
    // several spellings of an unknown action: the first in code-unit order, for determinism
    const name = entry.catalog?.name ?? [...entry.spellings].sort(byText)[0] ?? key
    named.push({ key, catalog: entry.catalog, name })
  }
  const all = c.needsAll ? [...sortedCatalog(catalog), ...named] : named
  return all.sort((a, b) => byText(a.key, b.key))
}

export function expandActions(
  catalog: ActionCatalog,
  statements: readonly SourceStatement[]
): ActionExpansion {
  const c = collect(catalog, statements)
  const relevance = new Relevance(c, statements)
  const actions: ProbeAction[] = []
  const unknownActions: UnknownAction[] = []
  for (const { key, catalog: known, name } of universe(catalog, c)) {
    if (known === undefined) {
      unknownActions.push({ action: name, suggestion: suggestAction(catalog, name) })
    }
    actions.push({ name, catalog: known, statements: relevance.of(key, known !== undefined) })
  }
  return { actions, unknownActions }
}
