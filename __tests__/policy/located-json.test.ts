import { describe, expect, it } from '@jest/globals'
import {
  escapePointerToken,
  parseLocatedJson,
  toPlainValue,
  type JsonNode
} from '../../src/policy/located-json.js'

function parseOk(text: string): JsonNode {
  const result = parseLocatedJson(text)
  expect(result.diagnostics).toEqual([])
  expect(result.root).toBeDefined()
  return result.root!
}

describe('parseLocatedJson: values', () => {
  // RFC 8259 §3–§7: every value kind, compared with JSON.parse
  it.each([
    '{}',
    '[]',
    '"text"',
    '0',
    '-0',
    '12.5e-3',
    '1E+2',
    'true',
    'false',
    'null',
    ' \t\r\n{ "a" : [ 1 , "b" , { } , [ ] , null ] } \n',
    '{"nested":{"deeper":{"array":[[1],[2,[3]]]}}}',
    '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '"\\u00e9\\u20AC"',
    '"\\ud83d\\ude00 and \u00e9 and 😀"',
    '"\\ud800 lone high, \\udc00 lone low"'
  ])('%s equals JSON.parse', (text) => {
    expect(toPlainValue(parseOk(text))).toEqual(JSON.parse(text))
  })

  it('keeps the source text of numbers', () => {
    const root = parseOk('[10.0, 1e3, -0.50, 123456789012345678901234567890]')
    expect(root.kind === 'array' && root.items.map((n) => n.kind === 'number' && n.text)).toEqual([
      '10.0',
      '1e3',
      '-0.50',
      '123456789012345678901234567890'
    ])
    expect(root.kind === 'array' && root.items[1]).toMatchObject({ value: 1000 })
  })

  it('records offsets of nodes and keys', () => {
    const text = '{\n  "Effect": "Allow",\n  "Action": ["s3:Get*", 5]\n}'
    const root = parseOk(text)
    expect(root).toMatchObject({ kind: 'object', start: 0, end: text.length, pointer: '' })
    if (root.kind !== 'object') throw new Error('expected an object')
    const [effect, action] = root.entries
    expect(effect).toMatchObject({ key: 'Effect', keyStart: 4, keyEnd: 12 })
    expect(effect?.value).toMatchObject({ kind: 'string', value: 'Allow', start: 14, end: 21 })
    expect(action?.value).toMatchObject({ kind: 'array', pointer: '/Action' })
    const items = action?.value.kind === 'array' ? action.value.items : []
    expect(items.map((i) => [i.pointer, text.slice(i.start, i.end)])).toEqual([
      ['/Action/0', '"s3:Get*"'],
      ['/Action/1', '5']
    ])
  })

  // RFC 6901 §3: `~` → `~0`, `/` → `~1`
  it.each([
    ['plain', 'plain'],
    ['a/b', 'a~1b'],
    ['m~n', 'm~0n'],
    ['~/', '~0~1'],
    ['', '']
  ])('escapes pointer token %j', (token, escaped) => {
    expect(escapePointerToken(token)).toBe(escaped)
  })

  it('escapes keys in node pointers', () => {
    const root = parseOk('{"aws:PrincipalTag/team~x": {"": [true]}}')
    const inner = root.kind === 'object' ? root.entries[0]?.value : undefined
    const leaf = inner?.kind === 'object' ? inner.entries[0]?.value : undefined
    expect(inner?.pointer).toBe('/aws:PrincipalTag~1team~0x')
    expect(leaf?.kind === 'array' && leaf.items[0]?.pointer).toBe('/aws:PrincipalTag~1team~0x//0')
  })

  it('tolerates a byte-order mark at the start only', () => {
    expect(toPlainValue(parseOk('\ufeff{"a":1}'))).toEqual({ a: 1 })
    expect(parseLocatedJson('{"a":\ufeff1}').diagnostics[0]?.code).toBe('json-syntax')
  })
})

describe('parseLocatedJson: syntax errors', () => {
  // RFC 8259 strict grammar: code, message, position (line/column) of the first error
  it.each([
    ['', 'unexpected end of input: expected a value', 1, 1],
    ['   ', 'unexpected end of input: expected a value', 1, 4],
    ['{"a": 1', 'unexpected end of input: expected `,` or `}` after object member', 1, 8],
    ['{"a": 1 "b": 2}', 'unexpected `"`: expected `,` or `}` after object member', 1, 9],
    ['[1 2]', 'unexpected `2`: expected `,` or `]` after array element', 1, 4],
    ['{"a" 1}', 'unexpected `1`: expected `:` after object key', 1, 6],
    ['{a: 1}', 'unexpected `a`: expected an object key in double quotes', 1, 2],
    ['{"a": 1,}', 'trailing comma before `}` is not allowed in JSON', 1, 9],
    ['[1,\n 2,\n]', 'trailing comma before `]` is not allowed in JSON', 3, 1],
    ['[,1]', 'unexpected `,`: expected a value', 1, 2],
    ['{"a": 1} // note', 'comments are not allowed in JSON', 1, 10],
    ['/* c */ {}', 'comments are not allowed in JSON', 1, 1],
    [
      "{'a': 1}",
      'single quotes are not allowed in JSON: expected an object key in double quotes',
      1,
      2
    ],
    ['{"a": True}', 'unexpected `True`: JSON literals are lowercase (`true`)', 1, 7],
    ['[undefined]', 'unexpected `undefined`: expected a value', 1, 2],
    ['[NaN]', 'unexpected `NaN`: expected a value', 1, 2],
    ['[tru]', 'unexpected `tru`: expected a value', 1, 2],
    ['{} {}', 'unexpected `{`: expected the end of the input after the JSON value', 1, 4],
    ['"abc', 'unterminated string: no closing `"` before the end of the input', 1, 1],
    ['"a\\', 'unterminated string: no closing `"` before the end of the input', 1, 1],
    ['"a\nb"', 'line break in string: close the string with `"` or write `\\n`', 1, 3],
    ['"a\tb"', 'control character U+0009 in string must be escaped', 1, 3],
    ['"\\x"', 'invalid escape `\\x` in string', 1, 2],
    ['"\\u12G4"', 'invalid unicode escape: expected four hex digits after `\\u`', 1, 2],
    ['"\\u12"', 'invalid unicode escape: expected four hex digits after `\\u`', 1, 2],
    ['01', 'leading zeros are not allowed in numbers', 1, 1],
    ['-', 'expected a digit after `-`', 1, 2],
    ['-a', 'expected a digit after `-`', 1, 2],
    ['1.', 'expected a digit after the decimal point', 1, 3],
    ['1.e5', 'expected a digit after the decimal point', 1, 3],
    ['1e', 'expected a digit in the exponent', 1, 3],
    ['1e+', 'expected a digit in the exponent', 1, 4],
    ['+1', 'unexpected `+`: expected a value', 1, 1],
    ['.5', 'unexpected `.`: expected a value', 1, 1],
    ['[1.5.2]', 'unexpected `.`: expected `,` or `]` after array element', 1, 5],
    ['{"a":\n  [1,\n   }', 'unexpected `}`: expected a value', 3, 4],
    ['[\u0001]', 'unexpected U+0001: expected a value', 1, 2],
    ['[`x`]', 'unexpected U+0060: expected a value', 1, 2],
    [
      '{\r\n  "a": 1\r\n  "b": 2\r\n}',
      'unexpected `"`: expected `,` or `}` after object member',
      3,
      3
    ]
  ])('%j → %s', (text, message, line, column) => {
    const result = parseLocatedJson(text, { file: 'p.json' })
    expect(result.root).toBeUndefined()
    expect(result.diagnostics).toHaveLength(1)
    expect(result.diagnostics[0]).toMatchObject({
      code: 'json-syntax',
      severity: 'error',
      file: 'p.json',
      message,
      span: { line, column }
    })
  })

  it('points the diagnostic at the enclosing container', () => {
    const result = parseLocatedJson('{"Statement": [{"Effect": "Allow" "Action": "x"}]}')
    expect(result.diagnostics[0]).toMatchObject({ code: 'json-syntax', pointer: '/Statement/0' })
  })
})

describe('parseLocatedJson: duplicate keys', () => {
  // IAM-SEMANTICS §2: duplicate keys anywhere are invalid; JSON.parse keeps the last one
  it('reports the second key with the line of the first', () => {
    const text = '{\n  "Effect": "Deny",\n  "Action": "*",\n  "Effect": "Allow"\n}'
    const result = parseLocatedJson(text, { file: 'dup.json' })
    expect(result.root).toBeDefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'json-duplicate-key',
        message: 'duplicate key `Effect`: first defined on line 2',
        pointer: '/Effect',
        file: 'dup.json',
        span: { start: 41, end: 49, line: 4, column: 3 }
      })
    ])
    // toPlainValue behaves like JSON.parse (last wins), the tree keeps both
    expect(toPlainValue(result.root!)).toEqual(JSON.parse(text))
    expect(result.root?.kind === 'object' && result.root.entries).toHaveLength(3)
  })

  it('finds duplicates at any depth and in wide objects', () => {
    const wide = Array.from({ length: 40 }, (_, i) => `"k${i}": ${i}`).join(', ')
    const text = `[{"a": {"b": 1, "b": 2}}, {${wide}, "k3": 0, "k39": 1}]`
    const result = parseLocatedJson(text)
    expect(result.diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      ['/0/a/b', 'duplicate key `b`: first defined on line 1'],
      ['/1/k3', 'duplicate key `k3`: first defined on line 1'],
      ['/1/k39', 'duplicate key `k39`: first defined on line 1']
    ])
  })

  it('compares keys after unescaping', () => {
    const result = parseLocatedJson('{"Effect": 1, "\\u0045ffect": 2}')
    expect(result.diagnostics.map((d) => d.code)).toEqual(['json-duplicate-key'])
  })

  it('does not confuse keys of sibling objects', () => {
    expect(parseLocatedJson('[{"a": 1}, {"a": 2}]').diagnostics).toEqual([])
  })
})

describe('toPlainValue', () => {
  it('makes __proto__, constructor and prototype own data properties', () => {
    const text = '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'
    const value = toPlainValue(parseOk(text)) as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__', 'constructor'])
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true })
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect((value as { polluted?: unknown }).polluted).toBeUndefined()
    expect(value).toEqual(JSON.parse(text))
  })

  it('keeps the last of duplicate __proto__ keys, like JSON.parse', () => {
    const text = '{"__proto__": 1, "__proto__": 2}'
    const value = toPlainValue(parseLocatedJson(text).root!) as Record<string, unknown>
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe(2)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
  })
})
