// findGlobWitness: a text inside every positive glob and outside every negative one
// (IAM-SEMANTICS §3.1 glob semantics), checked against the engine's matcher and, for short
// globs, against an exhaustive search over short texts.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { matchGlob, parseGlob } from '../../src/engine/wildcard.js'
import { findGlobWitness } from '../../src/matrix/glob-witness.js'

const solve = (pos: string[], neg: string[], ignoreCase = false): string | undefined =>
  findGlobWitness(pos.map(parseGlob), neg.map(parseGlob), {
    ignoreCase,
    fills: ['example', 'other']
  })

describe('findGlobWitness', () => {
  // want: the exact answer, null for "none exists", or 'valid' for any valid answer
  it.each([
    { pos: ['bucket/*'], neg: [], want: 'bucket/example' },
    { pos: ['bucket/*'], neg: ['bucket/ex*'], want: 'valid' },
    { pos: ['a?c'], neg: [], want: 'axc' },
    { pos: ['*/test/*'], neg: [], want: 'example/test/example' },
    { pos: ['literal'], neg: [], want: 'literal' },
    { pos: ['literal'], neg: ['lit*'], want: null },
    { pos: ['a*', '*b'], neg: [], want: 'valid' },
    { pos: ['a*'], neg: ['*b'], want: 'valid' },
    { pos: [], neg: ['a*', 'b*'], want: 'valid' },
    { pos: ['b/a/*'], neg: ['b/*'], want: null }
  ])('pos $pos neg $neg → $want', ({ pos, neg, want }) => {
    const found = solve(pos, neg)
    if (want === null) {
      expect(found).toBeUndefined()
      return
    }
    expect(found).toBeDefined()
    if (want !== 'valid') expect(found).toBe(want)
    for (const p of pos) expect(matchGlob(p, found ?? '', false)).toBe(true)
    for (const n of neg) expect(matchGlob(n, found ?? '', false)).toBe(false)
  })

  it('finds a text inside one pattern and outside a sibling that shares its prefix', () => {
    const found = solve(['bucket/*'], ['bucket/ex*'])
    expect(found).toBeDefined()
    expect(found?.startsWith('bucket/')).toBe(true)
    expect(found?.startsWith('bucket/ex')).toBe(false)
  })

  it('proves emptiness: a pattern inside another has no text outside it', () => {
    expect(solve(['b/a/*'], ['b/*'])).toBeUndefined()
    expect(solve(['*/x/*'], ['*'])).toBeUndefined()
  })

  it('intersects two positives', () => {
    const found = solve(['arn:*:s3:::*/*', 'arn:aws:s3:::b*'], [])
    expect(found).toBeDefined()
    expect(matchGlob('arn:*:s3:::*/*', found ?? '', false)).toBe(true)
    expect(matchGlob('arn:aws:s3:::b*', found ?? '', false)).toBe(true)
  })

  it('ignores case when asked (StringEqualsIgnoreCase outside values)', () => {
    const found = solve([], ['Other', 'EXAMPLE'], true)
    expect(found).toBeDefined()
    expect(['other', 'example']).not.toContain(found?.toLowerCase())
  })
})

/** Every text over the alphabet up to `max` characters. */
function* texts(alphabet: string, max: number): Generator<string> {
  let level = ['']
  yield ''
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((t) => [...alphabet].map((c) => t + c))
    yield* level
  }
}

describe('findGlobWitness against exhaustive search', () => {
  const glob = fc.stringMatching(/^[ab*?]{0,4}$/)
  it('answers exactly when a short witness exists, and every answer is valid', () => {
    fc.assert(
      fc.property(
        fc.array(glob, { minLength: 1, maxLength: 2 }),
        fc.array(glob, { maxLength: 2 }),
        (pos, neg) => {
          const valid = (t: string): boolean =>
            pos.every((p) => matchGlob(p, t, false)) && !neg.some((n) => matchGlob(n, t, false))
          const found = solve(pos, neg)
          if (found !== undefined) expect(valid(found)).toBe(true)
          // globs of ≤ 4 tokens over {a, b}: a witness, if any, has at most 6 characters over {a, b, x}
          let exists = false
          for (const t of texts('abx', 6)) {
            if (valid(t)) {
              exists = true
              break
            }
          }
          expect(found !== undefined).toBe(exists)
        }
      ),
      { numRuns: 400, seed: 11 }
    )
  })
})
