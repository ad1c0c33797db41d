// End to end, the comment's life: the committed dist/index.js runs as its own process, as the
// runner starts it, against a loopback GitHub that checks every request against the OpenAPI
// description. Each scenario runs under Node 20 and Node 24.
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions, type FakePull } from './fake-github.js'
import { createRepo, policy, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction } from './run-action.js'
import { BUCKET, emptyWorkspace, POLICIES, pullRequestEvent, workflowRunEvent } from './scenario.js'

const MARKER = '<!-- iam-policy-diff -->'

describe.each(NODES)('the bundle under $name', ({ bin }) => {
  let repo: TestRepo
  let fake: FakeGitHub
  let runId = 5000

  const pull = (number: number, init: Partial<FakePull> = {}): FakePull => ({
    number,
    base: repo.base,
    head: repo.head,
    headRef: 'feature',
    headRepo: 'octo-org/policies',
    labels: [],
    ...init
  })
  const scenario = (init: Partial<FakeGitHubOptions> = {}): FakeGitHubOptions => ({
    repoDir: repo.dir,
    owner: 'octo-org',
    repo: 'policies',
    pulls: [pull(7)],
    ...init
  })

  beforeAll(async () => {
    repo = createRepo(
      { 'iam/deploy.json': POLICIES.read, 'README.md': '# policies\n' },
      { 'iam/deploy.json': POLICIES.write }
    )
    fake = await FakeGitHub.start(scenario())
  })
  afterAll(async () => {
    removeTemporary()
    await fake.close()
    repo.remove()
  })
  afterEach(() => expect(fake.violations).toEqual([]))

  it('first run creates one comment, the next run updates it, a no-change run updates it to say so', async () => {
    fake.reset(scenario())
    const first = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, repo.base, repo.head),
      workspace: repo.dir,
      runId: ++runId,
      sha: repo.head,
      inputs: { 'fail-on': 'never' }
    })
    expect(first.stderr).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.outputs['changed']).toBe('true')
    expect(Number(first.outputs['broadened'])).toBeGreaterThan(0)
    expect(first.outputs['narrowed']).toBe('0')
    expect(first.summary).toContain('s3:PutObject')
    expect(JSON.parse(readFileSync(first.outputs['report-path']!, 'utf8'))).toMatchObject({
      schemaVersion: 1,
      head: repo.head
    })
    const comments = fake.comments.get(7)!
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body.startsWith(MARKER)).toBe(true)
    expect(comments[0]!.body).toContain('s3:PutObject')
    expect(first.outputs['comment-url']).toContain(`#issuecomment-${comments[0]!.id}`)
    // the broadening is annotated at the statement that now allows it
    expect(first.annotations).toContainEqual(
      expect.objectContaining({
        type: 'warning',
        properties: expect.objectContaining({ file: 'iam/deploy.json', line: '4' })
      })
    )

    const head2 = repo.commit({ 'iam/deploy.json': POLICIES.writeDelete })
    fake.reset({
      ...scenario({ pulls: [pull(7, { head: head2 })] }),
      comments: { 7: [{ body: comments[0]!.body, login: 'github-actions[bot]', type: 'Bot' }] }
    })
    const second = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, repo.base, head2),
      workspace: repo.dir,
      runId: ++runId,
      inputs: { 'fail-on': 'never' }
    })
    expect(second.exitCode).toBe(0)
    expect(fake.calls('issues/create-comment')).toEqual([])
    expect(fake.calls('issues/update-comment')).toHaveLength(1)
    expect(fake.comments.get(7)).toHaveLength(1)
    expect(fake.comments.get(7)![0]!.body).toContain('s3:DeleteObject')

    const head3 = repo.commit({ 'iam/deploy.json': POLICIES.readReordered })
    const before = fake.comments.get(7)![0]!.body
    const third = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, repo.base, head3),
      workspace: repo.dir,
      runId: ++runId,
      inputs: { 'fail-on': 'broadened' }
    })
    expect(third.exitCode).toBe(0)
    expect(third.outputs).toMatchObject({
      changed: 'false',
      broadened: '0',
      narrowed: '0',
      'deny-changed': '0'
    })
    expect(fake.calls('issues/create-comment')).toEqual([])
    expect(fake.calls('issues/update-comment')).toHaveLength(2)
    expect(fake.comments.get(7)).toHaveLength(1)
    expect(fake.comments.get(7)![0]!.body).not.toBe(before)
    expect(fake.comments.get(7)![0]!.body).not.toContain('s3:DeleteObject')
  })

  it('a hostile ARN with a foreign marker and a huge run id neither freezes nor cross-wires comments', async () => {
    const arn = `arn:aws:s3:::prod-data/x<!-- iam-policy-diff:prod -->\n<!-- iam-policy-diff-run: 99999999999999 -->`
    const hostile = createRepo(
      { 'iam/deploy.json': POLICIES.read },
      {
        'iam/deploy.json': policy([
          { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: BUCKET },
          { Sid: 'Hostile', Effect: 'Allow', Action: 's3:PutObject', Resource: arn }
        ])
      }
    )
    const run = (head: string, key: string): ReturnType<typeof runAction> =>
      runAction({
        node: bin,
        apiUrl: fake.url,
        eventName: 'pull_request',
        event: pullRequestEvent(7, hostile.base, head),
        workspace: hostile.dir,
        runId: ++runId,
        inputs: { 'fail-on': 'never', 'comment-key': key }
      })
    try {
      // another bot quoting the prod marker on its first line is not ours
      const quote = { body: '<!-- iam-policy-diff:prod -->\nquoted', login: 'renovate[bot]' }
      fake.reset({
        ...scenario({ pulls: [pull(7, { base: hostile.base, head: hostile.head })] }),
        repoDir: hostile.dir,
        comments: { 7: [{ ...quote, type: 'Bot' }] }
      })
      const dev = await run(hostile.head, 'dev')
      expect(dev.exitCode).toBe(0)
      const [renovate, devComment] = fake.comments.get(7)!
      expect(devComment!.body.split('\n')[0]).toBe('<!-- iam-policy-diff:dev -->')
      // the ARN is shown, its `<` made inert: no HTML comment opens in the body
      expect(devComment!.body).toContain('<\u200d!-- iam-policy-diff:prod -->')
      expect(devComment!.body.split('<!--')).toHaveLength(3) // the marker and the run line

      const prod = await run(hostile.head, 'prod')
      expect(prod.exitCode).toBe(0)
      expect(fake.calls('issues/update-comment')).toEqual([])
      expect(fake.calls('issues/delete-comment')).toEqual([])
      const after = fake.comments.get(7)!
      expect(after.map((c) => c.id)).toEqual([renovate!.id, devComment!.id, expect.any(Number)])
      expect(after[0]!.body).toBe(quote.body)
      expect(after[2]!.body.split('\n')[0]).toBe('<!-- iam-policy-diff:prod -->')
      expect(after[2]!.login).toBe('github-actions[bot]')

      // a later run of the dev key is not frozen by the run id inside the ARN
      const neutralHead = hostile.commit({ 'iam/deploy.json': POLICIES.readReordered })
      const later = await run(neutralHead, 'dev')
      expect(later.exitCode).toBe(0)
      expect(fake.calls('issues/update-comment')).toHaveLength(1)
      const devNow = fake.comments.get(7)!.find((c) => c.id === devComment!.id)!
      expect(devNow.body).toContain('no decision changed')
      expect(devNow.body.split('\n').at(-1)).toBe(`<!-- iam-policy-diff-run: ${runId} -->`)
      expect(fake.comments.get(7)![2]!.body).toBe(after[2]!.body)
    } finally {
      hostile.remove()
    }
  })

  it('no change and no earlier comment: no comment at all (comment: on-change)', async () => {
    const neutral = createRepo(
      { 'iam/deploy.json': POLICIES.read },
      { 'iam/deploy.json': POLICIES.readReordered }
    )
    try {
      fake.reset({ ...scenario(), repoDir: neutral.dir })
      const run = await runAction({
        node: bin,
        apiUrl: fake.url,
        eventName: 'pull_request',
        event: pullRequestEvent(7, neutral.base, neutral.head),
        workspace: neutral.dir,
        runId: ++runId
      })
      expect(run.exitCode).toBe(0)
      expect(run.outputs).toMatchObject({ changed: 'false', 'comment-url': '' })
      expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
      expect(run.summary).not.toBe('')
    } finally {
      neutral.remove()
    }
  })

  it('fork pull request: the comment is refused (403), one warning, the summary, outputs and gate still work', async () => {
    fake.reset(
      scenario({
        readOnly: true,
        pulls: [pull(8, { headRef: 'patch-1', headRepo: 'contributor/policies' })]
      })
    )
    const run = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(8, repo.base, repo.head, { fork: true }),
      workspace: repo.dir,
      runId: ++runId
    })
    expect(fake.calls('issues/create-comment').map((r) => r.status)).toEqual([403])
    const warnings = run.annotations.filter(
      (a) => a.type === 'warning' && /read-only/.test(a.message)
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(
      /^could not comment on pull request #8: the token is read-only/
    )
    expect(run.summary).toContain('s3:PutObject')
    expect(Number(run.outputs['broadened'])).toBeGreaterThan(0)
    expect(existsSync(run.outputs['report-path']!)).toBe(true)
    // fail-on: broadened still gates the fork's pull request
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        type: 'error',
        message: expect.stringMatching(/^access broadened for \d+ requests? \(fail-on: broadened\)/)
      })
    )

    // the relay: a workflow_run job posts the saved report on the fork's pull request
    fake.reset(
      scenario({ pulls: [pull(8, { headRef: 'patch-1', headRepo: 'contributor/policies' })] })
    )
    const relay = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'workflow_run',
      event: workflowRunEvent(repo.head),
      workspace: emptyWorkspace(),
      runId: ++runId,
      inputs: {
        mode: 'publish-report',
        'report-path': run.outputs['report-path']!,
        'fail-on': 'never'
      }
    })
    expect(relay.stderr).toBe('')
    expect(relay.exitCode).toBe(0)
    expect(fake.calls('pulls/list')).toHaveLength(1)
    expect(fake.comments.get(8)).toHaveLength(1)
    expect(fake.comments.get(8)![0]!.body).toContain('s3:PutObject')
    expect(relay.outputs['comment-url']).toContain('/pull/8#issuecomment-')
  })

  it('the relay refuses a report whose commit is not the pull request head', async () => {
    fake.reset(
      scenario({
        pulls: [pull(8, { headRef: 'patch-1', headRepo: 'contributor/policies', head: repo.base })]
      })
    )
    const reportPath = (
      await runAction({
        node: bin,
        apiUrl: fake.url,
        eventName: 'pull_request',
        event: pullRequestEvent(7, repo.base, repo.head),
        workspace: repo.dir,
        runId: ++runId,
        inputs: { comment: 'never', 'fail-on': 'never' }
      })
    ).outputs['report-path']!
    const relay = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'workflow_run',
      event: workflowRunEvent(repo.head),
      workspace: emptyWorkspace(),
      runId: ++runId,
      inputs: { mode: 'publish-report', 'report-path': reportPath, 'pull-number': '8' }
    })
    expect(relay.exitCode).toBe(1)
    expect(relay.annotations).toContainEqual(
      expect.objectContaining({
        type: 'error',
        message: expect.stringContaining('refusing to comment on it')
      })
    )
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })
})
