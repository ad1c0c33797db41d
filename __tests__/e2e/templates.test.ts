// End to end, issue 8: the committed action bundle, against the loopback GitHub, reviews a pull
// request that changes a CloudFormation YAML template (an inline policy broadened on a `!Sub`
// resource, a policy added on a `!GetAtt` resource) and adds CDK source. The comment names the
// template and the logical ID and links to the line at the head commit, the annotations point
// at the template line, the CDK source is listed as not reviewed, and `fail-on: broadened` fails.
import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js'
import { createRepo, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction } from './run-action.js'
import { pullRequestEvent } from './scenario.js'

const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')

describe.each(NODES)('the bundle under $name, on a template change', ({ bin }) => {
  let repo: TestRepo
  let fake: FakeGitHub
  let runId = 9800

  const scenario = (r: TestRepo): FakeGitHubOptions => ({
    repoDir: r.dir,
    owner: 'octo-org',
    repo: 'policies',
    pulls: [
      {
        number: 8,
        base: r.base,
        head: r.head,
        headRef: 'broaden-deploy',
        headRepo: 'octo-org/policies',
        labels: []
      }
    ]
  })

  beforeAll(async () => {
    repo = createRepo(
      { 'infra/deploy.yaml': fixture('sources/base/deploy.yaml') },
      {
        'infra/deploy.yaml': fixture('sources/head/deploy.yaml'),
        'cdk/stack.ts': fixture('extract/stack.ts')
      }
    )
    fake = await FakeGitHub.start(scenario(repo))
  })
  afterAll(async () => {
    removeTemporary()
    await fake.close()
    repo.remove()
  })
  afterEach(() => expect(fake.violations).toEqual([]))

  it('names the template and the logical ID, links to the line, annotates it, and fails', async () => {
    fake.reset(scenario(repo))
    const result = await runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(8, repo.base, repo.head),
      workspace: repo.dir,
      runId: ++runId,
      sha: repo.head,
      inputs: { 'fail-on': 'broadened' }
    })
    expect(result.exitCode).toBe(1)
    expect(Number(result.outputs['broadened'])).toBeGreaterThan(0)

    const line = `https://github.com/octo-org/policies/blob/${repo.head}/infra/deploy.yaml#L29`
    const comment = fake.comments.get(8)?.[0]?.body ?? ''
    for (const text of [comment, result.summary]) {
      expect(text).toContain('`infra/deploy.yaml` › DeployRole › inline policy s3\\-write')
      expect(text).toContain(`\`WriteArtifacts\` [line 29](<${line}>)`)
      expect(text).toContain('`infra/deploy.yaml` › QueueReader › policy queue\\-reader')
      expect(text).toContain('`arn:aws:sqs:us-east-1:123456789012:OrdersQueue`')
      // the CDK source is not reviewed, with the fix
      const notReviewed = text.slice(text.indexOf('#### ❌ Not reviewed'))
      expect(notReviewed).toContain('`cdk/stack.ts` (added)')
      expect(notReviewed).toContain('`source-not-reviewed`')
      expect(notReviewed).toContain('examples/workflows/cdk\\.yml')
    }

    const broadened = result.annotations.filter(
      (a) => a.type === 'warning' && a.properties['file'] === 'infra/deploy.yaml'
    )
    expect(broadened.map((a) => a.properties['line'])).toEqual(expect.arrayContaining(['29', '41']))
    expect(broadened.some((a) => a.message.includes('WriteArtifacts'))).toBe(true)
    const cdk = result.annotations.find(
      (a) => a.type === 'error' && a.properties['file'] === 'cdk/stack.ts'
    )
    expect(cdk?.message).toContain('synthesize')
    // the gate names what failed it
    expect(result.stdout).toContain('(fail-on: broadened)')
  })
})
