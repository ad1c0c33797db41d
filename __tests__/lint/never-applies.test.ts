// The warnings of src/lint/never-applies.ts, table-driven. Sources:
// - actions without resource types take only `"Resource": "*"`: service authorization reference,
//   https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
//   ("If there is no value for this column, you must specify all resources (\"*\")"), e.g.
//   https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html (ListRoles);
// - condition keys per action and resource type: the same pages; global keys:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html;
// - absent keys under negated, …IfExists, Null and ForAllValues operators:
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { lintPolicy } from '../../src/lint/lint-policy.js'
import { parsePolicy } from '../../src/policy/parse.js'

const catalog = loadCatalog()

function lint(statement: object | object[], kind: 'identity' | 'resource' = 'identity') {
  const text = JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 2)
  const parsed = parsePolicy(text, { file: 'p.json', kind })
  if (parsed.policy === undefined) throw new Error(JSON.stringify(parsed.diagnostics))
  return lintPolicy(parsed.policy, text, catalog)
}

const allow = (extra: object): object => ({ Sid: 'S', Effect: 'Allow', ...extra })

interface Row {
  readonly name: string
  readonly statement: object
  /** [code, pointer, message fragment]; [] = no warning */
  readonly expected: readonly (readonly [string, string, string])[]
}

const ROWS: readonly Row[] = [
  {
    name: 'an action with no resource types on an ARN (the issue example)',
    statement: allow({
      Action: 'iam:ListRoles',
      Resource: 'arn:aws:iam::*:role/aws-service-role/*'
    }),
    expected: [
      [
        'action-resource-mismatch',
        '/Statement/Resource',
        'statement `S` grants nothing: no request for its actions names `arn:aws:iam::*:role/aws-service-role/*`: `iam:ListRoles` takes only `"Resource": "*"`'
      ]
    ]
  },
  {
    name: 'a Deny denies nothing',
    statement: { Effect: 'Deny', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' },
    expected: [['action-resource-mismatch', '/Statement/Resource', 'statement 0 denies nothing']]
  },
  {
    name: 'some actions miss: named at the action',
    statement: allow({
      Action: ['iam:GetRole', 'iam:ListRoles'],
      Resource: 'arn:aws:iam::111122223333:role/app'
    }),
    expected: [
      [
        'action-resource-mismatch',
        '/Statement/Action/1',
        'statement `S` grants nothing for `iam:ListRoles`'
      ]
    ]
  },
  {
    name: 'a resource of a service the actions never reach',
    statement: allow({
      Action: 's3:GetObject',
      Resource: ['arn:aws:s3:::bucket/*', 'arn:aws:dynamodb:us-east-1:111122223333:table/t']
    }),
    expected: [
      [
        'action-resource-mismatch',
        '/Statement/Resource/1',
        "resource `arn:aws:dynamodb:us-east-1:111122223333:table/t` matches no request of the statement's actions: they act on `s3` resources, not on `dynamodb`"
      ]
    ]
  },
  {
    name: 'only a foreign service: the statement grants nothing',
    statement: allow({ Action: 's3:GetObject', Resource: 'arn:aws:dynamodb:*:*:table/t' }),
    expected: [['action-resource-mismatch', '/Statement/Resource', 'grants nothing']]
  },
  {
    name: 'a service key the action never carries',
    statement: allow({
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 'ec2:Region': 'us-east-1' } }
    }),
    expected: [
      [
        'condition-key-unavailable',
        '/Statement/Condition/StringEquals/ec2:Region',
        'statement `S` grants nothing: no request for `s3:GetObject` carries condition key `ec2:Region`'
      ]
    ]
  },
  {
    name: 'a key some actions lack (s3:prefix is a ListBucket key)',
    statement: allow({
      Action: ['s3:ListBucket', 's3:GetObject'],
      Resource: '*',
      Condition: { StringLike: { 's3:prefix': 'home/*' } }
    }),
    expected: [
      [
        'condition-key-unavailable',
        '/Statement/Condition/StringLike/s3:prefix',
        'grants nothing for `s3:GetObject`'
      ]
    ]
  },
  {
    name: 'a wildcard in a key name',
    statement: allow({
      Action: 'ec2:TerminateInstances',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/kubernetes.io/cluster/*': 'owned' } }
    }),
    expected: [
      [
        'condition-key-wildcard',
        '/Statement/Condition/StringEquals/aws:ResourceTag~1kubernetes.io~1cluster~1*',
        'condition key `aws:ResourceTag/kubernetes.io/cluster/*` contains `*`'
      ]
    ]
  },
  {
    name: 'a wildcard key under a negated operator holds always',
    statement: allow({
      Action: 'ec2:TerminateInstances',
      Resource: '*',
      Condition: { StringNotEquals: { 'aws:ResourceTag/team?': 'x' } }
    }),
    expected: [
      [
        'condition-key-wildcard',
        '/Statement/Condition/StringNotEquals/aws:ResourceTag~1team?',
        'holds for every request'
      ]
    ]
  },
  // negative cases: correct policies, and what the rules deliberately leave alone
  ...(
    [
      [
        '`*` on an action without resource types',
        allow({ Action: 'iam:ListRoles', Resource: '*' })
      ],
      ['a matching ARN', allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
      ['Action `*`', allow({ Action: '*', Resource: 'arn:aws:s3:::b/*' })],
      ['an unknown action', allow({ Action: 's3:GetObjekt', Resource: 'arn:aws:dynamodb:*:*:*' })],
      ['an unknown service', allow({ Action: 'nosuch:Get', Resource: 'arn:aws:s3:::b' })],
      ['NotAction', allow({ NotAction: 'iam:ListRoles', Resource: 'arn:aws:iam::*:role/x' })],
      ['NotResource', allow({ Action: 'iam:ListRoles', NotResource: 'arn:aws:iam::*:role/x' })],
      [
        'ssm acts on ec2 instances (a cross-service type)',
        allow({ Action: 'ssm:SendCommand', Resource: 'arn:aws:ec2:*:*:instance/*' })
      ],
      [
        'a renamed service sharing the resource type',
        allow({
          Action: 'codestar-connections:UseConnection',
          Resource: 'arn:aws:codeconnections:*:*:connection/*'
        })
      ],
      [
        'iam:PassRole with its own key',
        allow({
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }
        })
      ],
      [
        'a global key',
        allow({
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } }
        })
      ],
      [
        'a missing key under IfExists, negated, Null and ForAllValues',
        allow({
          Action: 's3:GetObject',
          Resource: '*',
          Condition: {
            StringEqualsIfExists: { 'ec2:Region': 'x' },
            StringNotEquals: { 'ec2:InstanceType': 'x' },
            Null: { 'ec2:Vpc': 'true' },
            'ForAllValues:StringEquals': { 'ec2:ResourceTag/a': 'x' }
          }
        })
      ],
      [
        'a key the service does not list (newer than the catalogue?)',
        allow({
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEquals: { 's3:NoSuchKey': 'x' } }
        })
      ],
      [
        'an identity-provider key on AssumeRoleWithWebIdentity',
        {
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' } }
        }
      ]
    ] as const
  ).map(([name, statement]): Row => ({ name: `no warning: ${name}`, statement, expected: [] }))
]

describe('statements that never apply', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const kind = 'Principal' in row.statement ? 'resource' : 'identity'
    const found = lint(row.statement, kind)
    expect(found.map((d) => [d.code, d.pointer])).toEqual(row.expected.map(([c, p]) => [c, p]))
    row.expected.forEach(([, , fragment], i) => expect(found[i]?.message).toContain(fragment))
    for (const d of found) {
      expect(d.severity).toBe('warning')
      expect(d.span?.line).toBeGreaterThan(1)
    }
  })

  it('locates the warning at the value in the text', () => {
    const [d] = lint(
      allow({ Action: ['iam:GetRole', 'iam:ListRoles'], Resource: 'arn:aws:iam::1:role/a' })
    )
    expect(d?.span?.line).toBe(8)
  })
})
