import { describe, expect, it } from '@jest/globals'
import { LineIndex } from '../../src/policy/line-index.js'

describe('LineIndex', () => {
  // STYLE habit 4: 1-based line and column, UTF-16 code units
  it.each([
    ['single line', 'abc', 2, { line: 1, column: 3 }],
    ['start of text', 'abc', 0, { line: 1, column: 1 }],
    ['after LF', 'a\nbc', 3, { line: 2, column: 2 }],
    ['on the LF itself', 'a\nbc', 1, { line: 1, column: 2 }],
    ['CRLF counts once', 'a\r\nb\r\nc', 6, { line: 3, column: 1 }],
    ['the LF of a CRLF is on the same line', 'a\r\nb', 2, { line: 1, column: 3 }],
    ['lone CR', 'a\rb', 2, { line: 2, column: 1 }],
    ['mixed endings', 'a\nb\r\nc\rd', 7, { line: 4, column: 1 }],
    ['empty lines', '\n\n\nx', 3, { line: 4, column: 1 }],
    ['BOM is not a column', '\ufeff{}', 1, { line: 1, column: 1 }],
    ['BOM only affects line 1', '\ufeff{\n }', 4, { line: 2, column: 2 }],
    ['offset past the end is clamped', 'ab', 99, { line: 1, column: 3 }],
    ['negative offset is clamped', 'ab', -5, { line: 1, column: 1 }]
  ])('%s', (_name, text, offset, expected) => {
    expect(new LineIndex(text).position(offset)).toEqual(expected)
  })

  it('builds spans with the start position', () => {
    expect(new LineIndex('x\n  yz').span(4, 6)).toEqual({ start: 4, end: 6, line: 2, column: 3 })
  })

  it('counts lines on large texts with and without CR', () => {
    const lf = 'x\n'.repeat(100_000)
    const crlf = 'x\r\n'.repeat(100_000)
    expect(new LineIndex(lf).lineCount).toBe(100_001)
    expect(new LineIndex(crlf).lineCount).toBe(100_001)
    expect(new LineIndex(crlf).position(3 * 50_000)).toEqual({ line: 50_001, column: 1 })
  })

  it('an index from an origin agrees with the whole-text index, in any query order', () => {
    // texts mixing every ending, queried forwards, backwards and before the origin
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '\n\n', 'x\r', '\ufeff']
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 1 + next(30) }, () => pieces[next(pieces.length)]).join('')
      const whole = new LineIndex(text)
      const offset = next(text.length + 1)
      const { line, column } = whole.position(offset)
      const origin = {
        offset,
        line,
        lineStart:
          offset - column + 1 + (line === 1 && text.startsWith('\ufeff') && offset > 0 ? 1 : 0)
      }
      const windowed = new LineIndex(text, origin)
      const queries = Array.from({ length: 12 }, () => next(text.length + 3) - 1)
      for (const at of [...queries, ...queries.reverse()]) {
        expect(windowed.position(at)).toEqual(whole.position(at))
      }
      expect(windowed.lineCount).toBe(whole.lineCount)
    }
  })
})
