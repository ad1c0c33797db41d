// Which way a decision moved, and whether a report should fail the check. One table each.
import type { FailOn } from '../config/types.js'
import type { DecisionEffect } from '../engine/types.js'
import { failOnRisks, failOnTerms } from '../risk/fail-on.js'
import { sortRisks, type Risk } from '../risk/vocabulary.js'
import type { Change, ChangeKind, Report } from './report.js'

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
 * Whether the report matches `fail-on` (any of its terms). A file that could not be reviewed
 * (invalid policy, git failure) counts as a possible broadening, with any risk: a gate must not
 * pass what it could not read, so every term but `never` fails on it (docs/RISKS.md).
 */
export function shouldFail(report: Report, failOn: FailOn): boolean {
  const terms = failOnTerms(failOn)
  if (terms.length === 0 || terms.includes('never')) return false
  if (unreviewedCount(report) > 0) return true
  if (terms.includes('any') && report.changes.length > 0) return true
  if (terms.includes('broadened') && report.summary.broadened > 0) return true
  return riskMatches(report, failOn).size > 0
}

/**
 * The risks `fail-on` asks about that some broadened change carries, with how many listed
 * changes carry each (the report's budget keeps a listed change of every risk).
 */
export function riskMatches(report: Report, failOn: FailOn): Map<Risk, number> {
  const wanted = new Set(failOnRisks(failOn))
  const found = new Map<Risk, number>()
  if (wanted.size === 0) return found
  for (const change of report.changes) {
    for (const risk of risksOf(change)) {
      if (wanted.has(risk)) found.set(risk, (found.get(risk) ?? 0) + 1)
    }
  }
  return new Map(sortRisks(found.keys()).map((risk) => [risk, found.get(risk) ?? 0]))
}

/** A change's risks; `[]` for a saved report written before `risks` existed. */
export function risksOf(change: Change): readonly Risk[] {
  const { risks } = change as { readonly risks?: readonly Risk[] }
  return risks ?? []
}
