import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { parseLocatedJson } from '../../src/policy/located-json.js'
import type { Statement } from '../../src/policy/model.js'
import { looksLikePolicy, parsePolicy, parsePolicyNode } from '../../src/policy/parse.js'
import { policyText, where } from './policy-kit.js'

function statementsOf(
  text: string,
  kind: 'auto' | 'identity' | 'resource' = 'auto'
): readonly Statement[] {
  const result = parsePolicy(text, { file: 'p.json', kind })
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return result.policy?.statements ?? []
}

describe('normalisation (STYLE habit 5, IAM-SEMANTICS §2)', () => {
  it('turns a single Statement object into a one-element array at /Statement', () => {
    const text = policyText({ Sid: 'One', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })
    const [statement, ...rest] = statementsOf(text)
    expect(rest).toEqual([])
    expect(statement).toMatchObject({ index: 0, sid: 'One', pointer: '/Statement' })
  })

  it('turns string-or-array elements into arrays and marks Not* forms', () => {
    const text = policyText([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] },
      { Effect: 'Deny', NotAction: ['iam:*'], NotResource: 'arn:aws:iam::*:role/x' }
    ])
    const [first, second] = statementsOf(text)
    expect(first).toMatchObject({
      effect: 'Allow',
      sid: undefined,
      action: { negated: false, values: ['s3:GetObject'] },
      resource: { negated: false, values: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] },
      principal: undefined,
      conditions: [],
      pointer: '/Statement/0'
    })
    expect(second).toMatchObject({
      effect: 'Deny',
      index: 1,
      action: { negated: true, values: ['iam:*'] },
      resource: { negated: true, values: ['arn:aws:iam::*:role/x'] },
      pointer: '/Statement/1'
    })
  })

  it('normalises principal forms', () => {
    const text = policyText([
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' },
      {
        Effect: 'Allow',
        Principal: {
          AWS: ['111122223333', 'arn:aws:iam::111122223333:role/r'],
          Service: 'ec2.amazonaws.com'
        },
        Action: 's3:GetObject'
      },
      {
        Effect: 'Deny',
        NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
        Action: '*',
        Resource: '*'
      }
    ])
    const [star, object, not] = statementsOf(text, 'resource')
    expect(star?.principal).toEqual({ negated: false, entries: [{ type: 'AWS', value: '*' }] })
    expect(star?.resource).toBeUndefined()
    expect(object?.principal).toEqual({
      negated: false,
      entries: [
        { type: 'AWS', value: '111122223333' },
        { type: 'AWS', value: 'arn:aws:iam::111122223333:role/r' },
        { type: 'Service', value: 'ec2.amazonaws.com' }
      ]
    })
    expect(not?.principal).toEqual({
      negated: true,
      entries: [{ type: 'AWS', value: 'arn:aws:iam::111122223333:root' }]
    })
  })

  it('splits condition blocks into clauses with coerced values (§4.5)', () => {
    const text = policyText([
      {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: {
          'ForAnyValue:StringLikeIfExists': {
            'aws:TagKeys': ['a*', 'b'],
            'aws:PrincipalTag/team': 'x'
          },
          Bool: { 'aws:SecureTransport': true },
          NumericLessThan: { 's3:max-keys': 10.0 }
        }
      }
    ]).replace('"s3:max-keys": 10', '"s3:max-keys": 10.0')
    const [statement] = statementsOf(text)
    expect(statement?.conditions).toEqual([
      {
        operator: 'ForAnyValue:StringLikeIfExists',
        qualifier: 'ForAnyValue',
        base: 'StringLike',
        ifExists: true,
        key: 'aws:TagKeys',
        values: ['a*', 'b'],
        pointer: '/Statement/0/Condition/ForAnyValue:StringLikeIfExists/aws:TagKeys'
      },
      expect.objectContaining({
        key: 'aws:PrincipalTag/team',
        values: ['x'],
        pointer: expect.stringMatching(/team$/)
      }),
      {
        operator: 'Bool',
        qualifier: undefined,
        base: 'Bool',
        ifExists: false,
        key: 'aws:SecureTransport',
        values: ['true'],
        pointer: '/Statement/0/Condition/Bool/aws:SecureTransport'
      },
      expect.objectContaining({ base: 'NumericLessThan', values: ['10.0'] })
    ])
  })

  it('gives each statement the span of its object (line of the opening brace)', () => {
    const text = policyText([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:*', Resource: '*' }
    ])
    const statements = statementsOf(text)
    const second = where(text, '{', 3)
    expect(statements[1]?.span).toMatchObject(second)
    const span = statements[1]!.span
    expect(text.slice(span.start, span.end)).toBe(
      JSON.stringify({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }, null, 2).replaceAll(
        '\n',
        '\n    '
      )
    )
  })

  it('maps an empty Sid to no Sid', () => {
    const [statement] = statementsOf(
      policyText([{ Sid: '', Effect: 'Allow', Action: '*', Resource: '*' }])
    )
    expect(statement?.sid).toBeUndefined()
  })
})

describe('policy kinds', () => {
  const identity = policyText([{ Effect: 'Allow', Action: '*', Resource: '*' }])
  const trust = policyText([
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }
  ])

  it.each([
    ['auto without principals', identity, 'auto', 'identity'],
    ['auto with Principal', trust, 'auto', 'resource'],
    ['explicit scp', identity, 'scp', 'scp'],
    ['explicit boundary', identity, 'boundary', 'boundary'],
    ['explicit session', identity, 'session', 'session']
  ] as const)('%s → %s', (_name, text, kind, expected) => {
    const result = parsePolicy(text, { file: 'k.json', kind })
    expect(result.policy?.kind).toBe(expected)
    expect(result.policy?.file).toBe('k.json')
  })

  it('auto detects NotPrincipal in any statement', () => {
    const text = policyText([
      { Effect: 'Allow', Action: '*', Principal: '*' },
      { Effect: 'Deny', Action: '*', NotPrincipal: { AWS: '111122223333' } }
    ])
    expect(parsePolicy(text, { file: 'k.json', kind: 'auto' }).policy?.kind).toBe('resource')
  })
})

describe('parsePolicyNode (policies inside a larger document)', () => {
  const text = JSON.stringify(
    [
      {
        id: 'case-1',
        policies: {
          identity: [
            { Version: '2012-10-17', Statement: { Effect: 'allow', Action: '*', Resource: '*' } }
          ]
        }
      }
    ],
    null,
    2
  )

  it('reports pointers relative to the policy and positions in the whole text', () => {
    const json = parseLocatedJson(text, { file: 'cases.json' })
    const caseNode = json.root?.kind === 'array' ? json.root.items[0] : undefined
    const policies = caseNode?.kind === 'object' ? caseNode.entries[1]?.value : undefined
    const list = policies?.kind === 'object' ? policies.entries[0]?.value : undefined
    const node = list?.kind === 'array' ? list.items[0] : undefined
    expect(node?.pointer).toBe('/0/policies/identity/0')
    const result = parsePolicyNode(node!, json.lines, {
      file: 'cases.json#case-1',
      kind: 'identity'
    })
    expect(result.policy).toBeUndefined()
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'statement-effect-invalid',
        pointer: '/Statement/Effect',
        file: 'cases.json#case-1',
        span: expect.objectContaining(where(text, '"allow"'))
      })
    ])
  })

  it('returns statements with relative pointers', () => {
    const fixed = text.replace('"allow"', '"Allow"')
    const json = parseLocatedJson(fixed)
    const node =
      (json.root?.kind === 'array' &&
        json.root.items[0]?.kind === 'object' &&
        json.root.items[0]) ||
      undefined
    const policies = node?.entries[1]?.value
    const identity = policies?.kind === 'object' ? policies.entries[0]?.value : undefined
    const doc = identity?.kind === 'array' ? identity.items[0] : undefined
    const result = parsePolicyNode(doc!, json.lines, { file: 'c', kind: 'auto' })
    expect(result.policy?.statements[0]?.pointer).toBe('/Statement')
    expect(result.policy?.statements[0]?.span).toMatchObject(where(fixed, '{', 4))
  })

  it('detects duplicate keys inside the sub-tree itself', () => {
    const dup =
      '{"p": {"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*", "Action": "s3:*"}}}'
    const json = parseLocatedJson(dup)
    const node = json.root?.kind === 'object' ? json.root.entries[0]?.value : undefined
    const result = parsePolicyNode(node!, json.lines, { file: 'c', kind: 'identity' })
    expect(result.policy).toBeUndefined()
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([
      [
        'json-duplicate-key',
        '/Statement/Action',
        'duplicate key `Action`: first defined on line 1'
      ],
      ['policy-version-missing', '', expect.any(String)]
    ])
  })
})

describe('parsePolicy results', () => {
  it('returns no policy when the JSON has duplicate keys, but still validates', () => {
    const text =
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Effect": "Deny", "Action": "*", "Resource": "*"}}'
    const result = parsePolicy(text, { file: 'd.json', kind: 'identity' })
    expect(result.policy).toBeUndefined()
    expect(result.diagnostics.map((d) => d.code)).toEqual(['json-duplicate-key'])
  })

  it('never throws on arbitrary policy-shaped values (property)', () => {
    const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))
    const field = fc.oneof(
      scalar,
      fc.array(scalar),
      fc.dictionary(fc.string(), fc.oneof(scalar, fc.array(scalar)))
    )
    const statement = fc.record(
      {
        Sid: field,
        Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), field),
        Action: field,
        NotAction: field,
        Resource: field,
        Principal: field,
        NotPrincipal: field,
        Condition: fc.dictionary(fc.string(), fc.dictionary(fc.string(), field))
      },
      { requiredKeys: [] }
    )
    const policy = fc.record(
      { Version: field, Id: field, Statement: fc.oneof(statement, fc.array(statement)) },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(
        policy,
        fc.constantFrom('auto', 'identity', 'resource', 'scp', 'rcp'),
        (doc, kind) => {
          const result = parsePolicy(JSON.stringify(doc), { file: 'f.json', kind })
          const errors = result.diagnostics.some((d) => d.severity === 'error')
          expect(result.policy === undefined).toBe(errors)
          // one assertion per document: thousands of expect calls would dominate the run time
          const malformed = result.diagnostics.filter(
            (d) => /[\n\r]|\.$/.test(d.message) || d.span === undefined || d.file !== 'f.json'
          )
          expect(malformed).toEqual([])
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe('looksLikePolicy', () => {
  it.each([
    [{ Statement: [] }, true],
    [{ Version: '2012-10-17', Statement: {} }, true],
    [{ Version: '2012-10-17' }, false],
    [[{ Statement: [] }], false],
    [null, false],
    ['Statement', false],
    [Object.create({ Statement: [] }) as unknown, false]
  ])('%j → %s', (value, expected) => {
    expect(looksLikePolicy(value)).toBe(expected)
  })
})
