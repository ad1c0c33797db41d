// The Markdown report as a whole, assembled under a size budget: verdict first, then what could
// not be reviewed, then notes (report-level warnings), then per-file change tables (broadened first), then no-op edits. When the
// budget runs out, later material is dropped whole rows at a time and an explicit note says
// what is missing and where the full report is. Nothing is ever cut silently.
import type { FileReport, Report } from '../diff/report.js'
import { groupChanges, type ChangeGroup } from './groups.js'
import {
  Budget,
  codeSpan,
  formatCount,
  inlineMessage,
  measure,
  plural,
  type Size
} from './markdown.js'
import { createLinker, type LinkBase, type Linker } from './links.js'
import {
  fileSection,
  noOpLine,
  notesSection,
  patchDetails,
  unreviewedSection,
  type FileSection
} from './sections.js'
import { fileKey, groupUnitKey, warnedNotReviewed } from './units.js'
import { verdict } from './verdict.js'
import { whoGainsWhat } from './subjects.js'

export interface DocumentOptions {
  /** hidden first line that identifies the comment, e.g. `<!-- iam-policy-diff -->` */
  readonly marker: string | undefined
  readonly limit: Size
  /** where the complete report is: a URL (linked) or a short phrase */
  readonly fullReportHint: string | undefined
  readonly approval: { readonly label: string; readonly by: string | undefined } | undefined
  /** also show the document change of no-op edits (the job summary has room) */
  readonly noOpPatches: boolean
  /** the repository at the head and base commits: deciding statements link to their line */
  readonly links?: LinkBase
}

interface Omitted {
  files: number
  changes: number
  rows: number
  other: number
}

/** Rows per file once the whole report does not fit: breadth (every file) before depth. */
export const ROWS_PER_FILE_WHEN_CUT = 10

/**
 * The whole report if it fits; otherwise each file's table is capped so that more files show,
 * and whatever still does not fit is cut, with the note saying what is missing.
 */
export function renderDocument(report: Report, options: DocumentOptions): string {
  const whole = assemble(report, options, undefined)
  return whole.complete ? whole.text : assemble(report, options, ROWS_PER_FILE_WHEN_CUT).text
}

function assemble(
  report: Report,
  options: DocumentOptions,
  rowCap: number | undefined
): { text: string; complete: boolean } {
  const budget = new Budget({ limit: options.limit })
  const footer = footerText(report)
  const reserve = addSizes(
    measure(footer),
    measure(truncationNote(WORST_CASE, options.fullReportHint))
  )
  budget.add(headerText(report, options))
  const omitted: Omitted = { files: 0, changes: 0, rows: 0, other: 0 }
  const links = createLinker(report.files, options.links)
  const unreviewed = unreviewedSection(
    report.files.filter((f) => f.outcome === 'error' || warnedNotReviewed(f)),
    report.diagnostics.filter((d) => d.severity === 'error'),
    links
  )
  if (unreviewed !== '' && !budget.tryAdd(`${unreviewed}\n\n`, reserve)) omitted.other++
  // by principal first (issue 10); the per-file tables below keep every row
  const who = whoGainsWhat(report)
  if (who !== '' && !budget.tryAdd(`${who}\n\n`, reserve)) omitted.other++
  const notes = notesSection(report.diagnostics.filter((d) => d.severity !== 'error'))
  if (notes !== '' && !budget.tryAdd(`${notes}\n\n`, reserve)) omitted.other++
  addChangedFiles(budget, report, { reserve, omitted, rowCap, links })
  addNoOpEdits(budget, report, reserve, omitted, options.noOpPatches)
  const complete = omitted.files + omitted.rows + omitted.other === 0
  if (!complete) budget.add(`${truncationNote(omitted, options.fullReportHint)}\n\n`)
  budget.add(footer)
  return { text: budget.toString(), complete }
}

function headerText(report: Report, options: DocumentOptions): string {
  const lines: string[] = []
  if (options.marker !== undefined) lines.push(markerLine(options.marker))
  lines.push(`### ${verdict(report).markdown}`, '')
  if (options.approval !== undefined) {
    const by = options.approval.by === undefined ? '' : ` by ${codeSpan(options.approval.by)}`
    lines.push(
      `> ✅ Accepted: the label ${codeSpan(options.approval.label)} was applied${by}; the check passes while it is on the pull request.`,
      ''
    )
  }
  if (report.summary.files > 0 || report.summary.requests > 0) lines.push(statsLine(report), '')
  lines.push('')
  return lines.join('\n')
}

/**
 * The marker as given when it is one HTML comment, else wrapped into one; its text keeps no `--`
 * (which GitHub's older comment syntax refuses) and no line break: it is the whole first line.
 */
export function markerLine(marker: string): string {
  const inner = marker.startsWith('<!--') && marker.endsWith('-->') ? marker.slice(4, -3) : marker
  return `<!--${inner.replace(/[\r\n]/g, ' ').replace(/-(?=-)/g, '- ')}-->`
}

function statsLine(report: Report): string {
  const s = report.summary
  const origins = `${formatCount(s.generatedRequests)} generated from the policies, ${formatCount(s.configuredRequests)} from the configuration`
  const parts = [
    `${plural(s.requests, 'request')} evaluated against the old and the new policies (${origins})`,
    `${plural(s.files, 'policy file')} in this change`
  ]
  if (s.neutralFiles > 0) parts.push(`${plural(s.neutralFiles, 'no-op edit')}`)
  return parts.join(' · ')
}

function footerText(report: Report): string {
  const side = (label: string | undefined): string =>
    label === undefined ? 'none' : codeSpan(label)
  return `<sub>base ${side(report.base)} · head ${side(report.head)} · ${report.tool.name} ${codeSpan(report.tool.version)} · decisions by the built-in IAM evaluator</sub>\n`
}

/** Files with changes: broadened first, then narrowed, then deny changes; by path within. */
function changedFiles(report: Report): FileReport[] {
  const rank = (f: FileReport): number =>
    f.changes.broadened > 0 ? 0 : f.changes.narrowed > 0 ? 1 : 2
  return report.files
    .filter((f) => f.outcome === 'changed')
    .sort(
      (a, b) =>
        rank(a) - rank(b) || compareText(a.file, b.file) || compareText(fileKey(a), fileKey(b))
    )
}

interface Room {
  readonly reserve: Size
  readonly omitted: Omitted
  readonly rowCap: number | undefined
  readonly links: Linker
}

function addChangedFiles(budget: Budget, report: Report, room: Room): void {
  const { reserve, omitted } = room
  const groups = groupChanges(report.changes)
  const byFile = new Map<string, ChangeGroup[]>()
  for (const g of groups) {
    const key = groupUnitKey(g)
    byFile.set(key, [...(byFile.get(key) ?? []), g])
  }
  let stopped = false
  for (const file of changedFiles(report)) {
    const count = file.changes.broadened + file.changes.narrowed + file.changes.denyChanged
    if (stopped) {
      omitted.files++
      omitted.changes += count
      continue
    }
    const section = capRows(
      fileSection(file, byFile.get(fileKey(file)) ?? [], room.links),
      room.rowCap
    )
    const table = [section.tableHeader, ...section.rows].join('\n') + rowNote(section.hidden)
    const full = [section.head, table, ...section.tail]
    if (budget.tryAdd(`${full.join('\n\n')}\n\n`, reserve)) {
      omitted.rows += section.hidden
      continue
    }
    stopped = !addPartialSection(budget, section, reserve, omitted)
    if (stopped) {
      omitted.files++
      omitted.changes += count
    }
  }
}

function capRows(section: FileSection, cap: number | undefined): FileSection & { hidden: number } {
  if (cap === undefined || section.rows.length <= cap) return { ...section, hidden: 0 }
  return { ...section, rows: section.rows.slice(0, cap), hidden: section.rows.length - cap }
}

function rowNote(missing: number): string {
  return missing > 0 ? `\n\n_… ${plural(missing, 'more row')} of this file are not shown here_` : ''
}

/** As many rows as fit, then a line saying how many are missing; false when not even the head fits. */
function addPartialSection(
  budget: Budget,
  section: FileSection & { hidden: number },
  reserve: Size,
  omitted: Omitted
): boolean {
  const room = addSizes(reserve, measure(`${rowNote(999_999_999)}\n\n`))
  if (!budget.tryAdd(`${section.head}\n\n${section.tableHeader}`, room)) return false
  let shown = 0
  while (shown < section.rows.length && budget.tryAdd(`\n${section.rows[shown] ?? ''}`, room))
    shown++
  const missing = section.rows.length - shown + section.hidden
  omitted.rows += missing
  omitted.other += section.tail.length
  budget.add(`${rowNote(missing)}\n\n`)
  return true
}

function addNoOpEdits(
  budget: Budget,
  report: Report,
  reserve: Size,
  omitted: Omitted,
  patches: boolean
): void {
  const neutral = report.files.filter((f) => f.outcome === 'neutral' && !warnedNotReviewed(f))
  if (neutral.length === 0) return
  const heading = '#### No-op edits: the text changed, no decision did\n\n'
  if (!budget.tryAdd(heading, reserve)) {
    omitted.other += neutral.length
    return
  }
  // an HTML block (<details>) runs to the next blank line: one must follow it
  let endsWithBlankLine = false
  for (const file of neutral) {
    const patch = patches ? patchDetails(file.patch) : ''
    const text = patch === '' ? `${noOpLine(file)}\n` : `${noOpLine(file)}\n\n${patch}\n\n`
    if (budget.tryAdd(text, reserve)) endsWithBlankLine = patch !== ''
    else omitted.other++
  }
  if (!endsWithBlankLine) budget.add('\n')
}

const WORST_CASE: Omitted = {
  files: 999_999_999,
  changes: 999_999_999,
  rows: 999_999_999,
  other: 999_999_999
}

function truncationNote(omitted: Omitted, hint: string | undefined): string {
  const missing = [
    omitted.files > 0
      ? `${plural(omitted.files, 'more changed file')} (${plural(omitted.changes, 'change')})`
      : '',
    omitted.rows > 0 ? `${plural(omitted.rows, 'more table row')}` : '',
    omitted.other > 0 ? `${plural(omitted.other, 'more section')}` : ''
  ].filter(Boolean)
  return `> ✂️ **Truncated** to fit GitHub's size limit: ${missing.join(', ')} not shown here. The full report: ${hintText(hint)}.`
}

function hintText(hint: string | undefined): string {
  if (hint === undefined) return 'the job summary, or `iam-policy-diff diff --format json`'
  if (/^https?:\/\/[^\s<>]+$/.test(hint)) return `[job summary of this run](<${hint}>)`
  return inlineMessage(hint)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function addSizes(a: Size, b: Size): Size {
  return { codePoints: a.codePoints + b.codePoints, bytes: a.bytes + b.bytes }
}
