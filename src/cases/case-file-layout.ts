// The fast path's view of a case file (run-case-file.ts). One pass over the text finds each
// case's extent, so each case is given to JSON.parse on its own when it is read (the values of
// the cases already decided can then be collected), plus what JSON.parse hides: how many keys each case's text holds outside its
// `policies` (the fast reader counts the properties it reads there: fewer properties than keys
// means a duplicate key), where each case and its `policies` start (the only parts that need a
// located tree when the case is well-formed), and the line each `policies` starts on (so
// positions inside it need no index of the whole file's lines).
//
// The pass checks the text between cases itself (`[`, `,`, `]` and JSON whitespace); each case's
// text is checked by JSON.parse. Valid pieces in a valid frame make a valid JSON array, so the
// fast path accepts exactly the files JSON.parse accepts, as far as cases that are objects go.
import { DEFAULT_MAX_DEPTH } from '../policy/located-json.js'
import type { LineOrigin } from '../policy/line-index.js'

export interface CaseFileLayout {
  /** per case: the offset of its opening brace */
  readonly caseStarts: readonly number[]
  /** per case: the offset just after its closing brace */
  readonly caseEnds: readonly number[]
  /** per case: where its `policies` value starts, when the text spells that key plainly */
  readonly policiesStarts: readonly (PoliciesStart | undefined)[]
  /** per case: the object keys its text holds outside its `policies` value */
  readonly caseKeys: readonly number[]
}

/** where a case's `policies` value starts, and its line (the origin of that case's line index) */
export type PoliciesStart = LineOrigin

/**
 * The layout of a case file that is a JSON array of objects (as far as the text between cases
 * shows), not nested deeper than the located parser allows; undefined otherwise (the located
 * parser then reads the whole file, and reports what is wrong with it).
 */
export function caseFileLayout(text: string): CaseFileLayout | undefined {
  const scan = scanText(text)
  if (scan === undefined || scan.deepest >= DEFAULT_MAX_DEPTH) return undefined
  const noCarriageReturn = !scan.carriageReturns
  return {
    caseStarts: scan.caseStarts,
    caseEnds: scan.caseEnds,
    policiesStarts: scan.policiesStarts.map((start) =>
      start === undefined ? undefined : { ...start, noCarriageReturn }
    ),
    caseKeys: scan.caseKeys
  }
}

/** The case's value: undefined when its text is not valid JSON (the file is then invalid). */
export function parseCase(
  text: string,
  layout: CaseFileLayout,
  index: number
): Readonly<Record<string, unknown>> | undefined {
  try {
    // the text starts with `{`: a valid case is an object
    return JSON.parse(text.slice(layout.caseStarts[index], layout.caseEnds[index])) as Readonly<
      Record<string, unknown>
    >
  } catch {
    return undefined
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
  caseEnds: number[]
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

// what `advance` stopped at
const END = 0
/** a character outside every case (at depth 0 or 1), not consumed */
const FRAME = 1
/** the colon after one of a case's own keys, consumed */
const CASE_KEY = 2
/** the bracket that closes a case, consumed */
const CASE_END = 3

// where the frame around the cases is
const BEFORE_ARRAY = 0
const BEFORE_CASE = 1
const AFTER_CASE = 2
const AFTER_ARRAY = 3

/**
 * One pass over the text. The per-character work is in `advance`, which returns only at the
 * rare events handled here, so the optimizing compiler sees one small, uniformly hot loop.
 * Undefined when the frame around the cases is not `[` case `,` … `]`, or a case is not an
 * object.
 */
function scanText(text: string): TextScan | undefined {
  const scan: TextScan = {
    caseKeys: [],
    carriageReturns: false,
    deepest: 0,
    caseStarts: [],
    caseEnds: [],
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
  let frame = BEFORE_ARRAY
  // a case may come next: after `[` or `,` (after `,` one must)
  let caseDue = false
  for (let event = advance(text, at); event !== END; event = advance(text, at)) {
    const i = at.i
    const c = text.charCodeAt(i)
    if (event === CASE_KEY) {
      if (at.stringEnd - at.stringStart === 9 && text.startsWith('policies', at.stringStart + 1)) {
        const start = valueStart(text, i + 1)
        // `advance` counts the breaks between the colon and the value only later
        const origin = lineOf(text, i + 1, start, at.line, at.lineStart)
        scan.policiesStarts[scan.caseStarts.length - 1] = { offset: start, ...origin }
        at.policiesDepth = 3
      }
    } else if (event === CASE_END) {
      scan.caseEnds.push(i + 1)
      scan.caseKeys.push(at.keys)
      at.keys = 0
      at.policiesDepth = 0
      frame = AFTER_CASE
    } else if (frame === BEFORE_ARRAY && c === 0x5b) {
      frame = BEFORE_CASE
      caseDue = false
      at.depth = 1
    } else if (frame === BEFORE_CASE && c === 0x7b) {
      scan.caseStarts.push(i)
      scan.policiesStarts.push(undefined)
      at.depth = 2
      if (at.deepest < 2) at.deepest = 2
    } else if (frame === AFTER_CASE && c === 0x2c) {
      frame = BEFORE_CASE
      caseDue = true
    } else if ((frame === AFTER_CASE || (frame === BEFORE_CASE && !caseDue)) && c === 0x5d) {
      frame = AFTER_ARRAY
      at.depth = 0
    } else return undefined
    at.i = i + 1
  }
  scan.deepest = at.deepest
  scan.carriageReturns = at.carriageReturns
  return frame === AFTER_ARRAY ? scan : undefined
}

/**
 * Moves the cursor to the next event (see the constants above); END at the end of the text.
 * Inside a case, every `:` outside strings ends a key, and every line break is a real one (a
 * JSON string holds no raw control character; a case whose string does fails JSON.parse later);
 * strings are skipped with the engine's own search.
 */
function advance(text: string, at: Cursor): number {
  let { i, depth, deepest, line, lineStart, keys, policiesDepth, carriageReturns } = at
  let { stringStart, stringEnd } = at
  const length = text.length
  let event = END
  while (i < length) {
    const c = text.charCodeAt(i)
    if (c <= 0x20) {
      if (c === 0x0a) {
        line++
        lineStart = i + 1
      } else if (c === 0x0d) {
        carriageReturns = true
        if (text.charCodeAt(i + 1) !== 0x0a) {
          line++
          lineStart = i + 1
        }
      } else if (depth < 2 && c !== 0x20 && c !== 0x09) {
        event = FRAME
        break
      }
    } else if (depth < 2) {
      event = FRAME
      break
    } else if (c === 0x22) {
      stringStart = i
      i = closingQuote(text, i)
      stringEnd = i
    } else if (c === 0x3a) {
      if (policiesDepth === 0) keys++
      if (depth === 2) {
        event = CASE_KEY
        break
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      if (depth > deepest) deepest = depth
    } else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth < policiesDepth) policiesDepth = 0
      if (depth === 1) {
        event = CASE_END
        break
      }
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

/** The quote that closes the string opening at `open`; the text's length when none does. */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1)
  while (quote > 0 && text.charCodeAt(quote - 1) === 0x5c) {
    let backslashes = 1
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) break
    quote = text.indexOf('"', quote + 1)
  }
  return quote < 0 ? text.length : quote
}
