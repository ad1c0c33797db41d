import { describe, it } from '@jest/globals'
import type { PolicyKind } from '../../src/policy/model.js'
import { expectDiagnostics, policyText, type ExpectedDiagnostic } from './policy-kit.js'

const base = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }
const deny = { ...base, Effect: 'Deny' }
const STATEMENT = { at: '{', nth: 2 } as const

type Row = [
  section: string,
  name: string,
  statement: unknown,
  kind: PolicyKind | 'auto',
  expected: ExpectedDiagnostic[]
]

const rows: Row[] = [
  ...(['identity', 'boundary', 'session', 'scp'] as const).map((kind): Row => [
    '§2 Principal',
    `Principal is forbidden in ${kind} policies`,
    { ...base, Principal: '*' },
    kind,
    [
      {
        code: 'statement-principal-forbidden',
        pointer: '/Statement/0/Principal',
        at: '"Principal"'
      }
    ]
  ]),
  [
    '§2 Principal',
    'NotPrincipal is forbidden in SCPs',
    { ...deny, NotPrincipal: { AWS: '111122223333' } },
    'scp',
    [
      {
        code: 'statement-principal-forbidden',
        pointer: '/Statement/0/NotPrincipal',
        at: '"NotPrincipal"'
      }
    ]
  ],
  [
    '§2 Principal',
    'Principal is required in resource policies',
    base,
    'resource',
    [{ code: 'statement-principal-missing', pointer: '/Statement/0', ...STATEMENT }]
  ],
  [
    '§2 Principal',
    'Principal and NotPrincipal together',
    { ...deny, Principal: '*', NotPrincipal: { AWS: '111122223333' } },
    'resource',
    [
      {
        code: 'statement-principal-conflict',
        pointer: '/Statement/0/NotPrincipal',
        at: '"NotPrincipal"'
      }
    ]
  ],
  [
    '§2 Principal',
    'NotPrincipal with Allow',
    { ...base, NotPrincipal: { AWS: '111122223333' } },
    'resource',
    [
      {
        code: 'statement-notprincipal-allow',
        pointer: '/Statement/0/NotPrincipal',
        at: '"NotPrincipal"'
      }
    ]
  ],
  [
    '§2 Principal',
    'NotPrincipal with Deny',
    { ...deny, NotPrincipal: { AWS: '111122223333' } },
    'resource',
    []
  ],
  [
    '§2 Principal',
    'NotPrincipal in an RCP',
    { ...deny, NotPrincipal: '*' },
    'rcp',
    [
      {
        code: 'statement-notprincipal-forbidden',
        pointer: '/Statement/0/NotPrincipal',
        at: '"NotPrincipal"'
      }
    ]
  ],
  [
    '§2 Principal',
    'RCP principal must be "*"',
    { ...deny, Principal: { AWS: '*' } },
    'rcp',
    [{ code: 'principal-rcp', pointer: '/Statement/0/Principal', at: '{', nth: 3 }]
  ],
  [
    '§2 Principal',
    'RCP statement without Principal',
    deny,
    'rcp',
    [{ code: 'principal-rcp', pointer: '/Statement/0', ...STATEMENT }]
  ],
  ['§2 Principal', 'RCP with Principal "*"', { ...deny, Principal: '*' }, 'rcp', []],
  [
    '§2 Principal',
    'a principal string other than "*"',
    { ...base, Principal: '111122223333' },
    'resource',
    [{ code: 'principal-invalid', pointer: '/Statement/0/Principal', at: '"111122223333"' }]
  ],
  [
    '§2 Principal',
    'unknown principal type with a suggestion',
    { ...base, Principal: { Aws: '*' } },
    'resource',
    [
      {
        code: 'principal-invalid',
        pointer: '/Statement/0/Principal/Aws',
        at: '"Aws"',
        help: 'did you mean `AWS`?'
      }
    ]
  ],
  [
    '§2 Principal',
    'empty principal object',
    { ...base, Principal: {} },
    'resource',
    [{ code: 'value-empty', pointer: '/Statement/0/Principal', at: '{}' }]
  ],
  [
    '§2 Principal',
    'empty AWS list',
    { ...base, Principal: { AWS: [] } },
    'resource',
    [{ code: 'value-empty', pointer: '/Statement/0/Principal/AWS', at: '[]' }]
  ],
  [
    '§2 Principal',
    'Principal of the wrong type',
    { ...base, Principal: true },
    'resource',
    [{ code: 'value-type', pointer: '/Statement/0/Principal', at: 'true' }]
  ],
  [
    '§2 Principal',
    'pointer of a bad entry in a list',
    { ...base, Principal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:user/*'] } },
    'resource',
    [
      {
        code: 'principal-invalid',
        pointer: '/Statement/0/Principal/AWS/1',
        at: '"arn:aws:iam::111122223333:user/*"'
      }
    ]
  ]
]

describe('principal placement (IAM-SEMANTICS §2)', () => {
  it.each(rows)('%s: %s', (_section, _name, statement, kind, expected) => {
    expectDiagnostics(policyText([statement]), kind, expected)
  })
})

describe('principal forms (IAM-SEMANTICS §2 "Principal forms", §3.3)', () => {
  it.each([
    ['AWS', '*'],
    ['AWS', '111122223333'],
    ['AWS', 'arn:aws:iam::111122223333:root'],
    ['AWS', 'arn:aws:iam::111122223333:user/alice'],
    ['AWS', 'arn:aws:iam::111122223333:user/division/team/alice'],
    ['AWS', 'arn:aws:iam::111122223333:role/service-role/Deployer'],
    ['AWS', 'arn:aws:sts::111122223333:assumed-role/Deployer/session@example.com'],
    ['AWS', 'arn:aws:sts::111122223333:federated-user/bob'],
    ['AWS', 'arn:aws-cn:iam::111122223333:root'],
    ['AWS', 'arn:aws-us-gov:iam::111122223333:role/x'],
    ['Service', 'ec2.amazonaws.com'],
    ['Service', 'logs.us-east-1.amazonaws.com'],
    ['Service', 'ec2.amazonaws.com.cn'],
    ['Federated', 'accounts.google.com'],
    ['Federated', 'cognito-identity.amazonaws.com'],
    ['Federated', 'arn:aws:iam::111122223333:saml-provider/Okta'],
    ['Federated', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'],
    ['CanonicalUser', '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be']
  ])('accepts %s principal %j', (type, value) => {
    expectDiagnostics(policyText([{ ...base, Principal: { [type]: value } }]), 'resource', [])
  })

  it.each([
    ['AWS', 'arn:aws:iam::111122223333:user/*'],
    ['AWS', 'arn:aws:iam::*:root'],
    ['AWS', '1111222233*'],
    ['AWS', '11112222333'],
    ['AWS', 'alice'],
    ['AWS', 'arn:aws:iam::111122223333:group/admins'],
    ['AWS', 'arn:aws:iam::111122223333:user/'],
    ['AWS', 'arn:aws:s3:::bucket'],
    ['AWS', 'arn:aws:iam:us-east-1:111122223333:root'],
    ['AWS', 'arn:aws:sts::111122223333:assumed-role/OnlyRole'],
    ['AWS', 'arn:azure:iam::111122223333:root'],
    ['Service', '*'],
    ['Service', 'ec2'],
    ['Service', '*.amazonaws.com'],
    ['Service', 'ec2..amazonaws.com'],
    ['Federated', '*'],
    ['Federated', 'arn:aws:iam::111122223333:role/x'],
    ['CanonicalUser', ''],
    ['CanonicalUser', '*']
  ])('rejects %s principal %j', (type, value) => {
    expectDiagnostics(policyText([{ ...base, Principal: { [type]: [value] } }]), 'resource', [
      {
        code: 'principal-invalid',
        pointer: `/Statement/0/Principal/${type}/0`,
        at: JSON.stringify(value),
        // `"*"` also appears as the Resource, earlier in the text
        nth: value === '*' ? 2 : 1
      }
    ])
  })
})
