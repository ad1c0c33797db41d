import { describe, expect, it } from '@jest/globals'
import { editDistance, suggest } from '../../src/diagnostics/suggest.js'

const ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition'
]

describe('suggest (STYLE habit 12: did you mean)', () => {
  it.each([
    ['Actions', ELEMENTS, {}, 'Action'],
    ['Efect', ELEMENTS, {}, 'Effect'],
    ['Resoruce', ELEMENTS, {}, 'Resource'],
    ['resource', ELEMENTS, {}, 'Resource'],
    ['NOTACTION', ELEMENTS, { ignoreCase: true }, 'NotAction'],
    ['Condtion', ELEMENTS, {}, 'Condition'],
    ['Principals', ELEMENTS, {}, 'Principal'],
    ['Xyz', ELEMENTS, {}, undefined],
    ['Action', ELEMENTS, {}, undefined],
    ['', ELEMENTS, {}, undefined],
    ['Anything', [], {}, undefined],
    [
      'StringEqual',
      ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase'],
      {},
      'StringEquals'
    ],
    ['abc', ['abd', 'abe'], {}, 'abd']
  ] as const)('%j → %j', (input, candidates, options, expected) => {
    expect(suggest(input, candidates, options)).toBe(expected)
  })

  it('prefers a case-only difference over any real edit', () => {
    expect(suggest('sid', ['Sd', 'Sid'])).toBe('Sid')
  })

  it('is cheap on huge inputs', () => {
    expect(suggest('A'.repeat(1_000_000), ELEMENTS)).toBeUndefined()
  })
})

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['Action', 'Actoin', 1],
    ['abc', 'abc', 0]
  ])('%j ↔ %j = %d', (a, b, distance) => {
    expect(editDistance(a, b, 10)).toBe(distance)
    expect(editDistance(b, a, 10)).toBe(distance)
  })

  it('stops at the budget', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2)
    expect(editDistance('a', 'abcdef', 2)).toBe(3)
  })
})
