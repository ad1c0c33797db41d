// The located tree of templates: positions of keys and values, short-form intrinsics, limits.
import { describe, expect, it } from '@jest/globals'
import {
  decodeTemplate,
  entryOf,
  valueOf,
  type LocatedNode
} from '../../src/extract/located-tree.js'

function codes(text: string, options = {}): string[] {
  return decodeTemplate(text, options).diagnostics.map((d) => d.code)
}

describe('decodeTemplate: YAML', () => {
  it('locates keys and scalar values (1-based)', () => {
    const { root, syntax } = decodeTemplate('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n')
    expect(syntax).toBe('yaml')
    const bucket = entryOf(valueOf(root, 'Resources'), 'Bucket')
    expect(bucket?.keyAt).toMatchObject({ line: 2, column: 3 })
    const type = valueOf(bucket?.value, 'Type')
    expect(type).toMatchObject({ kind: 'scalar', value: 'AWS::S3::Bucket', line: 3, column: 11 })
  })

  it.each([
    ['!Ref X', { Ref: 'X' }],
    ['!Sub "a-${X}"', { 'Fn::Sub': 'a-${X}' }],
    ['!GetAtt Role.Arn', { 'Fn::GetAtt': ['Role', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Role, Arn]', { 'Fn::GetAtt': ['Role', 'Arn'] }],
    ['!Join [",", [a, b]]', { 'Fn::Join': [',', ['a', 'b']] }],
    ['!If [C, a, b]', { 'Fn::If': ['C', 'a', 'b'] }],
    ['!Select [0, [a]]', { 'Fn::Select': [0, ['a']] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!FindInMap [M, a, b]', { 'Fn::FindInMap': ['M', 'a', 'b'] }],
    ['!ImportValue Shared', { 'Fn::ImportValue': 'Shared' }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Cidr [10.0.0.0/16, 2, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }],
    ["!GetAZs ''", { 'Fn::GetAZs': '' }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Not [!Condition A]', { 'Fn::Not': [{ Condition: 'A' }] }],
    ['!Transform {Name: M}', { 'Fn::Transform': { Name: 'M' } }]
  ])('turns %s into its long form', (yaml, expected) => {
    const { root, diagnostics } = decodeTemplate(`v: ${yaml}\n`)
    expect(diagnostics).toEqual([])
    expect(plain(valueOf(root, 'v'))).toEqual(expected)
  })

  it('positions a short form at the tagged value', () => {
    const { root } = decodeTemplate('a: 1\nv: !Ref X\n')
    expect(valueOf(root, 'v')).toMatchObject({ kind: 'map', line: 2, column: 9 })
  })

  it('reports duplicate keys, located at the second', () => {
    const { diagnostics } = decodeTemplate('a: 1\nb: 2\na: 3\n')
    expect(diagnostics).toMatchObject([{ code: 'template-duplicate-key', span: { line: 3 } }])
  })

  it('reports a syntax error with its position', () => {
    const { root, diagnostics } = decodeTemplate('a: [1, 2\nb: 3\n')
    expect(root).toBeUndefined()
    expect(diagnostics[0]?.code).toBe('yaml-syntax')
    expect(diagnostics[0]?.span?.line).toBeGreaterThan(0)
  })

  it('expands a few aliases but refuses an alias bomb', () => {
    const ok = decodeTemplate('a: &x [1, 2]\nb: *x\n')
    expect(plain(ok.root)).toEqual({ a: [1, 2], b: [1, 2] })
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (const name of 'bcdefghi') {
      const prev = String.fromCharCode(name.charCodeAt(0) - 1)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`)
    }
    expect(codes(levels.join('\n'))).toContain('template-alias-limit')
  })

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    expect(codes(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`)).toContain('template-too-deep')
    const deepMap = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')
    expect(codes(deepMap)).toContain('template-too-deep')
  })

  it('refuses input over the size limit before parsing', () => {
    expect(codes(`a: ${'x'.repeat(5 * 1024 * 1024)}\n`)).toEqual(['template-too-large'])
  })

  it('reads a 2 MiB string value', () => {
    const { root, diagnostics } = decodeTemplate(`a: "${'x'.repeat(2 * 1024 * 1024)}"\n`)
    expect(diagnostics).toEqual([])
    expect((valueOf(root, 'a') as { value: string }).value).toHaveLength(2 * 1024 * 1024)
  })

  it('keeps hostile keys as plain data', () => {
    const { root } = decodeTemplate('__proto__: {polluted: 1}\n"<!--": x\n')
    expect(entryOf(root, '__proto__')).toBeDefined()
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('decodeTemplate: JSON', () => {
  it('uses the located JSON parser for text starting with `{`', () => {
    const { root, syntax } = decodeTemplate(
      '{\n  "Resources": {"R": {"Type": "AWS::SQS::Queue"}}\n}'
    )
    expect(syntax).toBe('json')
    const r = entryOf(valueOf(root, 'Resources'), 'R')
    expect(r?.keyAt).toMatchObject({ line: 2, column: 17 })
  })

  it('reports duplicate keys and syntax errors with the JSON codes', () => {
    expect(codes('{"a": 1, "a": 2}')).toEqual(['json-duplicate-key'])
    expect(codes('{"a": 1,}')).toEqual(['json-syntax'])
  })
})

function plain(node: LocatedNode | undefined): unknown {
  if (!node) return undefined
  if (node.kind === 'scalar') return node.value
  if (node.kind === 'seq') return node.items.map(plain)
  return Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)]))
}
