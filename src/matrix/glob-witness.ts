// Finds a text that every `pos` glob matches and no `neg` glob matches (IAM-SEMANTICS §3.1). Most
// questions are answered by a positive glob filled with sample text; the rest go to the exact
// automaton search (glob-automaton.ts), asked with only the negatives that got in the way. The
// search fills stars with as little as it can, so the sample text is then inserted wherever the
// answer stays valid, giving `bucket/example` rather than `bucket/`.
import { compileGlob, type GlobPart, type TextMatcher } from '../engine/wildcard.js'
import { ONE, STAR, automaton, search, tokens, type Tokens } from './glob-automaton.js'

export interface GlobWitnessOptions {
  readonly ignoreCase: boolean
  /** sample texts put where a star allows it, in order of preference */
  readonly fills: readonly string[]
}

function literal(parts: readonly GlobPart[]): string | undefined {
  let text = ''
  for (const part of parts) {
    if (part.kind !== 'text') return undefined
    text += part.text
  }
  return text
}

/**
 * Sufficient test for L(inner) ⊆ L(outer): `outer` matches `inner` read as a word in which a
 * star of `inner` can only be absorbed by a star of `outer`, and a `?` by a `?` or a star.
 */
function includes(outer: Tokens, inner: Tokens): boolean {
  // reach[j]: outer[0, i) can match inner[0, j)
  let reach = new Array<boolean>(inner.length + 1).fill(false)
  reach[0] = true
  for (const o of outer) {
    const next = new Array<boolean>(inner.length + 1).fill(false)
    for (let j = 0; j <= inner.length; j++) {
      if (o === STAR) next[j] = reach[j] === true || (j > 0 && next[j - 1] === true)
      else if (j > 0 && reach[j - 1] === true) {
        const c = inner[j - 1] as number
        next[j] = o === ONE ? c !== STAR : o === c
      }
    }
    reach = next
  }
  return reach[inner.length] === true
}

/** The glob with every star replaced by `fill` and every `?` by `x`. */
function instantiate(glob: readonly GlobPart[], fill: string): string {
  return glob.map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? fill : 'x')).join('')
}

/** Inserts the first fill that keeps the text valid at every place, left to right. */
function beautify(text: string, fills: readonly string[], valid: (t: string) => boolean): string {
  let out = text
  for (let k = 0; k <= out.length;) {
    const fill = fills.find((f) => f !== '' && valid(out.slice(0, k) + f + out.slice(k)))
    if (fill === undefined) k++
    else {
      out = out.slice(0, k) + fill + out.slice(k)
      k += fill.length + 1
    }
  }
  return out
}

/**
 * A text inside every `pos` glob and outside every `neg` glob, or undefined when there is none.
 * With no `pos` globs any text qualifies (the search starts from "anything").
 */
export function findGlobWitness(
  pos: readonly (readonly GlobPart[])[],
  neg: readonly (readonly GlobPart[])[],
  options: GlobWitnessOptions
): string | undefined {
  // every glob starts with `|`, so that an empty glob still counts (`[]` ≠ `['']`)
  const globs = (list: typeof pos): string => list.map((g) => `|${globKey(g)}`).join('')
  const key = `${options.ignoreCase ? 'i' : 's'}${JSON.stringify(options.fills)}${globs(pos)}\n${globs(neg)}`
  if (answers.has(key)) return answers.get(key)
  const answer = solve(pos, neg, options)
  if (answers.size >= MAX_ANSWERS) answers.clear()
  answers.set(key, answer)
  return answer
}

const globKeys = new WeakMap<readonly GlobPart[], string>()

/** A glob as text in which literal `*`, `?`, `|` and `\` are escaped (memoised per parts array). */
function globKey(parts: readonly GlobPart[]): string {
  let key = globKeys.get(parts)
  if (key === undefined) {
    key = parts
      .map((p) =>
        p.kind === 'star' ? '*' : p.kind === 'one' ? '?' : p.text.replace(/[\\*?|]/g, '\\$&')
      )
      .join('')
    globKeys.set(parts, key)
  }
  return key
}

/** Answers shared by every build (bounded; results do not depend on what is cached). */
const answers = new Map<string, string | undefined>()
const MAX_ANSWERS = 50000

function solve(
  pos: readonly (readonly GlobPart[])[],
  neg: readonly (readonly GlobPart[])[],
  options: GlobWitnessOptions
): string | undefined {
  const { ignoreCase } = options
  const posMatch = pos.map((g) => compileGlob(g, { ignoreCase }))
  const negMatch = neg.map((g) => compileGlob(g, { ignoreCase }))
  const valid = (t: string): boolean => posMatch.every((m) => m(t)) && !negMatch.some((m) => m(t))
  // fast path: a literal glob has only one candidate
  for (const glob of pos) {
    const text = literal(glob)
    if (text !== undefined) return valid(text) ? text : undefined
  }
  // most questions are answered by a positive glob filled with the sample text
  for (let i = pos.length - 1; i >= 0; i--) {
    for (const fill of options.fills) {
      const text = instantiate(pos[i] ?? [], fill)
      if (valid(text)) return text
    }
  }
  // a positive glob inside a negative one: nothing can be inside the first and outside the second
  const posTokens = pos.map((g) => tokens(g, ignoreCase))
  const negTokens = neg.map((g) => tokens(g, ignoreCase))
  if (negTokens.some((n) => posTokens.some((p) => includes(n, p)))) return undefined
  return searchWithNegatives(pos, neg, options, { posMatch, negMatch })
}

/**
 * The automaton search, with only the negatives that got in the way so far: each round adds the
 * ones the last answer fell into, so the product stays small (every round adds at least one).
 */
function searchWithNegatives(
  pos: readonly (readonly GlobPart[])[],
  neg: readonly (readonly GlobPart[])[],
  options: GlobWitnessOptions,
  m: { posMatch: readonly TextMatcher[]; negMatch: readonly TextMatcher[] }
): string | undefined {
  const { ignoreCase } = options
  const positives = (pos.length > 0 ? pos : [[{ kind: 'star' } as const]]).map((g) =>
    automaton(tokens(g, ignoreCase))
  )
  const active: number[] = []
  for (;;) {
    const negatives = active.map((i) => automaton(tokens(neg[i] ?? [], ignoreCase)))
    const found = search([...positives, ...negatives], positives.length)
    if (found === undefined) return undefined
    const activeValid = (t: string): boolean =>
      m.posMatch.every((match) => match(t)) && !active.some((i) => m.negMatch[i]?.(t))
    const text = beautify(found, options.fills, activeValid)
    const hit = m.negMatch.flatMap((match, i) => (match(text) ? [i] : []))
    if (hit.length === 0) return text
    active.push(...hit)
  }
}
