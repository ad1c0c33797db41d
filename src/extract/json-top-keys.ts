// The keys of a JSON text's top-level object, without building its values: the cheap content
// marker the extractors' `claims` use. One linear pass, no recursion, no allocation per value.

/**
 * The top-level keys when `text` (after a byte-order mark and whitespace) is a JSON object whose
 * brackets balance; undefined otherwise. Values are skipped, not validated.
 */
export function jsonTopLevelKeys(text: string): string[] | undefined {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0)
  if (text.charCodeAt(i) !== 0x7b) return undefined
  const keys: string[] = []
  let depth = 0
  let expectKey = false
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      const end = stringEnd(text, i)
      if (end < 0) return undefined
      if (depth === 1 && expectKey) keys.push(decodeKey(text.slice(i, end + 1)))
      expectKey = false
      i = end
    } else if (c === 0x7b || c === 0x5b) {
      depth++
      expectKey = c === 0x7b && depth === 1
    } else if (c === 0x7d || c === 0x5d) {
      depth--
      if (depth === 0) return keys
      if (depth < 0) return undefined
    } else if (c === 0x2c && depth === 1) expectKey = true
  }
  return undefined
}

/** Index of the closing quote of the string opening at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c) i++
    else if (c === 0x22) return i
  }
  return -1
}

function decodeKey(literal: string): string {
  if (!literal.includes('\\')) return literal.slice(1, -1)
  try {
    return String(JSON.parse(literal))
  } catch {
    return literal.slice(1, -1)
  }
}

function skipSpace(text: string, from: number): number {
  let i = from
  while (i < text.length && /\s/.test(text.charAt(i))) i++
  return i
}
