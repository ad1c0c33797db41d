import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseLocatedJson, toPlainValue } from '../../src/policy/located-json.js'
import { parsePolicy } from '../../src/policy/parse.js'

/** JSON.parse as a reference: the value, or undefined when it throws. */
function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** JSON texts and near-JSON texts: valid documents, some with one character changed or cut. */
const jsonTexts = fc.oneof(
  fc.json({ depthSize: 'medium' }),
  fc.jsonValue().map((v) => JSON.stringify(v, null, 2)),
  fc
    .tuple(
      fc.json(),
      fc.nat(),
      fc.constantFrom('', ',', '}', ']', '"', ':', '\\', 'x', '0', ' ', '/')
    )
    .map(([text, at, insert]) => {
      const i = at % (text.length + 1)
      return text.slice(0, i) + insert + text.slice(i + 1)
    }),
  fc.tuple(fc.json(), fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1)))
)

describe('parseLocatedJson against JSON.parse (property)', () => {
  // RFC 8259: the located parser accepts exactly what JSON.parse accepts, with the same value
  it('agrees on acceptance and on the value', () => {
    fc.assert(
      fc.property(jsonTexts, (text) => {
        const expected = reference(text)
        const result = parseLocatedJson(text)
        const syntax = result.diagnostics.some((d) => d.code === 'json-syntax')
        expect(syntax).toBe(!expected.ok)
        if (expected.ok) {
          // with duplicate keys too: the last one wins, as in JSON.parse
          expect(toPlainValue(result.root!)).toEqual(expected.value)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('agrees on arbitrary strings, including unicode and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const text = JSON.stringify(s)
        const result = parseLocatedJson(text)
        expect(result.diagnostics).toEqual([])
        expect(toPlainValue(result.root!)).toBe(s)
      }),
      { numRuns: 1000 }
    )
  })

  it('never throws on arbitrary text, and parsePolicy never throws either', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonTexts), (text) => {
        expect(() => parseLocatedJson(text)).not.toThrow()
        expect(() => parsePolicy(text, { file: 'x.json', kind: 'auto' })).not.toThrow()
      }),
      { numRuns: 1000 }
    )
  })
})
