// The one `*`/`?` glob matcher (IAM-SEMANTICS §3.1, §3.2, §4.2) used for actions, resources,
// StringLike and Arn* values. `*` matches any run of characters (also none), `?` exactly one
// UTF-16 code unit, and the match is anchored at both ends. No RegExp is built from user text:
// the pattern is cut at its stars into fixed-length segments, the first is anchored at the
// start, the last at the end, and each middle one takes its leftmost occurrence. Leftmost is
// always safe because a later segment can only gain room, so matching is O(text × pattern).

export type GlobPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'star' }
  | { readonly kind: 'one' }

export type TextMatcher = (text: string) => boolean

/** Tests text[start, end) against a pattern; the range form lets ARN components match in place. */
export type RangeMatcher = (text: string, start: number, end: number) => boolean

const STAR: GlobPart = { kind: 'star' }
const ONE: GlobPart = { kind: 'one' }

/** Every `*` and `?` is a wildcard; the rest is literal text. */
export function parseGlob(pattern: string): GlobPart[] {
  const parts: GlobPart[] = []
  let from = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i)
    if (c !== 42 && c !== 63) continue
    if (i > from) parts.push({ kind: 'text', text: pattern.slice(from, i) })
    parts.push(c === 42 ? STAR : ONE)
    from = i + 1
  }
  if (from < pattern.length) parts.push({ kind: 'text', text: pattern.slice(from) })
  return parts
}

/**
 * Prepares a matcher once. With ignoreCase, pattern and text are compared in their
 * `toLowerCase()` forms (the pattern is lowercased here, the text once per call).
 */
export function compileGlob(
  parts: readonly GlobPart[],
  options: { ignoreCase: boolean }
): TextMatcher {
  const literal = literalText(parts)
  if (literal !== undefined) {
    if (!options.ignoreCase) return (text) => text === literal
    const lower = literal.toLowerCase()
    return (text) => text.toLowerCase() === lower
  }
  const range = compileGlobRange(lowerParts(parts, options.ignoreCase))
  if (!options.ignoreCase) return (text) => range(text, 0, text.length)
  return (text) => {
    const lower = text.toLowerCase()
    return range(lower, 0, lower.length)
  }
}

/** One-off match; prefer compileGlob when the pattern is used more than once. */
export function matchGlob(pattern: string, text: string, ignoreCase: boolean): boolean {
  return compileGlob(parseGlob(pattern), { ignoreCase })(text)
}

/** Case-sensitive matcher of a text range, with fast paths for `*`, `p*`, `*s`, `*m*`. */
export function compileGlobRange(parts: readonly GlobPart[]): RangeMatcher {
  const { segments, starts, ends } = toSegments(parts)
  const first = segments[0]
  if (segments.length === 1 && first !== undefined && !first.wild) {
    const lit = first.text
    if (!starts && !ends) return (t, s, e) => e - s === lit.length && t.startsWith(lit, s)
    if (!starts) return (t, s, e) => e - s >= lit.length && t.startsWith(lit, s)
    if (!ends) return (t, s, e) => e - s >= lit.length && t.startsWith(lit, e - lit.length)
    return (t, s, e) => {
      const at = t.indexOf(lit, s)
      return at >= 0 && at + lit.length <= e
    }
  }
  if (segments.length === 0) return starts ? () => true : (_t, s, e) => s === e
  return (text, start, end) => matchSegments(segments, starts, ends, text, start, end)
}

/** A fixed-length run of literal characters and `?` (wild[i] = true at `?` positions). */
interface Segment {
  readonly text: string
  readonly wild: readonly boolean[] | undefined
}

/**
 * The pattern as [starts with star] segment (star segment)* [ends with star]; consecutive stars
 * are one star. `segments` never holds an empty segment.
 */
function toSegments(parts: readonly GlobPart[]): {
  segments: Segment[]
  starts: boolean
  ends: boolean
} {
  const segments: Segment[] = []
  let text = ''
  let wild: boolean[] = []
  let hasWild = false
  const flush = (): void => {
    if (text.length > 0) segments.push({ text, wild: hasWild ? wild : undefined })
    text = ''
    wild = []
    hasWild = false
  }
  for (const part of parts) {
    if (part.kind === 'star') flush()
    else {
      const add = part.kind === 'text' ? part.text : '?'
      text += add
      for (let i = 0; i < add.length; i++) wild.push(part.kind === 'one')
      if (part.kind === 'one') hasWild = true
    }
  }
  flush()
  return { segments, starts: parts[0]?.kind === 'star', ends: parts.at(-1)?.kind === 'star' }
}

function matchSegments(
  segments: readonly Segment[],
  starts: boolean,
  ends: boolean,
  text: string,
  start: number,
  end: number
): boolean {
  let from = start
  let first = 0
  let last = segments.length - 1
  let limit = end
  if (!starts) {
    const head = segments[0]
    if (head === undefined || !segmentAt(head, text, from, end)) return false
    from += head.text.length
    first = 1
  }
  if (!ends) {
    const tail = segments[last]
    // no star at all: the head had to be the whole text
    if (last < first || tail === undefined) return from === end
    limit = end - tail.text.length
    if (limit < from || !segmentAt(tail, text, limit, end)) return false
    last--
  }
  for (let k = first; k <= last; k++) {
    const segment = segments[k]
    if (segment === undefined) return false
    const at = findSegment(segment, text, from, limit)
    if (at < 0) return false
    from = at + segment.text.length
  }
  return true
}

/** Does the segment occur at text[at..] within end? */
function segmentAt(segment: Segment, text: string, at: number, end: number): boolean {
  const length = segment.text.length
  if (at + length > end) return false
  const wild = segment.wild
  if (wild === undefined) return text.startsWith(segment.text, at)
  for (let i = 0; i < length; i++) {
    if (!wild[i] && text.charCodeAt(at + i) !== segment.text.charCodeAt(i)) return false
  }
  return true
}

/** Leftmost position ≥ from where the segment fits entirely before limit, or -1. */
function findSegment(segment: Segment, text: string, from: number, limit: number): number {
  const length = segment.text.length
  if (segment.wild === undefined) {
    const at = text.indexOf(segment.text, from)
    return at >= 0 && at + length <= limit ? at : -1
  }
  for (let at = from; at + length <= limit; at++) {
    if (segmentAt(segment, text, at, limit)) return at
  }
  return -1
}

/** The pattern as plain text when it has no wildcard, else undefined. */
function literalText(parts: readonly GlobPart[]): string | undefined {
  let text = ''
  for (const part of parts) {
    if (part.kind !== 'text') return undefined
    text += part.text
  }
  return text
}

function lowerParts(parts: readonly GlobPart[], ignoreCase: boolean): readonly GlobPart[] {
  if (!ignoreCase) return parts
  return parts.map((p) => (p.kind === 'text' ? { kind: 'text', text: p.text.toLowerCase() } : p))
}
