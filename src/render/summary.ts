// The job summary: the full report (every change group, every document change, no-op edits with
// their patches) within the 1 MiB GitHub allows per step summary.
import type { Report } from '../diff/report.js'
import { renderDocument } from './document.js'
import type { LinkBase } from './links.js'

export const SUMMARY_MAX_BYTES = 1024 * 1024

export function renderSummary(
  report: Report,
  options: { readonly maxBytes?: number; readonly links?: LinkBase } = {}
): string {
  const maxBytes = Math.min(options.maxBytes ?? SUMMARY_MAX_BYTES, SUMMARY_MAX_BYTES)
  return renderDocument(report, {
    marker: undefined,
    limit: { codePoints: maxBytes, bytes: maxBytes },
    fullReportHint:
      'the JSON report (`report-path` output, or `iam-policy-diff diff --format json`)',
    approval: undefined,
    noOpPatches: true,
    ...(options.links === undefined ? {} : { links: options.links })
  })
}
