// End to end, issue 7 §1: the committed action bundle, against the loopback GitHub, finds the
// broadening hidden behind many conditions, and fails closed when a review is cut by the budget.
import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js'
import { createRepo, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction } from './run-action.js'
import { pullRequestEvent } from './scenario.js'

const hostile = (side: 'base' | 'head', name: string): string =>
  readFileSync(new URL(`../fixtures/hostile/${side}/${name}.json`, import.meta.url), 'utf8')

describe.each(NODES)('the bundle under $name, on hostile policies', ({ bin }) => {
  let repo: TestRepo
  let cut: TestRepo
  let fake: FakeGitHub
  let runId = 9000

  const scenario = (r: TestRepo): FakeGitHubOptions => ({
    repoDir: r.dir,
    owner: 'octo-org',
    repo: 'policies',
    pulls: [
      {
        number: 3,
        base: r.base,
        head: r.head,
        headRef: 'feature',
        headRepo: 'octo-org/policies',
        labels: []
      }
    ]
  })
  const run = (r: TestRepo) =>
    runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(3, r.base, r.head),
      workspace: r.dir,
      runId: ++runId,
      sha: r.head,
      inputs: { 'fail-on': 'broadened' }
    })

  beforeAll(async () => {
    repo = createRepo(
      { 'iam/ops.json': hostile('base', 'star-conditions') },
      { 'iam/ops.json': hostile('head', 'star-conditions') }
    )
    // the base commit's configuration sets a budget far below what the change needs
    cut = createRepo(
      {
        'iam/ops.json': hostile('base', 'star-conditions'),
        '.github/iam-policy-diff.yml': 'max-requests: 25\n'
      },
      { 'iam/ops.json': hostile('head', 'star-conditions') }
    )
    fake = await FakeGitHub.start(scenario(repo))
  })
  afterAll(async () => {
    removeTemporary()
    await fake.close()
    repo.remove()
    cut.remove()
  })
  afterEach(() => expect(fake.violations).toEqual([]))

  it('names the broadening of `*` behind eight conditions and fails the gate', async () => {
    fake.reset(scenario(repo))
    const result = await run(repo)
    expect(result.exitCode).toBe(1)
    expect(result.summary).toContain('broadened')
    expect(result.summary).toContain('decide alike')
    expect(result.summary).not.toContain('matrix-truncated')
    expect(Number(result.outputs['broadened'])).toBeGreaterThan(0)
  })

  it('a review cut by `max-requests` is incomplete: not reviewed, annotated, and failing', async () => {
    fake.reset(scenario(cut))
    const result = await run(cut)
    expect(result.exitCode).toBe(1)
    expect(result.summary).toContain('incomplete')
    expect(result.summary).toContain('matrix-truncated')
    const errors = result.annotations.filter((a) => a.type === 'error')
    expect(errors.some((a) => a.message.includes('incomplete'))).toBe(true)
    const comment = fake.comments.get(3)?.[0]?.body ?? ''
    expect(comment).toContain('incomplete')
  })
})
