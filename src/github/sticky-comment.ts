// One sticky comment per pull request (and key): found by its hidden marker among every page of
// comments written by our identity, updated in place, never duplicated. Two overlapping runs can
// both create one; each run then converges on the oldest marker comment and deletes the rest.
// The run id in the body stops an older run that finishes last from overwriting a newer report.
import type { CommentMode } from '../inputs.js'
import { isNotFound } from './errors.js'
import type { GitHubPort, IssueComment } from './port.js'

export interface StickyOptions {
  readonly port: GitHubPort
  readonly pullNumber: number
  /** the rendered comment; must contain `marker` */
  readonly body: string
  readonly marker: string
  readonly mode: CommentMode
  /** the report has something to say (changed decisions or invalid policies) */
  readonly worthComment: boolean
  /** the token's login; undefined: an installation token, whose comments are written by a bot */
  readonly identity: string | undefined
  /** GITHUB_RUN_ID: run ids only grow, so a smaller one is an older run */
  readonly runId: number | undefined
}

export interface StickyResult {
  readonly action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'stale'
  readonly url: string | undefined
  /** duplicate marker comments removed */
  readonly deleted: number
}

const RUN_LINE = /<!-- iam-policy-diff-run: (\d+) -->/

/** The body with the run line the stale-overwrite guard reads. */
export function withRunLine(body: string, runId: number | undefined): string {
  return runId === undefined ? body : `${body}\n<!-- iam-policy-diff-run: ${runId} -->`
}

export async function upsertStickyComment(options: StickyOptions): Promise<StickyResult> {
  if (options.mode === 'never') return { action: 'skipped', url: undefined, deleted: 0 }
  const [keep, ...duplicates] = await ourComments(options)
  if (keep === undefined) {
    if (options.mode === 'on-change' && !options.worthComment)
      return { action: 'skipped', url: undefined, deleted: 0 }
    const created = await options.port.createIssueComment(
      options.pullNumber,
      withRunLine(options.body, options.runId)
    )
    return converge(options, created)
  }
  const result = await writeInto(options, keep)
  return { ...result, deleted: await deleteAll(options.port, duplicates) }
}

/** Our marker comments, oldest first. */
async function ourComments(options: StickyOptions): Promise<IssueComment[]> {
  const comments = await options.port.listIssueComments(options.pullNumber)
  return comments
    .filter((c) => c.body.includes(options.marker) && isOurs(c, options.identity))
    .sort((a, b) => a.id - b.id)
}

function isOurs(comment: IssueComment, identity: string | undefined): boolean {
  if (identity !== undefined) return comment.author?.toLowerCase() === identity.toLowerCase()
  // GITHUB_TOKEN writes as github-actions[bot], an app token as <app>[bot]: both are bots
  return comment.authorType === 'Bot'
}

// after a create, a concurrent run may have created one too: keep the oldest
async function converge(options: StickyOptions, created: IssueComment): Promise<StickyResult> {
  const ours = await ourComments(options)
  const oldest = ours[0]
  if (oldest === undefined || oldest.id === created.id) {
    const later = ours.filter((c) => c.id !== created.id)
    return { action: 'created', url: created.url, deleted: await deleteAll(options.port, later) }
  }
  const result = await writeInto(options, oldest)
  return { ...result, deleted: await deleteAll(options.port, ours.slice(1)) }
}

async function writeInto(options: StickyOptions, comment: IssueComment): Promise<StickyResult> {
  const theirs = runIdOf(comment.body)
  if (options.runId !== undefined && theirs !== undefined && theirs > options.runId) {
    return { action: 'stale', url: comment.url, deleted: 0 }
  }
  if (stripRunLine(comment.body) === stripRunLine(options.body)) {
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

function runIdOf(body: string): number | undefined {
  const match = RUN_LINE.exec(body)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

function stripRunLine(body: string): string {
  return body.replace(/\n?<!-- iam-policy-diff-run: \d+ -->/, '').trimEnd()
}
