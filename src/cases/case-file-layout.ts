// The fast path's view of a case file (run-case-file.ts): JSON.parse gives the values, and one
// pass over the text gives what JSON.parse hides, namely how many keys the text holds (fewer
// own properties than keys means a duplicate key) and where each case and its `policies` start
// (the only parts that need a located tree when the case is well-formed).
import { DEFAULT_MAX_DEPTH } from '../policy/located-json.js'

export interface CaseFileLayout {
  /** the parsed file: an array whose items are all objects */
  readonly cases: readonly Readonly<Record<string, unknown>>[]
  /** per case: the offset of its opening brace */
  readonly caseStarts: readonly number[]
  /** per case: the offset of its `policies` value, when it has one */
  readonly policiesStarts: readonly (number | undefined)[]
}

/**
 * The layout of a well-formed case file without duplicate keys or deep nesting, in which every
 * case is an object; undefined otherwise (the located parser then reads the whole file, and
 * reports what is wrong with it).
 */
export function caseFileLayout(text: string): CaseFileLayout | undefined {
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch {
    return undefined
  }
  if (!Array.isArray(value) || !value.every(isPlainObject)) return undefined
  const properties = countProperties(value, 1)
  if (properties === undefined) return undefined
  const scan = scanKeys(text)
  if (scan.keys !== properties || scan.caseStarts.length !== value.length) return undefined
  return { cases: value, caseStarts: scan.caseStarts, policiesStarts: scan.policiesStarts }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Own properties of every object in the value; undefined past the located parser's depth. */
function countProperties(value: unknown, depth: number): number | undefined {
  if (typeof value !== 'object' || value === null) return 0
  if (depth > DEFAULT_MAX_DEPTH) return undefined
  let count = 0
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value)
  if (!Array.isArray(value)) count += items.length
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue
    const inner = countProperties(item, depth + 1)
    if (inner === undefined) return undefined
    count += inner
  }
  return count
}

interface KeyScan {
  keys: number
  caseStarts: number[]
  policiesStarts: (number | undefined)[]
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/** One pass over well-formed JSON: object keys, and the cases' and policies' offsets. */
function scanKeys(text: string): KeyScan {
  const scan: KeyScan = { keys: 0, caseStarts: [], policiesStarts: [] }
  let depth = 0
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      const close = closingQuote(text, i)
      let after = close + 1
      while (isSpace(text.charCodeAt(after))) after++
      if (text.charCodeAt(after) === 0x3a) {
        scan.keys++
        if (depth === 2 && close - i === 9 && text.startsWith('policies', i + 1)) {
          let valueStart = after + 1
          while (isSpace(text.charCodeAt(valueStart))) valueStart++
          scan.policiesStarts[scan.caseStarts.length - 1] = valueStart
        }
      }
      i = after
      continue
    }
    if (c === 0x7b || c === 0x5b) {
      if (depth === 1) {
        scan.caseStarts.push(i)
        scan.policiesStarts.push(undefined)
      }
      depth++
    } else if (c === 0x7d || c === 0x5d) depth--
    i++
  }
  return scan
}

/** The offset of the quote that closes the string opening at `open` (the text is valid JSON). */
function closingQuote(text: string, open: number): number {
  let from = open + 1
  for (;;) {
    const quote = text.indexOf('"', from)
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) return quote
    from = quote + 1
  }
}
