// Which way a decision moved, and whether a report should fail the check. One table each.
import type { FailOn } from '../config/types.js'
import type { DecisionEffect } from '../engine/types.js'
import type { ChangeKind, Report } from './report.js'

/**
 * broadened: the request is now allowed; narrowed: it no longer is; deny-changed: it stays
 * denied but moved between an explicit and an implicit deny (a Deny statement appeared or
 * went away). Undefined when the effect did not change.
 */
export function classifyChange(
  before: DecisionEffect,
  after: DecisionEffect
): ChangeKind | undefined {
  if (before === after) return undefined
  if (after === 'Allow') return 'broadened'
  if (before === 'Allow') return 'narrowed'
  return 'deny-changed'
}

/** Display and sort order: what a reviewer must see first comes first. */
export const CHANGE_KIND_ORDER: readonly ChangeKind[] = ['broadened', 'narrowed', 'deny-changed']

/** Policy files (or the whole review) that could not be reviewed: an unknown may hide anything. */
export function unreviewedCount(report: Report): number {
  const fatal = report.diagnostics.some((d) => d.severity === 'error') ? 1 : 0
  return report.summary.filesWithErrors + fatal
}

/**
 * Whether the report matches `fail-on`. A file that could not be reviewed (invalid policy, git
 * failure) counts as a possible broadening: a gate must not pass what it could not read.
 */
export function shouldFail(report: Report, failOn: FailOn): boolean {
  switch (failOn) {
    case 'never':
      return false
    case 'broadened':
      return report.summary.broadened > 0 || unreviewedCount(report) > 0
    case 'any':
      return report.changes.length > 0 || unreviewedCount(report) > 0
  }
}
