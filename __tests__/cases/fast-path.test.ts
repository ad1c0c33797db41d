// The case reader's fast path (JSON.parse + a check of the values, issue 11) must give exactly
// what the located reader gives: the same results and the same located diagnostics, for every
// corpus file and for files with problems in every place a case can have one.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { caseFileLayout } from '../../src/cases/case-file-layout.js'
import { runCaseFile, runLocated } from '../../src/cases/run-case-file.js'
import { corpusFiles } from '../corpus/load-corpus.js'

const catalog = loadCatalog()

function same(text: string, explain = true): void {
  for (const options of [
    { file: 'c.json', explain, catalog },
    { file: 'c.json', explain, catalog: undefined }
  ]) {
    const fast = JSON.parse(JSON.stringify(runCaseFile(text, options))) as unknown
    const located = JSON.parse(JSON.stringify(runLocated(text, options))) as unknown
    expect(fast).toEqual(located)
  }
}

const ALICE = 'arn:aws:iam::111122223333:user/alice'
const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:*', Resource: '*' }]
}
const REQUEST = {
  principal: ALICE,
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  context: { 'aws:SecureTransport': true, 'aws:TagKeys': ['a', 'b'], n: 3 }
}
const good = { id: 'good', policies: { identity: [POLICY] }, requests: [REQUEST, REQUEST] }
const text = (...cases: unknown[]): string => JSON.stringify([good, ...cases, good], null, 2)

describe('fast path = located reader', () => {
  it.each(corpusFiles().map((path) => [path.replace(/.*corpus\//, ''), path]))(
    'corpus %s',
    (_name, path) => same(readFileSync(path, 'utf8'))
  )

  it.each([
    ['a case that is not an object', 3],
    ['an unknown case key', { ...good, polices: {} }],
    ['metadata keys', { ...good, name: 'n', expectX: 1, _y: 2, 'x-z': 3 }],
    ['an empty id', { ...good, id: '' }],
    ['no id', { policies: good.policies, request: REQUEST }],
    ['request and requests', { ...good, request: REQUEST }],
    ['neither request nor requests', { id: 'x', policies: good.policies }],
    ['empty requests', { ...good, requests: [] }],
    ['a request that is not an object', { ...good, requests: [REQUEST, 'x'] }],
    [
      'an unknown request key',
      { ...good, request: undefined, requests: [{ ...REQUEST, contxt: {} }] }
    ],
    ['an empty principal', { ...good, requests: [{ ...REQUEST, principal: '' }] }],
    ['a numeric action', { ...good, requests: [{ ...REQUEST, action: 5 }] }],
    ['an unknown action', { ...good, requests: [{ ...REQUEST, action: 's3:GetObjekt' }] }],
    ['a resourceAccount', { ...good, requests: [{ ...REQUEST, resourceAccount: '444455556666' }] }],
    ['an empty resourceAccount', { ...good, requests: [{ ...REQUEST, resourceAccount: '' }] }],
    ['a null context', { ...good, requests: [{ ...REQUEST, context: null }] }],
    ['an object context value', { ...good, requests: [{ ...REQUEST, context: { a: {} } }] }],
    ['a nested list', { ...good, requests: [{ ...REQUEST, context: { a: [['x']] } }] }],
    [
      'keys differing in case',
      { ...good, requests: [{ ...REQUEST, context: { a: 'x', A: 'y' } }] }
    ],
    ['no policies', { id: 'np', request: REQUEST }],
    ['an invalid policy', { ...good, policies: { identity: [{ Statement: [] }] } }],
    ['a policy warning', { ...good, policies: { identity: [{ Statement: POLICY.Statement }] } }],
    ['an unknown policy slot', { ...good, policies: { identiti: [POLICY] } }],
    ['a policies string', { ...good, policies: 'x' }]
  ])('%s', (_name, kase) => same(text(kase)))

  it.each([
    ['a syntax error', '[{"id": "a",}]'],
    ['a syntax error in a later case', text().replace(/}\s*\]\s*$/, ', "x": tru}]')],
    ['a raw tab inside a string', text({ ...good, id: 'a\tb' }).replace('a\\tb', 'a\tb')],
    ['not an array', '{"id": "a"}'],
    ['a duplicate case key', '[{"id": "a", "id": "b", "request": {}}]'],
    [
      'a duplicate key in a policy',
      `[{"id":"a","policies":{"identity":[{"Version":"2012-10-17","Version":"2012-10-17","Statement":[]}]},"request":${JSON.stringify(REQUEST)}}]`
    ],
    ['a byte-order mark', `\uFEFF${text()}`],
    [
      'a duplicate request key',
      text().replace(
        '"action": "s3:GetObject"',
        '"action": "s3:PutObject", "action": "s3:GetObject"'
      )
    ],
    ['a duplicate context key', text().replace('"n": 3', '"n": 3, "n": 4')],
    [
      'a duplicate key in metadata',
      text({ ...good, tags: [{ a: 1 }] }).replace('"a": 1', '"a": 1, "a": 2')
    ],
    [
      'a duplicate key in the last case only',
      text().replace(/"n": 3(?![\s\S]*"n": 3)/, '"n": 3, "n": 5')
    ],
    [
      'CRLF line endings',
      text({ ...good, policies: { identity: [{ Statement: [] }] } }).replace(/\n/g, '\r\n')
    ],
    [
      'lone CR line endings',
      text({ ...good, policies: { identity: [{ Statement: [] }] } }).replace(/\n/g, '\r')
    ],
    [
      'a policy error on a line after the first case',
      text({
        ...good,
        policies: { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] }] }
      })
    ],
    ['an escaped policies key', text().replace('"policies"', '"polic\\u0069es"')],
    ['quotes and backslashes in strings', text({ ...good, id: 'a\\"b"\\\\' })],
    ['deep nesting', `[${'['.repeat(70)}${']'.repeat(70)}]`],
    // the fast path walks requests and contexts with for…in: keys Object.prototype also has
    [
      'prototype names as context keys',
      text().replace(
        '"n": 3',
        '"n": 3, "__proto__": "x", "hasOwnProperty": "y", "constructor": ["z"], "toString": 1'
      )
    ],
    ['__proto__ as a request key', text().replace('"action":', '"__proto__": {}, "action":')],
    [
      'hasOwnProperty as a request key',
      text().replace('"action":', '"hasOwnProperty": 1, "action":')
    ],
    [
      'a duplicate __proto__ context key',
      text().replace('"n": 3', '"__proto__": "a", "__proto__": "b"')
    ],
    ['numeric context keys', text().replace('"n": 3', '"2": "b", "1": "a", "n": 3')]
  ])('%s', (_name, input) => same(input))
})

describe('caseFileLayout', () => {
  it('finds every case, its extent, its policies and the keys outside them', () => {
    const input = text({ id: 'x', request: REQUEST })
    const layout = caseFileLayout(input)
    expect(layout?.caseStarts.map((at) => input[at])).toEqual(['{', '{', '{'])
    expect(layout?.caseEnds.map((at) => input[at - 1])).toEqual(['}', '}', '}'])
    const cases = JSON.parse(input) as unknown[]
    layout?.caseStarts.forEach((start, i) => {
      expect(JSON.parse(input.slice(start, layout.caseEnds[i]))).toEqual(cases[i])
    })
    expect(layout?.policiesStarts.map((at) => (at === undefined ? '-' : input[at.offset]))).toEqual(
      ['{', '-', '{']
    )
    // good: id, policies, requests + 2 × (4 request keys + 3 context keys); x: 2 + 4 + 3
    expect(layout?.caseKeys).toEqual([17, 9, 17])
    const lines = input.split('\n')
    for (const start of layout?.policiesStarts ?? []) {
      if (start === undefined) continue
      expect(lines[start.line - 1]?.trimStart().startsWith('"policies": {')).toBe(true)
      expect(input.slice(start.lineStart, start.offset)).toMatch(/^\s*"policies": $/)
    }
    expect(caseFileLayout('[{"a": 1, "a": 2}]')?.caseKeys).toEqual([2])
    expect(caseFileLayout(' [ ] ')?.caseStarts).toEqual([])
  })

  it.each([
    ['a case that is not an object', '[1]'],
    ['an array case', '[[]]'],
    ['not an array', '{"a": 1}'],
    ['a trailing comma', '[{"a": 1},]'],
    ['a leading comma', '[,{"a": 1}]'],
    ['two commas', '[{"a": 1},,{"a": 1}]'],
    ['a missing comma', '[{"a": 1} {"a": 1}]'],
    ['text after the array', '[{"a": 1}] x'],
    ['two arrays', '[][]'],
    ['an unclosed case', '[{"a": "}'],
    ['an unclosed array', '[{"a": 1}'],
    ['a control character between cases', '[\u000b{"a": 1}]'],
    ['a byte-order mark', '\ufeff[]'],
    ['deep nesting', `[{"a": ${'['.repeat(70)}${']'.repeat(70)}}]`]
  ])('refuses %s', (_name, input) => {
    expect(caseFileLayout(input)).toBeUndefined()
  })
})
