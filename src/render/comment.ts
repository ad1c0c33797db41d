// The pull-request comment: the report as GitHub-flavoured Markdown within GitHub's limits for a
// comment body (65,536 code points, 262,144 UTF-8 bytes), with a hidden marker on the first line
// so the action finds and updates its own comment.
import type { Report } from '../diff/report.js'
import { renderDocument } from './document.js'
import type { LinkBase } from './links.js'

export const COMMENT_MAX_CHARS = 65_536
export const COMMENT_MAX_BYTES = 262_144

export interface CommentOptions {
  /** e.g. `<!-- iam-policy-diff -->`; anything else is wrapped into an HTML comment */
  readonly marker: string
  /** code points; the byte budget is four bytes per code point, capped at GitHub's 262,144 */
  readonly maxChars?: number
  /** where the full report is (a URL is linked): named in the truncation note */
  readonly fullReportHint?: string
  /** a maintainer accepted the broadening with a label */
  readonly approval?: { readonly label: string; readonly by: string | undefined }
  /** the repository at the head (and base) commit: deciding statements link to their line */
  readonly links?: LinkBase
}

export function renderComment(report: Report, options: CommentOptions): string {
  const maxChars = Math.min(options.maxChars ?? COMMENT_MAX_CHARS, COMMENT_MAX_CHARS)
  return renderDocument(report, {
    marker: options.marker,
    limit: { codePoints: maxChars, bytes: Math.min(maxChars * 4, COMMENT_MAX_BYTES) },
    fullReportHint: options.fullReportHint,
    approval: options.approval,
    noOpPatches: false,
    ...(options.links === undefined ? {} : { links: options.links })
  })
}
