// What each kind of file is evaluated against (src/review/subjects.ts, docs/REPORT.md).
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { memorySource, policy } from './memory-source.js'

const catalog = loadCatalog()
const run = (
  init: Parameters<typeof memorySource>[0],
  config: ReviewConfig = DEFAULT_CONFIG
): Promise<Report> => review({ source: memorySource(init), config, catalog, toolVersion: 'test' })
const withKinds = (kinds: ReviewConfig['kinds']): ReviewConfig => ({ ...DEFAULT_CONFIG, kinds })
const summary = (report: Report): [string, string, string][] =>
  [...new Set(report.changes.map((c) => JSON.stringify([c.kind, c.action, c.principal])))]
    .map((s) => JSON.parse(s) as [string, string, string])
    .sort()

describe('resource-based policies', () => {
  const bucket = (...extra: object[]): string =>
    policy(
      {
        Sid: 'Tls',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: 'arn:aws:s3:::b/*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } }
      },
      ...extra
    )

  it('finds a new cross-account grant, reported for that principal', async () => {
    const partner = {
      Sid: 'Partner',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::210987654321:root' },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*'
    }
    const report = await run({
      base: { 'bucket.json': bucket() },
      head: { 'bucket.json': bucket(partner) }
    })
    expect(report.files[0]?.policyKind).toBe('resource')
    const changes = summary(report)
    expect(changes).toContainEqual(['broadened', 's3:GetObject', 'arn:aws:iam::210987654321:root'])
    expect(changes.every(([kind]) => kind === 'broadened')).toBe(true)
    const grant = report.changes.find((c) => c.principal === 'arn:aws:iam::210987654321:root')!
    expect(grant.after.determining.map((r) => r.sid)).toEqual(['Partner'])
    expect(grant.context['aws:SecureTransport']).not.toBe('false')
  })

  it('finds a new grant to a principal of the same account, which needs no identity policy', async () => {
    const same = {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::123456789012:user/alice' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::b/*'
    }
    const report = await run({
      base: { 'bucket.json': bucket() },
      head: { 'bucket.json': bucket(same) }
    })
    expect(summary(report)).toContainEqual([
      'broadened',
      's3:PutObject',
      'arn:aws:iam::123456789012:user/alice'
    ])
  })

  it('finds a trust policy that now lets another account assume the role', async () => {
    const trust = (...principals: string[]): string =>
      policy({ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' })
    const report = await run({
      base: { 'trust.json': trust('arn:aws:iam::123456789012:role/ci') },
      head: { 'trust.json': trust('arn:aws:iam::123456789012:role/ci', '777788889999') }
    })
    expect(summary(report)).toEqual([
      ['broadened', 'sts:AssumeRole', 'arn:aws:iam::777788889999:root']
    ])
  })
})

describe('guardrails reviewed alone (against an identity policy allowing everything)', () => {
  const scp = (...statements: object[]): string =>
    policy({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }, ...statements)
  const denyRegions = {
    Sid: 'Regions',
    Effect: 'Deny',
    Action: 'ec2:RunInstances',
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } }
  }

  it('shows what a new SCP deny takes away, with the SCP statement deciding', async () => {
    const report = await run(
      { base: { 'org/scp.json': scp() }, head: { 'org/scp.json': scp(denyRegions) } },
      withKinds([{ glob: 'org/*.json', kind: 'scp' }])
    )
    expect(report.files[0]?.policyKind).toBe('scp')
    expect(summary(report).map(([kind, action]) => [kind, action])).toEqual([
      ['narrowed', 'ec2:RunInstances']
    ])
    const change = report.changes[0]!
    expect(change.after.effect).toBe('ExplicitDeny')
    expect(change.after.determining.map((r) => [r.file, r.sid, r.policyKind])).toEqual([
      ['org/scp.json', 'Regions', 'scp']
    ])
    expect(change.context['aws:RequestedRegion']).not.toBe('eu-west-1')
  })

  it('treats an added boundary as a new limit (narrowed), a deleted one as a lifted limit (broadened)', async () => {
    const boundary = policy({ Effect: 'Allow', Action: ['s3:Get*'], Resource: '*' })
    const config = withKinds([{ glob: 'boundaries/*.json', kind: 'boundary' }])
    const added = await run({ base: {}, head: { 'boundaries/dev.json': boundary } }, config)
    expect(added.summary.broadened).toBe(0)
    expect(added.summary.narrowed).toBeGreaterThan(0)
    expect(added.changes.every((c) => !c.action.toLowerCase().startsWith('s3:get'))).toBe(true)
    const deleted = await run({ base: { 'boundaries/dev.json': boundary }, head: {} }, config)
    expect(deleted.summary.narrowed).toBe(0)
    expect(deleted.summary.broadened).toBe(added.summary.narrowed)
  })

  it('never shows the assumed identity policy as a deciding statement', async () => {
    const report = await run(
      { base: { 'org/scp.json': scp(denyRegions) }, head: { 'org/scp.json': scp() } },
      withKinds([{ glob: 'org/*.json', kind: 'scp' }])
    )
    expect(report.changes.length).toBeGreaterThan(0)
    for (const c of report.changes) {
      for (const ref of [...c.before.determining, ...c.after.determining])
        expect(ref.file).toBe('org/scp.json')
    }
  })
})

describe('configured subjects', () => {
  const config: ReviewConfig = {
    ...DEFAULT_CONFIG,
    subjects: [
      {
        name: 'deploy-role',
        identity: ['roles/deploy/*.json'],
        boundary: ['boundaries/dev.json'],
        resource: [],
        session: [],
        scp: [],
        rcp: [],
        principal: 'arn:aws:iam::123456789012:role/deploy'
      }
    ]
  }
  const boundary = policy({
    Sid: 'OnlyReads',
    Effect: 'Allow',
    Action: ['s3:Get*', 's3:List*', 'sqs:*'],
    Resource: '*'
  })
  const files = (s3: string[]): Record<string, string> => ({
    'roles/deploy/s3.json': policy({ Sid: 'S3', Effect: 'Allow', Action: s3, Resource: '*' }),
    'roles/deploy/sqs.json': policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }),
    'boundaries/dev.json': boundary
  })

  it('evaluates the combination: a broadening capped by the unchanged boundary does not count', async () => {
    const report = await run({ base: files(['s3:GetObject']), head: files(['s3:*']) }, config)
    const broadened = [...new Set(report.changes.map((c) => c.action.toLowerCase()))]
    expect(broadened.length).toBeGreaterThan(0)
    expect(broadened.every((a) => a.startsWith('s3:get') || a.startsWith('s3:list'))).toBe(true)
    expect(
      report.changes.every(
        (c) => c.subject?.name === 'deploy-role' && c.file === 'roles/deploy/s3.json'
      )
    ).toBe(true)
    expect(
      report.changes.every((c) => c.principal === 'arn:aws:iam::123456789012:role/deploy')
    ).toBe(true)
    const allow = report.changes[0]!.after.determining.map((r) => [r.file, r.sid])
    expect(allow).toEqual([
      ['roles/deploy/s3.json', 'S3'],
      ['boundaries/dev.json', 'OnlyReads']
    ])
    expect(report.files.map((f) => f.file)).toEqual(['roles/deploy/s3.json'])
  })

  it('evaluates a changed boundary against the unchanged identity policies', async () => {
    const base = files(['s3:*'])
    const head = {
      ...base,
      'boundaries/dev.json': policy({
        Sid: 'OnlyReads',
        Effect: 'Allow',
        Action: ['s3:List*', 'sqs:*'],
        Resource: '*'
      })
    }
    const report = await run({ base, head }, config)
    expect(report.files.map((f) => [f.file, f.policyKind])).toEqual([
      ['boundaries/dev.json', 'boundary']
    ])
    expect(report.summary.broadened).toBe(0)
    expect(new Set(report.changes.map((c) => c.action.split(':')[1]?.slice(0, 3)))).toEqual(
      new Set(['Get'])
    )
  })

  it('reports a subject whose unchanged member is invalid on the changed files', async () => {
    const base = { ...files(['s3:GetObject']), 'roles/deploy/sqs.json': '{"Statement": [' }
    const head = { ...files(['s3:*']), 'roles/deploy/sqs.json': '{"Statement": [' }
    const report = await run({ base, head }, config)
    expect(report.files[0]?.outcome).toBe('error')
    expect(report.files[0]?.diagnostics[0]?.message).toMatch(
      /^subject `deploy-role` not evaluated: `roles\/deploy\/sqs.json` \(base side\) is not a valid identity policy/
    )
  })
})
