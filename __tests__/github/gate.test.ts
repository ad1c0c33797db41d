import { describe, expect, it } from '@jest/globals'
import type { FailOn } from '../../src/config/types.js'
import { decideGate, evaluateGate } from '../../src/github/gate.js'
import { FakeGitHubPort, pullRequest } from '../fakes/github-port.js'
import { change, fileReport, report } from '../fakes/report.js'

const broadened = report([change('broadened'), change('narrowed')])
const narrowedOnly = report([change('narrowed')])
const none = report([])
const unreadable = report([], [fileReport({ outcome: 'error' })])

describe('decideGate', () => {
  // issue 4 "Publishing": fail-on broadened | any | never
  it.each<[string, ReturnType<typeof report>, FailOn, boolean]>([
    ['broadened', broadened, 'broadened', true],
    ['narrowed only', narrowedOnly, 'broadened', false],
    ['narrowed only', narrowedOnly, 'any', true],
    ['no change', none, 'any', false],
    ['broadened', broadened, 'never', false],
    ['an unreadable policy', unreadable, 'broadened', true],
    ['an unreadable policy', unreadable, 'never', false]
  ])('%s with fail-on %s fails: %s', (_name, r, failOn, fails) => {
    expect(decideGate({ report: r, failOn, approveLabel: undefined }, undefined).fail).toBe(fails)
  })

  it('names the cause and how to accept it', () => {
    expect(
      decideGate({ report: broadened, failOn: 'broadened', approveLabel: 'iam-ok' }, undefined)
        .message
    ).toBe(
      'access broadened for 1 request (fail-on: broadened): see the pull request comment or the job summary: to accept the change deliberately, add the label `iam-ok`'
    )
    expect(
      decideGate({ report: unreadable, failOn: 'broadened', approveLabel: undefined }, undefined)
        .message
    ).toBe(
      '1 policy file could not be reviewed (fail-on: broadened): see the pull request comment or the job summary: to accept such a change deliberately, set the `approve-label` input and add that label'
    )
  })

  it('passes with an approval and says who gave it', () => {
    const result = decideGate(
      { report: broadened, failOn: 'broadened', approveLabel: 'iam-ok' },
      { label: 'iam-ok', by: 'alice' }
    )
    expect(result).toEqual({
      fail: false,
      message:
        'broadened 1, narrowed 1, deny changed 0: accepted by the label `iam-ok` applied by @alice'
    })
  })
})

describe('evaluateGate', () => {
  const options = (port: FakeGitHubPort) => ({
    report: broadened,
    failOn: 'broadened' as const,
    approveLabel: 'IAM-OK' as string | undefined,
    port,
    pullNumber: 7
  })

  it('finds the label on the live pull request and the last person who applied it', async () => {
    const port = new FakeGitHubPort()
    port.pulls.set(7, pullRequest({ number: 7, labels: ['bug', 'iam-ok'] }))
    port.labelEvents.set(7, [
      { event: 'labeled', label: 'iam-ok', actor: 'mallory' },
      { event: 'unlabeled', label: 'iam-ok', actor: 'alice' },
      { event: 'labeled', label: 'iam-ok', actor: 'alice' },
      { event: 'labeled', label: 'bug', actor: 'bob' }
    ])
    const gate = await evaluateGate(options(port))
    expect(gate).toMatchObject({ fail: false, approval: { label: 'iam-ok', by: 'alice' } })
  })

  it('fails while the label is absent', async () => {
    const port = new FakeGitHubPort()
    port.pulls.set(7, pullRequest({ number: 7, labels: ['bug'] }))
    const gate = await evaluateGate(options(port))
    expect(gate).toMatchObject({ fail: true, approval: undefined })
    expect(port.callsOf('listLabelEvents')).toEqual([])
  })

  it('makes no API call when the gate passes anyway or no label is configured', async () => {
    const port = new FakeGitHubPort()
    await evaluateGate({ ...options(port), report: narrowedOnly })
    await evaluateGate({ ...options(port), approveLabel: undefined })
    expect(port.calls).toEqual([])
  })
})
