// The fast path's view of a case file (run-case-file.ts): JSON.parse gives the values, and one
// pass over the text gives what JSON.parse hides: how many keys the text holds outside the
// cases' `policies` (the fast reader counts the properties it reads there: fewer properties than
// keys means a duplicate key), where each case and its `policies` start (the only parts that
// need a located tree when the case is well-formed), and the line each `policies` starts on (so
// positions inside it need no index of the whole file's lines).
import { DEFAULT_MAX_DEPTH } from '../policy/located-json.js'
import type { LineOrigin } from '../policy/line-index.js'

export interface CaseFileLayout {
  /** the parsed file: an array whose items are all objects */
  readonly cases: readonly Readonly<Record<string, unknown>>[]
  /** per case: the offset of its opening brace */
  readonly caseStarts: readonly number[]
  /** per case: where its `policies` value starts, when the text spells that key plainly */
  readonly policiesStarts: readonly (PoliciesStart | undefined)[]
  /** per case: the object keys its text holds outside its `policies` value */
  readonly caseKeys: readonly number[]
}

/** where a case's `policies` value starts, and its line (the origin of that case's line index) */
export type PoliciesStart = LineOrigin

/**
 * The layout of a well-formed case file, not nested deeper than the located parser allows, in
 * which every case is an object; undefined otherwise (the located parser then reads the whole
 * file, and reports what is wrong with it).
 */
export function caseFileLayout(text: string): CaseFileLayout | undefined {
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch {
    return undefined
  }
  if (!Array.isArray(value) || !value.every(isPlainObject)) return undefined
  const scan = scanText(text)
  if (scan.deepest >= DEFAULT_MAX_DEPTH || scan.caseStarts.length !== value.length) return undefined
  const noCarriageReturn = !scan.carriageReturns
  return {
    cases: value,
    caseStarts: scan.caseStarts,
    policiesStarts: scan.policiesStarts.map((start) =>
      start === undefined ? undefined : { ...start, noCarriageReturn }
    ),
    caseKeys: scan.caseKeys
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface TextScan {
  caseKeys: number[]
  carriageReturns: boolean
  deepest: number
  caseStarts: number[]
  policiesStarts: (PoliciesStart | undefined)[]
}

/** Where `advance` is in the text; it moves on only to the next event the layout needs. */
interface Cursor {
  i: number
  depth: number
  deepest: number
  line: number
  lineStart: number
  /** keys outside policies so far */
  keys: number
  /** the depth inside which keys belong to a case's `policies` (0: not inside one) */
  policiesDepth: number
  carriageReturns: boolean
  /** the last string: for a colon, its key */
  stringStart: number
  stringEnd: number
}

/**
 * One pass over well-formed JSON. The per-character work is in `advance`, which returns only
 * at the rare events handled here (a case opens, a case's key ends), so the optimizing compiler
 * sees one small, uniformly hot loop.
 */
function scanText(text: string): TextScan {
  const scan: TextScan = {
    caseKeys: [],
    carriageReturns: false,
    deepest: 0,
    caseStarts: [],
    policiesStarts: []
  }
  const at: Cursor = {
    i: 0,
    depth: 0,
    deepest: 0,
    line: 1,
    lineStart: 0,
    keys: 0,
    policiesDepth: 0,
    carriageReturns: false,
    stringStart: -1,
    stringEnd: -1
  }
  // keysBefore[c]: the keys counted when case c opened
  const keysBefore: number[] = []
  while (advance(text, at)) {
    const i = at.i
    if (text.charCodeAt(i) === 0x3a) {
      if (at.stringEnd - at.stringStart === 9 && text.startsWith('policies', at.stringStart + 1)) {
        const start = valueStart(text, i + 1)
        // the breaks between the colon and the value are counted by `advance` only later
        const origin = lineOf(text, i + 1, start, at.line, at.lineStart)
        scan.policiesStarts[scan.caseStarts.length - 1] = { offset: start, ...origin }
        at.policiesDepth = 3
      }
    } else {
      keysBefore.push(at.keys)
      scan.caseStarts.push(i)
      scan.policiesStarts.push(undefined)
    }
    at.i = i + 1
  }
  keysBefore.push(at.keys)
  for (let c = 0; c + 1 < keysBefore.length; c++) {
    scan.caseKeys.push((keysBefore[c + 1] ?? 0) - (keysBefore[c] ?? 0))
  }
  scan.deepest = at.deepest
  scan.carriageReturns = at.carriageReturns
  return scan
}

/**
 * Moves the cursor to the next case opening (`{` or `[` at depth 1, depth then counted) or key
 * colon at depth 2; false at the end of the text. Outside strings, every `:` ends a key and
 * every line break is a real one (JSON strings hold no raw control characters); strings are
 * skipped with the engine's own search.
 */
function advance(text: string, at: Cursor): boolean {
  let { i, depth, deepest, line, lineStart, keys, policiesDepth, carriageReturns } = at
  let { stringStart, stringEnd } = at
  const length = text.length
  let event = false
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      stringStart = i
      i = closingQuote(text, i)
      stringEnd = i
    } else if (c <= 0x20) {
      if (c === 0x0a) {
        line++
        lineStart = i + 1
      } else if (c === 0x0d) {
        carriageReturns = true
        if (text.charCodeAt(i + 1) !== 0x0a) {
          line++
          lineStart = i + 1
        }
      }
    } else if (c === 0x3a) {
      if (policiesDepth === 0) keys++
      if (depth === 2) {
        event = true
        break
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) deepest = depth
      if (depth === 2) {
        event = true
        break
      }
    } else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth < policiesDepth) policiesDepth = 0
    } else if (c === 0x2c && depth === 2) {
      // a scalar `policies` value ends at the comma after it
      policiesDepth = 0
    }
    i++
  }
  Object.assign(at, { i, depth, deepest, line, lineStart, keys, policiesDepth, carriageReturns })
  at.stringStart = stringStart
  at.stringEnd = stringEnd
  return event
}

function valueStart(text: string, from: number): number {
  let at = from
  for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;) {
    c = text.charCodeAt(++at)
  }
  return at
}

/** The line and line start at `to`, counting the breaks between `from` and `to`. */
function lineOf(
  text: string,
  from: number,
  to: number,
  line: number,
  lineStart: number
): { line: number; lineStart: number } {
  let atLine = line
  let atStart = lineStart
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      atLine++
      atStart = i + 1
    }
  }
  return { line: atLine, lineStart: atStart }
}

/** The offset of the quote that closes the string opening at `open` (the text is valid JSON). */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1)
  while (text.charCodeAt(quote - 1) === 0x5c) {
    let backslashes = 1
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) break
    quote = text.indexOf('"', quote + 1)
  }
  return quote
}
