// Whom a change is about (report `changes[].subject`): a configured subject by its name, a
// principal, resource or policy as `role DeployRole`; and the comment's "Who gains what".
import type { Change, ChangeKind, ChangeSubject, FileReport, Report } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'
import { alikeNote, groupChanges, type ChangeGroup } from './groups.js'
import { cellCode, codeSpan, escapeText, plural } from './markdown.js'
import { KIND_ICONS } from './sections.js'
import { fileKey } from './units.js'

/** `role DeployRole`, `resource ReportsBucket`; a configured subject is its name. */
export function subjectLabel(subject: ChangeSubject): string {
  return subject.kind === 'configured' ? subject.name : `${subject.kind} ${subject.name}`
}

/** A principal of the sources (its whole policy set reviewed): grouped first in the comment. */
export function isPrincipalSubject(subject: ChangeSubject | undefined): subject is ChangeSubject {
  return subject?.kind === 'role' || subject?.kind === 'user' || subject?.kind === 'group'
}

/** A stable key of a subject (grouping, sorting). */
export function subjectKey(subject: ChangeSubject | undefined): string {
  return subject === undefined ? '' : `${subject.kind}\0${subject.file ?? ''}\0${subject.name}`
}

/** A table cell: a configured subject as code (as before), a principal as escaped text. */
export function subjectCell(subject: ChangeSubject): string {
  return subject.kind === 'configured'
    ? cellCode(subject.name)
    : `${subject.kind} ${escapeText(subject.name)}`
}

/** Lines per principal in "Who gains what" at most; the per-file tables have every row. */
export const LINES_PER_SUBJECT = 8

const VERBS: Readonly<Record<ChangeKind, string>> = {
  broadened: 'gains',
  narrowed: 'loses',
  'deny-changed': 'deny changed for'
}

/**
 * "Who gains what": per principal of the sources (role, user, group reviewed with its whole
 * policy set), then per group of alike changes, what it gains or loses and through which policy.
 * A role whose trust policy changed: who can now assume it, with the role's permissions named.
 * Empty when no change is about a principal (bare policy files, configured subjects).
 */
export function whoGainsWhat(report: Report): string {
  const bySubject = new Map<string, { subject: ChangeSubject; changes: Change[] }>()
  for (const c of report.changes) {
    if (!isPrincipalSubject(c.subject)) continue
    const key = subjectKey(c.subject)
    const entry = bySubject.get(key) ?? { subject: c.subject, changes: [] }
    entry.changes.push(c)
    bySubject.set(key, entry)
  }
  if (bySubject.size === 0) return ''
  const names = new Map(report.files.map((f) => [fileKey(f), f]))
  const lines = ['#### Who gains what', '']
  const entries = [...bySubject.values()].sort(
    (a, b) =>
      rank(a.changes) - rank(b.changes) || compareText(subjectKey(a.subject), subjectKey(b.subject))
  )
  for (const { subject, changes } of entries) {
    const trust = subject.permissions !== undefined
    const where = subject.file === undefined ? '' : ` (${codeSpan(subject.file)})`
    const permissions =
      trust && subject.permissions.length > 0
        ? `; its permissions: ${subject.permissions.map((p) => escapeText(p)).join(', ')}`
        : ''
    const head = trust
      ? `**${subject.kind} ${escapeText(subject.name)}**${where}, who can assume it${permissions}:`
      : `**${subject.kind} ${escapeText(subject.name)}**${where}:`
    lines.push(head)
    const groups = groupChanges(changes)
    for (const g of groups.slice(0, LINES_PER_SUBJECT))
      lines.push(`- ${groupLine(g, trust, names)}`)
    if (groups.length > LINES_PER_SUBJECT)
      lines.push(
        `- … ${plural(groups.length - LINES_PER_SUBJECT, 'more line')} in the tables below`
      )
    lines.push('')
  }
  return lines.join('\n').trimEnd()
}

function rank(changes: readonly Change[]): number {
  return changes.some((c) => c.kind === 'broadened')
    ? 0
    : changes.some((c) => c.kind === 'narrowed')
      ? 1
      : 2
}

function groupLine(
  g: ChangeGroup,
  trust: boolean,
  units: ReadonlyMap<string, Pick<FileReport, 'file' | 'document'>>
): string {
  // several actions: the label counts them (`2 s3 actions (1 Read, 1 Write)`)
  const what =
    g.actions.length === 1
      ? `${codeSpan(g.label)}${alikeNote(g)}`
      : `${escapeText(g.label)}${alikeNote(g)}`
  const subject = trust
    ? `${codeSpan(g.principal)} ${g.kind === 'broadened' ? 'can now' : g.kind === 'narrowed' ? 'can no longer' : 'deny changed for'} ${what}`
    : `${VERBS[g.kind]} ${what} on ${codeSpan(g.resource)}`
  const refs = g.kind === 'narrowed' ? g.before.determining : g.after.determining
  const via = refs.length === 0 ? '' : `, via ${refs.map((r) => viaText(r, units)).join(', ')}`
  return `${KIND_ICONS[g.kind]} ${subject}${via}`
}

/** `managed policy WriteReports` (`Write`, line 10); an AWS managed policy by its name. */
function viaText(
  ref: StatementRef,
  units: ReadonlyMap<string, Pick<FileReport, 'file' | 'document'>>
): string {
  const unit = units.get(ref.file)
  const name = ref.file.startsWith('arn:')
    ? `AWS managed policy ${codeSpan(ref.file.slice(ref.file.lastIndexOf('/') + 1))}`
    : unit?.document !== undefined
      ? escapeText(unit.document.name)
      : codeSpan(ref.file)
  const statement = ref.sid === undefined ? `Statement[${ref.statementIndex}]` : ref.sid
  return `${name} (${codeSpan(statement)}, line ${ref.line})`
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
