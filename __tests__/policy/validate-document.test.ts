import { describe, expect, it } from '@jest/globals'
import type { PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { expectDiagnostics, policyText, type ExpectedDiagnostic } from './policy-kit.js'

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }

type Row = [
  section: string,
  name: string,
  text: string,
  kind: PolicyKind | 'auto',
  expected: ExpectedDiagnostic[]
]

const rows: Row[] = [
  [
    '§2',
    'array instead of an object',
    '[]',
    'identity',
    [{ code: 'policy-not-object', pointer: '', at: '[' }]
  ],
  [
    '§2',
    'string instead of an object',
    '"policy"',
    'auto',
    [{ code: 'policy-not-object', pointer: '', at: '"' }]
  ],
  [
    '§2 Version',
    'unknown version',
    policyText([allow], { Version: '2012-10-18' }),
    'identity',
    [{ code: 'policy-version-invalid', pointer: '/Version', at: '"2012-10-18"' }]
  ],
  [
    '§2 Version',
    'version as a number',
    policyText([allow], { Version: 2012 }),
    'identity',
    [{ code: 'policy-version-invalid', pointer: '/Version', at: '2012' }]
  ],
  [
    '§2 Version',
    'missing version is only a warning',
    JSON.stringify({ Statement: [allow] }, null, 2),
    'identity',
    [{ code: 'policy-version-missing', pointer: '', at: '{' }]
  ],
  [
    '§2 Statement',
    'missing Statement',
    JSON.stringify({ Version: '2012-10-17' }),
    'identity',
    [{ code: 'policy-statement-missing', pointer: '', at: '{' }]
  ],
  [
    '§2 Statement',
    'empty Statement',
    policyText([]),
    'identity',
    [{ code: 'policy-statement-empty', pointer: '/Statement', at: '[' }]
  ],
  [
    '§2 Statement',
    'Statement is a string',
    policyText('Allow'),
    'identity',
    [{ code: 'statement-not-object', pointer: '/Statement', at: '"Allow"' }]
  ],
  [
    '§2 Statement',
    'a statement is not an object',
    policyText([allow, ['x']]),
    'identity',
    [{ code: 'statement-not-object', pointer: '/Statement/1', at: '[', nth: 2 }]
  ],
  [
    '§2',
    'unknown top-level element with a suggestion',
    policyText([allow], { Statements: [] }),
    'identity',
    [
      {
        code: 'policy-element-unknown',
        pointer: '/Statements',
        at: '"Statements"',
        help: 'did you mean `Statement`?'
      }
    ]
  ],
  [
    '§2',
    'wrong case is an unknown element',
    JSON.stringify({ version: '2012-10-17', Version: '2012-10-17', Statement: allow }),
    'identity',
    [
      {
        code: 'policy-element-unknown',
        pointer: '/version',
        at: '"version"',
        help: 'did you mean `Version`?'
      }
    ]
  ],
  [
    '§2',
    'unknown element without a near match keeps the default help',
    policyText([allow], { Comment: 'x' }),
    'identity',
    [
      {
        code: 'policy-element-unknown',
        pointer: '/Comment',
        at: '"Comment"',
        help: 'remove the element or fix its name'
      }
    ]
  ],
  [
    '§2 Id',
    'Id in an identity policy is a warning',
    policyText([allow], { Id: 'my-policy' }),
    'identity',
    [{ code: 'policy-id-in-identity', pointer: '/Id', at: '"Id"' }]
  ],
  ['§2 Id', 'Id in a boundary is accepted', policyText([allow], { Id: 'b' }), 'boundary', []],
  [
    '§2 Id',
    'Id must be a string',
    policyText([{ ...allow, Principal: '*' }], { Id: 7 }),
    'resource',
    [{ code: 'value-type', pointer: '/Id', at: '7,' }]
  ],
  [
    '§2',
    'duplicate top-level key makes the policy invalid',
    '{"Version": "2012-10-17", "Statement": [], "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}',
    'identity',
    [
      { code: 'json-duplicate-key', pointer: '/Statement', at: '"Statement"', nth: 2 },
      { code: 'policy-statement-empty', pointer: '/Statement', at: '[' }
    ]
  ]
]

describe('document validation (IAM-SEMANTICS §2)', () => {
  it.each(rows)('%s: %s', (_section, _name, text, kind, expected) => {
    expectDiagnostics(text, kind, expected)
  })

  it('keeps policies that only have warnings', () => {
    const result = parsePolicy(JSON.stringify({ Id: 'x', Statement: allow }), {
      file: 'w.json',
      kind: 'identity'
    })
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['policy-version-missing', 'warning'],
      ['policy-id-in-identity', 'warning']
    ])
    expect(result.policy).toMatchObject({ version: undefined, id: 'x', kind: 'identity' })
  })

  it.each([['2012-10-17'], ['2008-10-17']])('accepts version %s', (version) => {
    const result = parsePolicy(policyText(allow, { Version: version }), {
      file: 'v.json',
      kind: 'identity'
    })
    expect(result.diagnostics).toEqual([])
    expect(result.policy?.version).toBe(version)
  })

  it('writes lowercase one-line messages with user values in backticks', () => {
    const text = policyText([allow], { Version: '2012-10-18\n`x`' })
    const [d] = parsePolicy(text, { file: 'm.json', kind: 'identity' }).diagnostics
    expect(d?.message).toBe('unknown version `2012-10-18\\n\\`x\\``')
  })

  it('shortens very long user values in messages', () => {
    const text = policyText([allow], { Version: 'v'.repeat(10_000) })
    const [d] = parsePolicy(text, { file: 'm.json', kind: 'identity' }).diagnostics
    expect(d?.message).toBe(`unknown version \`${'v'.repeat(80)}…\``)
  })
})
