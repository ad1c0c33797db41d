// Issue 10 through the command line bundle: a change to a managed policy shared by two roles and
// a group reaches each role and the group's member, named as the subject of each change.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { ROOT, runCli } from './run-cli.js'

const FIXTURES = join(ROOT, '__tests__/fixtures/principals')

describe('diff of a shared managed policy (bundle)', () => {
  it('names every role and user that gains the action', async () => {
    const run = await runCli([
      'diff',
      join(FIXTURES, 'base'),
      join(FIXTURES, 'head'),
      '--format',
      'json'
    ])
    const report = JSON.parse(run.stdout) as {
      changes: { kind: string; action: string; subject?: { kind: string; name: string } }[]
    }
    const gained = report.changes
      .filter((c) => c.kind === 'broadened' && c.action === 's3:DeleteObject')
      .map((c) => `${c.subject?.kind} ${c.subject?.name}`)
      .sort()
    expect(gained).toEqual(['role BuildRole', 'role DeployRole', 'user Alice'])
    const text = await runCli(['diff', join(FIXTURES, 'base'), join(FIXTURES, 'head')])
    expect(text.stdout).toContain('[subject user Alice]')
  })
})
