// End to end, the step's result: fail-on exit codes, the approval label, workflow_dispatch and
// events the action does not review. Under Node 20 and Node 24.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js'
import { createRepo, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction } from './run-action.js'
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

  it('an approval label on the pull request passes the gate and the comment names who applied it', async () => {
    fake.reset({
      ...scenario(broaden),
      pulls: [
        {
          number: 7,
          base: broaden.base,
          head: broaden.head,
          headRef: 'feature',
          headRepo: 'octo-org/policies',
          labels: ['iam-ok']
        }
      ],
      labelEvents: { 7: [{ event: 'labeled', label: 'iam-ok', actor: 'alice' }] }
    })
    const result = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, broaden.base, broaden.head),
      workspace: broaden.dir,
      runId: ++runId,
      inputs: { 'fail-on': 'broadened', 'approve-label': 'iam-ok' }
    })
    expect(result.exitCode).toBe(0)
    expect(fake.calls('pulls/get')).toHaveLength(1)
    expect(fake.calls('issues/list-events')).toHaveLength(1)
    expect(fake.comments.get(7)![0]!.body).toContain('alice')
    expect(result.summary).toContain('accepted by the label `iam-ok` applied by @alice')
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

  it('an invalid configuration fails with the located problem and publishes nothing', async () => {
    const broken = createRepo(
      { 'iam/deploy.json': POLICIES.read, '.github/iam-policy-diff.yml': 'auto: maybe\n' },
      { 'iam/deploy.json': POLICIES.write }
    )
    try {
      const result = await onPull(broken, {})
      expect(result.exitCode).toBe(1)
      expect(result.annotations).toContainEqual(
        expect.objectContaining({
          type: 'error',
          message: expect.stringMatching(
            /^invalid configuration `\.github\/iam-policy-diff\.yml` \(1 error\): \.github\/iam-policy-diff\.yml:1:/
          )
        })
      )
      expect(result.summary).toBe('')
      expect(fake.requests).toEqual([])
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
        message: 'input `fail-on` must be one of `broadened`, `any`, `never`: got `sometimes`'
      })
    )
    expect(fake.requests).toEqual([])
  })
})
