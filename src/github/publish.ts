// Publishes a report: the JSON file, the outputs, the job summary and the annotations first
// (they need no write permission), then the sticky comment. A read-only token (fork pull
// request) costs the comment only, with one warning.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Report } from '../diff/report.js'
import type { CommentMode } from '../inputs.js'
import type { LinkBase } from '../render/links.js'
import { renderComment } from '../render/comment.js'
import { markerLine } from '../render/document.js'
import { renderSummary } from '../render/summary.js'
import { planAnnotations } from './annotations.js'
import { isPermissionDenied } from './errors.js'
import type { Approval } from './gate.js'
import type { GitHubPort } from './port.js'
import type { ActionSink } from './sink.js'
import { upsertStickyComment, type StickyResult } from './sticky-comment.js'

/** the job summary is capped at 1 MiB per step; leave room for the lines added here */
const SUMMARY_BYTES = 1024 * 1024 - 4096
/** GitHub's comment limit is 65,536 characters; the run line is appended after rendering */
const COMMENT_CHARS = 65_536 - 200

export interface PublishOptions {
  readonly report: Report
  readonly port: GitHubPort
  readonly sink: ActionSink
  /** the pull request to comment on; undefined: no comment */
  readonly pullNumber: number | undefined
  readonly comment: CommentMode
  readonly commentKey: string | undefined
  readonly approval: Approval | undefined
  /** annotate the changed files (not when relaying a saved report: the files are not in this run) */
  readonly annotate: boolean
  /** folder for the JSON report (RUNNER_TEMP) */
  readonly reportDir: string
  readonly runId: number | undefined
  /** link to this run, shown as where the full report is */
  readonly runUrl: string | undefined
  /** the repository at the compared commits: deciding statements link to their line */
  readonly links?: LinkBase
}

/** The whole first line of the comment for `key`, exactly as the renderer writes it. */
export function markerFor(key: string | undefined): string {
  return markerLine(key === undefined ? ' iam-policy-diff ' : ` iam-policy-diff:${key} `)
}

export async function publish(options: PublishOptions): Promise<StickyResult | undefined> {
  const { report, sink } = options
  const reportPath = await writeReport(options)
  sink.setOutput('changed', String(report.changes.length > 0))
  sink.setOutput('broadened', String(report.summary.broadened))
  sink.setOutput('narrowed', String(report.summary.narrowed))
  sink.setOutput('deny-changed', String(report.summary.denyChanged))
  sink.setOutput('report-path', reportPath)
  await writeSummary(options)
  if (options.annotate) annotate(report, sink)
  const result = await publishComment(options)
  sink.setOutput('comment-url', result?.url ?? '')
  return result
}

function annotate(report: Report, sink: ActionSink): void {
  const plan = planAnnotations(report)
  for (const annotation of plan.annotations) sink.annotate(annotation)
  if (plan.omitted > 0) {
    sink.info(
      `${plan.omitted} more annotations left out (GitHub shows 10 per type): the job summary lists every change`
    )
  }
}

async function writeReport(options: PublishOptions): Promise<string> {
  const name =
    options.commentKey === undefined ? 'report.json' : `report-${options.commentKey}.json`
  const file = path.join(options.reportDir, 'iam-policy-diff', name)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(options.report, null, 2)}\n`)
  return file
}

async function writeSummary(options: PublishOptions): Promise<void> {
  const { approval } = options
  const accepted =
    approval === undefined
      ? ''
      : `\n\n> accepted by the label \`${approval.label.replace(/`/g, "'")}\`${approval.by === undefined ? '' : ` applied by @${approval.by}`}\n`
  const markdown =
    renderSummary(options.report, {
      maxBytes: SUMMARY_BYTES,
      ...(options.links === undefined ? {} : { links: options.links })
    }) + accepted
  try {
    await options.sink.writeSummary(markdown)
  } catch (error) {
    options.sink.info(
      `no job summary written: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}

async function publishComment(options: PublishOptions): Promise<StickyResult | undefined> {
  const { port, pullNumber, report, sink } = options
  if (pullNumber === undefined || options.comment === 'never') return undefined
  const marker = markerFor(options.commentKey)
  const body = renderComment(report, {
    marker,
    maxChars: COMMENT_CHARS,
    ...(options.runUrl === undefined ? {} : { fullReportHint: options.runUrl }),
    ...(options.approval === undefined ? {} : { approval: options.approval }),
    ...(options.links === undefined ? {} : { links: options.links })
  })
  try {
    const result = await upsertStickyComment({
      port,
      pullNumber,
      body,
      marker,
      mode: options.comment,
      worthComment: report.changes.length > 0 || report.summary.filesWithErrors > 0,
      identity: () => port.getIdentity(),
      runId: options.runId
    })
    if (result.action === 'unidentified') {
      sink.warning(
        `no comment on pull request #${pullNumber}: ${result.reason ?? 'GitHub did not say who the token is'}: ` +
          "without it this action cannot tell its own comment from another's, so it neither updates nor adds one: " +
          'the report is in the job summary and the outputs'
      )
    } else sink.info(describe(result, pullNumber))
    return result
  } catch (error) {
    if (!isPermissionDenied(error)) throw error
    sink.warning(
      `could not comment on pull request #${pullNumber}: the token is read-only (a fork pull request, or the job lacks \`pull-requests: write\`): ` +
        'the report is in the job summary and the outputs; to comment on fork pull requests use the `workflow_run` relay (docs/ACTION.md#fork-pull-requests)'
    )
    return undefined
  }
}

function describe(result: StickyResult, pullNumber: number): string {
  const removed =
    result.deleted > 0
      ? ` (removed ${result.deleted} duplicate${result.deleted === 1 ? '' : 's'})`
      : ''
  const text: Record<StickyResult['action'], string> = {
    created: `commented on #${pullNumber}: ${result.url ?? ''}`,
    updated: `updated the comment on #${pullNumber}: ${result.url ?? ''}`,
    unchanged: `the comment on #${pullNumber} is up to date: ${result.url ?? ''}`,
    skipped: `no comment on #${pullNumber}: no decision changed (comment: on-change)`,
    stale: `left the comment on #${pullNumber} alone: a newer run already updated it`,
    unidentified: `no comment on #${pullNumber}: ${result.reason ?? 'unknown identity'}`
  }
  return text[result.action] + removed
}
