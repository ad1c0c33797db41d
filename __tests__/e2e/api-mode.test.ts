// End to end without a checkout: the bundle reads the pull request through the REST API. Covers
// pagination of files (past the compare API's 300) and of comments, the 3,000-file cap, and a
// rate-limit retry that honours retry-after. Under Node 20 and Node 24.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js'
import { createRepo, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction } from './run-action.js'
import { emptyWorkspace, POLICIES, pullRequestEvent } from './scenario.js'

const MARKER = '<!-- iam-policy-diff -->'
const DOCS = 320

describe.each(NODES)('the bundle under $name, API only', ({ bin }) => {
  let repo: TestRepo
  let fake: FakeGitHub
  let runId = 7000

  const scenario = (init: Partial<FakeGitHubOptions> = {}): FakeGitHubOptions => ({
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
  const run = (inputs: Record<string, string> = {}) =>
    runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(7, repo.base, repo.head, { changedFiles: DOCS + 1 }),
      workspace: emptyWorkspace(),
      runId: ++runId,
      inputs: { 'fail-on': 'never', ...inputs }
    })

  beforeAll(async () => {
    const docs = (text: string) =>
      Object.fromEntries(
        Array.from({ length: DOCS }, (_, i) => [`docs/page-${i}.md`, `${text} ${i}\n`])
      )
    repo = createRepo(
      { 'iam/deploy.json': POLICIES.read, ...docs('page') },
      { 'iam/deploy.json': POLICIES.write, ...docs('edited page') }
    )
    fake = await FakeGitHub.start(scenario())
  })
  afterAll(async () => {
    removeTemporary()
    await fake.close()
    repo.remove()
  })
  afterEach(() => expect(fake.violations).toEqual([]))

  it('pages through 321 changed files and 131 comments, and updates the marker comment on page 2', async () => {
    const chatter = Array.from({ length: 130 }, (_, i) => ({
      body: `looks good ${i}`,
      login: 'octocat',
      type: 'User' as const
    }))
    const marker = {
      body: `${MARKER}\nold report`,
      login: 'github-actions[bot]',
      type: 'Bot' as const
    }
    fake.reset(
      scenario({ comments: { 7: [...chatter.slice(0, 120), marker, ...chatter.slice(120)] } })
    )
    const result = await run()
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(Number(result.outputs['broadened'])).toBeGreaterThan(0)
    // the compare API stops at 300 files; the pull request files API is paged (100 a page)
    expect(fake.calls('pulls/list-files')).toHaveLength(4)
    expect(fake.calls('issues/list-comments')).toHaveLength(2)
    expect(fake.calls('issues/create-comment')).toEqual([])
    const comments = fake.comments.get(7)!
    expect(comments).toHaveLength(131)
    expect(comments[120]!.body).toContain('s3:PutObject')
    expect(result.summary).toContain('s3:PutObject')
  })

  it('refuses to review part of a pull request the files API cannot list completely', async () => {
    fake.reset(
      scenario({
        pulls: [
          {
            number: 7,
            base: repo.base,
            head: repo.head,
            headRef: 'feature',
            headRepo: 'octo-org/policies',
            labels: [],
            changedFiles: 3500
          }
        ]
      })
    )
    const result = await run()
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        type: 'error',
        message: expect.stringMatching(
          /^pull request #7 changes 3500 files but the GitHub files API lists only 321 .*: check out the repository with `fetch-depth: 0`/
        )
      })
    )
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([])
    expect(result.summary).toBe('')
  })

  it('retries after a secondary rate limit, honouring retry-after, and completes', async () => {
    fake.reset(
      scenario({ rateLimitOnce: { operationId: 'repos/compare-commits', kind: 'secondary' } })
    )
    const result = await run({ comment: 'never' })
    expect(result.exitCode).toBe(0)
    expect(fake.calls('repos/compare-commits').map((r) => r.status)).toEqual([403, 200])
    expect(result.stdout).toMatch(/secondary rate limit on GET \S+\/compare\/\S+: retrying in 1s/)
    expect(Number(result.outputs['broadened'])).toBeGreaterThan(0)
  })
})
