// Property test: the glob matcher against a naive recursive reference (STYLE habit 8;
// IAM-SEMANTICS §3.1 semantics of `*` and `?`).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { GlobPart } from '../../src/engine/wildcard.js'
import { compileGlob, compileGlobRange, parseGlob } from '../../src/engine/wildcard.js'

/** Reference: straight from the definition, exponential but obviously right. */
function reference(parts: readonly GlobPart[], text: string): boolean {
  const chars: ({ kind: 'char'; c: string } | { kind: 'star' } | { kind: 'one' })[] = []
  for (const part of parts) {
    if (part.kind === 'text') for (const c of part.text) chars.push({ kind: 'char', c })
    else chars.push(part)
  }
  const go = (p: number, t: number): boolean => {
    const head = chars[p]
    if (head === undefined) return t === text.length
    if (head.kind === 'star') return go(p + 1, t) || (t < text.length && go(p, t + 1))
    if (t >= text.length) return false
    return (head.kind === 'one' || head.c === text[t]) && go(p + 1, t + 1)
  }
  return go(0, 0)
}

const lowered = (parts: readonly GlobPart[]): GlobPart[] =>
  parts.map((p) => (p.kind === 'text' ? { kind: 'text', text: p.text.toLowerCase() } : p))

const patternText = fc.string({ unit: fc.constantFrom('a', 'A', 'b', '*', '?', ':'), maxLength: 9 })
const subject = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'c', ':'), maxLength: 12 })
// parts with literal `*`/`?` text (as variables produce) next to wildcards
const literalPart = fc.string({
  unit: fc.constantFrom('a', 'b', '*', '?'),
  minLength: 1,
  maxLength: 3
})
const part: fc.Arbitrary<GlobPart> = fc.oneof(
  literalPart.map((text) => ({ kind: 'text', text }) as const),
  fc.constant({ kind: 'star' } as const),
  fc.constant({ kind: 'one' } as const)
)
const literalSubject = fc.string({ unit: fc.constantFrom('a', 'b', '*', '?'), maxLength: 10 })

describe('compileGlob agrees with the reference', () => {
  it('case-sensitive', () => {
    fc.assert(
      fc.property(patternText, subject, (pattern, text) => {
        const parts = parseGlob(pattern)
        expect(compileGlob(parts, { ignoreCase: false })(text)).toBe(reference(parts, text))
      }),
      { numRuns: 5000 }
    )
  })

  it('ignore case: the same as matching lowercased forms', () => {
    fc.assert(
      fc.property(patternText, subject, (pattern, text) => {
        const parts = parseGlob(pattern)
        const expected = reference(lowered(parts), text.toLowerCase())
        expect(compileGlob(parts, { ignoreCase: true })(text)).toBe(expected)
      }),
      { numRuns: 5000 }
    )
  })

  it('text parts holding `*` or `?` stay literal', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), literalSubject, (parts, text) => {
        expect(compileGlob(parts, { ignoreCase: false })(text)).toBe(reference(parts, text))
      }),
      { numRuns: 5000 }
    )
  })

  it('range matching equals matching the substring', () => {
    fc.assert(
      fc.property(patternText, subject, fc.nat(12), fc.nat(12), (pattern, text, a, b) => {
        const start = Math.min(a, b, text.length)
        const end = Math.min(Math.max(a, b), text.length)
        const parts = parseGlob(pattern)
        expect(compileGlobRange(parts)(text, start, end)).toBe(
          reference(parts, text.slice(start, end))
        )
      }),
      { numRuns: 3000 }
    )
  })

  it('pathological patterns give the right answer on long texts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.integer({ min: 1000, max: 20000 }),
        (n, length) => {
          const pattern = `${'a*'.repeat(n)}b`
          const text = 'a'.repeat(length)
          const match = compileGlob(parseGlob(pattern), { ignoreCase: false })
          expect(match(text)).toBe(false)
          expect(match(`${text}b`)).toBe(true)
        }
      ),
      { numRuns: 50 }
    )
  })
})
