// The structural change of a policy, shown beside its effect: an RFC 6902 patch (fast-json-patch)
// between the two NORMALISED documents. fast-json-patch compares arrays by position, so the
// documents are first put in a canonical form (string-or-array → sorted set, statements sorted
// by content) and then aligned (equal statements first, matching statements paired, set
// members both sides share first): reordering alone gives an empty patch, and an added action
// is one `add`, not a cascade of `replace`s. Never a decision signal: the engine is.
// the CommonJS entry by path: its named exports load the same way in Node, jest and the bundle
import type { Operation } from 'fast-json-patch/commonjs/core.js'
import { compare } from 'fast-json-patch/commonjs/duplex.js'
import type { ConditionClause, PrincipalList, Policy, Statement } from '../policy/model.js'
import type { PatchOperation } from './report.js'

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json }
type JsonObject = { readonly [key: string]: Json }

export interface PatchOptions {
  /** canonical spelling of an action (e.g. the catalogue's case); default: as written */
  readonly canonicalAction?: (action: string) => string
}

export interface NormalisedDocument {
  readonly [key: string]: Json
  readonly Statement: readonly JsonObject[]
}

/** The document in canonical form: only evaluation-relevant structure, every list a sorted set. */
export function normaliseDocument(policy: Policy, options: PatchOptions = {}): NormalisedDocument {
  const canonicalAction = options.canonicalAction ?? ((action: string) => action)
  const statements = policy.statements.map((s) => normaliseStatement(s, canonicalAction))
  const keyed = statements.map((s) => ({ s, key: JSON.stringify(s) }))
  keyed.sort((a, b) => compareText(a.key, b.key))
  return {
    ...(policy.version === undefined ? {} : { Version: policy.version }),
    ...(policy.id === undefined ? {} : { Id: policy.id }),
    Statement: keyed.map((entry) => entry.s)
  }
}

/** The patch from base to head; an absent side is the empty document. */
export function policyPatch(
  base: Policy | undefined,
  head: Policy | undefined,
  options: PatchOptions = {}
): PatchOperation[] {
  const before: JsonObject = base ? normaliseDocument(base, options) : {}
  const after: JsonObject = head ? normaliseDocument(head, options) : {}
  const [a, b] = base && head ? alignDocuments(before, after) : [before, after]
  return compare(a as object, b as object).map(toOperation)
}

function normaliseStatement(s: Statement, canonicalAction: (action: string) => string): JsonObject {
  const out: Record<string, Json> = {}
  if (s.sid !== undefined) out['Sid'] = s.sid
  out['Effect'] = s.effect
  out[s.action.negated ? 'NotAction' : 'Action'] = sortedSet(s.action.values.map(canonicalAction))
  if (s.resource)
    out[s.resource.negated ? 'NotResource' : 'Resource'] = sortedSet(s.resource.values)
  if (s.principal)
    out[s.principal.negated ? 'NotPrincipal' : 'Principal'] = normalisePrincipal(s.principal)
  if (s.conditions.length > 0) out['Condition'] = normaliseConditions(s.conditions)
  return out
}

function normalisePrincipal(principal: PrincipalList): JsonObject {
  const byType = new Map<string, string[]>()
  for (const entry of principal.entries) {
    byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry.value])
  }
  return sortedObject([...byType].map(([type, values]) => [type, sortedSet(values)]))
}

function normaliseConditions(clauses: readonly ConditionClause[]): JsonObject {
  const byOperator = new Map<string, [string, Json][]>()
  for (const clause of clauses) {
    const entries = byOperator.get(clause.operator) ?? []
    entries.push([clause.key, sortedSet(clause.values)])
    byOperator.set(clause.operator, entries)
  }
  return sortedObject([...byOperator].map(([operator, keys]) => [operator, sortedObject(keys)]))
}

/** Equal statements first (no ops), then pairs of similar statements, then the unmatched. */
function alignDocuments(before: JsonObject, after: JsonObject): [JsonObject, JsonObject] {
  const a = statementsOf(before)
  const b = statementsOf(after)
  const { common, pairs, onlyBefore, onlyAfter } = matchStatements(a, b)
  const alignedPairs = pairs.map(([x, y]) => alignValues(x, y))
  return [
    { ...before, Statement: [...common, ...alignedPairs.map((p) => p[0]), ...onlyBefore] },
    { ...after, Statement: [...common, ...alignedPairs.map((p) => p[1]), ...onlyAfter] }
  ]
}

interface StatementMatch {
  readonly common: JsonObject[]
  readonly pairs: [JsonObject, JsonObject][]
  readonly onlyBefore: JsonObject[]
  readonly onlyAfter: JsonObject[]
}

function matchStatements(a: readonly JsonObject[], b: readonly JsonObject[]): StatementMatch {
  const unmatched = new Map<string, number[]>()
  b.forEach((s, i) => {
    const key = JSON.stringify(s)
    unmatched.set(key, [...(unmatched.get(key) ?? []), i])
  })
  const common: JsonObject[] = []
  const restA: JsonObject[] = []
  const usedB = new Set<number>()
  for (const s of a) {
    const i = unmatched.get(JSON.stringify(s))?.shift()
    if (i === undefined) {
      restA.push(s)
    } else {
      common.push(s)
      usedB.add(i)
    }
  }
  const restB = b.filter((_, i) => !usedB.has(i))
  const pairs = pairStatements(restA, restB)
  const pairedA = new Set(pairs.map((p) => p[0]))
  const pairedB = new Set(pairs.map((p) => p[1]))
  return {
    common,
    pairs,
    onlyBefore: restA.filter((s) => !pairedA.has(s)),
    onlyAfter: restB.filter((s) => !pairedB.has(s))
  }
}

/** Same Sid pairs first; then, greedily, the statement sharing the most actions and resources. */
function pairStatements(
  a: readonly JsonObject[],
  b: readonly JsonObject[]
): [JsonObject, JsonObject][] {
  const pairs: [JsonObject, JsonObject][] = []
  const free = new Set(b)
  for (const s of a) {
    const sid = s['Sid']
    const match = sid === undefined ? undefined : [...free].find((t) => t['Sid'] === sid)
    if (match) {
      pairs.push([s, match])
      free.delete(match)
    }
  }
  const paired = new Set(pairs.map((p) => p[0]))
  for (const s of a.filter((x) => !paired.has(x))) {
    let best: JsonObject | undefined
    let bestScore = 0
    for (const t of free) {
      const score = similarity(s, t)
      if (score > bestScore) {
        best = t
        bestScore = score
      }
    }
    if (best) {
      pairs.push([s, best])
      free.delete(best)
    }
  }
  return pairs
}

function similarity(a: JsonObject, b: JsonObject): number {
  if (a['Effect'] !== b['Effect']) return 0
  const members = (s: JsonObject): Set<string> =>
    new Set(
      ['Action', 'NotAction', 'Resource', 'NotResource'].flatMap((key) => {
        const list = s[key]
        return Array.isArray(list) ? list.map((v) => `${key}\0${String(v)}`) : []
      })
    )
  const ma = members(a)
  let shared = 0
  for (const m of members(b)) if (ma.has(m)) shared++
  return shared
}

/** Lists of strings: shared members first in the same order; objects: key by key. */
function alignValues(a: Json, b: Json): [Json, Json] {
  if (isStringList(a) && isStringList(b)) {
    const inB = new Set(b)
    const inA = new Set(a)
    const shared = a.filter((v) => inB.has(v))
    return [
      [...shared, ...a.filter((v) => !inB.has(v))],
      [...shared, ...b.filter((v) => !inA.has(v))]
    ]
  }
  if (isObject(a) && isObject(b)) {
    // built with fromEntries: a condition key such as `__proto__` stays an ordinary key
    const x = Object.fromEntries(
      Object.entries(a).map(([k, v]) => [
        k,
        Object.hasOwn(b, k) ? alignValues(v, b[k] as Json)[0] : v
      ])
    )
    const y = Object.fromEntries(
      Object.entries(b).map(([k, v]) => [
        k,
        Object.hasOwn(a, k) ? alignValues(a[k] as Json, v)[1] : v
      ])
    )
    return [x, y]
  }
  return [a, b]
}

function statementsOf(doc: JsonObject): readonly JsonObject[] {
  const list = doc['Statement']
  return Array.isArray(list) ? (list as JsonObject[]) : []
}

function toOperation(op: Operation): PatchOperation {
  const out: { op: string; path: string; value?: unknown; from?: string } = {
    op: op.op,
    path: op.path
  }
  if ('value' in op) out.value = op.value
  if ('from' in op) out.from = op.from
  return out
}

function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText)
}

function sortedObject(entries: readonly (readonly [string, Json])[]): JsonObject {
  return Object.fromEntries([...entries].sort((x, y) => compareText(x[0], y[0])))
}

function isStringList(value: Json): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
