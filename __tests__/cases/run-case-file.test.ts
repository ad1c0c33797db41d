// What `iam-policy-diff evaluate` prints (issue 2): decisions per case, `requests` arrays, the
// `--explain` shape, and the catalogue check of request actions.
import { describe, expect, it } from '@jest/globals'
import type { ActionCatalog, CatalogAction } from '../../src/catalog/catalog.js'
import { runCaseFile, type CaseResult } from '../../src/cases/run-case-file.js'

const ALICE = 'arn:aws:iam::111122223333:user/alice'
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement })
const get = (resource = 'arn:aws:s3:::data-bucket/k', context = {}) => ({
  principal: ALICE,
  action: 's3:GetObject',
  resource,
  context
})

function evaluate(cases: unknown[], explain = false, catalog?: ActionCatalog): CaseResult[] {
  const out = runCaseFile(JSON.stringify(cases, null, 2), { file: 'c.json', explain, catalog })
  expect(out.results).toBeDefined()
  return out.results ?? []
}

describe('decisions', () => {
  // IAM-SEMANTICS §1, §5: one decision per request, in order
  it('a case with `request` gives `decision`', () => {
    const identity = [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })]
    expect(evaluate([{ id: 'a', policies: { identity }, request: get() }])).toEqual([
      { id: 'a', decision: 'Allow' }
    ])
  })

  it('a case with `requests` gives `decisions` in request order', () => {
    const identity = [
      doc(
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::secret/*' }
      )
    ]
    const requests = [
      get(),
      get('arn:aws:s3:::secret/k'),
      { ...get(), action: 'ec2:StartInstances' }
    ]
    expect(evaluate([{ id: 'm', policies: { identity }, requests }])).toEqual([
      { id: 'm', decisions: ['Allow', 'ExplicitDeny', 'ImplicitDeny'] }
    ])
  })

  it('all policy slots are optional: no policies → ImplicitDeny', () => {
    expect(evaluate([{ request: get() }])).toEqual([{ id: 'case-1', decision: 'ImplicitDeny' }])
  })

  it('resource: null means no resource-based policy', () => {
    const identity = [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })]
    expect(evaluate([{ policies: { identity, resource: null }, request: get() }])).toEqual([
      { id: 'case-1', decision: 'Allow' }
    ])
  })

  it('an invalid case among valid ones: the others are decided', () => {
    const identity = [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]
    const bad = [
      doc({
        Effect: 'Allow',
        Action: 's3:*',
        Resource: '*',
        Condition: { StringEqualz: { k: 'v' } }
      })
    ]
    const decided = evaluate([
      { id: '1', policies: { identity }, request: get() },
      { id: '2', policies: { identity: bad }, requests: [get(), get()] },
      { id: '3', policies: { identity }, request: get() }
    ]).map((r) => ('decision' in r ? r.decision : r.decisions))
    expect(decided).toEqual(['Allow', 'Error', 'Allow'])
  })
})

describe('--explain', () => {
  const identity = [
    doc(
      { Sid: 'ReadAll', Effect: 'Allow', Action: 's3:*', Resource: '*' },
      {
        Sid: 'NoSecrets',
        Effect: 'Deny',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::secret/*'
      }
    )
  ]

  it('adds reason, determining statements (file, kind, index, sid, line, pointer) and issues', () => {
    const [result] = evaluate(
      [{ id: 'e', policies: { identity }, request: get('arn:aws:s3:::secret/k') }],
      true
    )
    expect(result).toEqual({
      id: 'e',
      decision: 'ExplicitDeny',
      reason: 'explicit-deny',
      determining: [
        {
          file: 'e:identity[0]',
          kind: 'identity',
          statementIndex: 1,
          sid: 'NoSecrets',
          line: expect.any(Number),
          pointer: '/Statement/1'
        }
      ],
      issues: []
    })
  })

  it('the determining line is the statement line in the case file', () => {
    const text = JSON.stringify(
      [{ id: 'e', policies: { identity }, request: get('arn:aws:s3:::secret/k') }],
      null,
      2
    )
    const [result] = runCaseFile(text, { file: 'c.json', explain: true }).results ?? []
    const line = text.split('\n').findIndex((l) => l.includes('"Sid": "NoSecrets"'))
    // the statement's opening brace is on the line before its first key
    expect(result && 'determining' in result ? result.determining[0]?.line : undefined).toBe(line)
  })

  it('a statement without Sid has sid null', () => {
    const plain = [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })]
    const [result] = evaluate([{ policies: { identity: plain }, request: get() }], true)
    expect(result).toMatchObject({
      decision: 'Allow',
      reason: 'identity-allow',
      determining: [{ sid: null, statementIndex: 0 }]
    })
  })

  it('explains every decision of `requests`', () => {
    const [result] = evaluate(
      [{ id: 'r', policies: { identity }, requests: [get(), get('arn:aws:s3:::secret/k')] }],
      true
    )
    expect(result).toMatchObject({
      id: 'r',
      decisions: [
        {
          decision: 'Allow',
          reason: 'identity-allow',
          determining: [{ sid: 'ReadAll' }],
          issues: []
        },
        {
          decision: 'ExplicitDeny',
          reason: 'explicit-deny',
          determining: [{ sid: 'NoSecrets' }],
          issues: []
        }
      ]
    })
  })

  it('reports evaluation issues with their statement (IAM-SEMANTICS §4.6 unresolved variable)', () => {
    const home = [
      doc({
        Sid: 'Home',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::b/${aws:PrincipalTag/team}/*'
      })
    ]
    const [result] = evaluate(
      [{ policies: { identity: home }, request: get('arn:aws:s3:::b/x/k') }],
      true
    )
    expect(result).toMatchObject({
      decision: 'ImplicitDeny',
      issues: [
        { code: 'variable-unresolved', file: 'case-1:identity[0]', statementIndex: 0, sid: 'Home' }
      ]
    })
  })

  it('Error results are the same with and without explain', () => {
    const bad = {
      policies: { identity: [doc({ Effect: 'deny', Action: '*', Resource: '*' })] },
      request: get()
    }
    expect(evaluate([bad], true)).toEqual(evaluate([bad], false))
  })
})

describe('request actions and the catalogue', () => {
  const action = (name: string): CatalogAction => ({
    name,
    service: name.split(':')[0] ?? '',
    accessLevel: 'Read',
    resourceTypes: [],
    conditionKeys: []
  })
  const actions = [action('s3:GetObject'), action('s3:PutObject')]
  const catalog: ActionCatalog = {
    services: ['s3'],
    actionsOf: (service) => (service === 's3' ? actions : []),
    action: (name) => actions.find((a) => a.name.toLowerCase() === name.toLowerCase()),
    resourceType: () => undefined,
    globalConditionKeys: []
  }
  const identity = [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]

  it('an unknown request action is an Error with a suggestion, not an Allow through s3:*', () => {
    const [result] = evaluate(
      [{ policies: { identity }, request: { ...get(), action: 's3:GetObjekt' } }],
      false,
      catalog
    )
    expect(result).toMatchObject({
      decision: 'Error',
      diagnostics: [
        {
          code: 'action-unknown',
          severity: 'error',
          help: 'did you mean `s3:GetObject`?',
          pointer: '/0/request/action'
        }
      ]
    })
  })

  it('an unknown service gets a service suggestion', () => {
    const [result] = evaluate(
      [{ requests: [get(), { ...get(), action: 's4:GetObject' }] }],
      false,
      catalog
    )
    expect(result).toMatchObject({
      decision: 'Error',
      diagnostics: [{ help: 'did you mean `s3:GetObject`?' }]
    })
  })

  it('known actions in any letter case pass the check', () => {
    expect(
      evaluate(
        [{ policies: { identity }, request: { ...get(), action: 'S3:getobject' } }],
        false,
        catalog
      )
    ).toEqual([{ id: 'case-1', decision: 'Allow' }])
  })

  it('without a catalogue, request actions are not checked', () => {
    expect(
      evaluate([{ policies: { identity }, request: { ...get(), action: 's3:GetObjekt' } }])
    ).toEqual([{ id: 'case-1', decision: 'Allow' }])
  })
})
