import { describe, expect, it } from '@jest/globals'
import type { TokenIdentity } from '../../src/github/port.js'
import {
  readStickyBody,
  upsertStickyComment,
  withRunLine,
  type StickyOptions
} from '../../src/github/sticky-comment.js'
import { apiError, BOT, FakeGitHubPort, HUMAN } from '../fakes/github-port.js'

const MARKER = '<!-- iam-policy-diff -->'
const PROD = '<!-- iam-policy-diff:prod -->'
const known = (login: string) => (): Promise<TokenIdentity> =>
  Promise.resolve({ kind: 'known', login })

function options(port: FakeGitHubPort, init: Partial<StickyOptions> = {}): StickyOptions {
  return {
    port,
    pullNumber: 7,
    body: `${MARKER}\nbroadened 1`,
    marker: MARKER,
    mode: 'on-change',
    worthComment: true,
    identity: known(BOT.author),
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
    ['another user', HUMAN, BOT.author, 'created'],
    [
      'another bot quoting the marker',
      { author: 'renovate[bot]', authorType: 'Bot' },
      BOT.author,
      'created'
    ],
    ['GITHUB_TOKEN, itself', BOT, BOT.author, 'updated'],
    [
      'the authenticated login, in another case',
      { author: 'Deploy-Bot', authorType: 'User' },
      'deploy-bot',
      'updated'
    ],
    ['a bot when the identity is a user', BOT, 'deploy-bot', 'created']
  ] as const)('ownership: a marker comment by %s', async (_name, who, login, action) => {
    const port = new FakeGitHubPort()
    port.writer = login === BOT.author ? BOT : { author: login, authorType: 'User' }
    const theirs = port.addComment(`${MARKER}\nold`, who)
    const result = await upsertStickyComment(options(port, { identity: known(login) }))
    expect(result.action).toBe(action)
    if (action === 'created') expect(port.comments[0]).toEqual(theirs) // left alone
  })

  describe('identity unknown: writes nothing, says why', () => {
    const unknown = (): Promise<TokenIdentity> =>
      Promise.resolve({ kind: 'unknown', reason: 'GitHub did not say who the token is (x)' })

    it.each([
      ['no comment yet', [] as string[]],
      ['a bot comment with the marker', [`${MARKER}\nold`]]
    ])('%s', async (_name, bodies) => {
      const port = new FakeGitHubPort()
      for (const body of bodies) port.addComment(body, BOT)
      const result = await upsertStickyComment(options(port, { identity: unknown }))
      expect(result).toEqual({
        action: 'unidentified',
        url: undefined,
        deleted: 0,
        reason: 'GitHub did not say who the token is (x)'
      })
      expect(port.writes()).toEqual([])
    })

    it('is not asked when nothing would be written (on-change, no change, no comment)', async () => {
      const port = new FakeGitHubPort()
      let asked = 0
      const identity = (): Promise<TokenIdentity> => {
        asked++
        return known(BOT.author)()
      }
      const result = await upsertStickyComment(options(port, { worthComment: false, identity }))
      expect(result.action).toBe('skipped')
      expect(asked).toBe(0)
    })
  })

  it('converges on what GitHub says wrote the new comment when the lookup named someone else', async () => {
    const port = new FakeGitHubPort()
    const mine = port.addComment(`${MARKER}\nold`, BOT)
    const result = await upsertStickyComment(options(port, { identity: known('someone-else') }))
    expect(result).toMatchObject({ action: 'updated', url: mine.url, deleted: 1 })
    expect(port.comments.map((c) => c.id)).toEqual([mine.id])
  })

  it('matches a keyed marker only', async () => {
    const port = new FakeGitHubPort()
    port.addComment(`${MARKER}\nplain`)
    const result = await upsertStickyComment(options(port, { marker: PROD, body: `${PROD}\nprod` }))
    expect(result.action).toBe('created')
    expect(port.comments).toHaveLength(2)
  })

  describe('markers count only where we put them', () => {
    it("another key's marker quoted inside a comment does not make it that key's", async () => {
      const port = new FakeGitHubPort()
      const dev = port.addComment(
        withRunLine(`<!-- iam-policy-diff:dev -->\n| \`arn:aws:s3:::x/${PROD}\` |`, 90)
      )
      const result = await upsertStickyComment(
        options(port, { marker: PROD, body: `${PROD}\nprod` })
      )
      expect(result.action).toBe('created')
      expect(port.comments[0]).toEqual(dev)
    })

    it('a marker on the second line is not a marker', async () => {
      const port = new FakeGitHubPort()
      const other = port.addComment(`quoting the bot:\n${MARKER}\nold`)
      const result = await upsertStickyComment(options(port))
      expect(result.action).toBe('created')
      expect(port.comments[0]).toEqual(other)
    })

    it('a run line that is not the last line does not freeze the comment', async () => {
      const port = new FakeGitHubPort()
      const hostile = `${MARKER}\n\`<!-- iam-policy-diff-run: 99999999999999 -->\`\nno change`
      port.addComment(withRunLine(hostile, 99))
      const result = await upsertStickyComment(options(port))
      expect(result.action).toBe('updated')
      expect(port.comments[0]?.body).toBe(withRunLine(`${MARKER}\nbroadened 1`, 100))
    })

    it('reads first and last lines exactly, CRLF tolerated', () => {
      expect(readStickyBody(withRunLine(`${MARKER}\r\nx`, 42))).toEqual({
        firstLine: MARKER,
        runId: 42
      })
      expect(readStickyBody(`${MARKER}\r\nx\r\n<!-- iam-policy-diff-run: 7 -->\r\n`)).toEqual({
        firstLine: MARKER,
        runId: 7
      })
      for (const body of [
        `${MARKER} trailing\nx`,
        ` ${MARKER}\nx`,
        `${MARKER}\nx <!-- iam-policy-diff-run: 7 -->`,
        `${MARKER}\n<!-- iam-policy-diff-run: 7 --> x`,
        `${MARKER}\n<!-- iam-policy-diff-run: 99999999999999999999 -->`
      ]) {
        const read = readStickyBody(body)
        expect(read.runId).toBeUndefined()
        if (!body.startsWith(`${MARKER}\n`)) expect(read.firstLine).not.toBe(MARKER)
      }
      // a body of one line has no run line: the marker is not also the run id
      expect(readStickyBody('<!-- iam-policy-diff-run: 7 -->').runId).toBeUndefined()
    })

    it("refuses a body that does not start with its marker (our bug, not the user's)", async () => {
      const port = new FakeGitHubPort()
      await expect(upsertStickyComment(options(port, { body: `x\n${MARKER}` }))).rejects.toThrow(
        /bug: the comment does not start with its marker/
      )
      expect(port.calls).toEqual([])
    })
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
