// End to end, the step's result: fail-on exit codes, the approval label, workflow_dispatch and
// events the action does not review. Under Node 20 and Node 24.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions, type FakeTimelineEvent } from './fake-github.js'
import { createRepo, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction, type ActionRun } from './run-action.js'
import { loadEvent, POLICIES, pullRequestEvent } from './scenario.js'

describe.each(NODES)('the bundle under $name', ({ bin }) => {
  let broaden: TestRepo
  let narrow: TestRepo
  let fake: FakeGitHub
  let runId = 9000

  const scenario = (repo: TestRepo, init: Partial<FakeGitHubOptions> = {}): FakeGitHubOptions => ({
    repoDir: repo.dir,
    owner: 'octo-org',
    repo: 'policies',
    pulls: [
      {
        number: 7,
        base: repo.base,
        head: repo.head,
        headRef: 'feature',
        headRepo: 'octo-org/policies',
        labels: []
      }
    ],
    ...init
  })
  const onPull = (repo: TestRepo, inputs: Record<string, string>) => {
    fake.reset(scenario(repo))
    return runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, repo.base, repo.head),
      workspace: repo.dir,
      runId: ++runId,
      inputs
    })
  }

  beforeAll(async () => {
    broaden = createRepo(
      { 'iam/deploy.json': POLICIES.read },
      { 'iam/deploy.json': POLICIES.write }
    )
    narrow = createRepo(
      { 'iam/deploy.json': POLICIES.read },
      { 'iam/deploy.json': POLICIES.narrower }
    )
    fake = await FakeGitHub.start(scenario(broaden))
  })
  afterAll(async () => {
    removeTemporary()
    await fake.close()
    broaden.remove()
    narrow.remove()
  })
  afterEach(() => expect(fake.violations).toEqual([]))

  // issue 4 "Publishing": fail-on broadened | any | never
  it.each([
    ['broadened', 'broaden', 1],
    ['broadened', 'narrow', 0],
    ['any', 'narrow', 1],
    ['never', 'broaden', 0]
  ] as const)(
    'fail-on %s with a change that does %s: exit code %i',
    async (failOn, which, code) => {
      const result = await onPull(which === 'broaden' ? broaden : narrow, {
        'fail-on': failOn,
        comment: 'never'
      })
      expect(result.stderr).toBe('')
      expect(result.exitCode).toBe(code)
      const errors = result.annotations.filter((a) => a.type === 'error')
      expect(errors).toHaveLength(code)
      if (code === 1)
        expect(errors[0]!.message).toMatch(
          /\(fail-on: (broadened|any)\): see the pull request comment or the job summary/
        )
      expect(result.summary).not.toBe('')
    }
  )

  // issue 7: an approval is a deliberate act by someone else, on the head commit
  const approvalRun = (init: Partial<FakeGitHubOptions>, inputs: Record<string, string> = {}) => {
    fake.reset({
      ...scenario(broaden),
      pulls: [
        {
          number: 7,
          base: broaden.base,
          head: broaden.head,
          headRef: 'feature',
          headRepo: 'octo-org/policies',
          labels: ['iam-ok'],
          author: 'bob'
        }
      ],
      permissions: { alice: 'maintain', bob: 'admin' },
      ...init
    })
    return runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, broaden.base, broaden.head),
      workspace: broaden.dir,
      runId: ++runId,
      inputs: { 'fail-on': 'broadened', 'approve-label': 'iam-ok', ...inputs }
    })
  }
  const pushed = (): FakeTimelineEvent => ({
    event: 'committed',
    sha: broaden.head,
    date: '2025-03-01T10:00:00Z'
  })
  const labeled = (actor: string, at = '2025-03-01T11:00:00Z'): FakeTimelineEvent => ({
    event: 'labeled',
    label: 'iam-ok',
    actor,
    at
  })
  const notCounted = (result: ActionRun, reason: string) => {
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(1)
    const failure = result.annotations.find((a) => a.type === 'error')
    expect(failure?.message).toMatch(/^access broadened for 1 request \(fail-on: broadened\)/)
    expect(failure?.message).toContain(`the label \`iam-ok\` does not count: ${reason}`)
    // the report is published anyway, and says why the label did not count
    // the Markdown escapes punctuation and keeps @mentions from notifying (zero-width space)
    const plain = (markdown: string) =>
      markdown.replaceAll('@&#8203;', '@').replace(/\\(?=[^\w\s`])/g, '')
    expect(result.summary).toContain('approval-not-counted')
    expect(plain(result.summary)).toContain(reason)
    expect(plain(fake.comments.get(7)![0]!.body)).toContain(reason)
  }

  it('an approval by a maintainer on the head commit passes, and the comment names them', async () => {
    const result = await approvalRun({ timeline: { 7: [pushed(), labeled('alice')] } })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(fake.calls('pulls/get')).toHaveLength(1)
    expect(fake.calls('issues/list-events-for-timeline')).toHaveLength(1)
    expect(fake.calls('repos/get-collaborator-permission-level')).toEqual([
      expect.objectContaining({ path: '/repos/octo-org/policies/collaborators/alice/permission' })
    ])
    expect(fake.comments.get(7)![0]!.body).toContain('alice')
    expect(result.summary).toContain('accepted by the label `iam-ok` applied by @alice')
  })

  it("the author's own approval does not pass, whatever their permission", async () => {
    const result = await approvalRun({ timeline: { 7: [pushed(), labeled('bob')] } })
    notCounted(result, "@bob applied it and is the pull request's author")
    expect(fake.calls('repos/get-collaborator-permission-level')).toEqual([])
  })

  it('an approval followed by a new push does not pass', async () => {
    const result = await approvalRun({
      timeline: {
        7: [
          { event: 'committed', sha: broaden.base, date: '2025-03-01T09:00:00Z' },
          labeled('alice', '2025-03-01T09:30:00Z'),
          pushed()
        ]
      }
    })
    notCounted(
      result,
      `approval by @alice applies to an earlier commit; re-apply the label to approve \`${broaden.head.slice(0, 7)}\``
    )
  })

  it('a permission look-up answered 403 fails closed, with the reason, and still publishes', async () => {
    const result = await approvalRun({
      timeline: { 7: [pushed(), labeled('alice')] },
      permissionDenied: true
    })
    notCounted(
      result,
      'could not read the permission of @alice (403 Resource not accessible by integration): an approval that cannot be checked does not count'
    )
    expect(result.outputs['broadened']).toBe('1')
    expect(result.outputs['report-path']).not.toBe('')
  })

  it('approvers: someone with the permission but not in the list does not pass', async () => {
    const result = await approvalRun(
      { timeline: { 7: [pushed(), labeled('alice')] } },
      { approvers: 'carol\n@octo-org/iam-reviewers' }
    )
    notCounted(result, '@alice is not in `approvers`')
    expect(fake.calls('teams/get-membership-for-user-in-org')).toHaveLength(1)
  })

  it('workflow_dispatch with base and head refs: job summary only, no comment', async () => {
    fake.reset(scenario(broaden))
    const result = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'workflow_dispatch',
      event: loadEvent('workflow_dispatch.json'),
      workspace: broaden.dir,
      runId: ++runId,
      inputs: { base: 'main', head: 'feature', 'fail-on': 'never' }
    })
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.summary).toContain('s3:PutObject')
    expect(result.outputs['comment-url']).toBe('')
    expect(fake.requests).toEqual([])
  })

  it('workflow_dispatch with pull-number: compares that pull request and comments on it', async () => {
    fake.reset(scenario(broaden))
    const result = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'workflow_dispatch',
      event: loadEvent('workflow_dispatch.json'),
      workspace: broaden.dir,
      runId: ++runId,
      inputs: { 'pull-number': '7', 'fail-on': 'never' }
    })
    expect(result.exitCode).toBe(0)
    expect(fake.calls('pulls/get')).toHaveLength(1)
    expect(fake.comments.get(7)).toHaveLength(1)
  })

  it('workflow_dispatch without refs fails and names the inputs to set', async () => {
    fake.reset(scenario(broaden))
    const result = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'workflow_dispatch',
      event: loadEvent('workflow_dispatch.json'),
      workspace: broaden.dir,
      runId: ++runId
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        type: 'error',
        message:
          'a `workflow_dispatch` run needs refs to compare: set the `base` input (and optionally `head`) or `pull-number`'
      })
    )
  })

  it('an event it does not review ends neutral, with a notice', async () => {
    fake.reset(scenario(broaden))
    const result = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'push',
      event: loadEvent('push.json'),
      workspace: broaden.dir,
      runId: ++runId
    })
    expect(result.exitCode).toBe(0)
    expect(result.annotations).toEqual([
      expect.objectContaining({
        type: 'notice',
        message: expect.stringMatching(/^event `push` is not reviewed/)
      })
    ])
    expect(fake.requests).toEqual([])
  })

  it('an invalid policy is annotated where it breaks and fails the gate (it could hide anything)', async () => {
    const invalid = createRepo(
      { 'iam/deploy.json': POLICIES.read },
      { 'iam/deploy.json': POLICIES.read.replace('"Effect": "Allow",', '"Effect": "Allow",,') }
    )
    try {
      const result = await onPull(invalid, { comment: 'never' })
      expect(result.exitCode).toBe(1)
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          type: 'error',
          properties: expect.objectContaining({ file: 'iam/deploy.json', line: '6' })
        })
      )
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          type: 'error',
          message: expect.stringMatching(
            /^1 policy file could not be reviewed \(fail-on: broadened\)/
          )
        })
      )
      expect(result.summary).not.toBe('')
    } finally {
      invalid.remove()
    }
  })

  // issue 7: an invalid base configuration does not let the change choose its review
  it('an invalid base configuration: the defaults, not the change version, with a warning in the report', async () => {
    const broken = createRepo(
      { 'iam/deploy.json': POLICIES.read, '.github/iam-policy-diff.yml': 'auto: maybe\n' },
      {
        'iam/deploy.json': POLICIES.write,
        '.github/iam-policy-diff.yml': 'policies:\n  exclude: ["iam/**"]\n'
      }
    )
    try {
      const result = await onPull(broken, {})
      expect(result.stderr).toBe('')
      expect(result.exitCode).toBe(1) // reviewed with the defaults: the broadening is found
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          type: 'error',
          properties: expect.objectContaining({ file: '.github/iam-policy-diff.yml', line: '1' })
        })
      )
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          type: 'warning',
          message: expect.stringMatching(
            /^the configuration `\.github\/iam-policy-diff\.yml` of the base commit is invalid \(1 error, first: line 1: .+\): reviewed with the defaults and `fail-on: broadened`; the version in this change is not used, it applies once merged$/
          )
        })
      )
      expect(result.summary).toContain('config-base-invalid')
      expect(result.summary).toContain('s3:PutObject')
      expect(fake.comments.get(7)![0]!.body).toContain('config-base-invalid')
    } finally {
      broken.remove()
    }
  })

  it('an invalid input fails before any API call, quoting the value', async () => {
    fake.reset(scenario(broaden))
    const result = await onPull(broaden, { 'fail-on': 'sometimes' })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        type: 'error',
        message: expect.stringContaining('input `fail-on`: unknown value `sometimes`')
      })
    )
    expect(fake.requests).toEqual([])
  })
})
