import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import type { RunContext } from '../../src/github/context.js'
import { runRelay } from '../../src/github/relay-mode.js'
import {
  parseSavedReport,
  readSavedReport,
  savedReportHead
} from '../../src/github/saved-report.js'
import type { ActionConfig } from '../../src/inputs.js'
import { FakeGitHubPort, pullRequest } from '../fakes/github-port.js'
import { change, fileReport, report } from '../fakes/report.js'
import { RecordingSink } from '../fakes/sink.js'

const valid = report(
  [change('broadened'), change('deny-changed', { context: { 'aws:SourceIp': ['10.0.0.1'] } })],
  [fileReport()]
)

/** the valid report with one field replaced (a JSON round trip drops undefined fields, as a file would) */
function withField(pathParts: (string | number)[], value: unknown): string {
  const copy = JSON.parse(JSON.stringify(valid))
  let at = copy
  for (const part of pathParts.slice(0, -1)) at = at[part]
  at[pathParts.at(-1)!] = value
  return JSON.stringify(copy)
}

describe('parseSavedReport', () => {
  it('accepts what the action wrote', () => {
    expect(parseSavedReport(JSON.stringify(valid), 'report.json')).toEqual(
      JSON.parse(JSON.stringify(valid))
    )
  })

  it.each([
    [
      ['schemaVersion'],
      2,
      '`report.json` is not an iam-policy-diff report: `/schemaVersion` must be 1 (this action reads report schema version 1)'
    ],
    [
      ['tool', 'name'],
      'other',
      '`report.json` is not an iam-policy-diff report: `/tool/name` must be one of iam-policy-diff'
    ],
    [
      ['summary', 'broadened'],
      -1,
      '`report.json` is not an iam-policy-diff report: `/summary/broadened` must be a count'
    ],
    [
      ['changes', 0, 'kind'],
      'worse',
      '`report.json` is not an iam-policy-diff report: `/changes/0/kind` must be one of broadened, narrowed, deny-changed'
    ],
    [
      ['changes', 0, 'after', 'determining'],
      {},
      '`report.json` is not an iam-policy-diff report: `/changes/0/after/determining` must be an array'
    ],
    [
      ['changes', 1, 'context', 'aws:SourceIp'],
      [1],
      '`report.json` is not an iam-policy-diff report: `/changes/1/context/aws:SourceIp/0` must be a string'
    ],
    [
      ['changes', 0, 'after', 'reason'],
      'because',
      '`report.json` is not an iam-policy-diff report: `/changes/0/after/reason` must be one of'
    ],
    [
      ['files', 0, 'diagnostics'],
      [{ code: 'made-up', severity: 'error', message: 'x', pointer: '' }],
      '`/files/0/diagnostics/0/code` must be one of'
    ],
    [['files'], null, '`report.json` is not an iam-policy-diff report: `/files` must be an array']
  ])('rejects %j = %j', (at, value, message) => {
    expect(() => parseSavedReport(withField(at, value), 'report.json')).toThrow(message)
  })

  it('rejects text that is not JSON with the parser message', () => {
    expect(() => parseSavedReport('{"schemaVersion":', 'r.json')).toThrow(
      /^`r\.json` is not JSON \(.+\): pass the `report-path` output of a review run$/
    )
  })

  it('rejects a JSON value that is not an object', () => {
    expect(() => parseSavedReport('[]', 'r.json')).toThrow(
      '`r.json` is not an iam-policy-diff report: `` must be an object'
    )
  })
})

describe('readSavedReport', () => {
  it('says how to get the file when it is missing', async () => {
    await expect(readSavedReport('/nonexistent/report.json')).rejects.toThrow(
      'report `/nonexistent/report.json` not found: download the artifact first (actions/download-artifact) and pass its path as `report-path`'
    )
  })

  it('reads a saved file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'saved-report-')), 'report.json')
    writeFileSync(file, JSON.stringify(valid))
    await expect(readSavedReport(file)).resolves.toMatchObject({ summary: { broadened: 1 } })
  })
})

// issue 7: a relayed report names the exact commit it reviewed, and that is the pull request's head
describe('savedReportHead', () => {
  it('returns the commit SHA the report was made for', () => {
    expect(savedReportHead(valid, 'r.json')).toBe('c'.repeat(40))
    expect(savedReportHead({ ...valid, head: 'a'.repeat(64) }, 'r.json')).toBe('a'.repeat(64))
  })

  it.each([
    [undefined, '`r.json` has no `head`, not a commit SHA'],
    ['feature', '`r.json` names `feature` as its head, not a commit SHA'],
    ['c0ffee0', '`r.json` names `c0ffee0` as its head, not a commit SHA'],
    ['C'.repeat(40), `\`r.json\` names \`${'C'.repeat(40)}\` as its head, not a commit SHA`]
  ])('refuses head %j', (head, message) => {
    expect(() => savedReportHead({ ...valid, head }, 'r.json')).toThrow(
      `${message}: only the report of a pull request review can be published (its \`head\` is the commit it reviewed)`
    )
  })
})

describe('runRelay', () => {
  const HEAD = 'c'.repeat(40)
  const dir = mkdtempSync(path.join(tmpdir(), 'relay-'))

  function save(head: string | undefined): string {
    const file = path.join(dir, `report-${head ?? 'none'}.json`)
    writeFileSync(file, JSON.stringify({ ...valid, head }))
    return file
  }
  const inputs = (reportPath: string, pullNumber?: number): ActionConfig =>
    ({ mode: 'publish-report', reportPath, pullNumber }) as unknown as ActionConfig
  const context = (payload: Record<string, unknown>): RunContext => ({
    eventName: payload['workflow_run'] ? 'workflow_run' : 'workflow_dispatch',
    payload,
    repo: { owner: 'octo-org', repo: 'policies' },
    sha: undefined,
    workspace: undefined,
    tempDir: dir,
    runId: 1,
    runUrl: undefined
  })
  const workflowRun = (headSha: string) => ({
    workflow_run: { head_sha: headSha, pull_requests: [{ number: 8 }] }
  })

  it('refuses a report without its commit before any API call', async () => {
    const port = new FakeGitHubPort()
    await expect(
      runRelay(inputs(save(undefined), 8), context({}), port, new RecordingSink())
    ).rejects.toThrow(/has no `head`, not a commit SHA/)
    expect(port.calls).toEqual([])
  })

  it('refuses a report for another commit than the workflow run', async () => {
    const port = new FakeGitHubPort()
    await expect(
      runRelay(inputs(save(HEAD)), context(workflowRun('d'.repeat(40))), port, new RecordingSink())
    ).rejects.toThrow(
      `the report describes \`${HEAD}\` but the workflow run was for \`${'d'.repeat(40)}\``
    )
    expect(port.calls).toEqual([])
  })

  it('with pull-number and no workflow run: refuses when the pull request moved on', async () => {
    const port = new FakeGitHubPort()
    port.pulls.set(8, pullRequest({ number: 8, headSha: 'e'.repeat(40) }))
    await expect(
      runRelay(inputs(save(HEAD), 8), context({}), port, new RecordingSink())
    ).rejects.toThrow(
      `pull request #8 is at \`${'e'.repeat(40)}\` but the report describes \`${HEAD}\`: refusing to comment with a report of another commit`
    )
    expect(port.writes()).toEqual([])
  })

  it('comments on the pull request whose head is the report commit', async () => {
    const port = new FakeGitHubPort()
    port.pulls.set(8, pullRequest({ number: 8, headSha: HEAD }))
    await expect(
      runRelay(inputs(save(HEAD), 8), context({}), port, new RecordingSink())
    ).resolves.toMatchObject({ kind: 'report', commentOn: 8, gatePull: 8 })
    await expect(
      runRelay(inputs(save(HEAD)), context(workflowRun(HEAD)), port, new RecordingSink())
    ).resolves.toMatchObject({ kind: 'report', commentOn: 8 })
  })

  it('a workflow run whose pull request moved on: summary only, with a warning', async () => {
    const port = new FakeGitHubPort()
    port.pulls.set(8, pullRequest({ number: 8, headSha: 'e'.repeat(40) }))
    const sink = new RecordingSink()
    await expect(
      runRelay(inputs(save(HEAD)), context(workflowRun(HEAD)), port, sink)
    ).resolves.toMatchObject({ commentOn: undefined })
    expect(sink.warnings).toEqual([
      `no open pull request has the head commit \`${HEAD}\`: the report goes to the job summary only`
    ])
  })
})
