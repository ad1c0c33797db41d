// The glob matcher, table-driven (IAM-SEMANTICS §3.1, §3.2, §4.2).
import { describe, expect, it } from '@jest/globals'
import { compileGlob, compileGlobRange, matchGlob, parseGlob } from '../../src/engine/wildcard.js'

describe('parseGlob', () => {
  it('splits text, `*` and `?`', () => {
    expect(parseGlob('a*b?c')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'star' },
      { kind: 'text', text: 'b' },
      { kind: 'one' },
      { kind: 'text', text: 'c' }
    ])
    expect(parseGlob('')).toEqual([])
    expect(parseGlob('**')).toEqual([{ kind: 'star' }, { kind: 'star' }])
  })
})

// [pattern, text, case-sensitive result, ignore-case result]
const rows: [string, string, boolean, boolean][] = [
  // IAM-SEMANTICS §3.1: `*` any run including none, anchored
  ['*', '', true, true],
  ['*', 'anything', true, true],
  ['**', 'x', true, true],
  ['', '', true, true],
  ['', 'a', false, false],
  ['s3:*', 's3:GetObject', true, true],
  ['s3:*', 's3-object-lambda:GetObject', false, false],
  ['s3:Get*', 'S3:getobject', false, true],
  ['s3:Get*', 's3:Get', true, true],
  ['*Object', 's3:GetObject', true, true],
  ['*Object', 's3:GetObjects', false, false],
  ['*:Get*', 's3:GetObject', true, true],
  ['*tag*', 'ec2:CreateTags', false, true],
  ['*Tag*', 'ec2:CreateTags', true, true],
  ['a*b*c', 'abc', true, true],
  ['a*b*c', 'aXbYc', true, true],
  ['a*b*c', 'acb', false, false],
  ['a*a', 'a', false, false],
  ['a*a', 'aa', true, true],
  ['ab*ba', 'aba', false, false],
  ['ab*ba', 'abba', true, true],
  // IAM-SEMANTICS §3.1: `?` exactly one character
  ['?', '', false, false],
  ['?', 'x', true, true],
  ['?', 'xy', false, false],
  ['s3:?etObject', 's3:GetObject', true, true],
  ['a?c*', 'abcdef', true, true],
  ['*?', '', false, false],
  ['*?', 'a', true, true],
  ['?*?', 'a', false, false],
  ['*a?c*', 'xxabxabcyy', true, true],
  ['*a?c', 'abcabd', false, false],
  // IAM-SEMANTICS §3.2: case-sensitive unless asked; `*` crosses `/`
  ['bucket/*/test/*', 'bucket/1/2/test/x.jpg', true, true],
  ['bucket/*/test/*', 'bucket/test/x.jpg', false, false],
  ['table/Books', 'table/Books/index/X', false, false],
  ['Bucket', 'bucket', false, true],
  // regex metacharacters are plain text
  ['a.c', 'abc', false, false],
  ['a.c', 'a.c', true, true],
  ['(a|b)+', '(a|b)+', true, true],
  ['[ab]', 'a', false, false],
  ['^$\\', '^$\\', true, true]
]

describe('compileGlob / matchGlob', () => {
  it.each(rows)('%j vs %j → %s (ignore case: %s)', (pattern, text, sensitive, insensitive) => {
    expect(matchGlob(pattern, text, false)).toBe(sensitive)
    expect(matchGlob(pattern, text, true)).toBe(insensitive)
    expect(compileGlob(parseGlob(pattern), { ignoreCase: false })(text)).toBe(sensitive)
  })

  it('treats text parts as literal even when they contain `*` or `?`', () => {
    const parts = [{ kind: 'text', text: 'a*' } as const, { kind: 'star' } as const]
    const match = compileGlob(parts, { ignoreCase: false })
    expect(match('a*xyz')).toBe(true)
    expect(match('abc')).toBe(false)
    expect(compileGlob([{ kind: 'text', text: '?' }], { ignoreCase: false })('x')).toBe(false)
  })

  it('lowercases the pattern once for ignoreCase', () => {
    const match = compileGlob(parseGlob('IAM:Get*'), { ignoreCase: true })
    expect(match('iam:getrole')).toBe(true)
    expect(match('IAM:GETROLE')).toBe(true)
    expect(match('iam:listroles')).toBe(false)
  })

  it('handles pathological patterns on long texts', () => {
    const long = 'a'.repeat(100_000)
    expect(matchGlob('a*a*a*a*a*a*a*b', long, false)).toBe(false)
    expect(matchGlob('a*a*a*a*a*a*a*b', `${long}b`, false)).toBe(true)
    expect(matchGlob('*a*a*a*a*a*a*a*a*a*a*c*', long, true)).toBe(false)
    expect(matchGlob('*?a?*?a?*?a?*?b', long, false)).toBe(false)
    expect(matchGlob('*aaaaaaaaab*', `${long}aaaaaaaaab`, false)).toBe(true)
  })
})

describe('compileGlobRange', () => {
  it('matches only inside the range', () => {
    const match = compileGlobRange(parseGlob('b*d'))
    expect(match('abcde', 1, 4)).toBe(true)
    expect(match('abcde', 1, 5)).toBe(false)
    expect(compileGlobRange(parseGlob('c'))('abcde', 2, 3)).toBe(true)
    expect(compileGlobRange(parseGlob('c'))('abcde', 2, 4)).toBe(false)
    expect(compileGlobRange(parseGlob('*'))('abc', 1, 1)).toBe(true)
    expect(compileGlobRange([])('abc', 1, 1)).toBe(true)
    expect(compileGlobRange([])('abc', 1, 2)).toBe(false)
    expect(compileGlobRange(parseGlob('*c*'))('abcde', 0, 2)).toBe(false)
  })
})
