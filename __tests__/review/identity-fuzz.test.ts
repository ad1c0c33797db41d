// Identity-side changes that a differential fuzz (issue 11, session 6) found reported as "no
// decision changed" while `evaluate` decides a real request differently on the two versions.
// Each pair is in fixtures/fuzz-identity/; every test failed before its fix.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../../src/config/types.js'
import type { Change, Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { memorySource } from './memory-source.js'

const catalog = loadCatalog()

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/fuzz-identity/${name}.json`, import.meta.url), 'utf8')

function run(
  base: Record<string, string>,
  head: Record<string, string>,
  config: ReviewConfig = DEFAULT_CONFIG
): Promise<Report> {
  return review({ source: memorySource({ base, head }), config, catalog, toolVersion: 'test' })
}

const pair = (name: string): Promise<Report> =>
  run({ 'policy.json': fixture(`${name}-old`) }, { 'policy.json': fixture(`${name}-new`) })

/** What the witness chose (the keys AWS always sends are left out). */
const chosen = (c: Change): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(c.context).filter(([key]) => !(c.impliedKeys ?? []).includes(key))
  )

describe('a Null test on a key AWS always sends (fuzz N)', () => {
  // `Null aws:username false` holds for every IAM user: the witness used to set the key to a
  // sample name, which moved the request to another user, whose own folder the policy names
  it('N1: a resource-tag clause removed beside `Null aws:username false`', async () => {
    const report = await pair('N1-null-caller-key')
    const gained = report.changes.filter(
      (c) => c.action === 'iam:GetUser' && c.kind === 'broadened'
    )
    expect(gained.map((c) => [c.principal, c.resource])).toContainEqual([
      'arn:aws:iam::123456789012:user/iam-policy-diff-probe',
      'arn:aws:iam::123456789012:user/iam-policy-diff-probe'
    ])
  })

  // `Null aws:PrincipalArn false` beside `NotIpAddress` in a Deny: the ARN was set to `example`,
  // which no request carries, so every context of the Deny was dropped
  it('N2: an address range added to a Deny guarded by `Null aws:PrincipalArn false`', async () => {
    const report = await pair('N2-deny-null-principalarn-relaxed')
    const gained = report.changes.filter(
      (c) => c.action === 's3:GetObject' && c.after.effect === 'Allow'
    )
    expect(gained.map((c) => chosen(c)['aws:SourceIp'])).toContainEqual(
      expect.stringMatching(/^203\.0\.113\./)
    )
  })
})

describe('a role subject and `${aws:username}` (fuzz G)', () => {
  // a role session has no user name (§6): the variable's key is absent, so the pattern matches
  // nothing (§4.6); the witness used to set `aws:username`, which no role session sends, and
  // every request of the subject was dropped but one
  const subject = (boundary: boolean): ReviewConfig => ({
    ...DEFAULT_CONFIG,
    subjects: [
      {
        name: 'app',
        identity: ['identity.json'],
        boundary: boundary ? ['boundary.json'] : [],
        resource: [],
        session: [],
        scp: [],
        rcp: [],
        principal: 'arn:aws:iam::123456789012:role/app'
      }
    ]
  })
  const getRoleAllowed = (report: Report): Change[] =>
    report.changes.filter(
      (c) =>
        c.action === 'iam:GetRole' &&
        c.kind === 'broadened' &&
        chosen(c)['aws:ViaAWSService'] === 'false'
    )

  it('G1: a Deny removed from the identity policy of a role', async () => {
    const report = await run(
      { 'identity.json': fixture('G1-role-username-variable-old') },
      { 'identity.json': fixture('G1-role-username-variable-new') },
      subject(false)
    )
    expect(getRoleAllowed(report)).not.toEqual([])
  })

  it('G2: a Deny removed from the boundary of a role', async () => {
    const identity = fixture('G2-identity')
    const report = await run(
      { 'identity.json': identity, 'boundary.json': fixture('G2-boundary-old') },
      { 'identity.json': identity, 'boundary.json': fixture('G2-boundary-new') },
      subject(true)
    )
    expect(getRoleAllowed(report)).not.toEqual([])
  })
})

describe('a variable default in a statement with other conditions (fuzz V)', () => {
  // the resource built with the default (`data/shared/…`) needs a context without the tag but
  // with the statement's other clauses satisfied: only condition-value defaults used to get it
  const onDefault = async (name: string, action: string): Promise<string[]> =>
    (await pair(name)).changes
      .filter((c) => c.action === action && !('aws:PrincipalTag/team' in chosen(c)))
      .map((c) => `${c.kind} ${c.resource}`)

  it('V1: a default added to an Allow Resource beside an IP condition', async () => {
    expect(await onDefault('V1-default-resource-with-condition', 's3:GetObject')).toContain(
      'broadened arn:aws:s3:::data/shared/example'
    )
  })

  it('V2: a default added to a Deny NotResource beside an IP condition', async () => {
    expect(await onDefault('V2-deny-notresource-default-added', 's3:GetObject')).toContain(
      'broadened arn:aws:s3:::data/shared/example'
    )
  })

  it('V3: a default added to an Allow NotResource beside a Bool condition', async () => {
    expect(await onDefault('V3-allow-notresource-default', 'lambda:GetFunction')).toContainEqual(
      expect.stringMatching(/^narrowed arn:aws:lambda:[a-z0-9-]+:123456789012:function:shared-/)
    )
  })
})

describe('fuzz round 7', () => {
  // IAM replaces variables only in the resource part (IAM-SEMANTICS §3.2): the new entry
  // `arn:aws:ec2:${aws:RequestedRegion}:…` matches no instance, so eu-west-1's are lost; the
  // matrix used to fill the Region with a sample and see no change
  it('M1: a Region variable, which stays literal, replacing a pattern', async () => {
    const report = await pair('M1-region-variable-pattern-with-condition')
    expect(report.changes.map((c) => `${c.kind} ${c.resource}`)).toContainEqual(
      expect.stringMatching(/^narrowed arn:aws:ec2:eu-west-1:123456789012:instance\/i-0abc/)
    )
  })

  // an Allow whose condition holds for most requests (`Bool aws:SecureTransport true`, a date
  // in the future) hides a widened condition in another Allow except where it is false
  it.each([
    ['M2-implied-key-allow-masks-widened-condition', 'aws:SecureTransport'],
    ['M2b-currenttime-allow-masks-widened-condition', 'aws:CurrentTime']
  ])('M2: %s', async (name, masking) => {
    const report = await pair(name)
    const gained = report.changes.filter(
      (c) => c.kind === 'broadened' && chosen(c)['aws:ResourceTag/team'] === 'ops'
    )
    expect(gained.map((c) => Object.keys(chosen(c)))).toContainEqual(
      expect.arrayContaining([masking])
    )
  })
})

describe('Regions a request can name (fuzz round 8)', () => {
  // the witnesses of a clause on aws:RequestedRegion are real Regions: `us-*` used to be probed
  // with `usexample`, which no request names, and was dropped
  it.each([
    ['P6-region-equals-to-like', 'broadened', 'dynamodb:GetItem'],
    ['P5-region-allow-masks-widened-tag', 'broadened', 'ec2:StopInstances'],
    ['P8-deny-region-like-tag-widened', 'narrowed', 'sqs:SendMessage'],
    // round 9: a Region beyond the built-in list, named by the clause itself
    ['R6-region-allow-value-added-ap-southeast-2', 'broadened', 'dynamodb:GetItem']
  ])('%s', async (name, kind, action) => {
    const report = await pair(name)
    const found = report.changes.filter((c) => c.kind === kind && c.action === action)
    expect(found.map((c) => c.context['aws:RequestedRegion'])).toContainEqual(
      expect.stringMatching(/^(?!us-east-1$)[a-z]{2}(-[a-z]+)+-\d$/)
    )
  })
})

describe('a configured subject keeps its principal (fuzz round 8, S1)', () => {
  // alice's identity policy now also names bob in aws:PrincipalArn: bob is not the subject, and
  // alice's policies decide none of his requests, so nothing changed for the subject
  it('S1: no row for another principal that a condition names', async () => {
    const config: ReviewConfig = {
      ...DEFAULT_CONFIG,
      subjects: [
        {
          name: 'alice',
          identity: ['alice.json'],
          boundary: [],
          resource: [],
          session: [],
          scp: [],
          rcp: [],
          principal: 'arn:aws:iam::123456789012:user/alice'
        }
      ]
    }
    const report = await run(
      { 'alice.json': fixture('S1-subject-caller-old') },
      { 'alice.json': fixture('S1-subject-caller-new') },
      config
    )
    expect(report.changes.map((c) => c.principal)).toEqual([])
    expect(report.files.map((f) => f.file)).toEqual(['alice.json'])
  })
})
