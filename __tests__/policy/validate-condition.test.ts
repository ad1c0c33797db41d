import { describe, expect, it } from '@jest/globals'
import { operatorNames } from '../../src/policy/condition-operators.js'
import { suggestOperator } from '../../src/policy/validate-condition.js'
import { expectDiagnostics, policyText, type ExpectedDiagnostic } from './policy-kit.js'

const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }

function withCondition(condition: unknown): string {
  return policyText([{ ...base, Condition: condition }])
}

type Row = [section: string, name: string, condition: unknown, expected: ExpectedDiagnostic[]]

const rows: Row[] = [
  [
    '§2 Condition',
    'Condition is not an object',
    'aws:SecureTransport',
    [
      {
        code: 'condition-not-object',
        pointer: '/Statement/0/Condition',
        at: '"aws:SecureTransport"'
      }
    ]
  ],
  [
    '§2 Condition',
    'operator value is not an object',
    { StringEquals: 'x' },
    [{ code: 'condition-not-object', pointer: '/Statement/0/Condition/StringEquals', at: '"x"' }]
  ],
  [
    '§4.1',
    'unknown operator with a suggestion',
    { StringEqual: { 'aws:username': 'a' } },
    [
      {
        code: 'condition-operator-unknown',
        pointer: '/Statement/0/Condition/StringEqual',
        at: '"StringEqual"',
        help: 'did you mean `StringEquals`?'
      }
    ]
  ],
  [
    '§4.1',
    'operator names are case-sensitive',
    { stringequals: { 'aws:username': 'a' } },
    [
      {
        code: 'condition-operator-unknown',
        pointer: '/Statement/0/Condition/stringequals',
        at: '"stringequals"',
        help: 'did you mean `StringEquals`?'
      }
    ]
  ],
  [
    '§4.4',
    'misspelled set qualifier',
    { 'ForAnyValues:StringLike': { 'aws:TagKeys': 'a*' } },
    [
      {
        code: 'condition-operator-unknown',
        pointer: '/Statement/0/Condition/ForAnyValues:StringLike',
        at: '"ForAnyValues:StringLike"',
        help: 'did you mean `ForAnyValue:StringLike`?'
      }
    ]
  ],
  [
    '§4.1',
    'unknown operator without a near match',
    { Regex: { 'aws:username': 'a' } },
    [
      {
        code: 'condition-operator-unknown',
        pointer: '/Statement/0/Condition/Regex',
        at: '"Regex"',
        help: 'use an operator from docs/OPERATORS.md'
      }
    ]
  ],
  [
    '§4.2',
    'Null takes no IfExists',
    { NullIfExists: { 'aws:username': 'true' } },
    [
      {
        code: 'condition-operator-null-ifexists',
        pointer: '/Statement/0/Condition/NullIfExists',
        at: '"NullIfExists"'
      }
    ]
  ],
  [
    '§4.2',
    'non-numeric value under Numeric',
    { NumericLessThan: { 's3:max-keys': 'ten' } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/NumericLessThan/s3:max-keys',
        at: '"ten"'
      }
    ]
  ],
  [
    '§4.2',
    'one bad value in a list',
    { DateGreaterThan: { 'aws:CurrentTime': ['2024-01-01T00:00:00Z', 'yesterday'] } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/DateGreaterThan/aws:CurrentTime/1',
        at: '"yesterday"'
      }
    ]
  ],
  [
    '§4.2',
    'malformed CIDR',
    { NotIpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/33' } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/NotIpAddressIfExists/aws:SourceIp',
        at: '"10.0.0.0/33"'
      }
    ]
  ],
  [
    '§4.2',
    'non-base64 under BinaryEquals',
    { BinaryEquals: { 'aws:Key': '!!!' } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/BinaryEquals/aws:Key',
        at: '"!!!"'
      }
    ]
  ],
  [
    '§4.2',
    'Bool takes true or false',
    { Bool: { 'aws:SecureTransport': 'yes' } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/Bool/aws:SecureTransport',
        at: '"yes"'
      }
    ]
  ],
  [
    '§4.2',
    'Null takes true or false',
    { Null: { 'aws:username': 5 } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/Null/aws:username',
        at: '5'
      }
    ]
  ],
  [
    '§4.6',
    'variables are literal under Numeric',
    { NumericEquals: { 's3:max-keys': '${aws:username}' } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/NumericEquals/s3:max-keys',
        at: '"${aws:username}"'
      }
    ]
  ],
  [
    '§2 Condition',
    'empty condition key',
    { StringEquals: { '': 'x' } },
    [{ code: 'condition-key-invalid', pointer: '/Statement/0/Condition/StringEquals/', at: '""' }]
  ],
  [
    '§2 Condition',
    'null value',
    { StringEquals: { 'aws:username': null } },
    [
      {
        code: 'value-type',
        pointer: '/Statement/0/Condition/StringEquals/aws:username',
        at: 'null'
      }
    ]
  ],
  [
    '§2 Condition',
    'nested list value',
    { StringEquals: { 'aws:username': ['a', ['b']] } },
    [
      {
        code: 'value-type',
        pointer: '/Statement/0/Condition/StringEquals/aws:username/1',
        at: '[',
        nth: 3
      }
    ]
  ],
  [
    '§2 Condition',
    'empty value list',
    { StringEquals: { 'aws:username': [] } },
    [{ code: 'value-empty', pointer: '/Statement/0/Condition/StringEquals/aws:username', at: '[]' }]
  ],
  [
    '§2 Condition',
    'pointer escaping of keys with / and ~',
    { NumericEquals: { 'aws:PrincipalTag/a~b': 'x' } },
    [
      {
        code: 'condition-value-invalid',
        pointer: '/Statement/0/Condition/NumericEquals/aws:PrincipalTag~1a~0b',
        at: '"x"'
      }
    ]
  ]
]

describe('condition validation (IAM-SEMANTICS §2, §4)', () => {
  it.each(rows)('%s: %s', (_section, _name, condition, expected) => {
    expectDiagnostics(withCondition(condition), 'identity', expected)
  })

  it.each([
    [{ StringEquals: { 'aws:username': 'a' } }],
    [{ 'ForAllValues:StringLikeIfExists': { 'aws:TagKeys': ['a*', 'b?'] } }],
    [{ NumericLessThanEquals: { 's3:max-keys': 10 } }],
    [{ NumericEquals: { 's3:max-keys': '10.0' } }],
    [{ DateLessThan: { 'aws:CurrentTime': ['2024-06-30T00:00:00Z', '2024', 1719705600] } }],
    [{ Bool: { 'aws:SecureTransport': false } }],
    [{ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }],
    // §7.2, R16 (condition operators page): Boolean supports policy variables
    [{ Bool: { 'aws:ViaAWSService': '${aws:SecureTransport}' } }],
    [{ Bool: { 'aws:ViaAWSService': "${aws:SecureTransport, 'false'}" } }],
    [{ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } }],
    [{ BinaryEquals: { 'aws:Key': 'QmluYXJ5' } }],
    [{ ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } }],
    [{ Null: { 'aws:TokenIssueTime': true } }],
    [{ StringEquals: {} }],
    [{}]
  ])('accepts %j', (condition) => {
    expectDiagnostics(withCondition(condition), 'identity', [])
  })
})

describe('Bool with policy variables (§4.6, §7.2)', () => {
  const condition = { Bool: { 'aws:ViaAWSService': '${aws:SecureTransport}' } }
  const invalid: ExpectedDiagnostic = {
    code: 'condition-value-invalid',
    pointer: '/Statement/0/Condition/Bool/aws:ViaAWSService',
    at: '"${aws:SecureTransport}"'
  }

  it.each([['2008-10-17'], [undefined]])(
    'is literal text, so invalid, with Version %s',
    (version) => {
      const text = policyText([{ ...base, Condition: condition }], { Version: version })
      const extra: ExpectedDiagnostic[] =
        version === undefined ? [{ code: 'policy-version-missing', pointer: '', at: '{' }] : []
      expectDiagnostics(text, 'identity', [...extra, invalid])
    }
  )

  it('checks the escapes as literal text', () => {
    const text = withCondition({ Bool: { 'aws:ViaAWSService': '${*}' } })
    expectDiagnostics(text, 'identity', [{ ...invalid, at: '"${*}"' }])
  })
})

describe('suggestOperator', () => {
  it.each([
    ['StringEqual', 'StringEquals'],
    ['StringEqualsIfExist', 'StringEqualsIfExists'],
    ['Numericlessthan', 'NumericLessThan'],
    ['ForAllValue:StringEquals', 'ForAllValues:StringEquals'],
    ['forallvalues:stringequals', 'ForAllValues:StringEquals'],
    ['ForAnyValue:ArnLik', 'ForAnyValue:ArnLike'],
    ['Whatever:StringEquals', undefined],
    ['Something', undefined]
  ])('%s → %s', (name, expected) => {
    expect(suggestOperator(name)).toBe(expected)
  })

  it('never suggests a name that is already valid', () => {
    for (const name of operatorNames()) expect(suggestOperator(name)).toBeUndefined()
  })
})
