// run() wiring: inputs → mode → gate → publish → result, with a scripted port and a recording
// sink. @actions/core and the review itself are module mocks (allowed here, STYLE habit 11); the
// end-to-end tests run the real pipeline.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { RunContext } from '../src/github/context.js'
import type { Outcome } from '../src/github/review-mode.js'
import { FakeGitHubPort, pullRequest } from './fakes/github-port.js'
import { change, report } from './fakes/report.js'
import { RecordingSink } from './fakes/sink.js'

const inputs = new Map<string, string>()
const setFailed = jest.fn<(message: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => inputs.get(name) ?? '',
  setFailed,
  setOutput: jest.fn(),
  info: jest.fn(),
  warning: jest.fn(),
  error: jest.fn(),
  notice: jest.fn(),
  summary: { addRaw: jest.fn(), write: jest.fn() }
}))
const runReview = jest.fn<() => Promise<Outcome>>()
jest.unstable_mockModule('../src/github/review-mode.js', () => ({ runReview }))
const { run } = await import('../src/main.js')

const DEFAULTS = {
  'github-token': 'ghs_test',
  'fail-on': 'broadened',
  comment: 'on-change',
  config: '.github/iam-policy-diff.yml',
  mode: 'review',
  'working-directory': '.',
  'approve-min-permission': 'write'
}

let port: FakeGitHubPort
let sink: RecordingSink
let context: RunContext

function start(
  overrides: Record<string, string> = {},
  event: Partial<RunContext> = {}
): Promise<void> {
  inputs.clear()
  for (const [name, value] of Object.entries({ ...DEFAULTS, ...overrides })) inputs.set(name, value)
  context = { ...context, ...event }
  return run({ sink, readContext: () => context, createPort: () => port })
}

const reviewed = (r = report([change('broadened')])): Outcome => ({
  kind: 'report',
  report: r,
  commentOn: 7,
  gatePull: 7,
  annotate: true
})

beforeEach(() => {
  setFailed.mockReset()
  runReview.mockReset()
  port = new FakeGitHubPort()
  sink = new RecordingSink()
  context = {
    eventName: 'pull_request',
    payload: {},
    repo: { owner: 'octo-org', repo: 'policies' },
    sha: undefined,
    workspace: undefined,
    tempDir: mkdtempSync(path.join(tmpdir(), 'main-test-')),
    runId: 42,
    runUrl: 'https://github.com/octo-org/policies/actions/runs/42'
  }
})

describe('run', () => {
  it('publishes, then fails the step when access broadened', async () => {
    runReview.mockResolvedValue(reviewed())
    await start()
    expect(port.comments).toHaveLength(1)
    expect(sink.outputs).toMatchObject({ broadened: '1', changed: 'true' })
    expect(setFailed).toHaveBeenCalledTimes(1)
    expect(setFailed.mock.calls[0]?.[0]).toMatch(
      /^access broadened for 1 request \(fail-on: broadened\)/
    )
  })

  it('passes with fail-on: never and logs the counts', async () => {
    runReview.mockResolvedValue(reviewed())
    await start({ 'fail-on': 'never' })
    expect(setFailed).not.toHaveBeenCalled()
    expect(sink.infos).toContain('broadened 1, narrowed 0, deny changed 0 (fail-on: never)')
  })

  it('passes with the approval label and names the approver in the comment', async () => {
    runReview.mockResolvedValue(reviewed())
    port.pulls.set(7, pullRequest({ number: 7, labels: ['iam-ok'], headSha: 'c'.repeat(40) }))
    port.timelines.set(7, [
      { kind: 'committed', sha: 'c'.repeat(40), committedAt: '2025-03-01T10:00:00Z' },
      { kind: 'labeled', label: 'iam-ok', actor: 'alice', at: '2025-03-01T11:00:00Z' }
    ])
    port.permissions.set('alice', { permission: 'write', roleName: 'write' })
    await start({ 'approve-label': 'iam-ok' })
    expect(setFailed).not.toHaveBeenCalled()
    expect(port.comments[0]?.body).toContain('alice')
  })

  it('ends neutral on an event it does not review', async () => {
    runReview.mockResolvedValue({ kind: 'skip', message: 'event `push` is not reviewed' })
    await start()
    expect(setFailed).not.toHaveBeenCalled()
    expect(sink.annotations).toEqual([
      expect.objectContaining({ type: 'notice', message: 'event `push` is not reviewed' })
    ])
    expect(port.calls).toEqual([])
  })

  it('turns a failure of the review into one message and publishes nothing', async () => {
    runReview.mockRejectedValue(
      new Error('invalid configuration `.github/iam-policy-diff.yml` (1 error): fix it')
    )
    await start()
    expect(setFailed).toHaveBeenCalledWith(
      'invalid configuration `.github/iam-policy-diff.yml` (1 error): fix it'
    )
    expect(sink.outputs).toEqual({})
    expect(sink.summaries).toEqual([])
  })

  it('rejects an invalid input before reviewing', async () => {
    await start({ comment: 'sometimes' })
    expect(setFailed).toHaveBeenCalledWith(
      'input `comment` must be one of `on-change`, `always`, `never`: got `sometimes`'
    )
    expect(runReview).not.toHaveBeenCalled()
  })

  it('mode publish-report posts a saved report on the pull request of the workflow run', async () => {
    const saved = path.join(context.tempDir, 'saved.json')
    writeFileSync(saved, JSON.stringify(report([change('narrowed')])))
    const head = 'c'.repeat(40)
    port.pulls.set(
      8,
      pullRequest({
        number: 8,
        headSha: head,
        headRef: 'patch-1',
        headRepo: 'contributor/policies'
      })
    )
    const payload = {
      workflow_run: {
        head_sha: head,
        head_branch: 'patch-1',
        head_repository: { owner: { login: 'contributor' } },
        pull_requests: []
      }
    }
    await start(
      { mode: 'publish-report', 'report-path': saved },
      { eventName: 'workflow_run', payload }
    )
    expect(runReview).not.toHaveBeenCalled()
    expect(setFailed).not.toHaveBeenCalled()
    expect(port.callsOf('findPullRequests').map((c) => c.args)).toEqual([['contributor:patch-1']])
    expect(port.comments).toHaveLength(1)
    expect(sink.annotations).toEqual([]) // a relayed report is not annotated
  })
})
