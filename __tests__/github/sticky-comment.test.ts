import { describe, expect, it } from '@jest/globals'
import {
  upsertStickyComment,
  withRunLine,
  type StickyOptions
} from '../../src/github/sticky-comment.js'
import { apiError, BOT, FakeGitHubPort, HUMAN } from '../fakes/github-port.js'

const MARKER = '<!-- iam-policy-diff -->'

function options(port: FakeGitHubPort, init: Partial<StickyOptions> = {}): StickyOptions {
  return {
    port,
    pullNumber: 7,
    body: `${MARKER}\nbroadened 1`,
    marker: MARKER,
    mode: 'on-change',
    worthComment: true,
    identity: undefined,
    runId: 100,
    ...init
  }
}

describe('upsertStickyComment', () => {
  it('creates one comment on the first run and updates it in place on the second', async () => {
    const port = new FakeGitHubPort()
    const first = await upsertStickyComment(options(port))
    expect(first.action).toBe('created')
    expect(port.comments).toHaveLength(1)
    const second = await upsertStickyComment(
      options(port, { body: `${MARKER}\nbroadened 2`, runId: 101 })
    )
    expect(second.action).toBe('updated')
    expect(second.url).toBe(first.url)
    expect(port.comments).toHaveLength(1)
    expect(port.comments[0]?.body).toBe(withRunLine(`${MARKER}\nbroadened 2`, 101))
    expect(port.callsOf('createIssueComment')).toHaveLength(1)
  })

  it('writes nothing when the body did not change', async () => {
    const port = new FakeGitHubPort()
    port.addComment(withRunLine(`${MARKER}\nbroadened 1`, 99))
    const result = await upsertStickyComment(options(port))
    expect(result.action).toBe('unchanged')
    expect(port.writes()).toEqual([])
  })

  it('converges duplicates on the oldest marker comment and deletes the rest', async () => {
    const port = new FakeGitHubPort()
    const oldest = port.addComment(`${MARKER}\nold`)
    port.addComment('unrelated comment')
    const dup1 = port.addComment(`${MARKER}\nrace 1`)
    const dup2 = port.addComment(`${MARKER}\nrace 2`)
    const result = await upsertStickyComment(options(port))
    expect(result).toMatchObject({ action: 'updated', deleted: 2 })
    expect(port.comments.map((c) => c.id)).toEqual([oldest.id, oldest.id + 1])
    expect(port.callsOf('deleteIssueComment').map((c) => c.args[0])).toEqual([dup1.id, dup2.id])
  })

  it('after creating, yields to an older comment a concurrent run created meanwhile', async () => {
    const port = new FakeGitHubPort()
    // the other run creates its comment between our listing and our create
    const list = port.listIssueComments.bind(port)
    let raced = false
    port.listIssueComments = async (n: number) => {
      const result = await list(n)
      if (!raced) {
        raced = true
        port.addComment(`${MARKER}\nother run`)
      }
      return result
    }
    const result = await upsertStickyComment(options(port))
    expect(result).toMatchObject({ action: 'updated', deleted: 1 })
    expect(port.comments).toHaveLength(1)
    expect(port.comments[0]?.body).toContain('broadened 1')
  })

  it('tolerates a duplicate that the other run deleted first (404)', async () => {
    const port = new FakeGitHubPort()
    port.addComment(`${MARKER}\nold`)
    port.addComment(`${MARKER}\ndup`)
    port.fail('deleteIssueComment', apiError(404, 'Not Found'))
    const result = await upsertStickyComment(options(port))
    expect(result).toMatchObject({ action: 'updated', deleted: 0 })
  })

  it.each([
    ['another user with the marker', HUMAN, undefined, 'created'],
    ['a bot when the identity is unknown', BOT, undefined, 'updated'],
    [
      'the authenticated login',
      { author: 'Deploy-Bot', authorType: 'User' },
      'deploy-bot',
      'updated'
    ],
    ['a bot when the identity is a user', BOT, 'deploy-bot', 'created']
  ] as const)('ownership: a marker comment by %s', async (_name, who, identity, action) => {
    const port = new FakeGitHubPort()
    port.writer = identity === undefined ? BOT : { author: identity, authorType: 'User' }
    port.addComment(`${MARKER}\nold`, who)
    const result = await upsertStickyComment(options(port, { identity }))
    expect(result.action).toBe(action)
  })

  it('matches a keyed marker only', async () => {
    const port = new FakeGitHubPort()
    port.addComment(`${MARKER}\nplain`)
    const keyed = '<!-- iam-policy-diff:prod -->'
    const result = await upsertStickyComment(
      options(port, { marker: keyed, body: `${keyed}\nprod` })
    )
    expect(result.action).toBe('created')
    expect(port.comments).toHaveLength(2)
  })

  it('on-change: no comment when nothing changed and there is none yet', async () => {
    const port = new FakeGitHubPort()
    const result = await upsertStickyComment(options(port, { worthComment: false }))
    expect(result.action).toBe('skipped')
    expect(port.writes()).toEqual([])
  })

  it('on-change: updates an earlier comment to say nothing changes any more', async () => {
    const port = new FakeGitHubPort()
    port.addComment(`${MARKER}\nbroadened 1`)
    const result = await upsertStickyComment(
      options(port, { worthComment: false, body: `${MARKER}\nno change` })
    )
    expect(result.action).toBe('updated')
    expect(port.comments[0]?.body).toContain('no change')
  })

  it('always: creates a comment even without changes', async () => {
    const port = new FakeGitHubPort()
    const result = await upsertStickyComment(options(port, { worthComment: false, mode: 'always' }))
    expect(result.action).toBe('created')
  })

  it('never: makes no API call at all', async () => {
    const port = new FakeGitHubPort()
    port.addComment(`${MARKER}\nold`)
    const result = await upsertStickyComment(options(port, { mode: 'never' }))
    expect(result.action).toBe('skipped')
    expect(port.calls).toEqual([])
  })

  it('does not overwrite a comment written by a newer run', async () => {
    const port = new FakeGitHubPort()
    port.addComment(withRunLine(`${MARKER}\nnewer`, 200))
    const result = await upsertStickyComment(options(port, { runId: 150 }))
    expect(result.action).toBe('stale')
    expect(port.writes()).toEqual([])
  })

  it('passes a permission error on to the caller', async () => {
    const port = new FakeGitHubPort()
    port.fail('createIssueComment', apiError(403, 'Resource not accessible by integration'))
    await expect(upsertStickyComment(options(port))).rejects.toMatchObject({ status: 403 })
  })
})
