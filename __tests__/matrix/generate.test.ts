// buildMatrix (issue 3 contract): principals for resource policies (§3.3), hand-written
// matrices as products, the limit and truncation, counts, dedupe and determinism.
import { describe, expect, it } from '@jest/globals'
import type { MatrixSpec } from '../../src/config/types.js'
import { buildMatrix } from '../../src/matrix/generate.js'
import { callerFor, principalsFor } from '../../src/matrix/principals.js'
import { collectStatements } from '../../src/matrix/statements.js'
import { PRINCIPAL, allow, catalog, changes, doc, matrixOf, policy, setOf } from './helpers.js'

const spec = (over: Partial<MatrixSpec>): MatrixSpec => ({
  actions: [],
  resources: [],
  principals: [],
  contexts: [],
  resourceAccount: undefined,
  ...over
})

describe('principals (§3.3)', () => {
  it.each([
    [{ type: 'AWS', value: '*' }, '*'],
    [{ type: 'AWS', value: '444455556666' }, 'arn:aws:iam::444455556666:root'],
    [{ type: 'AWS', value: 'arn:aws:iam::444455556666:root' }, 'arn:aws:iam::444455556666:root'],
    [
      { type: 'AWS', value: 'arn:aws:iam::444455556666:role/path/app' },
      'arn:aws:sts::444455556666:assumed-role/app/example'
    ],
    [
      { type: 'AWS', value: 'arn:aws:iam::444455556666:user/alice' },
      'arn:aws:iam::444455556666:user/alice'
    ],
    [{ type: 'Service', value: 'lambda.amazonaws.com' }, 'lambda.amazonaws.com']
  ] as const)('%j calls as %s', (entry, caller) => {
    expect(callerFor(entry)).toBe(caller)
  })

  it('use the subject’s principal alone for identity policies', () => {
    const statements = collectStatements(setOf(doc(allow('s3:GetObject'))), undefined)
    expect(principalsFor(statements, false, PRINCIPAL)).toEqual([PRINCIPAL])
  })

  it('add named principals, the same account, an outsider and anonymous for resource policies', () => {
    const bucket = doc({
      Effect: 'Allow',
      Principal: { AWS: '444455556666' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*'
    })
    const statements = collectStatements(setOf(bucket), undefined)
    expect(principalsFor(statements, true, PRINCIPAL)).toEqual([
      '*',
      'arn:aws:iam::111122223333:role/example',
      'arn:aws:iam::444455556666:root',
      // 444455556666 is taken: the outsider moves on
      'arn:aws:iam::544455556666:user/outsider'
    ])
  })

  it('give S3 resources of a resource policy the subject’s account', () => {
    const bucket = doc({
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*'
    })
    const requests = matrixOf(setOf(bucket), undefined).requests
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.every((r) => r.resourceAccount === '111122223333')).toBe(true)
  })
})

describe('hand-written matrices', () => {
  const build = (specs: MatrixSpec[], limit = 1000, auto = false) =>
    buildMatrix({
      base: undefined,
      head: undefined,
      catalog,
      specs,
      auto,
      principal: PRINCIPAL,
      limit
    })

  it('expand to the product of their lists, in order', () => {
    const matrix = build([
      spec({
        actions: ['s3:GetObject', 's3:putobject'],
        resources: ['arn:aws:s3:::b/1', 'arn:aws:s3:::b/2'],
        contexts: [{}, { 'aws:SourceIp': '203.0.113.10' }]
      })
    ])
    expect(matrix.configured).toBe(8)
    expect(matrix.generated).toBe(0)
    expect(matrix.requests[0]).toMatchObject({
      origin: 'config',
      principal: PRINCIPAL,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/1'
    })
    // the keys AWS sends in every request are added, as implied ones, and nothing else
    const first = matrix.requests[0]
    const chosen = Object.keys(first?.context ?? {}).filter((k) => !first?.implied?.includes(k))
    expect(chosen).toEqual([])
    expect(first?.context).toMatchObject({
      'aws:PrincipalArn': PRINCIPAL,
      'aws:ResourceAccount': '111122223333',
      'aws:SecureTransport': 'true'
    })
    // the catalogue's spelling of a known action
    expect(matrix.requests.at(-1)).toMatchObject({
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::b/2',
      context: { 'aws:SourceIp': '203.0.113.10' }
    })
  })

  it('default to `*`, the subject’s principal and an empty context', () => {
    const matrix = build([
      spec({ actions: ['sts:GetCallerIdentity'], resourceAccount: '444455556666' })
    ])
    expect(matrix.requests).toHaveLength(1)
    expect(matrix.requests[0]).toMatchObject({
      origin: 'config',
      principal: PRINCIPAL,
      action: 'sts:GetCallerIdentity',
      resource: '*',
      resourceAccount: '444455556666',
      // the implied aws:ResourceAccount follows the configured resource account
      context: { 'aws:ResourceAccount': '444455556666' }
    })
  })

  it('expand wildcard actions against the catalogue', () => {
    const matrix = build([spec({ actions: ['sts:GetCaller*'] })])
    expect(matrix.requests.map((r) => r.action)).toEqual(['sts:GetCallerIdentity'])
  })

  it('win over an equal generated request', () => {
    const d = doc(allow('sts:GetCallerIdentity'))
    const matrix = buildMatrix({
      base: setOf(d),
      head: undefined,
      catalog,
      specs: [spec({ actions: ['sts:GetCallerIdentity'] })],
      auto: true,
      principal: PRINCIPAL,
      limit: 1000
    })
    expect(matrix.requests).toHaveLength(1)
    expect(matrix).toMatchObject({ configured: 1, generated: 0 })
  })
})

describe('resource-based policies', () => {
  const grant = (resource: string, principal = 'arn:aws:iam::444455556666:user/bob') =>
    setOf(
      doc({
        Effect: 'Allow',
        Principal: { AWS: principal },
        Action: 's3:GetObject',
        Resource: resource
      })
    )

  // IAM-SEMANTICS §4.6 and §6: `${aws:username}` is the caller's own name, so each caller is
  // probed on its own folder (docs/MATRIX.md "Principals")
  it('build witnesses for each caller from the values the engine derives for it', () => {
    const head = grant('arn:aws:s3:::b/home/${aws:username}/*')
    const callers = matrixOf(undefined, head).requests.map((r) => `${r.principal} ${r.resource}`)
    expect(callers).toContainEqual(
      expect.stringMatching(/^arn:aws:iam::444455556666:user\/bob arn:aws:s3:::b\/home\/bob\//)
    )
    // a role session has no user name: the folder pattern matches nothing for it (§4.6)
    expect(
      callers.filter((c) => c.startsWith('arn:aws:iam::111122223333:role/'))
    ).not.toContainEqual(expect.stringMatching(/ arn:aws:s3:::b\/home\//))
  })

  it('keep the permitted callers of the own account beside configured requests', () => {
    const head = grant('arn:aws:s3:::b/*', '111122223333')
    const built = (specs: MatrixSpec[]) =>
      buildMatrix({
        base: undefined,
        head,
        catalog,
        specs,
        auto: true,
        principal: PRINCIPAL,
        limit: 1000
      })
    const permitted = (specs: MatrixSpec[]) =>
      built(specs).requests.filter((r) => r.permitted === true).length
    expect(permitted([])).toBeGreaterThan(0)
    expect(permitted([spec({ actions: ['s3:PutObject'] })])).toBe(permitted([]))
  })
})

describe('limit and truncation', () => {
  // one statement per action, so that each action is a class of its own
  const condition = { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }
  const base = setOf(
    doc(
      allow('s3:GetObject', '*', condition),
      allow('s3:PutObject', '*', condition),
      allow('sts:GetCallerIdentity', '*', condition)
    )
  )

  it('is not truncated within the limit', () => {
    const full = matrixOf(base, undefined)
    expect(full.truncated).toBe(false)
    expect(full.generated).toBe(full.requests.length)
  })

  it('keeps every action’s first request before any second one', () => {
    const full = matrixOf(base, undefined)
    const cut = matrixOf(base, undefined, { limit: 3 })
    expect(full.requests.length).toBeGreaterThan(3)
    expect(cut.truncated).toBe(true)
    expect(cut.requests.map((r) => r.action)).toEqual([
      's3:GetObject',
      's3:PutObject',
      'sts:GetCallerIdentity'
    ])
  })

  it('keeps configured requests first', () => {
    const matrix = buildMatrix({
      base,
      head: undefined,
      catalog,
      specs: [spec({ actions: ['iam:GetUser'] })],
      auto: true,
      principal: PRINCIPAL,
      limit: 2
    })
    expect(matrix.requests.map((r) => r.origin)).toEqual(['config', 'auto'])
    expect(matrix).toMatchObject({ configured: 1, generated: 1, truncated: true })
  })

  it('turns the automatic part off with auto: false', () => {
    const matrix = buildMatrix({
      base,
      head: undefined,
      catalog,
      specs: [],
      auto: false,
      principal: PRINCIPAL,
      limit: 100
    })
    expect(matrix.requests).toEqual([])
  })
})

describe('determinism', () => {
  it('gives the same requests for the same input, sorted by action', () => {
    const d = doc(
      allow(['sts:GetCallerIdentity', 's3:GetObject', 'iam:PassRole'], '*', {
        Condition: { StringLike: { 'iam:PassedToService': '*.amazonaws.com' } }
      })
    )
    const a = matrixOf(setOf(d), undefined)
    const b = matrixOf(setOf(d), undefined)
    expect(a).toEqual(b)
    const actions = a.requests.map((r) => r.action.toLowerCase())
    expect(actions).toEqual([...actions].sort())
  })
})

describe('actions whose statements did not change', () => {
  const d = doc(
    allow(['s3:GetObject', 'sts:GetCallerIdentity'], '*', { Sid: 'One' }),
    allow('iam:PassRole', '*', {
      Condition: {
        StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }
      }
    })
  )

  it('are not probed: the same document on both sides needs no request', () => {
    expect(matrixOf(setOf(d), setOf(d)).requests).toEqual([])
  })

  it('are not probed after a rewording (order, case, Sid, value order)', () => {
    const reworded = doc(
      allow('iam:passrole', '*', {
        Condition: {
          StringEquals: { 'iam:passedtoservice': ['lambda.amazonaws.com', 'ec2.amazonaws.com'] }
        }
      }),
      allow(['STS:GetCallerIdentity', 's3:getobject'], '*', { Sid: 'Other' })
    )
    expect(matrixOf(setOf(d), setOf(reworded)).requests).toEqual([])
  })

  it('are probed when only the changed statement is theirs', () => {
    const head = doc(
      allow(['s3:GetObject', 'sts:GetCallerIdentity'], '*', { Sid: 'One' }),
      allow('iam:PassRole')
    )
    expect([...new Set(matrixOf(setOf(d), setOf(head)).requests.map((r) => r.action))]).toEqual([
      'iam:PassRole'
    ])
  })

  it('are probed when a gate appears or disappears (a boundary removed changes everything)', () => {
    const boundary = doc(allow('s3:*'))
    const base = { identity: [policy(d)], boundary: [policy(boundary, 'boundary')] }
    const head = { identity: [policy(d)] }
    const matrix = matrixOf(base, head)
    const actions = new Set(
      matrix.requests.flatMap((r) => matrix.actionClasses.get(r.action) ?? [r.action])
    )
    // every action either side names: the identity statements' and the boundary's `s3:*`
    const s3 = catalog.actionsOf('s3').map((a) => a.name)
    expect(actions).toEqual(new Set(['iam:PassRole', 'sts:GetCallerIdentity', ...s3]))
  })
})

describe('action classes', () => {
  const ops = doc(
    allow('s3:GetObject', 'arn:aws:s3:::b/*'),
    allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })
  )
  const matrix = matrixOf(setOf(doc(allow('s3:GetObject', 'arn:aws:s3:::b/*'))), setOf(ops))

  it('probe one action per class, and the classes cover every action once', () => {
    const probed = [...new Set(matrix.requests.map((r) => r.action))]
    const covered = probed.flatMap((a) => matrix.actionClasses.get(a) ?? [a])
    expect(new Set(covered).size).toBe(covered.length)
    const all = catalog.services.flatMap((s) => catalog.actionsOf(s).map((a) => a.name))
    expect(new Set(covered)).toEqual(new Set(all))
    // about 16,000 actions, probed through a few hundred classes at most
    expect(probed.length * 20).toBeLessThan(all.length)
  })

  it('keep actions with rules of their own alone (role trust, KMS key policies, §5.2)', () => {
    for (const action of ['sts:AssumeRole', 'kms:Decrypt', 'kms:CreateKey'])
      expect(matrix.actionClasses.get(action) ?? [action]).toEqual([action])
  })

  it('never merge actions that different statements apply to', () => {
    const getObject = matrix.actionClasses.get('s3:GetObject') ?? ['s3:GetObject']
    expect(getObject).toEqual(['s3:GetObject'])
  })

  it('find the broadening of `*` behind eight satisfiable conditions (issue 7)', () => {
    const head = doc(
      allow('s3:GetObject', 'arn:aws:s3:::b/*'),
      allow('*', '*', {
        Condition: {
          StringEquals: {
            'aws:RequestedRegion': ['eu-west-1', 'us-east-1'],
            'aws:PrincipalTag/team': ['ops', 'sre']
          },
          Bool: { 'aws:SecureTransport': 'true', 'aws:MultiFactorAuthPresent': 'true' },
          IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] },
          NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
          StringLike: { 'aws:userid': 'AROA*', 'aws:PrincipalArn': 'arn:aws:iam::*:role/ops-*' }
        }
      })
    )
    const base = setOf(doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')))
    const big = matrixOf(base, setOf(head))
    expect(big.truncated).toBe(false)
    const found = new Set(changes(base, setOf(head), big).map((c) => c.request.action))
    for (const action of ['iam:CreateUser', 's3:DeleteBucket', 'ec2:TerminateInstances'])
      expect(found.has(action)).toBe(true)
  })
})

describe('contexts per resource', () => {
  it('vary only the conditions of the statements that can apply to the resource', () => {
    const d = doc(
      allow('s3:GetObject', 'arn:aws:s3:::b/*', {
        Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
      }),
      allow('s3:GetObject', 'arn:aws:s3:::c/*', {
        Condition: { Bool: { 'aws:SecureTransport': 'true' } }
      })
    )
    const requests = matrixOf(setOf(d), undefined).requests
    const keysFor = (prefix: string): string[] => [
      ...new Set(
        requests
          .filter((r) => r.resource.startsWith(prefix))
          .flatMap((r) => Object.keys(r.context ?? {}).filter((k) => !r.implied?.includes(k)))
      )
    ]
    expect(keysFor('arn:aws:s3:::b/')).toEqual(['aws:SourceIp'])
    expect(keysFor('arn:aws:s3:::c/')).toEqual(['aws:SecureTransport'])
    // a resource neither statement names needs no condition at all
    expect(
      requests
        .filter((r) => r.resource === 'arn:aws:s3:::example/example')
        .map((r) => Object.keys(r.context ?? {}).filter((k) => !r.implied?.includes(k)))
    ).toEqual([[]])
  })
})
