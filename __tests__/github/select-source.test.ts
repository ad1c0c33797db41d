import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { apiSource } from '../../src/github/api-source.js'
import type { Target } from '../../src/github/event.js'
import type { ApiFile } from '../../src/github/port.js'
import { selectSource } from '../../src/github/select-source.js'
import { createRepo, policy, type TestRepo } from '../e2e/git-repo.js'
import { FakeGitHubPort, pullRequest } from '../fakes/github-port.js'

const BASE = 'a'.repeat(40)
const HEAD = 'c'.repeat(40)
const MERGE_BASE = 'e'.repeat(40)

let repo: TestRepo
let mainTip: string

beforeAll(() => {
  repo = createRepo(
    { 'iam/a.json': policy([]) },
    { 'iam/a.json': policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]) }
  )
  // the base branch moves on after the feature branched off
  repo.git('checkout', '--quiet', 'main')
  mainTip = repo.commit({ 'iam/b.json': policy([]) }, 'main moves on')
  repo.git('checkout', '--quiet', 'feature')
})
afterAll(() => repo.remove())

const target = (init: Partial<Target> = {}): Target => ({
  event: 'pull_request',
  pullNumber: 7,
  comment: true,
  base: BASE,
  head: HEAD,
  changedFiles: undefined,
  apiOnly: false,
  ...init
})

const files = (count: number): ApiFile[] =>
  Array.from({ length: count }, (_, i) => ({
    path: `docs/${i}.md`,
    previousPath: undefined,
    status: 'modified' as const
  }))

describe('selectSource', () => {
  it('reads with git from the merge base when the checkout holds both commits', async () => {
    const port = new FakeGitHubPort()
    const selected = await selectSource({
      target: target({ base: mainTip, head: repo.head }),
      port,
      repoDir: repo.dir,
      log: () => {}
    })
    expect(selected).toMatchObject({ via: 'git', base: repo.base, head: repo.head })
    await expect(selected.source.listChangedFiles()).resolves.toEqual([
      { path: 'iam/a.json', previousPath: undefined, status: 'modified' }
    ])
    expect(port.calls).toEqual([])
  })

  it('pull_request_target: the API only, even with the commits in the workspace', async () => {
    const port = new FakeGitHubPort()
    port.comparisons.set(`${mainTip}...${repo.head}`, { mergeBaseSha: repo.base, files: files(2) })
    const selected = await selectSource({
      target: target({ base: mainTip, head: repo.head, apiOnly: true }),
      port,
      repoDir: repo.dir,
      log: () => {}
    })
    expect(selected.via).toBe('api')
  })

  it('falls back to the API when the checkout lacks the commits, and compares from the merge base', async () => {
    const port = new FakeGitHubPort()
    port.comparisons.set(`${BASE}...${HEAD}`, { mergeBaseSha: MERGE_BASE, files: files(3) })
    port.contents.set(`${MERGE_BASE}:docs/0.md`, 'old')
    const empty = mkdtempSync(path.join(tmpdir(), 'no-checkout-'))
    const selected = await selectSource({ target: target(), port, repoDir: empty, log: () => {} })
    expect(selected).toMatchObject({ via: 'api', base: MERGE_BASE, head: HEAD })
    await expect(selected.source.listChangedFiles()).resolves.toHaveLength(3)
    await expect(selected.source.readFile('docs/0.md', 'base')).resolves.toBe('old')
    expect(port.callsOf('listPullRequestFiles')).toEqual([])
  })

  it('past the compare API cap, lists the pull request files when its head is the one reviewed', async () => {
    const port = new FakeGitHubPort()
    port.comparisons.set(`${BASE}...${HEAD}`, { mergeBaseSha: MERGE_BASE, files: files(300) })
    port.pulls.set(7, pullRequest({ number: 7, headSha: HEAD, changedFiles: 450 }))
    port.pullFiles.set(7, files(450))
    const selected = await selectSource({
      target: target(),
      port,
      repoDir: undefined,
      log: () => {}
    })
    await expect(selected.source.listChangedFiles()).resolves.toHaveLength(450)
  })

  it.each([
    [
      'the pull request files API is cut too',
      3500,
      HEAD,
      /^pull request #7 changes 3500 files but the GitHub files API lists only 450 \(it stops at 3000\): check out the repository with `fetch-depth: 0`/
    ],
    [
      'the pull request moved on to another head',
      450,
      BASE,
      /^the comparison of `a{40}` with `c{40}` lists 300 files, the most the GitHub compare API returns: check out/
    ]
  ])('refuses a partial review when %s', async (_name, changedFiles, liveHead, message) => {
    const port = new FakeGitHubPort()
    port.comparisons.set(`${BASE}...${HEAD}`, { mergeBaseSha: MERGE_BASE, files: files(300) })
    port.pulls.set(7, pullRequest({ number: 7, headSha: liveHead, changedFiles }))
    port.pullFiles.set(7, files(450))
    await expect(
      selectSource({ target: target(), port, repoDir: undefined, log: () => {} })
    ).rejects.toThrow(message)
  })

  it('workflow_dispatch with pull-number: the refs come from the pull request', async () => {
    const port = new FakeGitHubPort()
    port.pulls.set(12, pullRequest({ number: 12, baseSha: BASE, headSha: HEAD }))
    port.comparisons.set(`${BASE}...${HEAD}`, { mergeBaseSha: MERGE_BASE, files: [] })
    const selected = await selectSource({
      target: target({ pullNumber: 12, base: undefined, head: undefined }),
      port,
      repoDir: undefined,
      log: () => {}
    })
    expect(selected).toMatchObject({ via: 'api', base: MERGE_BASE, head: HEAD })
  })

  it('resolves a head that is a branch name before reading through the API', async () => {
    const port = new FakeGitHubPort()
    port.refs.set('feature', HEAD)
    port.comparisons.set(`main...${HEAD}`, { mergeBaseSha: MERGE_BASE, files: [] })
    const selected = await selectSource({
      target: target({ base: 'main', head: 'feature' }),
      port,
      repoDir: undefined,
      log: () => {}
    })
    expect(selected.head).toBe(HEAD)
  })
})

describe('apiSource', () => {
  it('maps the API statuses onto the review statuses', async () => {
    const source = apiSource({
      port: new FakeGitHubPort(),
      base: BASE,
      head: HEAD,
      files: [
        { path: 'a.json', previousPath: undefined, status: 'added' },
        { path: 'b.json', previousPath: undefined, status: 'removed' },
        { path: 'c.json', previousPath: 'old-c.json', status: 'renamed' },
        { path: 'd.json', previousPath: undefined, status: 'changed' },
        { path: 'e.json', previousPath: 'x.json', status: 'copied' },
        { path: 'f.json', previousPath: undefined, status: 'unchanged' }
      ]
    })
    await expect(source.listChangedFiles()).resolves.toEqual([
      { path: 'a.json', previousPath: undefined, status: 'added' },
      { path: 'b.json', previousPath: undefined, status: 'deleted' },
      { path: 'c.json', previousPath: 'old-c.json', status: 'renamed' },
      { path: 'd.json', previousPath: undefined, status: 'modified' },
      { path: 'e.json', previousPath: undefined, status: 'added' }
    ])
  })

  it('reads each side at its commit, once', async () => {
    const port = new FakeGitHubPort()
    port.contents.set(`${BASE}:p.json`, 'base text')
    port.contents.set(`${HEAD}:p.json`, 'head text')
    const source = apiSource({ port, base: BASE, head: HEAD, files: [] })
    await expect(source.readFile('p.json', 'base')).resolves.toBe('base text')
    await expect(source.readFile('p.json', 'head')).resolves.toBe('head text')
    await expect(source.readFile('p.json', 'head')).resolves.toBe('head text')
    await expect(source.readFile('gone.json', 'head')).resolves.toBeUndefined()
    expect(port.callsOf('getFileContent')).toHaveLength(3)
  })

  it('refuses a truncated file listing', async () => {
    const port = new FakeGitHubPort()
    port.trees.set(HEAD, { paths: ['a.json'], truncated: true })
    port.trees.set(BASE, { paths: ['a.json', 'b.json'], truncated: false })
    const source = apiSource({ port, base: BASE, head: HEAD, files: [] })
    await expect(source.listFiles('base')).resolves.toEqual(['a.json', 'b.json'])
    await expect(source.listFiles('head')).rejects.toThrow(
      `the file listing of \`${HEAD}\` is too large for the GitHub API`
    )
  })
})
