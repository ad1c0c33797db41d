// Resource-based policy changes that a differential fuzz (issue 11 session review, round 3) found
// reported as "no decision changed" while `evaluate` decides a real request differently on the
// two versions. Each pair is in fixtures/fuzz-resource/ (NAME-old.json, NAME-new.json); the
// request that changes is named in each test. Every test failed before its fix.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { memorySource } from './memory-source.js'

const catalog = loadCatalog()

const fixture = (name: string, side: 'old' | 'new'): string =>
  readFileSync(new URL(`./fixtures/fuzz-resource/${name}-${side}.json`, import.meta.url), 'utf8')

function reviewPair(name: string): Promise<Report> {
  const path = 'policies/resource.json'
  return review({
    source: memorySource({
      base: { [path]: fixture(name, 'old') },
      head: { [path]: fixture(name, 'new') }
    }),
    config: DEFAULT_CONFIG,
    catalog,
    toolVersion: 'test'
  })
}

/**
 * Changes to Allow for `action` (or an action of its class, which the change then names), by
 * callers matching `caller`.
 */
async function allowedNow(name: string, action: string, caller: RegExp): Promise<string[]> {
  const report = await reviewPair(name)
  const classOf = (probed: string): readonly string[] =>
    report.files.flatMap((f) => f.actionClasses).find((c) => c.action === probed)?.actions ?? [
      probed
    ]
  return report.changes
    .filter((c) => classOf(c.action).includes(action))
    .filter((c) => c.after.effect === 'Allow' && caller.test(c.principal))
    .map((c) => c.principal)
}

describe('a third account named by no Principal (accounts the conditions name are taken)', () => {
  // Principal "*" in place of account 444455556666, both behind `StringNotEquals
  // aws:PrincipalAccount [123456789012, 444455556666]`: any third account in the organization
  // can now send; the outsider used to be 444455556666, which the condition names
  it('D1: Principal widened to "*" behind an account exclusion', async () => {
    const callers = await allowedNow('D1-third-account', 'sqs:SendMessage', /::\d{12}:/)
    expect(callers.length).toBeGreaterThan(0)
    for (const caller of callers) expect(caller).not.toMatch(/::(123456789012|444455556666):/)
  })

  // the named account 555566667777 from 10.1.2.3: the IP guard is gone
  it('C3: an IP guard removed beside an account exclusion', async () => {
    expect(
      await allowedNow('C3-third-account-ip-guard-removed', 'lambda:GetAlias', /::555566667777:/)
    ).not.toEqual([])
  })

  it('C3b: an IP guard removed beside a PrincipalArn exclusion', async () => {
    expect(
      await allowedNow('C3b-arnnotlike-ip-guard-removed', 'lambda:GetAlias', /::555566667777:/)
    ).not.toEqual([])
  })
})

describe('callers of each principal type (aws:PrincipalType)', () => {
  // a role session of any account may now read the objects
  it('B1: AssumedRole added to the allowed principal types', async () => {
    expect(await allowedNow('B1-principaltype', 's3:GetObject', /:assumed-role\//)).not.toEqual([])
  })

  // a role session of the named account may now purge the queue
  it('B2: actions added to a grant for role sessions of another account', async () => {
    expect(
      await allowedNow('B2-principaltype-crossaccount', 'sqs:PurgeQueue', /:assumed-role\//)
    ).not.toEqual([])
  })
})

describe('callers of each type and name in an account a policy names (fuzz round 4)', () => {
  // `StringNotEquals aws:PrincipalType Account` beside a new account: its users and sessions
  it('F2: an account added beside a condition that excludes root users', async () => {
    const callers = await allowedNow(
      'F2-principaltype-notequals',
      'sqs:GetQueueAttributes',
      /::444455556666:(user|assumed-role|federated-user)\//
    )
    expect(callers).not.toEqual([])
  })

  it('F4: User added to the principal types an account grant admits', async () => {
    expect(
      await allowedNow('F4-principaltype-user', 'sqs:SendMessage', /::444455556666:user\//)
    ).not.toEqual([])
  })

  // `aws:username` names an IAM user: the account's root moves to that user of the account
  it('U1: an action added to a grant for one user name of another account', async () => {
    expect(
      await allowedNow('U1-username-account', 'sqs:DeleteQueue', /::444455556666:user\/alice$/)
    ).not.toEqual([])
  })
})

describe('variables the engine derives from each caller (fuzz round 5)', () => {
  // `home/${aws:username}/*` reads as a different folder for each caller: the witnesses used to
  // be built with the probe user's name only, which no caller the policy admits has
  const gainedOn = async (name: string, action: string): Promise<string[]> =>
    (await reviewPair(name)).changes
      .filter((c) => c.action === action && c.kind === 'broadened')
      .map((c) => `${c.principal} ${c.resource} ${JSON.stringify(c.context)}`)

  it('F3: a per-user folder added to a grant for another account', async () => {
    // a user of that account reads its own folder
    const gained = await gainedOn('F3-username-resource-account', 's3:GetObject')
    expect(gained).toEqual([
      expect.stringMatching(
        /^arn:aws:iam::444455556666:user\/(\S+) arn:aws:s3:::shared-bucket\/home\/\1\/\S+ /
      )
    ])
  })

  it('F3b: a per-user folder added to a grant for a named user', async () => {
    const gained = await gainedOn('F3b-username-resource-user', 's3:GetObject')
    expect(gained).toEqual([
      expect.stringMatching(
        /^arn:aws:iam::444455556666:user\/bob arn:aws:s3:::shared-bucket\/home\/bob\/\S+ /
      )
    ])
  })

  it('F3c: a per-user prefix added to a condition of a grant for a named user', async () => {
    const gained = await gainedOn('F3c-username-condition-user', 's3:ListBucket')
    expect(gained).toEqual([expect.stringMatching(/user\/bob .*"s3:prefix":"home\/bob\//)])
  })
})

describe('unique IDs of the callers (fuzz round 7)', () => {
  // `StringLike aws:userid AROA*` is about the role sessions of the accounts the policy lets in:
  // an ID of a role session moves the caller there, as aws:PrincipalType does
  it('M3: role sessions added to an account grant by aws:userid', async () => {
    expect(
      await allowedNow(
        'M3-userid-role-sessions',
        'sqs:ReceiveMessage',
        /^arn:aws:sts::111122223333:assumed-role\//
      )
    ).not.toEqual([])
  })
})

describe('callers a condition on the principal describes (fuzz round 8)', () => {
  // a pattern widened from `…:user/*` to `…:*` lets the account's role sessions in: the ARN
  // witnesses are principal ARNs (root, a user, a role, whose sessions call)
  it('P1: aws:PrincipalArn widened from the users to the account', async () => {
    expect(
      await allowedNow('P1-principalarn-widened-to-account', 's3:GetObject', /:assumed-role\//)
    ).not.toEqual([])
  })

  it('P1b: a trust policy for everyone narrowed to the users of one account', async () => {
    const report = await reviewPair('P1b-trust-principalarn-condition-added')
    const lost = report.changes.filter((c) => c.kind === 'narrowed').map((c) => c.principal)
    expect(lost).toContainEqual(expect.stringMatching(/^arn:aws:sts::123456789012:assumed-role\//))
  })

  // aws:PrincipalIsAWSService is in every signed request: false for users and sessions
  it.each([
    ['P2-principalisawsservice-both-values', 's3:GetObject'],
    ['P3-null-principalisawsservice-false', 'sts:AssumeRole']
  ])('%s', async (name, action) => {
    expect(await allowedNow(name, action, /^arn:aws:(iam|sts)::/)).not.toEqual([])
  })
})

describe('callers of each kind a condition on the caller admits (fuzz round 9)', () => {
  // `Bool aws:PrincipalIsAWSService true` grants to services: the witness moves the caller to a
  // service principal, which loses access when `aws:SourceAccount` is added
  it('R1: aws:SourceAccount added to a grant for services', async () => {
    const report = await reviewPair('R1-service-only-grant-sourceaccount-added')
    expect(
      report.changes.filter((c) => c.kind === 'narrowed').map((c) => c.principal)
    ).toContainEqual(expect.stringMatching(/\.amazonaws\.com$/))
  })

  // `Null kms:CallerAccount false` holds for every caller of KMS: its witness is the caller's
  // account (a sample text used to be dropped, and every request with it)
  it('R7: a clause added beside `Null kms:CallerAccount false`', async () => {
    const report = await reviewPair('R7-null-calleraccount')
    expect(report.changes.filter((c) => c.kind === 'narrowed')).not.toEqual([])
  })

  // `StringLike aws:userid AIDA*` removed lets role sessions in: an ID of each kind is probed
  it('R4b: a user-ID clause removed from a grant to everyone', async () => {
    expect(
      await allowedNow('R4b-userid-aida-clause-removed', 'sqs:SendMessage', /:assumed-role\//)
    ).not.toEqual([])
  })
})

describe('witnesses in the account the resource policy belongs to', () => {
  // NotResource `…:us-east-1:123456789012:*`: the topics it leaves are those of other Regions
  // of the account (this policy's own topics), which the new account may now subscribe to; the
  // witness used to escape the pattern in the account part, a topic of the caller's own account
  it('F1: a NotResource grant moved to another account, on a topic of another Region', async () => {
    const report = await reviewPair('F1-notresource-region')
    const gained = report.changes.filter(
      (c) =>
        c.kind === 'broadened' &&
        c.principal.includes(':444455556666:') &&
        /^arn:aws:sns:(?!us-east-1:)[a-z0-9-]+:123456789012:/.test(c.resource)
    )
    expect(gained).not.toEqual([])
  })
})

describe('resources whose own policy must allow (a KMS key beside an alias)', () => {
  // `Resource: "*"` in a key policy: an alias action reaches the key too, and only the key
  // needs its key policy to allow (IAM-SEMANTICS §5.2), so the two decide apart
  it('F5: an alias action added to a key policy is reported on the key', async () => {
    const report = await reviewPair('F5-kms-alias-action')
    const keys = report.changes.filter(
      (c) => c.action === 'kms:DeleteAlias' && c.kind === 'broadened' && /:key\//.test(c.resource)
    )
    expect(keys).not.toEqual([])
  })
})

describe('callers a resource policy names keep their own principal keys', () => {
  // the named role's own ARN satisfies the PrincipalArn pattern; its team tag `ops` is new
  it('C1: a tag value added beside a PrincipalArn pattern the named role matches', async () => {
    expect(
      await allowedNow('C1-principalarn-like-plus-tag', 'secretsmanager:GetSecretValue', /role\/ci/)
    ).not.toEqual([])
  })

  it('C2: an action added to an organization grant that excludes admin roles', async () => {
    expect(
      await allowedNow(
        'C2-org-grant-excluding-admin-action-added',
        'sqs:DeleteQueue',
        /444455556666/
      )
    ).not.toEqual([])
  })
})

describe('callers of the resource account with permissions of their own', () => {
  // a grant to the account needs the caller's own permissions too: a caller of the account
  // without identity policies never gains by it, so the review also probes one that has them
  it('A1: an MFA clause removed from a same-account trust grant', async () => {
    expect(await allowedNow('A1-trust-same-account', 'sts:AssumeRole', /123456789012/)).not.toEqual(
      []
    )
  })

  // a Deny relaxed: for a caller whose own policy allows the read, ExplicitDeny → Allow, which
  // a caller without identity policies sees only as ExplicitDeny → ImplicitDeny
  it('A3: an endpoint added to a bucket policy Deny is reported as broadened', async () => {
    const report = await reviewPair('A3-deny-relaxed')
    const broadened = report.changes.filter((c) => c.kind === 'broadened')
    expect(broadened).not.toEqual([])
    for (const change of broadened) {
      expect(change.permittedCaller).toBe(true)
      expect(change.principal).toMatch(/::123456789012:/)
      expect([change.before.effect, change.after.effect]).toEqual(['ExplicitDeny', 'Allow'])
    }
  })

  it('A2: a PrincipalArn pattern widened in a same-account key grant', async () => {
    expect(await allowedNow('A2-kms-same-account', 'kms:Decrypt', /123456789012/)).not.toEqual([])
  })
})
