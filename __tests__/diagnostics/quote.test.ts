// STYLE habit 12: user values in messages are in backticks, on one line, and cannot end the
// backtick span or reorder the text around them.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { quote, QUOTE_MAX_LENGTH } from '../../src/diagnostics/quote.js'

/** Any UTF-16 text, with the characters quote() treats specially made common. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom('`', '\\', '\n', '\u0085', '\u2028', '\u202e', '\ud83d', '\ude00', 'a'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c))
    ),
    { maxLength: 200 }
  )
  .map((units) => units.join(''))

/** Control characters and line/paragraph separators (no RegExp: lint forbids control ranges). */
function breaksLine(char: string): boolean {
  const c = char.charCodeAt(0)
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029
}

describe('quote', () => {
  it.each([
    ['plain text', 's3:GetObject', '`s3:GetObject`'],
    ['empty', '', '``'],
    ['double quotes stay readable', 'say "hi"', '`say "hi"`'],
    ['backtick', 'a`b', '`a\\`b`'],
    ['backslash', 'a\\nb', '`a\\\\nb`'],
    ['line feed', 'a\nb', '`a\\nb`'],
    ['carriage return and tab', 'a\r\tb', '`a\\r\\tb`'],
    ['NUL', 'a\u0000b', '`a\\u0000b`'],
    ['escape (terminal colours)', '\u001b[31mred', '`\\u001b[31mred`'],
    ['DEL and C1 controls', '\u007f\u0085', '`\\u007f\\u0085`'],
    ['line and paragraph separators', '\u2028\u2029', '`\\u2028\\u2029`'],
    ['bidi override', 'abc\u202edef', '`abc\\u202edef`'],
    ['bidi isolate', '\u2066x\u2069', '`\\u2066x\\u2069`'],
    ['lone high surrogate', 'a\ud83d', '`a\\ud83d`'],
    ['lone low surrogate', '\ude00b', '`\\ude00b`'],
    ['surrogate pair kept', 'smile 😀', '`smile 😀`'],
    ['non-ASCII letters kept', 'Zürich ü 東京', '`Zürich ü 東京`']
  ])('%s', (_what, value, expected) => {
    expect(quote(value)).toBe(expected)
  })

  it('keeps a value of exactly 80 code units whole', () => {
    const value = 'x'.repeat(QUOTE_MAX_LENGTH)
    expect(quote(value)).toBe(`\`${value}\``)
  })

  it('cuts longer values at 80 code units and ends them in …', () => {
    expect(quote('y'.repeat(200))).toBe(`\`${'y'.repeat(80)}…\``)
  })

  it('never cuts inside a surrogate pair', () => {
    const value = `${'x'.repeat(79)}😀tail`
    expect(quote(value)).toBe(`\`${'x'.repeat(79)}…\``)
  })

  it('always gives one line inside exactly one pair of unescaped backticks', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const shown = quote(value)
        expect([...shown].filter(breaksLine)).toEqual([])
        const inner = shown.slice(1, -1)
        expect(shown.startsWith('`') && shown.endsWith('`')).toBe(true)
        // every backtick inside is escaped by an odd run of backslashes
        expect(inner.replaceAll('\\\\', '').replaceAll('\\`', '')).not.toContain('`')
        expect(inner.length).toBeLessThanOrEqual(6 * QUOTE_MAX_LENGTH + 1)
      })
    )
  })
})
