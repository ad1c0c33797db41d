// The lexical half of the located JSON parser (RFC 8259): strings, numbers, literals and
// whitespace, with messages that say what was found and what was expected. The structural half
// (objects, arrays, pointers, duplicate keys) is located-json.ts, whose parser extends this class.
import { quote } from '../diagnostics/quote.js'

/** Stops the parse at the first syntax error or limit; never escapes parseLocatedJson. */
export class ParseStop extends Error {
  constructor(
    readonly code: 'json-syntax' | 'json-too-deep',
    readonly offset: number,
    message: string,
    /** where the error is; undefined = the innermost open container (filled in by the parser) */
    readonly pointer: string | undefined
  ) {
    super(message)
  }
}

const SIMPLE_ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t']
])

const UNTERMINATED = 'unterminated string: no closing `"` before the end of the input'

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

function skipDigits(text: string, from: number): number {
  let i = from
  while (isDigit(text.charCodeAt(i))) i++
  return i
}

/** Index of the next quote, backslash or control character at or after `from` (or the end). */
function nextSpecial(text: string, from: number): number {
  let i = from
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 || c === 0x5c || c < 0x20) break
  }
  return i
}

function codePoint(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
}

/** The character at `at` for a message: in backticks when printable, else as U+XXXX. */
function showChar(text: string, at: number, prefix = ''): string {
  const c = text.codePointAt(at) ?? 0
  if (c < 0x20 || c === 0x60 || c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
    return `${prefix ? `\`${prefix}\` + ` : ''}${codePoint(c)}`
  }
  return `\`${prefix}${String.fromCodePoint(c)}\``
}

const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null]
] as const

/** A cursor over the text; every scan method starts at `pos` and leaves it after what it read. */
export class JsonScanner {
  pos = 0

  constructor(protected readonly text: string) {}

  /** At `t`, `f` or `n` (or anything else that is not a value): its value, or a syntax error. */
  protected scanLiteral(): boolean | null {
    const start = this.pos
    for (const [word, value] of LITERALS) {
      if (!this.text.startsWith(word, start)) continue
      this.pos += word.length
      return value
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(start, start + 32))?.[0]
    const lower = word?.toLowerCase()
    if (lower === 'true' || lower === 'false' || lower === 'null') {
      this.fail(start, `unexpected \`${word}\`: JSON literals are lowercase (\`${lower}\`)`)
    }
    if (word !== undefined) this.fail(start, `unexpected ${quote(word)}: expected a value`)
    return this.unexpected('expected a value')
  }

  /** At an opening quote: returns the decoded string and moves past the closing quote. */
  protected scanString(): string {
    const { text } = this
    const start = this.pos + 1
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        this.pos = i + 1
        return text.slice(start, i)
      }
      if (c === 0x5c) return this.scanEscapedString(start, i)
      if (c < 0x20) this.controlCharacter(i)
    }
    return this.fail(start - 1, UNTERMINATED)
  }

  /** The slow path, from the first backslash on. */
  private scanEscapedString(start: number, firstEscape: number): string {
    const { text } = this
    let out = text.slice(start, firstEscape)
    let i = firstEscape
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        this.pos = i + 1
        return out
      }
      if (c < 0x20) this.controlCharacter(i)
      if (c !== 0x5c) {
        const next = nextSpecial(text, i)
        out += text.slice(i, next)
        i = next
        continue
      }
      if (i + 1 >= text.length) break
      out += this.escape(i)
      i += text.charCodeAt(i + 1) === 0x75 ? 6 : 2
    }
    return this.fail(start - 1, UNTERMINATED)
  }

  /** Decodes the escape sequence at `at` (a backslash). */
  private escape(at: number): string {
    const c = this.text.charAt(at + 1)
    const simple = SIMPLE_ESCAPES.get(c)
    if (simple !== undefined) return simple
    if (c === 'u') {
      const hex = this.text.slice(at + 2, at + 6)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
        this.fail(at, 'invalid unicode escape: expected four hex digits after `\\u`')
      }
      return String.fromCharCode(parseInt(hex, 16))
    }
    return this.fail(at, `invalid escape ${showChar(this.text, at + 1, '\\')} in string`)
  }

  private controlCharacter(at: number): never {
    const c = this.text.charCodeAt(at)
    if (c === 0x0a || c === 0x0d) {
      this.fail(at, 'line break in string: close the string with `"` or write `\\n`')
    }
    return this.fail(at, `control character ${codePoint(c)} in string must be escaped`)
  }

  /** At `-` or a digit: returns the number's source text (RFC 8259 grammar). */
  protected scanNumber(): string {
    const { text } = this
    const start = this.pos
    let i = start
    if (text.charCodeAt(i) === 0x2d) i++
    if (text.charCodeAt(i) === 0x30) {
      i++
      if (isDigit(text.charCodeAt(i))) this.fail(i - 1, 'leading zeros are not allowed in numbers')
    } else if (isDigit(text.charCodeAt(i))) i = skipDigits(text, i)
    else this.fail(i, 'expected a digit after `-`')
    if (text.charCodeAt(i) === 0x2e) {
      if (!isDigit(text.charCodeAt(i + 1)))
        this.fail(i + 1, 'expected a digit after the decimal point')
      i = skipDigits(text, i + 1)
    }
    const e = text.charCodeAt(i)
    if (e === 0x65 || e === 0x45) {
      i++
      const sign = text.charCodeAt(i)
      if (sign === 0x2b || sign === 0x2d) i++
      if (!isDigit(text.charCodeAt(i))) this.fail(i, 'expected a digit in the exponent')
      i = skipDigits(text, i)
    }
    this.pos = i
    return text.slice(start, i)
  }

  protected skipWhitespace(): void {
    const { text } = this
    let i = this.pos
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;) {
      c = text.charCodeAt(++i)
    }
    this.pos = i
  }

  /** Reports what is at the current position, with what was expected there. */
  protected unexpected(expected: string): never {
    const { text, pos } = this
    if (pos >= text.length) this.fail(pos, `unexpected end of input: ${expected}`)
    const c = text.charCodeAt(pos)
    const next = text.charCodeAt(pos + 1)
    if (c === 0x2f && (next === 0x2f || next === 0x2a)) {
      this.fail(pos, 'comments are not allowed in JSON')
    }
    if (c === 0x27) this.fail(pos, `single quotes are not allowed in JSON: ${expected}`)
    return this.fail(pos, `unexpected ${showChar(text, pos)}: ${expected}`)
  }

  protected fail(offset: number, message: string): never {
    throw new ParseStop('json-syntax', offset, message, undefined)
  }
}

/** UTF-8 length of a JavaScript string (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    if (c < 0x800) bytes += 1
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 2
      i++
    } else bytes += 2
  }
  return bytes
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}
