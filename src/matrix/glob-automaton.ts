// The search behind findGlobWitness: each glob (IAM-SEMANTICS §3.1: `*` any run, `?` one
// character, anchored) as a lazily built deterministic automaton, and a depth-first search over
// their product for a text that the positive globs accept and the negative ones reject. The
// alphabet is the characters the globs mention plus one fresh character (every other character
// behaves like it), so the search is exact; a step budget bounds its cost.
import type { GlobPart } from '../engine/wildcard.js'

export const STAR = -1
export const ONE = -2
/**
 * Transitions explored before giving up. A satisfiable question is answered in about one step
 * per character; beyond this the region is taken as empty (in practice it is: a pattern inside
 * another one, where the exhaustive proof would cost thousands of steps).
 */
const MAX_STEPS = 4000

export type Tokens = readonly number[]

export function tokens(parts: readonly GlobPart[], ignoreCase: boolean): number[] {
  const out: number[] = []
  for (const part of parts) {
    if (part.kind === 'star') {
      if (out.at(-1) !== STAR) out.push(STAR)
    } else if (part.kind === 'one') out.push(ONE)
    else {
      const text = ignoreCase ? part.text.toLowerCase() : part.text
      for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i))
    }
  }
  return out
}

/** Stands for every character a glob does not mention. */
const OTHER = 0x10000

/**
 * One glob as a lazily built deterministic automaton: a state is the set of pattern positions
 * reached, interned as a number; transitions are memoised, so repeated searches are cheap.
 */
export class Automaton {
  readonly literals: ReadonlySet<number>
  readonly accepting: boolean[] = []
  /** only stars remain from some position: every continuation matches */
  readonly universal: boolean[] = []
  readonly empty: boolean[] = []
  private readonly positions: number[][] = []
  private readonly ids = new Map<string, number>()
  private readonly transitions = new Map<number, number>()
  readonly start: number

  constructor(
    private readonly t: Tokens,
    /** identifies the glob among all automata (its token list) */
    readonly key: string
  ) {
    this.literals = new Set(t.filter((c) => c >= 0))
    this.start = this.intern(this.closure([0]))
  }

  step(state: number, c: number): number {
    const cls = this.literals.has(c) ? c : OTHER
    const key = state * (OTHER + 1) + cls
    let next = this.transitions.get(key)
    if (next === undefined) {
      const reached: number[] = []
      for (const p of this.positions[state] ?? []) {
        const token = this.t[p]
        if (token === STAR) reached.push(p)
        else if (token === ONE || token === cls) reached.push(p + 1)
      }
      next = this.intern(this.closure(reached))
      this.transitions.set(key, next)
    }
    return next
  }

  /** Literal characters that advance the automaton from this state. */
  expected(state: number): number[] {
    const out: number[] = []
    for (const p of this.positions[state] ?? []) {
      const token = this.t[p]
      if (token !== undefined && token >= 0) out.push(token)
    }
    return out
  }

  /** Adds the positions reachable by letting stars match nothing. */
  private closure(from: readonly number[]): number[] {
    const set = new Set<number>()
    for (let p of from) {
      set.add(p)
      while (this.t[p] === STAR) set.add(++p)
    }
    return [...set].sort((a, b) => a - b)
  }

  private intern(positions: number[]): number {
    const key = positions.join(',')
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.positions.length
      this.ids.set(key, id)
      this.positions.push(positions)
      const n = this.t.length
      this.accepting.push(positions.includes(n))
      this.empty.push(positions.length === 0)
      this.universal.push(positions.some((p) => p < n && this.t.slice(p).every((c) => c === STAR)))
    }
    return id
  }
}

/** Automata are shared by every search (bounded; rebuilt after a clear, results unchanged). */
const automata = new Map<string, Automaton>()
const MAX_AUTOMATA = 20000

export function automaton(t: Tokens): Automaton {
  const key = t.join(',')
  let a = automata.get(key)
  if (a === undefined) {
    if (automata.size >= MAX_AUTOMATA) automata.clear()
    a = new Automaton(t, key)
    automata.set(key, a)
  }
  return a
}

/** Characters the globs distinguish, the fresh one first so `?` becomes a neutral letter. */
function alphabet(all: readonly Automaton[]): number[] {
  const used = new Set<number>()
  for (const a of all) for (const c of a.literals) used.add(c)
  const fresh =
    [...'xzqkjv0123456789'].map((c) => c.charCodeAt(0)).find((c) => !used.has(c)) ?? 0xe000
  return [fresh, ...[...used].sort((a, b) => a - b)]
}

interface Node {
  readonly states: readonly number[]
  readonly parent: Node | undefined
  readonly char: number
}

function spell(node: Node): string {
  const chars: number[] = []
  for (let n: Node | undefined = node; n?.parent !== undefined; n = n.parent) chars.push(n.char)
  return String.fromCharCode(...chars.reverse())
}

/**
 * Depth-first search for an accepted text, trying first the characters the positive globs
 * expect next (so a satisfiable question is answered in about one step per character) and
 * remembering visited states (so an unsatisfiable one ends once the product is exhausted).
 */
export function search(all: readonly Automaton[], posCount: number): string | undefined {
  const key = `${posCount}|${all.map((a) => a.key).join('|')}`
  if (searches.has(key)) return searches.get(key)
  const found = depthFirst(all, posCount)
  if (searches.size >= MAX_SEARCHES) searches.clear()
  searches.set(key, found)
  return found
}

/** Searches shared by every question (the reduced questions of different ones often agree). */
const searches = new Map<string, string | undefined>()
const MAX_SEARCHES = 50000

function depthFirst(all: readonly Automaton[], posCount: number): string | undefined {
  const isPos = (i: number): boolean => i < posCount
  const accepts = (states: readonly number[]): boolean =>
    states.every((s, i) => (all[i]?.accepting[s] ?? false) === isPos(i))
  // no continuation can rescue: a positive automaton died or a negative one matches everything
  const dead = (states: readonly number[]): boolean =>
    states.some((s, i) => (isPos(i) ? all[i]?.empty[s] : all[i]?.universal[s]) === true)
  const start: Node = { states: all.map((a) => a.start), parent: undefined, char: 0 }
  if (dead(start.states)) return undefined
  if (accepts(start.states)) return ''
  const sigma = alphabet(all)
  const seen = new Set<string>([start.states.join(',')])
  // frames are expanded one character at a time, so a greedy path costs one step per character
  const stack: { node: Node; chars: number[]; next: number }[] = []
  const push = (node: Node): void => {
    stack.push({ node, chars: preferred(all, posCount, node.states, sigma), next: 0 })
  }
  push(start)
  for (let budget = MAX_STEPS; budget > 0 && stack.length > 0; budget--) {
    const frame = stack[stack.length - 1] as (typeof stack)[number]
    const c = frame.chars[frame.next++]
    if (c === undefined) {
      stack.pop()
      continue
    }
    const states = frame.node.states.map((s, i) => (all[i] as Automaton).step(s, c))
    const key = states.join(',')
    if (dead(states) || seen.has(key)) continue
    seen.add(key)
    const child: Node = { states, parent: frame.node, char: c }
    if (accepts(states)) return spell(child)
    push(child)
  }
  return undefined
}

/** The alphabet with the positive globs' next literal characters first. */
function preferred(
  all: readonly Automaton[],
  posCount: number,
  states: readonly number[],
  sigma: readonly number[]
): number[] {
  const first: number[] = []
  for (let i = 0; i < posCount; i++) first.push(...(all[i]?.expected(states[i] ?? 0) ?? []))
  return [...new Set([...first, ...sigma])]
}
