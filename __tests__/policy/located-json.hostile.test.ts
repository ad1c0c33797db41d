import { describe, expect, it } from '@jest/globals'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  parseLocatedJson,
  toPlainValue
} from '../../src/policy/located-json.js'
import { parsePolicy } from '../../src/policy/parse.js'

// issue 2 "hostile input is safe": limits are documented in docs/DIAGNOSTICS.md
describe('hostile JSON input', () => {
  it('refuses 100k levels of nesting without overflowing the stack', () => {
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}']
    ] as const) {
      const text = open.repeat(100_000) + close.repeat(100_000)
      const result = parseLocatedJson(text, { file: 'deep.json' })
      expect(result.root).toBeUndefined()
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          code: 'json-too-deep',
          message: `nesting exceeds the limit of ${DEFAULT_MAX_DEPTH} levels`,
          pointer: (open === '[' ? '/0' : '/a').repeat(DEFAULT_MAX_DEPTH),
          span: expect.objectContaining({ line: 1, column: DEFAULT_MAX_DEPTH * open.length + 1 })
        })
      ])
    }
  })

  it('accepts exactly maxDepth levels and refuses one more', () => {
    const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n)
    expect(parseLocatedJson(nest(DEFAULT_MAX_DEPTH)).diagnostics).toEqual([])
    expect(parseLocatedJson(nest(DEFAULT_MAX_DEPTH + 1)).diagnostics[0]?.code).toBe('json-too-deep')
    expect(parseLocatedJson(nest(3), { maxDepth: 2 }).diagnostics[0]?.code).toBe('json-too-deep')
  })

  it('parses and converts 100k levels when the caller raises the limit (no recursion)', () => {
    const text = '['.repeat(100_000) + '1' + ']'.repeat(100_000)
    const result = parseLocatedJson(text, { maxDepth: 200_000 })
    expect(result.diagnostics).toEqual([])
    let value = toPlainValue(result.root!)
    let depth = 0
    while (Array.isArray(value)) {
      value = value[0]
      depth++
    }
    expect([depth, value]).toEqual([100_000, 1])
  })

  it('refuses a 5 MB string, and reads it when the limit allows', () => {
    const text = JSON.stringify({ Statement: 'x'.repeat(5 * 1024 * 1024) })
    const refused = parseLocatedJson(text, { file: 'big.json' })
    expect(refused.root).toBeUndefined()
    expect(refused.diagnostics).toEqual([
      expect.objectContaining({
        code: 'json-too-large',
        message: `input of ${text.length} bytes exceeds the limit of ${DEFAULT_MAX_BYTES} bytes`,
        file: 'big.json',
        pointer: '',
        span: { start: 0, end: 0, line: 1, column: 1 }
      })
    ])
    const read = parseLocatedJson(text, { maxBytes: 6 * 1024 * 1024 })
    expect(read.diagnostics).toEqual([])
    expect(read.root?.kind).toBe('object')
  })

  it('measures the limit in UTF-8 bytes', () => {
    const text = JSON.stringify('é'.repeat(600)) // 1,200 bytes of text + 2 quotes
    expect(parseLocatedJson(text, { maxBytes: 1202 }).diagnostics).toEqual([])
    expect(parseLocatedJson(text, { maxBytes: 1201 }).diagnostics[0]?.code).toBe('json-too-large')
    const emoji = JSON.stringify('😀') // 4 bytes + 2 quotes
    expect(parseLocatedJson(emoji, { maxBytes: 6 }).diagnostics).toEqual([])
    expect(parseLocatedJson(emoji, { maxBytes: 5 }).diagnostics[0]?.code).toBe('json-too-large')
  })

  it('parsePolicy applies the default size limit', () => {
    const text = `{"Statement": [], "Id": "${'a'.repeat(DEFAULT_MAX_BYTES)}"}`
    const result = parsePolicy(text, { file: 'big.json', kind: 'identity' })
    expect(result.policy).toBeUndefined()
    expect(result.diagnostics.map((d) => d.code)).toEqual(['json-too-large'])
  })

  it('cannot pollute prototypes through __proto__, constructor or prototype keys', () => {
    const text =
      '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"isAdmin": true}},' +
      ' "a": [{"__proto__": {"isAdmin": true}}]}'
    const value = toPlainValue(parseLocatedJson(text).root!) as Record<string, unknown>
    const probe: Record<string, unknown> = {}
    expect(probe['isAdmin']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('isAdmin')
    expect(value['isAdmin']).toBeUndefined()
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    const nested = (value['a'] as Record<string, unknown>[])[0]!
    expect(Object.getPrototypeOf(nested)).toBe(Object.prototype)
    expect(Object.keys(nested)).toEqual(['__proto__'])
  })

  it('accepts lone surrogate escapes exactly as JSON.parse does', () => {
    for (const text of ['"\\ud800"', '"\\udfff\\ud800"', '"a\\ud83d"', '{"\\udc00": 1}']) {
      const result = parseLocatedJson(text)
      expect(result.diagnostics).toEqual([])
      expect(toPlainValue(result.root!)).toEqual(JSON.parse(text))
    }
  })

  it('rejects malformed unicode escapes', () => {
    for (const text of ['"\\u"', '"\\uD83"', '"\\u{1F600}"', '"\\U0041"', '"\\u00G0"']) {
      expect(parseLocatedJson(text).diagnostics[0]?.code).toBe('json-syntax')
    }
  })

  it('keeps huge numbers as text and as the value JSON.parse gives', () => {
    const text = `[1e999999, -1e999999, 1e-999999, ${'9'.repeat(100_000)}]`
    const root = parseLocatedJson(text).root
    expect(root?.kind).toBe('array')
    const items = root?.kind === 'array' ? root.items : []
    expect(items.map((n) => n.kind === 'number' && n.value)).toEqual([
      Infinity,
      -Infinity,
      0,
      Infinity
    ])
    expect(items[3]?.kind === 'number' && items[3].text.length).toBe(100_000)
    expect(toPlainValue(root!)).toEqual(JSON.parse(text))
  })

  it('handles long runs of escapes and wide arrays', () => {
    const text = JSON.stringify([
      '\n\t"\\'.repeat(50_000),
      Array.from({ length: 100_000 }, (_, i) => i)
    ])
    const result = parseLocatedJson(text)
    expect(result.diagnostics).toEqual([])
    expect(toPlainValue(result.root!)).toEqual(JSON.parse(text))
  })

  it('never throws on truncations of a policy', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*'],
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': true } }
        }
      ]
    })
    for (let i = 0; i < text.length; i++) {
      const result = parsePolicy(text.slice(0, i), { file: 't.json', kind: 'auto' })
      expect(result.policy).toBeUndefined()
      expect(result.diagnostics[0]?.code).toBe('json-syntax')
    }
  })
})
