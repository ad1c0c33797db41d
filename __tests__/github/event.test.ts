import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { resolveTarget, type ExplicitRefs } from '../../src/github/event.js'

const load = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), 'utf8')
  ) as Record<string, unknown>

const NONE: ExplicitRefs = { base: undefined, head: undefined, pullNumber: undefined }
const SHA = 'd'.repeat(40)

describe('resolveTarget', () => {
  it('pull_request: compares the payload base and head, comments on the pull request', () => {
    const result = resolveTarget('pull_request', load('pull_request.synchronize.json'), NONE, SHA)
    expect(result).toEqual({
      kind: 'review',
      target: {
        event: 'pull_request',
        pullNumber: 7,
        comment: true,
        base: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        head: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        changedFiles: 2,
        apiOnly: false
      }
    })
  })

  it('pull_request_target: reads the pull request through the API only', () => {
    const result = resolveTarget(
      'pull_request_target',
      load('pull_request.opened.fork.json'),
      NONE,
      SHA
    )
    expect(result).toMatchObject({
      kind: 'review',
      target: { pullNumber: 8, apiOnly: true, comment: true }
    })
  })

  it('merge_group: compares base_sha with head_sha; gates on the queued pull request, no comment', () => {
    const result = resolveTarget(
      'merge_group',
      load('merge_group.checks_requested.json'),
      NONE,
      SHA
    )
    expect(result).toEqual({
      kind: 'review',
      target: {
        event: 'merge_group',
        pullNumber: 7,
        comment: false,
        base: '380387fbc80638b734a49e1be1c4dfec1c01b33c',
        head: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
        changedFiles: undefined,
        apiOnly: false
      }
    })
  })

  it.each([
    [
      'base and head',
      { base: 'main', head: 'feature', pullNumber: undefined },
      { base: 'main', head: 'feature', pullNumber: undefined, comment: false }
    ],
    [
      'base only: the head is GITHUB_SHA',
      { base: 'v1.0.0', head: undefined, pullNumber: undefined },
      { base: 'v1.0.0', head: SHA, comment: false }
    ],
    [
      'pull-number: refs come from the API',
      { base: undefined, head: undefined, pullNumber: 12 },
      { base: undefined, head: undefined, pullNumber: 12, comment: true }
    ]
  ])('workflow_dispatch with %s', (_name, explicit, expected) => {
    const result = resolveTarget('workflow_dispatch', load('workflow_dispatch.json'), explicit, SHA)
    expect(result).toMatchObject({ kind: 'review', target: expected })
  })

  it('workflow_dispatch without inputs fails with what to set', () => {
    expect(() =>
      resolveTarget('workflow_dispatch', load('workflow_dispatch.json'), NONE, SHA)
    ).toThrow(
      'a `workflow_dispatch` run needs refs to compare: set the `base` input (and optionally `head`) or `pull-number`'
    )
  })

  it('explicit inputs win over the pull request payload but keep its number for the comment', () => {
    const explicit = { base: 'release', head: undefined, pullNumber: undefined }
    const result = resolveTarget(
      'pull_request',
      load('pull_request.synchronize.json'),
      explicit,
      SHA
    )
    expect(result).toMatchObject({
      kind: 'review',
      target: { base: 'release', head: SHA, pullNumber: 7, comment: true }
    })
  })

  it.each(['push', 'schedule', 'issue_comment'])('%s: a neutral skip with a message', (event) => {
    const result = resolveTarget(event, load('push.json'), NONE, SHA)
    expect(result).toEqual({
      kind: 'skip',
      message: `event \`${event}\` is not reviewed: run on \`pull_request\`, \`merge_group\` or \`workflow_dispatch\`, or set the \`base\` or \`pull-number\` input`
    })
  })

  it('a pull_request payload without commits is an error, not a crash', () => {
    expect(() => resolveTarget('pull_request', { action: 'opened' }, NONE, SHA)).toThrow(
      'the `pull_request` event payload has no pull request with base and head commits'
    )
  })

  it('a merge group without a queue branch gates on nothing', () => {
    const payload = load('merge_group.checks_requested.json')
    const group = payload['merge_group'] as Record<string, unknown>
    group['head_ref'] = 'refs/heads/main'
    expect(resolveTarget('merge_group', payload, NONE, SHA)).toMatchObject({
      target: { pullNumber: undefined }
    })
  })
})
