// One sticky comment per pull request (and key): among every page of comments, the ones whose
// first line is exactly our marker and whose author is the token's own identity; updated in
// place, never duplicated. Two overlapping runs can both create one; each run then converges on
// the oldest and deletes the rest. The run id on the last line stops an older run that finishes
// last from overwriting a newer report. Both lines are read only at those positions: the
// pull request's author controls file names, Sids and ARNs shown in between, and the renderer
// keeps them from ever starting a line or an HTML comment (render/markdown.ts `inert`).
import type { CommentMode } from '../inputs.js'
import { isNotFound } from './errors.js'
import type { GitHubPort, IssueComment, TokenIdentity } from './port.js'

export interface StickyOptions {
  readonly port: GitHubPort
  readonly pullNumber: number
  /** the rendered comment; its first line must be `marker` */
  readonly body: string
  /** the whole first line of our comments, e.g. `<!-- iam-policy-diff -->` */
  readonly marker: string
  readonly mode: CommentMode
  /** the report has something to say (changed decisions or invalid policies) */
  readonly worthComment: boolean
  /** who the token writes comments as; asked only when a comment may be written */
  readonly identity: () => Promise<TokenIdentity>
  /** GITHUB_RUN_ID: run ids only grow, so a smaller one is an older run */
  readonly runId: number | undefined
}

export type StickyAction =
  'created' | 'updated' | 'unchanged' | 'skipped' | 'stale' | 'unidentified'

export interface StickyResult {
  /** `unidentified`: GitHub did not say who the token is, so no comment was written */
  readonly action: StickyAction
  readonly url: string | undefined
  /** duplicate marker comments removed */
  readonly deleted: number
  /** why nothing was written (`unidentified`) */
  readonly reason?: string
}

const RUN_LINE = /^<!-- iam-policy-diff-run: (\d{1,15}) -->$/

/** The body with the run line the stale-overwrite guard reads, as its last line. */
export function withRunLine(body: string, runId: number | undefined): string {
  return runId === undefined ? body : `${body}\n<!-- iam-policy-diff-run: ${runId} -->`
}

/** What a comment body says about itself, read only where we put it: first and last line. */
export function readStickyBody(body: string): { firstLine: string; runId: number | undefined } {
  const lines = body.trimEnd().split('\n')
  const last = RUN_LINE.exec(lineAt(lines, -1))
  return {
    firstLine: lineAt(lines, 0),
    runId: lines.length > 1 && last?.[1] !== undefined ? Number(last[1]) : undefined
  }
}

export async function upsertStickyComment(options: StickyOptions): Promise<StickyResult> {
  if (options.mode === 'never') return { action: 'skipped', url: undefined, deleted: 0 }
  if (readStickyBody(options.body).firstLine !== options.marker) {
    throw new Error(`bug: the comment does not start with its marker ${options.marker}`)
  }
  const marked = await markedComments(options)
  if (marked.length === 0 && options.mode === 'on-change' && !options.worthComment)
    return { action: 'skipped', url: undefined, deleted: 0 }
  const identity = await options.identity()
  if (identity.kind === 'unknown') {
    return { action: 'unidentified', url: undefined, deleted: 0, reason: identity.reason }
  }
  const [keep, ...duplicates] = marked.filter((c) => isBy(c, identity.login))
  if (keep === undefined) {
    if (options.mode === 'on-change' && !options.worthComment)
      return { action: 'skipped', url: undefined, deleted: 0 }
    const created = await options.port.createIssueComment(
      options.pullNumber,
      withRunLine(options.body, options.runId)
    )
    // what GitHub says wrote it is the final word on who we are
    return converge(options, created, created.author ?? identity.login)
  }
  const result = await writeInto(options, keep)
  return { ...result, deleted: await deleteAll(options.port, duplicates) }
}

/** Comments whose first line is our marker, oldest first (anyone's: ownership is checked next). */
async function markedComments(options: StickyOptions): Promise<IssueComment[]> {
  const comments = await options.port.listIssueComments(options.pullNumber)
  return comments
    .filter((c) => readStickyBody(c.body).firstLine === options.marker)
    .sort((a, b) => a.id - b.id)
}

/** Written by `login` (GITHUB_TOKEN: `github-actions[bot]`); another bot quoting us is not us. */
function isBy(comment: IssueComment, login: string): boolean {
  return comment.author !== undefined && comment.author.toLowerCase() === login.toLowerCase()
}

// after a create, a concurrent run may have created one too: keep the oldest
async function converge(
  options: StickyOptions,
  created: IssueComment,
  login: string
): Promise<StickyResult> {
  const ours = (await markedComments(options)).filter((c) => isBy(c, login))
  const oldest = ours[0]
  if (oldest === undefined || oldest.id === created.id) {
    const later = ours.filter((c) => c.id !== created.id)
    return { action: 'created', url: created.url, deleted: await deleteAll(options.port, later) }
  }
  const result = await writeInto(options, oldest)
  return { ...result, deleted: await deleteAll(options.port, ours.slice(1)) }
}

async function writeInto(options: StickyOptions, comment: IssueComment): Promise<StickyResult> {
  const theirs = readStickyBody(comment.body).runId
  if (options.runId !== undefined && theirs !== undefined && theirs > options.runId) {
    return { action: 'stale', url: comment.url, deleted: 0 }
  }
  if (withoutRunLine(comment.body) === withoutRunLine(options.body)) {
    return { action: 'unchanged', url: comment.url, deleted: 0 }
  }
  const updated = await options.port.updateIssueComment(
    comment.id,
    withRunLine(options.body, options.runId)
  )
  return { action: 'updated', url: updated.url, deleted: 0 }
}

async function deleteAll(port: GitHubPort, comments: readonly IssueComment[]): Promise<number> {
  let deleted = 0
  for (const comment of comments) {
    try {
      await port.deleteIssueComment(comment.id)
      deleted++
    } catch (error) {
      if (!isNotFound(error)) throw error // 404: the other run deleted it already
    }
  }
  return deleted
}

/** `index` from the start, or from the end when negative; a trailing `\r` (CRLF) dropped */
function lineAt(lines: readonly string[], index: number): string {
  return (lines.at(index) ?? '').replace(/\r$/, '')
}

function withoutRunLine(body: string): string {
  const lines = body.trimEnd().split('\n')
  if (lines.length > 1 && RUN_LINE.test(lineAt(lines, -1))) lines.pop()
  return lines.join('\n').trimEnd()
}
