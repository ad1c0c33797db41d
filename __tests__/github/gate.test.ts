import { describe, expect, it } from '@jest/globals'
import type { FailOn } from '../../src/config/types.js'
import { decideGate, evaluateGate } from '../../src/github/gate.js'
import type { Approver } from '../../src/inputs.js'
import type { TimelineEvent } from '../../src/github/port.js'
import { apiError, FakeGitHubPort, pullRequest } from '../fakes/github-port.js'
import { change, fileReport, report } from '../fakes/report.js'

const broadened = report([change('broadened'), change('narrowed')])
const narrowedOnly = report([change('narrowed')])
const none = report([])
const unreadable = report([], [fileReport({ outcome: 'error' })])
const NONE = { kind: 'none' } as const

describe('decideGate', () => {
  // issue 4 "Publishing": fail-on broadened | any | never
  it.each<[string, ReturnType<typeof report>, FailOn, boolean]>([
    ['broadened', broadened, 'broadened', true],
    ['narrowed only', narrowedOnly, 'broadened', false],
    ['narrowed only', narrowedOnly, 'any', true],
    ['no change', none, 'any', false],
    ['broadened', broadened, 'never', false],
    ['an unreadable policy', unreadable, 'broadened', true],
    ['an unreadable policy', unreadable, 'never', false]
  ])('%s with fail-on %s fails: %s', (_name, r, failOn, fails) => {
    expect(decideGate({ report: r, failOn, approveLabel: undefined }, NONE).fail).toBe(fails)
  })

  it('names the cause and how to accept it', () => {
    expect(
      decideGate({ report: broadened, failOn: 'broadened', approveLabel: 'iam-ok' }, NONE).message
    ).toBe(
      'access broadened for 1 request (fail-on: broadened): see the pull request comment or the job summary: to accept the change deliberately, add the label `iam-ok`'
    )
    expect(
      decideGate({ report: unreadable, failOn: 'broadened', approveLabel: undefined }, NONE).message
    ).toBe(
      '1 policy file could not be reviewed (fail-on: broadened): see the pull request comment or the job summary: to accept such a change deliberately, set the `approve-label` input and add that label'
    )
  })

  it('passes with an approval and says who gave it', () => {
    const result = decideGate(
      { report: broadened, failOn: 'broadened', approveLabel: 'iam-ok' },
      { kind: 'approved', approval: { label: 'iam-ok', by: 'alice' } }
    )
    expect(result).toEqual({
      fail: false,
      message:
        'broadened 1, narrowed 1, deny changed 0: accepted by the label `iam-ok` applied by @alice'
    })
  })

  it('fails with a refused approval and says why instead of how to approve', () => {
    const result = decideGate(
      { report: broadened, failOn: 'broadened', approveLabel: 'iam-ok' },
      { kind: 'refused', label: 'iam-ok', reason: '@bob is not in `approvers`' }
    )
    expect(result).toEqual({
      fail: true,
      message:
        'access broadened for 1 request (fail-on: broadened): see the pull request comment or the job summary: the label `iam-ok` does not count: @bob is not in `approvers`'
    })
  })
})

const HEAD = 'c0ffee'.padEnd(40, '0')
const OLD = 'bad1dea'.padEnd(40, '0')

/** two commits, then alice applies the label: the usual approved timeline */
function timeline(...after: TimelineEvent[]): TimelineEvent[] {
  return [
    { kind: 'committed', sha: OLD, committedAt: '2025-03-01T09:00:00Z' },
    { kind: 'labeled', label: 'iam-ok', actor: 'mallory', at: '2025-03-01T09:30:00Z' },
    { kind: 'committed', sha: HEAD, committedAt: '2025-03-01T10:00:00Z' },
    { kind: 'unlabeled', label: 'iam-ok', actor: 'alice', at: '2025-03-01T10:30:00Z' },
    { kind: 'labeled', label: 'iam-ok', actor: 'alice', at: '2025-03-01T11:00:00Z' },
    { kind: 'labeled', label: 'bug', actor: 'bob', at: '2025-03-01T11:05:00Z' },
    ...after
  ]
}

/** pull request #7 by bob at HEAD with the label, alice a maintainer */
function setup(events: TimelineEvent[] = timeline()): FakeGitHubPort {
  const port = new FakeGitHubPort()
  port.pulls.set(
    7,
    pullRequest({ number: 7, headSha: HEAD, labels: ['bug', 'iam-ok'], author: 'bob' })
  )
  port.timelines.set(7, events)
  port.permissions.set('alice', { permission: 'write', roleName: 'maintain' })
  return port
}

describe('evaluateGate', () => {
  const options = (port: FakeGitHubPort) => ({
    report: broadened,
    failOn: 'broadened' as const,
    approveLabel: 'IAM-OK' as string | undefined,
    approvers: [] as Approver[],
    approveMinPermission: 'write' as const,
    port,
    pullNumber: 7
  })

  /** the gate fails, its message and the report's warning both carry the reason */
  async function refused(port: FakeGitHubPort, reason: string, init: object = {}) {
    const gate = await evaluateGate({ ...options(port), ...init })
    expect(gate).toMatchObject({ fail: true, approval: undefined })
    expect(gate.message).toContain(`: the label \`iam-ok\` does not count: ${reason}`)
    expect(gate.report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'approval-not-counted',
        severity: 'warning',
        message: expect.stringContaining(`the label \`iam-ok\` does not count: ${reason}`)
      })
    ])
    return gate
  }

  it('counts the label applied to the head commit by a maintainer who is not the author', async () => {
    const port = setup()
    const gate = await evaluateGate(options(port))
    expect(gate).toMatchObject({ fail: false, approval: { label: 'iam-ok', by: 'alice' } })
    expect(gate.report).toBe(broadened)
    expect(port.callsOf('getCollaboratorPermission')).toEqual([
      { method: 'getCollaboratorPermission', args: ['alice'] }
    ])
  })

  it('does not count the author approving their own pull request', async () => {
    const port = setup(
      timeline({ kind: 'labeled', label: 'iam-ok', actor: 'Bob', at: '2025-03-01T12:00:00Z' })
    )
    await refused(
      port,
      "@Bob applied it and is the pull request's author: an approval must come from someone else"
    )
    expect(port.callsOf('getCollaboratorPermission')).toEqual([])
  })

  it('does not count a label when the author is unknown (deleted account)', async () => {
    const port = setup()
    port.pulls.set(7, { ...port.pulls.get(7)!, author: undefined })
    await refused(port, "the pull request's author is unknown (a deleted account)")
  })

  it.each<[string, TimelineEvent]>([
    [
      'a commit listed after the label',
      { kind: 'committed', sha: 'd'.repeat(40), committedAt: '2025-03-01T08:00:00Z' }
    ],
    [
      'a force push after the label',
      { kind: 'force-pushed', sha: HEAD, actor: 'bob', at: '2025-03-01T11:30:00Z' }
    ]
  ])('an approval followed by %s applies to an earlier commit', async (_name, event) => {
    await refused(
      setup(timeline(event)),
      'approval by @alice applies to an earlier commit; re-apply the label to approve `c0ffee0`'
    )
  })

  it('a head commit committed after the label is newer than the approval, wherever it is listed', async () => {
    const events = timeline().map((e) =>
      e.kind === 'committed' && e.sha === HEAD ? { ...e, committedAt: '2025-03-01T11:10:00Z' } : e
    )
    await refused(
      setup(events),
      'approval by @alice applies to an earlier commit; re-apply the label to approve `c0ffee0`'
    )
  })

  it('a force push listed before the label but timed after it is later', async () => {
    const events = timeline()
    events.splice(3, 0, {
      kind: 'force-pushed',
      sha: HEAD,
      actor: 'bob',
      at: '2025-03-01T11:30:00Z'
    })
    await refused(setup(events), 'approval by @alice applies to an earlier commit')
  })

  it('an approval that cannot be tied to the head commit does not count', async () => {
    const events = timeline().filter((e) => !(e.kind === 'committed' && e.sha === HEAD))
    await refused(
      setup(events),
      'approval by @alice cannot be tied to the head commit (the timeline does not list `c0ffee0` before the label); re-apply the label to approve `c0ffee0`'
    )
  })

  it('the head commit may come from a force push before the label', async () => {
    const events = timeline().map((e): TimelineEvent =>
      e.kind === 'committed' && e.sha === HEAD
        ? { kind: 'force-pushed', sha: HEAD, actor: 'bob', at: '2025-03-01T10:00:00Z' }
        : e
    )
    await expect(evaluateGate(options(setup(events)))).resolves.toMatchObject({ fail: false })
  })

  it('a label whose application is not in the timeline does not count', async () => {
    await refused(setup([]), 'the timeline does not say who applied it')
  })

  it.each([
    [
      'triage',
      'triage',
      'write',
      '@alice has `triage` access to the repository; approving needs at least `write` (`approve-min-permission`)'
    ],
    [
      'write',
      'write',
      'maintain',
      '@alice has `write` access to the repository; approving needs at least `maintain` (`approve-min-permission`)'
    ],
    [
      'read',
      'security-reviewer',
      'triage',
      '@alice has `read` access to the repository; approving needs at least `triage` (`approve-min-permission`)'
    ]
  ] as const)(
    'permission %s (role %s) below %s does not count',
    async (permission, roleName, min, reason) => {
      const port = setup()
      port.permissions.set('alice', { permission, roleName })
      await refused(port, reason, { approveMinPermission: min })
    }
  )

  it('a custom role counts as its base permission', async () => {
    const port = setup()
    port.permissions.set('alice', { permission: 'write', roleName: 'security-reviewer' })
    await expect(evaluateGate(options(port))).resolves.toMatchObject({ fail: false })
  })

  it('approvers: a listed login passes, others do not (and their permission is not asked)', async () => {
    const listed = setup()
    await expect(
      evaluateGate({ ...options(listed), approvers: [{ kind: 'user', login: 'ALICE' }] })
    ).resolves.toMatchObject({ fail: false, approval: { by: 'alice' } })
    const other = setup()
    await refused(other, '@alice is not in `approvers`', {
      approvers: [{ kind: 'user', login: 'carol' }]
    })
    expect(other.callsOf('getCollaboratorPermission')).toEqual([])
  })

  it('approvers: an active member of a listed team passes, and still needs the permission', async () => {
    const port = setup()
    port.teams.set('octo-org/iam', ['alice'])
    const approvers: Approver[] = [
      { kind: 'user', login: 'carol' },
      { kind: 'team', org: 'octo-org', team: 'iam' }
    ]
    await expect(evaluateGate({ ...options(port), approvers })).resolves.toMatchObject({
      fail: false
    })
    port.permissions.set('alice', { permission: 'read', roleName: 'read' })
    await refused(port, '@alice has `read` access', { approvers })
  })

  it('approvers: a team that cannot be read fails closed', async () => {
    const port = setup()
    port.fail('isTeamMember', apiError(403, 'Resource not accessible by integration'))
    await refused(
      port,
      'could not check whether @alice is in `@octo-org/iam` (403 Resource not accessible by integration): an approval that cannot be checked does not count',
      { approvers: [{ kind: 'team', org: 'octo-org', team: 'iam' }] }
    )
  })

  it('a permission look-up that fails (403) fails closed with the reason', async () => {
    const port = setup()
    port.fail('getCollaboratorPermission', apiError(403, 'Resource not accessible by integration'))
    const gate = await refused(
      port,
      'could not read the permission of @alice (403 Resource not accessible by integration): an approval that cannot be checked does not count'
    )
    expect(gate.message).toMatch(/^access broadened for 1 request \(fail-on: broadened\)/)
  })

  it.each(['getPullRequest', 'listTimeline'] as const)(
    'a failing %s does not throw: the approval does not count',
    async (method) => {
      const port = setup()
      port.fail(method, apiError(500, 'Server Error'))
      const gate = await evaluateGate(options(port))
      expect(gate.fail).toBe(true)
      expect(gate.report.diagnostics[0]?.message).toMatch(
        /^the label `(IAM-OK|iam-ok)` does not count: could not read (pull request #7|the timeline of #7) \(500 Server Error\)$/
      )
    }
  )

  it('an unexpected error in the check does not throw either', async () => {
    const port = setup()
    port.fail('listTimeline', new TypeError('boom'))
    const gate = await evaluateGate(options(port))
    expect(gate).toMatchObject({ fail: true, approval: undefined })
    expect(gate.report.diagnostics[0]?.message).toContain('(boom)')
  })

  it('fails while the label is absent, without a warning', async () => {
    const port = setup()
    port.pulls.set(7, pullRequest({ number: 7, headSha: HEAD, labels: ['bug'], author: 'bob' }))
    const gate = await evaluateGate(options(port))
    expect(gate).toMatchObject({ fail: true, approval: undefined })
    expect(gate.report).toBe(broadened)
    expect(port.callsOf('listTimeline')).toEqual([])
  })

  it('makes no API call when the gate passes anyway or no label is configured', async () => {
    const port = new FakeGitHubPort()
    await evaluateGate({ ...options(port), report: narrowedOnly })
    await evaluateGate({ ...options(port), approveLabel: undefined })
    expect(port.calls).toEqual([])
  })
})
