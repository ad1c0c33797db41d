// How a user value appears in a message (STYLE habit 12): in backticks, on one line, unambiguous
// and short. Messages are printed to terminals, logs and PR comments, so nothing in a value may
// break the line, end the backtick span or reorder the text around it.

/** Values longer than this many UTF-16 code units are cut and end in `…`. */
export const QUOTE_MAX_LENGTH = 80

const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x09: '\\t',
  0x0a: '\\n',
  0x0d: '\\r',
  0x5c: '\\\\',
  0x60: '\\`'
}

/**
 * A user value for a message: `` `value` ``. Backslashes, backticks and tab/CR/LF get a
 * backslash escape; other control characters (C0, DEL, C1), line and paragraph separators,
 * bidirectional formatting characters and lone surrogates are written as `\uXXXX`. Values over
 * 80 code units are cut (never inside a surrogate pair) and end in `…`.
 */
export function quote(value: string): string {
  let end = Math.min(value.length, QUOTE_MAX_LENGTH)
  if (end < value.length && isHighSurrogate(value.charCodeAt(end - 1))) end--
  let out = ''
  let from = 0
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i)
    const escaped = escapeAt(value, i, c)
    if (escaped === undefined) {
      // a valid surrogate pair is kept whole
      if (isHighSurrogate(c)) i++
      continue
    }
    out += value.slice(from, i) + escaped
    from = i + 1
  }
  out += value.slice(from, end)
  return `\`${out}${end < value.length ? '…' : ''}\``
}

/** The escape for the code unit at `i`, or undefined when it is shown as it is. */
function escapeAt(value: string, i: number, c: number): string | undefined {
  const named = NAMED_ESCAPES[c]
  if (named !== undefined) return named
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return unicodeEscape(c)
  if (c === 0x2028 || c === 0x2029 || isBidiControl(c)) return unicodeEscape(c)
  if (isHighSurrogate(c))
    return isLowSurrogate(value.charCodeAt(i + 1)) ? undefined : unicodeEscape(c)
  if (isLowSurrogate(c)) return unicodeEscape(c)
  return undefined
}

function unicodeEscape(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`
}

/** U+061C, U+200E/F, U+202A–202E, U+2066–2069: they can reorder how the message is displayed. */
function isBidiControl(c: number): boolean {
  return (
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  )
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
