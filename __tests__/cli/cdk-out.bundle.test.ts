// `iam-policy-diff diff BASE_DIR HEAD_DIR` over two synthesized cdk.out folders, through the
// committed bundle (issue 8): the template's document is named and its statement line shown.
import { describe, expect, it } from '@jest/globals'
import { runCli } from './run-cli.js'

describe('diff of two cdk.out folders (bundle)', () => {
  it('reviews the synthesized templates and ignores the manifests', async () => {
    const base = '__tests__/fixtures/sources/cdk.out.base'
    const head = '__tests__/fixtures/sources/cdk.out.head'
    const text = await runCli(['diff', base, head])
    expect(text.stderr).toBe('')
    expect(text.stdout).toContain(
      '↑ AppStack.template.json › DeployRoleDefaultPolicy9F2A › policy DeployRoleDefaultPolicy9F2A [subject role DeployRoleABC123]  s3:DeleteObject'
    )
    expect(text.stdout).toContain('(Statement[0], line 32)')
    const json = await runCli(['diff', base, head, '--format', 'json'])
    const report = JSON.parse(json.stdout) as {
      files: { file: string; document?: { location: string; format: string } }[]
    }
    expect(report.files.map((f) => [f.file, f.document?.location, f.document?.format])).toEqual([
      [
        'AppStack.template.json',
        'Resources/DeployRoleDefaultPolicy9F2A/Properties/PolicyDocument',
        'cloudformation'
      ]
    ])
  })
})
