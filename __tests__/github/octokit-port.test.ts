// The real port against the loopback GitHub of the end-to-end tests: pagination, content
// decoding, writes, errors and a rate-limit retry, every request checked against the OpenAPI
// description.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { createOctokitPort as CreatePort } from '../../src/github/octokit-port.js'
import type { GitHubPort } from '../../src/github/port.js'
import { FakeGitHub, type FakeGitHubOptions } from '../e2e/fake-github.js'
import { createRepo, policy, type TestRepo } from '../e2e/git-repo.js'

let repo: TestRepo
let fake: FakeGitHub
let createOctokitPort: typeof CreatePort
const saved = process.env['GITHUB_API_URL']
const log: string[] = []

const big = `{"Version":"2012-10-17","Statement":[],"pad":"${'x'.repeat(1_100_000)}"}`

beforeAll(async () => {
  const docs = Object.fromEntries(
    Array.from({ length: 130 }, (_, i) => [`docs/page-${i}.md`, `page ${i}\n`])
  )
  repo = createRepo(
    {
      'iam/deploy.json': policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
      'iam/old.json': '{}'
    },
    {
      'iam/deploy.json': '\uFEFF' + policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]),
      'iam/big.json': big,
      'iam/old.json': null,
      ...docs
    }
  )
  fake = await FakeGitHub.start(scenario())
  // @actions/github reads GITHUB_API_URL once, when it is first imported
  process.env['GITHUB_API_URL'] = fake.url
  ;({ createOctokitPort } = await import('../../src/github/octokit-port.js'))
})
afterAll(async () => {
  await fake.close()
  repo.remove()
  process.env['GITHUB_API_URL'] = saved
})
afterEach(() => {
  expect(fake.violations).toEqual([])
  log.length = 0
})

function scenario(options: Partial<FakeGitHubOptions> = {}): FakeGitHubOptions {
  return {
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
        labels: ['iam-ok']
      }
    ],
    ...options
  }
}

function port(options: Partial<FakeGitHubOptions> = {}): { port: GitHubPort; fake: FakeGitHub } {
  fake.reset(scenario(options))
  return {
    port: createOctokitPort({
      token: 'ghs_test',
      repo: { owner: 'octo-org', repo: 'policies' },
      log: (m) => log.push(m)
    }),
    fake
  }
}

describe('createOctokitPort', () => {
  it('lists every page of the pull request files', async () => {
    const { port: p, fake: f } = port()
    const files = await p.listPullRequestFiles(7)
    expect(files).toHaveLength(133)
    expect(files).toContainEqual({
      path: 'iam/old.json',
      previousPath: undefined,
      status: 'removed'
    })
    expect(f.calls('pulls/list-files')).toHaveLength(2) // 100 per page
  })

  it('reads the pull request with its live labels and changed-file count', async () => {
    const { port: p } = port()
    await expect(p.getPullRequest(7)).resolves.toMatchObject({
      number: 7,
      baseSha: repo.base,
      headSha: repo.head,
      labels: ['iam-ok'],
      changedFiles: 133
    })
  })

  it('compares two commits: the merge base and the files', async () => {
    const { port: p } = port()
    const comparison = await p.compareCommits('main', repo.head)
    expect(comparison.mergeBaseSha).toBe(repo.base)
    expect(comparison.files).toHaveLength(133)
  })

  it('decodes file contents (base64 JSON form, a byte-order mark dropped), and missing files are undefined', async () => {
    const { port: p } = port()
    await expect(p.getFileContent('iam/deploy.json', repo.head)).resolves.toBe(
      policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }])
    )
    await expect(p.getFileContent('iam/old.json', repo.head)).resolves.toBeUndefined()
    await expect(p.getFileContent('iam', repo.head)).resolves.toBeUndefined()
  })

  it('reads a file over 1 MB through the raw media type', async () => {
    const { port: p, fake: f } = port()
    await expect(p.getFileContent('iam/big.json', repo.head)).resolves.toBe(big)
    expect(f.calls('repos/get-content')).toHaveLength(2)
  })

  it('lists the files of a commit and resolves refs', async () => {
    const { port: p } = port()
    await expect(p.listFiles(repo.base)).resolves.toEqual({
      paths: ['iam/deploy.json', 'iam/old.json'],
      truncated: false
    })
    await expect(p.resolveCommit('feature')).resolves.toBe(repo.head)
  })

  it('writes, pages through and deletes comments', async () => {
    const comments = Array.from({ length: 120 }, (_, i) => ({
      body: `comment ${i}`,
      login: 'octocat',
      type: 'User' as const
    }))
    const { port: p, fake: f } = port({ comments: { 7: comments } })
    const created = await p.createIssueComment(7, '<!-- iam-policy-diff -->\nhello')
    expect(created).toMatchObject({ author: 'github-actions[bot]', authorType: 'Bot' })
    const listed = await p.listIssueComments(7)
    expect(listed).toHaveLength(121)
    expect(listed.at(-1)?.id).toBe(created.id)
    expect(f.calls('issues/list-comments')).toHaveLength(2)
    await expect(p.updateIssueComment(created.id, 'updated')).resolves.toMatchObject({
      body: 'updated'
    })
    await p.deleteIssueComment(created.id)
    expect(f.comments.get(7)).toHaveLength(120)
  })

  it('an installation token (no user) is its bot, as GraphQL `viewer` names it', async () => {
    const { port: p, fake: f } = port()
    await expect(p.getIdentity()).resolves.toEqual({
      kind: 'known',
      login: 'github-actions[bot]'
    })
    expect(f.calls('users/get-authenticated').map((r) => r.status)).toEqual([403])
    expect(f.calls('graphql')).toHaveLength(1)
  })

  it('a viewer login without `[bot]` still names the bot', async () => {
    const { port: p } = port({ viewer: 'deploy-app' })
    await expect(p.getIdentity()).resolves.toEqual({ kind: 'known', login: 'deploy-app[bot]' })
  })

  it('says why when GitHub does not say who the token is', async () => {
    const { port: p } = port({ viewer: null })
    const identity = await p.getIdentity()
    expect(identity).toMatchObject({ kind: 'unknown' })
    expect(identity.kind === 'unknown' && identity.reason).toMatch(
      /^GitHub did not say who the token is \(GraphQL `viewer`: .*Something went wrong/
    )
  })

  it('finds open pull requests by head', async () => {
    const { port: p } = port()
    await expect(p.findPullRequests('octo-org:feature')).resolves.toMatchObject([
      { number: 7, headSha: repo.head, author: 'octocat' }
    ])
  })

  it('reads the timeline: label, commit and force-push events, every page', async () => {
    const labels = Array.from({ length: 120 }, (_, i) => ({
      event: i % 2 === 0 ? ('labeled' as const) : ('unlabeled' as const),
      label: 'bug',
      actor: 'bob',
      at: '2025-03-01T09:00:00Z'
    }))
    const { port: p, fake: f } = port({
      timeline: {
        7: [
          ...labels,
          { event: 'committed', sha: repo.head, date: '2025-03-01T10:00:00+01:00' },
          {
            event: 'head_ref_force_pushed',
            sha: repo.head,
            actor: 'bob',
            at: '2025-03-01T10:30:00Z'
          },
          { event: 'labeled', label: 'iam-ok', actor: 'alice', at: '2025-03-01T11:00:00Z' }
        ]
      }
    })
    const timeline = await p.listTimeline(7)
    expect(timeline).toHaveLength(123)
    expect(timeline.slice(-3)).toEqual([
      { kind: 'committed', sha: repo.head, committedAt: '2025-03-01T10:00:00+01:00' },
      { kind: 'force-pushed', sha: repo.head, actor: 'bob', at: '2025-03-01T10:30:00Z' },
      { kind: 'labeled', label: 'iam-ok', actor: 'alice', at: '2025-03-01T11:00:00Z' }
    ])
    expect(f.calls('issues/list-events-for-timeline')).toHaveLength(2)
  })

  it('reads a collaborator permission with its role', async () => {
    const { port: p } = port({ permissions: { alice: 'maintain' } })
    await expect(p.getCollaboratorPermission('alice')).resolves.toEqual({
      permission: 'write',
      roleName: 'maintain'
    })
    const denied = port({ permissionDenied: true }).port
    await expect(denied.getCollaboratorPermission('alice')).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/^reading the permission of @alice: forbidden \(403/)
    })
  })

  it('checks team membership: a 404 means not a member', async () => {
    const { port: p } = port({ teams: { 'octo-org/iam': ['alice'] } })
    await expect(p.isTeamMember('octo-org', 'iam', 'alice')).resolves.toBe(true)
    await expect(p.isTeamMember('octo-org', 'iam', 'bob')).resolves.toBe(false)
  })

  it('turns a read-only token into a 403 that names the fix', async () => {
    const { port: p } = port({ readOnly: true })
    await expect(p.createIssueComment(7, 'x')).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(
        /^commenting on #7: forbidden \(403 Resource not accessible by integration\): grant `pull-requests: write`/
      )
    })
  })

  it('turns a missing pull request into a 404 that names what to check', async () => {
    const { port: p } = port()
    await expect(p.getPullRequest(99)).rejects.toThrow(
      'reading pull request #99: not found (404): check the repository, the refs or the pull request number'
    )
  })

  it.each(['secondary', 'primary'] as const)(
    'retries once after a %s rate limit, honouring retry-after',
    async (kind) => {
      const { port: p, fake: f } = port({
        rateLimitOnce: { operationId: 'pulls/list-files', kind }
      })
      await expect(p.listPullRequestFiles(7)).resolves.toHaveLength(133)
      expect(f.calls('pulls/list-files').map((r) => r.status)).toEqual([
        kind === 'secondary' ? 403 : 429,
        200,
        200
      ])
      expect(log).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^${kind} rate limit on GET \\S*/repos/octo-org/policies/pulls/7/files.*: retrying in \\d+s$`
          )
        )
      )
    }
  )
})
