// Risks of real reviews (docs/RISKS.md): one policy change per row, the risks of its broadened
// changes as the report gives them. The sources of each rule are cited in docs/RISKS.md.
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import type { Risk } from '../../src/risk/vocabulary.js'
import { memorySource, policy } from '../review/memory-source.js'

const catalog = loadCatalog()
const GITHUB_PROVIDER =
  'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com'

async function run(head: string, base?: string): Promise<Report> {
  return review({
    source: memorySource({
      base: base === undefined ? {} : { 'p.json': base },
      head: { 'p.json': head }
    }),
    config: DEFAULT_CONFIG,
    catalog,
    toolVersion: 'test'
  })
}

/** action → principal → risks, over the broadened changes. */
async function risksOf(head: string, base?: string): Promise<Record<string, Risk[]>> {
  const report = await run(head, base)
  const out: Record<string, Risk[]> = {}
  for (const c of report.changes) {
    if (c.kind !== 'broadened') continue
    out[`${c.action} ${c.resource} ${c.principal}`] = [...c.risks]
  }
  return out
}

const allow = (action: string | string[], resource: string | string[], extra = {}): object => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
  ...extra
})

describe('identity policies', () => {
  it('reads access levels from the catalogue over the class', async () => {
    const risks = await risksOf(policy(allow(['s3:GetObject', 's3:ListBucket'], '*')))
    const values = Object.values(risks)
    expect(values.flat()).toEqual(expect.arrayContaining(['read']))
    expect(values.flat()).not.toContain('privilege-escalation')
  })

  it.each([
    // [policy action, resource, expected risk present]; sources: docs/RISKS.md
    ['iam:CreatePolicyVersion', '*', 'privilege-escalation'], // pathfinding iam-001, Rhino
    ['iam:AttachRolePolicy', 'arn:aws:iam::123456789012:role/app', 'privilege-escalation'], // iam-009
    ['iam:PutUserPolicy', '*', 'privilege-escalation'], // iam-007
    ['iam:UpdateAssumeRolePolicy', '*', 'privilege-escalation'], // iam-012
    ['iam:PassRole', '*', 'privilege-escalation'], // broad PassRole: ec2-001 and the passrole family
    ['iam:PassRole', 'arn:aws:iam::123456789012:role/*', 'privilege-escalation'],
    ['sts:AssumeRole', '*', 'privilege-escalation'], // sts-001
    ['lambda:UpdateFunctionCode', '*', 'privilege-escalation'], // lambda-003
    ['ssm:SendCommand', '*', 'privilege-escalation'], // ssm-002
    ['iam:CreateAccessKey', '*', 'privilege-escalation'], // iam-002: any user
    ['iam:AttachRolePolicy', '*', 'permissions-management'],
    ['iam:TagRole', '*', 'tagging'],
    ['s3:PutObject', '*', 'write'],
    ['s3:ListAllMyBuckets', '*', 'list'],
    ['*', '*', 'admin']
  ])('%s on %s is %s', async (action, resource, risk) => {
    const risks = Object.values(await risksOf(policy(allow(action, resource))))
    expect(risks.some((r) => r.includes(risk as Risk))).toBe(true)
  })

  it.each([
    ['iam:PassRole', 'arn:aws:iam::123456789012:role/lambda-exec'], // one named role
    ['sts:AssumeRole', 'arn:aws:iam::123456789012:role/reader'],
    ['iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/${aws:username}'], // own keys
    ['ec2:RunInstances', '*'], // no iam:PassRole with it
    ['s3:*', '*'], // one service is not admin
    ['s3:Get*', '*']
  ])('%s on %s is not privilege escalation nor admin', async (action, resource) => {
    const risks = Object.values(await risksOf(policy(allow(action, resource)))).flat()
    expect(risks).not.toContain('privilege-escalation')
    expect(risks).not.toContain('admin')
  })

  it('flags a PassRole companion when the same principal also gains iam:PassRole on any role', async () => {
    const risks = await risksOf(
      policy(
        allow('ec2:RunInstances', '*'),
        allow('iam:PassRole', 'arn:aws:iam::123456789012:role/*')
      )
    )
    const run = Object.entries(risks).filter(([key]) => key.startsWith('ec2:RunInstances'))
    expect(run.length).toBeGreaterThan(0)
    expect(run.every(([, r]) => r.includes('privilege-escalation'))).toBe(true)
  })

  it('a read-only grant across every service is not admin', async () => {
    const risks = Object.values(
      await risksOf(
        policy(
          allow(
            catalog.services.flatMap((s) => [`${s}:Get*`, `${s}:List*`]),
            '*'
          )
        )
      )
    ).flat()
    expect(risks).toContain('read')
    expect(risks).not.toContain('admin')
  })

  it('narrowed changes carry no risk', async () => {
    const report = await run(policy(allow('s3:GetObject', '*')), policy(allow('s3:*', '*')))
    expect(report.changes.length).toBeGreaterThan(0)
    expect(report.changes.every((c) => c.kind === 'narrowed' && c.risks.length === 0)).toBe(true)
  })
})

describe('resource-based policies', () => {
  const bucket = (statement: object): string =>
    policy({ Sid: 'Grant', Resource: 'arn:aws:s3:::b/*', Effect: 'Allow', ...statement })

  it('Principal * with no condition is public (and cross-account)', async () => {
    const risks = await risksOf(bucket({ Principal: '*', Action: 's3:GetObject' }))
    const anonymous = Object.entries(risks).find(([key]) => key.endsWith(' *'))
    expect(anonymous?.[1]).toEqual(['public', 'cross-account', 'read'])
    const outsider = Object.entries(risks).find(([key]) => key.includes(':user/outsider'))
    expect(outsider?.[1]).toEqual(['public', 'cross-account', 'read'])
  })

  it('Principal * restricted to an organisation is cross-account, not public', async () => {
    const risks = await risksOf(
      bucket({
        Principal: '*',
        Action: 's3:GetObject',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }
      })
    )
    const values = Object.values(risks)
    expect(values.length).toBeGreaterThan(0)
    expect(values.flat()).not.toContain('public')
    expect(values.some((r) => r.includes('cross-account'))).toBe(true)
  })

  // A key pins only when it keeps callers out: the request is decided again with the
  // outsider's own values (src/risk/pinning.ts); S3's "The meaning of public" counts a
  // condition only when it grants to fixed values of these keys.
  it.each<[string, object, boolean]>([
    ['aws:SourceIp 0.0.0.0/0', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, true],
    [
      'aws:SourceIp ::/0 and 0.0.0.0/0',
      { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0', '::/0'] } },
      true
    ],
    ['NotIpAddress of a private range', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, true],
    ['a private range', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, false],
    ['aws:SourceArn like *', { StringLike: { 'aws:SourceArn': '*' } }, true],
    [
      'a fixed aws:SourceArn',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:orders' } },
      false
    ],
    ['aws:SourceVpce like vpce-*', { StringLike: { 'aws:SourceVpce': 'vpce-*' } }, true],
    // any bucket ARN: anyone can create a bucket; the witness moved to the outsider is accepted
    ['aws:SourceArn like arn:aws:s3:::*', { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::*' } }, true],
    [
      'one bucket as aws:SourceArn',
      { ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::my-logs' } },
      false
    ],
    ['a fixed aws:SourceVpce', { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, false]
  ])('Principal * with %s: public %s', async (_name, condition, expected) => {
    const risks = Object.values(
      await risksOf(bucket({ Principal: '*', Action: 's3:GetObject', Condition: condition }))
    ).flat()
    expect(risks.length).toBeGreaterThan(0)
    expect(risks.includes('public')).toBe(expected)
  })

  it('a named account of another account is cross-account', async () => {
    const risks = await risksOf(
      bucket({ Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 's3:GetObject' })
    )
    expect(risks['s3:GetObject arn:aws:s3:::b/example arn:aws:iam::210987654321:root']).toEqual([
      'cross-account',
      'read'
    ])
  })

  it('a principal of the resource’s own account is neither', async () => {
    const risks = Object.values(
      await risksOf(
        bucket({
          Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' },
          Action: 's3:PutObject'
        })
      )
    ).flat()
    expect(risks).toContain('write')
    expect(risks).not.toContain('cross-account')
    expect(risks).not.toContain('public')
  })

  it('a trust policy grants assuming its own role only: not a privilege escalation', async () => {
    // docs/RISKS.md: `sts:AssumeRole` escalates only on any role; a trust policy names one
    const trust = (account: string): string =>
      policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'sts:AssumeRole'
      })
    const risks = Object.values(await risksOf(trust('210987654321'), trust('123456789012'))).flat()
    expect(risks).toContain('cross-account')
    expect(risks).not.toContain('privilege-escalation')
  })

  it('a trust policy open to every AWS principal is public', async () => {
    const risks = await risksOf(
      policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' })
    )
    expect(Object.values(risks).some((r) => r[0] === 'public')).toBe(true)
  })

  // Web-identity federation: any GitHub repository can obtain a token for the GitHub provider,
  // so a trust policy without a subject condition is public (sources in federation.test.ts).
  const trust = (condition?: object, federated = GITHUB_PROVIDER): string =>
    policy({
      Effect: 'Allow',
      Principal: { Federated: federated },
      Action: 'sts:AssumeRoleWithWebIdentity',
      ...(condition === undefined ? {} : { Condition: condition })
    })
  const AUDIENCE = {
    StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }
  }
  const PINNED = {
    ...AUDIENCE,
    StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/app:*' }
  }
  const federated = async (head: string, base?: string): Promise<Risk[]> =>
    Object.entries(await risksOf(head, base))
      .filter(([key]) => key.startsWith('sts:AssumeRoleWithWebIdentity '))
      .flatMap(([, risks]) => risks)

  it('a GitHub trust policy without a subject condition is public', async () => {
    expect(await federated(trust(AUDIENCE))).toContain('public')
  })

  it('a GitHub trust policy pinned to a repository is not public', async () => {
    const risks = await federated(trust(PINNED))
    expect(risks.length).toBeGreaterThan(0)
    expect(risks).not.toContain('public')
  })

  it('dropping the subject condition broadens to public', async () => {
    const risks = await federated(trust(AUDIENCE), trust(PINNED))
    expect(risks).toContain('public')
  })

  it('widening the subject to every repository is public', async () => {
    const widened = {
      ...AUDIENCE,
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' }
    }
    expect(await federated(trust(widened), trust(PINNED))).toContain('public')
  })

  it('widening the subject within the organisation is not public', async () => {
    const org = {
      ...AUDIENCE,
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:my-org/*' }
    }
    const risks = await federated(trust(org), trust(PINNED))
    expect(risks.length).toBeGreaterThan(0)
    expect(risks).not.toContain('public')
  })

  it('a Cognito trust policy pinned to an identity pool is not public; without one it is', async () => {
    const pool = { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:0000-pool' } }
    const pinned = await federated(trust(pool, 'cognito-identity.amazonaws.com'))
    expect(pinned.length).toBeGreaterThan(0)
    expect(pinned).not.toContain('public')
    expect(await federated(trust(undefined, 'cognito-identity.amazonaws.com'))).toContain('public')
  })
})
