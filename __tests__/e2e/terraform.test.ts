// End to end, issue 9: the committed action bundle, against the loopback GitHub, reviews a pull
// request that changes a Terraform module (the bucket from terraform.tfvars, the role's policy
// from an aws_iam_policy_document), and a Terraform plan JSON given with `terraform-plan`. The
// comment names the file and the Terraform address, and `fail-on: broadened` fails.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js'
import { createRepo, type TestRepo } from './git-repo.js'
import { NODES, removeTemporary, runAction } from './run-action.js'
import { pullRequestEvent } from './scenario.js'

const fixture = (file: string): string =>
  readFileSync(new URL(`../fixtures/terraform/${file}`, import.meta.url), 'utf8')

const MODULE = {
  'infra/main.tf': fixture('module/main.tf'),
  'infra/variables.tf': fixture('module/variables.tf'),
  'infra/terraform.tfvars': fixture('module/terraform.tfvars'),
  'infra/policies/logs.json.tpl': fixture('module/policies/logs.json.tpl')
}

/** The Markdown without its escapes, to look for names as written. */
const plain = (text: string): string => text.replace(/\\(?=[_.\-*[\]`#|])/g, '')

describe.each(NODES)('the bundle under $name, on Terraform', ({ bin }) => {
  let repo: TestRepo
  let fake: FakeGitHub
  let runId = 9900

  const scenario = (r: TestRepo): FakeGitHubOptions => ({
    repoDir: r.dir,
    owner: 'octo-org',
    repo: 'infra',
    pulls: [
      {
        number: 9,
        base: r.base,
        head: r.head,
        headRef: 'orders-write',
        headRepo: 'octo-org/infra',
        labels: []
      }
    ]
  })
  const run = (inputs: Record<string, string>) =>
    runAction({
      node: bin,
      apiUrl: fake.url,
      eventName: 'pull_request',
      event: pullRequestEvent(9, repo.base, repo.head),
      workspace: repo.dir,
      runId: ++runId,
      sha: repo.head,
      repository: 'octo-org/infra',
      inputs: { 'fail-on': 'broadened', ...inputs }
    })

  beforeAll(async () => {
    repo = createRepo(MODULE, { 'infra/main.tf': fixture('module/main.tf.head') })
    // what `terraform show -json plan.out > plan.json` wrote in an earlier step (untracked)
    writeFileSync(path.join(repo.dir, 'plan.json'), fixture('plan.json'))
    fake = await FakeGitHub.start(scenario(repo))
  })
  afterAll(async () => {
    removeTemporary()
    await fake.close()
    repo.remove()
  })
  afterEach(() => expect(fake.violations).toEqual([]))

  it('a .tf change: names the file, the Terraform address and the broadened action, and fails', async () => {
    fake.reset(scenario(repo))
    const result = await run({})
    expect(result.exitCode).toBe(1)
    expect(Number(result.outputs['broadened'])).toBeGreaterThan(0)
    const comment = fake.comments.get(9)?.[0]?.body ?? ''
    for (const text of [plain(comment), plain(result.summary)]) {
      expect(text).toContain('`infra/main.tf` › aws_iam_role_policy.deploy › inline policy')
      expect(text).toContain('`s3:PutObject`')
      // the bucket comes from terraform.tfvars
      expect(text).toContain('arn:aws:s3:::orders-data/')
      expect(text).not.toContain('Not reviewed')
    }
    const annotations = result.annotations.filter((a) => a.properties['file'] === 'infra/main.tf')
    // the statement of the aws_iam_policy_document, at its line in main.tf
    expect(annotations.map((a) => a.properties['line'])).toContain('2')
    expect(comment).toContain(
      `https://github.com/octo-org/infra/blob/${repo.head}/infra/main.tf#L2`
    )
    expect(result.stdout).toContain('(fail-on: broadened)')
  })

  it('terraform-plan: reviews the plan by address; a policy known only after apply fails closed', async () => {
    fake.reset(scenario(repo))
    const result = await run({ 'terraform-plan': 'plan.json' })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('reviewing the Terraform plan `plan.json`')
    const comment = plain(fake.comments.get(9)?.[0]?.body ?? '')
    expect(comment).toContain('`plan.json` › aws_iam_role_policy.deploy › inline policy')
    expect(comment).toContain('`s3:PutObject`')
    expect(comment).toContain('module.ci.aws_iam_policy.ci["main"]')
    expect(comment).toContain('known only after apply')
    // the checkout's own change is not what this run reviews; the plan is not a repository file
    expect(comment).not.toContain('infra/main.tf')
    expect(comment).not.toContain('/blob/')
  })
})
