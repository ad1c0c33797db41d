// `iam-policy-diff diff --terraform-plan PLAN.json` through the committed bundle (issue 9): no
// refs, the same formats and exit codes; documents are named by resource address.
import { describe, expect, it } from '@jest/globals'
import { dirname, join } from 'node:path'
import { ROOT, runCli } from './run-cli.js'

const PLAN = join(ROOT, '__tests__/fixtures/terraform/plan.json')

describe('diff --terraform-plan (bundle)', () => {
  it('reviews every policy the plan changes, before → after, by address', async () => {
    const text = await runCli(['diff', '--terraform-plan', 'plan.json'], { cwd: dirname(PLAN) })
    expect(text.stdout).toContain('aws_iam_role_policy.deploy')
    expect(text.stdout).toContain('s3:PutObject')
    expect(text.stdout).toContain('module.ci.aws_iam_policy.ci["main"]')
    expect(text.stdout).toMatch(/known only after apply/)
    // an unknown policy is not reviewed: with --fail-on broadened the run fails
    expect(text.code).toBe(0)
    const failing = await runCli(
      ['diff', '--terraform-plan', PLAN, '--fail-on', 'broadened', '--format', 'json'],
      { cwd: ROOT }
    )
    expect(failing.code).toBe(1)
    const report = JSON.parse(failing.stdout) as {
      files: { file: string; status: string; document?: { location: string; format: string } }[]
    }
    const rows = report.files.map((f) => [f.document?.location ?? '', f.status, f.document?.format])
    expect(rows).toEqual(
      expect.arrayContaining([
        ['aws_iam_role_policy.deploy/policy', 'modified', 'terraform-plan'],
        ['module.ci.aws_iam_policy.ci["main"]/policy', 'added', 'terraform-plan'],
        ['aws_iam_policy.legacy/policy', 'deleted', 'terraform-plan']
      ])
    )
    const markdown = await runCli(
      ['diff', '--terraform-plan', 'plan.json', '--format', 'markdown'],
      {
        cwd: dirname(PLAN)
      }
    )
    expect(markdown.stdout).toContain('`s3:PutObject`')
    expect(markdown.stdout).toContain('plan.json (after)')
  })

  it('usage errors exit 2', async () => {
    const missing = await runCli(['diff', '--terraform-plan', 'nope.json'], { cwd: ROOT })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read the Terraform plan `nope.json`')
    const mixed = await runCli(['diff', '--terraform-plan', PLAN, '--base', 'HEAD'])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toContain('`--base` cannot be combined with `--terraform-plan`')
  })
})
