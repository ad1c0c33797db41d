import { describe, expect, it } from '@jest/globals'
import type { PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { expectDiagnostics, policyText, type ExpectedDiagnostic } from './policy-kit.js'

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }

type Row = [
  section: string,
  name: string,
  statements: unknown,
  kind: PolicyKind | 'auto',
  expected: ExpectedDiagnostic[]
]

/** the opening brace of the first statement in policyText output */
const STATEMENT = { at: '{', nth: 2 } as const

const rows: Row[] = [
  [
    '§2',
    'unknown element with a suggestion',
    [{ Effect: 'Allow', Action: 's3:GetObject', Actions: 's3:PutObject', Resource: '*' }],
    'identity',
    [
      {
        code: 'statement-element-unknown',
        pointer: '/Statement/0/Actions',
        at: '"Actions"',
        help: 'did you mean `Action`?'
      }
    ]
  ],
  [
    '§2',
    'lowercase element name',
    [{ Effect: 'Allow', Action: '*', resource: '*', Resource: '*' }],
    'identity',
    [
      {
        code: 'statement-element-unknown',
        pointer: '/Statement/0/resource',
        at: '"resource"',
        help: 'did you mean `Resource`?'
      }
    ]
  ],
  [
    '§2 Effect',
    'missing Effect',
    [{ Action: '*', Resource: '*' }],
    'identity',
    [{ code: 'statement-effect-missing', pointer: '/Statement/0', ...STATEMENT }]
  ],
  [
    '§2 Effect',
    'Effect is case-sensitive',
    [{ ...allow, Effect: 'allow' }],
    'identity',
    [
      {
        code: 'statement-effect-invalid',
        pointer: '/Statement/0/Effect',
        at: '"allow"',
        help: 'did you mean `Allow`?'
      }
    ]
  ],
  [
    '§2 Effect',
    'Effect is not a string',
    [{ ...allow, Effect: true }],
    'identity',
    [{ code: 'statement-effect-invalid', pointer: '/Statement/0/Effect', at: 'true' }]
  ],
  [
    '§2 Action',
    'missing Action and NotAction',
    [{ Effect: 'Allow', Resource: '*' }],
    'identity',
    [{ code: 'statement-action-missing', pointer: '/Statement/0', ...STATEMENT }]
  ],
  [
    '§2 Action',
    'both Action and NotAction',
    [{ ...allow, NotAction: 'iam:*' }],
    'identity',
    [{ code: 'statement-action-conflict', pointer: '/Statement/0/NotAction', at: '"NotAction"' }]
  ],
  [
    '§2 Resource',
    'missing Resource in an identity policy',
    [{ Effect: 'Allow', Action: '*' }],
    'identity',
    [{ code: 'statement-resource-missing', pointer: '/Statement/0', ...STATEMENT }]
  ],
  [
    '§2 Resource',
    'missing Resource in an SCP',
    [{ Effect: 'Deny', Action: '*' }],
    'scp',
    [{ code: 'statement-resource-missing', pointer: '/Statement/0', ...STATEMENT }]
  ],
  [
    '§2 Resource',
    'a resource policy may omit Resource',
    [{ Effect: 'Allow', Principal: '*', Action: '*' }],
    'resource',
    []
  ],
  [
    '§2 Resource',
    'both Resource and NotResource',
    [{ ...allow, NotResource: 'arn:aws:s3:::b' }],
    'identity',
    [
      {
        code: 'statement-resource-conflict',
        pointer: '/Statement/0/NotResource',
        at: '"NotResource"'
      }
    ]
  ],
  [
    '§2 Sid',
    'duplicate Sid',
    [
      { Sid: 'Read', ...allow },
      { Sid: 'Read', ...allow }
    ],
    'identity',
    [{ code: 'statement-sid-duplicate', pointer: '/Statement/1/Sid', at: '"Read"', nth: 2 }]
  ],
  [
    '§2 Sid',
    'non-alphanumeric Sid is a warning',
    [{ Sid: 'allow-read', ...allow }],
    'identity',
    [{ code: 'statement-sid-invalid', pointer: '/Statement/0/Sid', at: '"allow-read"' }]
  ],
  [
    '§2 Sid',
    'Sid must be a string',
    [{ Sid: 1, ...allow }],
    'identity',
    [{ code: 'value-type', pointer: '/Statement/0/Sid', at: '1,' }]
  ],
  [
    '§2 Sid',
    'empty Sids are neither invalid nor duplicates',
    [
      { Sid: '', ...allow },
      { Sid: '', ...allow }
    ],
    'identity',
    []
  ],
  [
    '§2',
    'Action of the wrong type',
    [{ ...allow, Action: 5 }],
    'identity',
    [{ code: 'value-type', pointer: '/Statement/0/Action', at: '5' }]
  ],
  [
    '§2',
    'a non-string entry in an Action list',
    [{ ...allow, Action: ['s3:GetObject', { a: 1 }] }],
    'identity',
    [{ code: 'value-type', pointer: '/Statement/0/Action/1', at: '{', nth: 3 }]
  ],
  [
    '§2',
    'empty Resource list',
    [{ ...allow, Resource: [] }],
    'identity',
    [{ code: 'value-empty', pointer: '/Statement/0/Resource', at: '[]' }]
  ],
  [
    '§2',
    'the statement is an object, even when Statement is a single object',
    { Effect: 'Allow', Action: '*' },
    'identity',
    [{ code: 'statement-resource-missing', pointer: '/Statement', ...STATEMENT }]
  ]
]

describe('statement validation (IAM-SEMANTICS §2)', () => {
  it.each(rows)('%s: %s', (_section, _name, statements, kind, expected) => {
    expectDiagnostics(policyText(statements), kind, expected)
  })

  it('names the statement in messages by Sid, else by index', () => {
    const text = policyText([
      { Sid: 'ReadAll', ...allow, Effect: 'Permit' },
      { ...allow, Effect: 'Permit' }
    ])
    const messages = parsePolicy(text, { file: 'p.json', kind: 'identity' }).diagnostics.map(
      (d) => d.message
    )
    expect(messages).toEqual([
      'statement `ReadAll`: invalid effect `Permit`: use exactly `Allow` or `Deny`',
      'statement 1: invalid effect `Permit`: use exactly `Allow` or `Deny`'
    ])
  })

  it('reports every problem of a statement, not only the first', () => {
    const text = policyText([{ Effect: 'Alow', Actions: '*', NotResource: 5 }])
    const codes = parsePolicy(text, { file: 'p.json', kind: 'identity' }).diagnostics.map(
      (d) => d.code
    )
    expect(codes).toEqual([
      'statement-element-unknown',
      'statement-effect-invalid',
      'statement-action-missing',
      'value-type'
    ])
  })
})

describe('action and resource forms (IAM-SEMANTICS §3.1, §3.2)', () => {
  it.each([
    ['*'],
    ['s3:GetObject'],
    ['s3:Get*'],
    ['s3:*'],
    ['S3:getobject'],
    ['ec2:Describe?nstances'],
    ['execute-api:Invoke'],
    ['s3-object-lambda:*']
  ])('§3.1 accepts action %j', (action) => {
    expectDiagnostics(policyText([{ ...allow, Action: action }]), 'identity', [])
  })

  it.each([
    ['s3GetObject'],
    [''],
    [':GetObject'],
    ['s3:'],
    ['s3*:GetObject'],
    ['*:*'],
    ['s?:GetObject'],
    ['s3:Get Object'],
    ['ec2: DescribeInstances'],
    ['s3:GetObject:x'],
    ['s 3:GetObject'],
    ['s3:Get/Object']
  ])('§3.1 rejects action %j', (action) => {
    const text = policyText([{ ...allow, NotAction: [action], Action: undefined }])
    expectDiagnostics(text, 'identity', [
      { code: 'action-invalid', pointer: '/Statement/0/NotAction/0', at: JSON.stringify(action) }
    ])
  })

  it.each([
    ['*'],
    ['arn:aws:s3:::bucket'],
    ['arn:aws:s3:::bucket/*'],
    ['arn:aws:s3:::${aws:username}/*'],
    ['arn:aws:iam::*:role/admin'],
    ['arn:aws:lambda:us-east-1:111122223333:function:my-fn:*'],
    ['arn:aws:sqs:us-east-1:*'],
    ['arn:aws:dynamodb:*'],
    ['arn:*'],
    ['arn:aws:organizations::*:'],
    ['arn:aws-cn:s3:::b'],
    ['arn:*:s3:::b']
  ])('§3.2 accepts resource %j', (resource) => {
    expectDiagnostics(policyText([{ ...allow, Resource: resource }]), 'identity', [])
  })

  it.each([
    ['bucket', 'resource-invalid'],
    ['arn:aws:s3', 'resource-matches-nothing'],
    ['arn:aws:sqs:us-east-1', 'resource-matches-nothing'],
    ['arn:aws:sqs:us-east-1:111122223333', 'resource-matches-nothing'],
    ['arn:aws:s3:::', 'none'],
    ['ARN:aws:s3:::b', 'resource-invalid'],
    ['arn::s3:::b', 'resource-invalid'],
    ['arn:aws::us-east-1:1:x', 'resource-invalid'],
    ['arn:aws:s3*:::b', 'resource-wildcard-service'],
    ['arn:aws:*:us-east-1:111122223333:x', 'resource-wildcard-service'],
    ['arn:aws:s?:::b', 'resource-wildcard-service'],
    ['arn:aws:*', 'resource-wildcard-service']
  ])('§3.2 checks resource %j', (resource, code) => {
    const text = policyText([{ ...allow, Resource: ['*', resource] }])
    const expected =
      code === 'none'
        ? []
        : [{ code, pointer: '/Statement/0/Resource/1', at: JSON.stringify(resource) }]
    expectDiagnostics(text, 'identity', expected)
  })
})
