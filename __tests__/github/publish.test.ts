import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { markerFor, publish, type PublishOptions } from '../../src/github/publish.js'
import { apiError, FakeGitHubPort, HUMAN } from '../fakes/github-port.js'
import { change, report } from '../fakes/report.js'
import { RecordingSink } from '../fakes/sink.js'

const outputsOfActionYml = Object.keys(
  (parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { outputs: object })
    .outputs
)

const broadened = report([change('broadened')])
const unchanged = report([])

function setup(
  init: Partial<PublishOptions> = {}
): PublishOptions & { port: FakeGitHubPort; sink: RecordingSink } {
  return {
    report: broadened,
    port: new FakeGitHubPort(),
    sink: new RecordingSink(),
    pullNumber: 7,
    comment: 'on-change',
    commentKey: undefined,
    approval: undefined,
    annotate: true,
    reportDir: mkdtempSync(path.join(tmpdir(), 'publish-')),
    runId: 100,
    runUrl: 'https://github.com/octo-org/policies/actions/runs/100',
    ...init
  } as PublishOptions & { port: FakeGitHubPort; sink: RecordingSink }
}

describe('publish', () => {
  it('first run: report file, every output, summary, annotations and one new comment', async () => {
    const run = setup()
    const result = await publish(run)
    expect(result?.action).toBe('created')
    expect(Object.keys(run.sink.outputs).sort()).toEqual([...outputsOfActionYml].sort())
    expect(run.sink.outputs).toMatchObject({
      changed: 'true',
      broadened: '1',
      narrowed: '0',
      'deny-changed': '0',
      'comment-url': result?.url
    })
    const saved = JSON.parse(readFileSync(run.sink.outputs['report-path']!, 'utf8'))
    expect(saved).toEqual(JSON.parse(JSON.stringify(broadened)))
    expect(run.sink.summaries).toHaveLength(1)
    expect(run.sink.annotations.map((a) => a.type)).toEqual(['warning'])
    expect(run.port.comments).toHaveLength(1)
    expect(run.port.comments[0]?.body.startsWith('<!-- iam-policy-diff -->')).toBe(true)
    expect(run.port.comments[0]?.body).toContain('<!-- iam-policy-diff-run: 100 -->')
  })

  it('second run updates the same comment', async () => {
    const first = setup()
    await publish(first)
    const second = setup({
      port: first.port,
      runId: 101,
      report: report([change('broadened'), change('narrowed')])
    })
    const result = await publish(second)
    expect(result?.action).toBe('updated')
    expect(first.port.comments).toHaveLength(1)
    expect(first.port.callsOf('createIssueComment')).toHaveLength(1)
    expect(first.port.callsOf('updateIssueComment')).toHaveLength(1)
  })

  it('converges duplicates left by racing runs on the oldest comment', async () => {
    const run = setup()
    const oldest = run.port.addComment(`${markerFor(undefined)}\nfirst`)
    for (let i = 0; i < 40; i++) run.port.addComment(`chatter ${i}`, HUMAN)
    run.port.addComment(`${markerFor(undefined)}\nsecond`)
    const result = await publish(run)
    expect(result).toMatchObject({ action: 'updated', deleted: 1, url: oldest.url })
    expect(
      run.port.comments.filter((c) => c.body.includes(markerFor(undefined))).map((c) => c.id)
    ).toEqual([oldest.id])
  })

  it('no change and no earlier comment: no comment, outputs still set', async () => {
    const run = setup({ report: unchanged })
    const result = await publish(run)
    expect(result?.action).toBe('skipped')
    expect(run.port.writes()).toEqual([])
    expect(run.sink.outputs).toMatchObject({ changed: 'false', broadened: '0', 'comment-url': '' })
  })

  it('no change any more: the earlier comment is updated to say so', async () => {
    const first = setup()
    await publish(first)
    const before = first.port.comments[0]?.body
    const result = await publish(setup({ port: first.port, report: unchanged, runId: 101 }))
    expect(result?.action).toBe('updated')
    expect(first.port.comments[0]?.body).not.toBe(before)
  })

  it('comment: never writes no comment and makes no API call', async () => {
    const run = setup({ comment: 'never' })
    await publish(run)
    expect(run.port.calls).toEqual([])
    expect(run.sink.summaries).toHaveLength(1)
  })

  it('a keyed comment and report file do not collide with the plain ones', async () => {
    const run = setup({ commentKey: 'prod' })
    await publish(run)
    expect(run.port.comments[0]?.body.startsWith('<!-- iam-policy-diff:prod -->')).toBe(true)
    expect(path.basename(run.sink.outputs['report-path']!)).toBe('report-prod.json')
  })

  it('a key with `--` finds its own comment again (the marker is the first line as rendered)', async () => {
    const first = setup({ commentKey: 'a--b' })
    await publish(first)
    expect(markerFor('a--b')).toBe('<!-- iam-policy-diff:a- -b -->')
    expect(first.port.comments[0]?.body.split('\n')[0]).toBe(markerFor('a--b'))
    const result = await publish(setup({ port: first.port, commentKey: 'a--b', runId: 101 }))
    expect(result?.action).toBe('unchanged')
    expect(first.port.comments).toHaveLength(1)
  })

  it('identity unknown: no comment, a warning that says why, summary and outputs kept', async () => {
    const run = setup()
    run.port.addComment(`${markerFor(undefined)}\nold`)
    run.port.login = undefined
    const result = await publish(run)
    expect(result).toMatchObject({ action: 'unidentified', url: undefined, deleted: 0 })
    expect(result?.reason).toMatch(/did not say who the token is/)
    expect(run.port.writes()).toEqual([])
    expect(run.sink.warnings).toEqual([
      expect.stringMatching(
        /^no comment on pull request #7: GitHub did not say who the token is \(.*\): .*neither updates nor adds one: the report is in the job summary and the outputs$/
      )
    ])
    expect(run.sink.summaries).toHaveLength(1)
    expect(run.sink.outputs).toMatchObject({ broadened: '1', 'comment-url': '' })
  })

  it('fork pull request (403): warns once, keeps summary, outputs and annotations', async () => {
    const run = setup()
    run.port.fail('createIssueComment', apiError(403, 'Resource not accessible by integration'))
    const result = await publish(run)
    expect(result).toBeUndefined()
    expect(run.sink.warnings).toHaveLength(1)
    expect(run.sink.warnings[0]).toMatch(
      /^could not comment on pull request #7: the token is read-only/
    )
    expect(run.sink.summaries).toHaveLength(1)
    expect(run.sink.annotations).toHaveLength(1)
    expect(run.sink.outputs).toMatchObject({ broadened: '1', 'comment-url': '' })
  })

  it('other API failures are not swallowed', async () => {
    const run = setup()
    run.port.fail('listIssueComments', apiError(502, 'Bad Gateway'))
    await expect(publish(run)).rejects.toMatchObject({ status: 502 })
    expect(run.sink.summaries).toHaveLength(1) // what needs no permission is already out
  })

  it('a missing summary file is logged, not fatal', async () => {
    const run = setup()
    run.sink.summaryError = new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY'
    )
    await publish(run)
    expect(run.sink.infos).toContain(
      'no job summary written: Unable to find environment variable for $GITHUB_STEP_SUMMARY'
    )
  })

  it('names the approver in the comment and the summary', async () => {
    const run = setup({ approval: { label: 'iam-ok', by: 'alice' } })
    await publish(run)
    expect(run.port.comments[0]?.body).toContain('alice')
    expect(run.sink.summaries[0]).toContain('accepted by the label `iam-ok` applied by @alice')
  })

  it('no pull request (merge queue, dispatch by refs): no comment calls', async () => {
    const run = setup({ pullNumber: undefined })
    await publish(run)
    expect(run.port.calls).toEqual([])
    expect(run.sink.outputs['comment-url']).toBe('')
  })

  it('relayed reports are not annotated', async () => {
    const run = setup({ annotate: false })
    await publish(run)
    expect(run.sink.annotations).toEqual([])
  })
})
