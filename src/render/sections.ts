// The Markdown pieces of a report: per-file change tables, the document change, no-op edits,
// files that could not be reviewed. Pure and deterministic; every user string is escaped.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { ChangeKind, DecisionSummary, FileReport, PatchOperation } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'
import { PERMITTED_NOTE, alikeNote, type ChangeGroup } from './groups.js'
import { riskBadges } from './risks.js'
import { NO_LINKS, type Linker, type Side } from './links.js'
import { fileKey, unitTitle } from './units.js'
import { subjectCell } from './subjects.js'
import {
  cellCode,
  codeSpan,
  details,
  escapeText,
  fencedBlock,
  inlineMessage,
  markdownLink,
  plural,
  table,
  tableRow,
  visibleControls
} from './markdown.js'

export const KIND_ICONS: Readonly<Record<ChangeKind, string>> = {
  broadened: '⬆️',
  narrowed: '⬇️',
  'deny-changed': '↕️'
}

const POLICY_KIND_NAMES = {
  identity: 'identity policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy'
} as const

/** A file's change table, split so that a size budget can keep a prefix of the rows. */
export interface FileSection {
  /** heading and one-line facts */
  readonly head: string
  readonly tableHeader: string
  readonly rows: readonly string[]
  /** collapsible extras after the table (document change, warnings) */
  readonly tail: readonly string[]
}

export function fileSection(
  file: FileReport,
  groups: readonly ChangeGroup[],
  links: Linker = NO_LINKS
): FileSection {
  const withPrincipal =
    file.policyKind === 'resource' || new Set(groups.map((g) => g.principal)).size > 1
  const withSubject = groups.some((g) => g.subject !== undefined)
  const header = [
    '',
    'change',
    'actions',
    'resource',
    ...(withPrincipal ? ['principal'] : []),
    ...(withSubject ? ['subject'] : []),
    'condition context',
    'deciding statement'
  ]
  const rows = groups.map((g) => {
    const cells = [
      KIND_ICONS[g.kind],
      `${g.before.effect} → **${g.after.effect}**${g.risks.length > 0 ? `<br>${riskBadges(g.risks)}` : ''}`,
      actionsCell(g),
      cellCode(g.resource),
      ...(withPrincipal
        ? [`${cellCode(g.principal)}${g.permittedCaller ? `<br>${PERMITTED_NOTE}` : ''}`]
        : []),
      ...(withSubject ? [g.subject === undefined ? '' : subjectCell(g.subject)] : []),
      contextCell(g.context),
      decidingCell(g, fileKey(file), links)
    ]
    return tableRow(cells)
  })
  return {
    head: `#### ${headIcon(file)} ${unitTitle(file)}\n\n${fileFacts(file)}`,
    tableHeader: table(header, []),
    rows,
    tail: [patchDetails(file.patch), warningsDetails(file)].filter((part) => part !== '')
  }
}

function headIcon(file: FileReport): string {
  if (file.changes.broadened > 0) return KIND_ICONS.broadened
  if (file.changes.narrowed > 0) return KIND_ICONS.narrowed
  return KIND_ICONS['deny-changed']
}

function fileFacts(file: FileReport): string {
  const counts = [
    file.changes.broadened > 0 ? `${plural(file.changes.broadened, 'request')} broadened` : '',
    file.changes.narrowed > 0 ? `${plural(file.changes.narrowed, 'request')} narrowed` : '',
    file.changes.denyChanged > 0
      ? `${plural(file.changes.denyChanged, 'request')} deny changed`
      : ''
  ].filter(Boolean)
  return [
    statusText(file),
    ...(file.policyKind ? [POLICY_KIND_NAMES[file.policyKind]] : []),
    ...counts,
    `${plural(file.requests, 'request')} evaluated`
  ].join(' · ')
}

export function statusText(file: FileReport): string {
  if (file.previousFile === undefined) return file.status
  return file.status === 'renamed'
    ? `renamed from ${codeSpan(file.previousFile)}`
    : `${file.status}, compared with ${codeSpan(file.previousFile)}`
}

function actionsCell(g: ChangeGroup): string {
  const first = g.actions[0] ?? ''
  const alike = alikeNote(g)
  if (g.actions.length === 1 && alike === '') return cellCode(first)
  const list = g.actions.map(cellCode).join(' ')
  // several: the label counts them (`5 s3 actions (Read)`), plain text so it reads as no pattern
  const summary =
    g.actions.length === 1
      ? `${cellCode(g.label)} (${plural(1, 'action')}${alike})`
      : `${escapeText(g.label)}${escapeText(alike)}`
  return `<details><summary>${summary}</summary>${list}</details>`
}

function contextCell(context: ChangeGroup['context']): string {
  const keys = Object.keys(context)
  if (keys.length === 0) return 'no keys'
  return keys
    .map((key) => {
      const value = context[key] ?? ''
      return cellCode(`${key}=${typeof value === 'string' ? value : `[${value.join(', ')}]`}`)
    })
    .join('<br>')
}

/** The statements that decided the new outcome; if none (implicit deny), those that decided the old. */
function decidingCell(g: ChangeGroup, file: string, links: Linker): string {
  if (g.after.determining.length > 0) return refsText(g.after, file, links, 'head')
  if (g.before.determining.length > 0) return `was ${refsText(g.before, file, links, 'base')}`
  return 'no statement applies'
}

function refsText(summary: DecisionSummary, file: string, links: Linker, side: Side): string {
  return summary.determining.map((ref) => statementRef(ref, file, links, side)).join(', ')
}

/** `Sid` line 14 (in `other.json`), for a table cell; the line links to the file when it can. */
function statementRef(ref: StatementRef, file: string, links: Linker, side: Side): string {
  const name =
    ref.sid === undefined ? cellCode(`Statement[${ref.statementIndex}]`) : cellCode(ref.sid)
  const where = ref.file === file ? '' : ` in ${cellCode(ref.file)}`
  return `${name} ${markdownLink(`line ${ref.line}`, links.statement(ref, side))}${where}`
}

/** One operation on one line (a pointer may hold any character, a line break too). */
export function patchLine(op: PatchOperation): string {
  const value = op.value === undefined ? '' : ` ${JSON.stringify(op.value)}`
  const from = op.from === undefined ? '' : ` from ${op.from}`
  return visibleControls(`${op.op} ${op.path}${from}${value}`)
}

export function patchDetails(patch: readonly PatchOperation[]): string {
  if (patch.length === 0) return ''
  const summary = `Document change: JSON patch of the normalised policy (${plural(patch.length, 'operation')})`
  return details(summary, fencedBlock(patch.map(patchLine).join('\n')))
}

function warningsDetails(file: FileReport): string {
  const warnings = file.diagnostics.filter((d) => d.severity !== 'error')
  const unknown = file.unknownActions.map((u) =>
    u.suggestion === undefined
      ? `- ${codeSpan(u.action)} is not in the IAM catalogue`
      : `- ${codeSpan(u.action)} is not in the IAM catalogue (did you mean ${codeSpan(u.suggestion)}?)`
  )
  const lines = [...unknown, ...warnings.map((d) => `- ${diagnosticText(d)}`)]
  if (lines.length === 0) return ''
  return details(`${plural(lines.length, 'warning')}`, lines.join('\n'))
}

/** `line 3, column 5: `json-syntax`: message (help)` as inline Markdown; `url` links the position. */
export function diagnosticText(d: Diagnostic, url?: string): string {
  const where = d.span
    ? `${markdownLink(`line ${d.span.line}, column ${d.span.column}`, url)}: `
    : ''
  const help = d.help ? ` — ${inlineMessage(d.help)}` : ''
  return `${where}${codeSpan(d.code)}: ${inlineMessage(d.message)}${help}`
}

/** Files that could not be reviewed, each with its located diagnostics (linked to the line). */
export function unreviewedSection(
  files: readonly FileReport[],
  problems: readonly Diagnostic[],
  links: Linker = NO_LINKS
): string {
  if (files.length === 0 && problems.length === 0) return ''
  const lines = ['#### ❌ Not reviewed', '']
  for (const d of problems)
    lines.push(`- ${d.file ? `${codeSpan(d.file)}: ` : ''}${diagnosticText(d)}`)
  for (const file of files) {
    lines.push(`- ${unitTitle(file)} (${statusText(file)}):`)
    const errors = file.diagnostics.filter((x) => x.severity === 'error')
    // a file listed with warnings only: its content is not reviewed (`not-reviewed.warn`)
    const shown =
      errors.length > 0 ? errors : file.diagnostics.filter((x) => x.code === 'source-not-reviewed')
    for (const d of shown) {
      lines.push(`  - ${diagnosticText(d, links.line(file, d.span?.line))}`)
    }
  }
  return lines.join('\n')
}

/**
 * Problems of the review as a whole that do not stop it (an approval label that does not count,
 * an invalid configuration on the base branch): notes, apart from what was not reviewed.
 */
export function notesSection(notes: readonly Diagnostic[]): string {
  if (notes.length === 0) return ''
  const lines = ['#### ⚠️ Notes', '']
  for (const d of notes)
    lines.push(`- ${d.file ? `${codeSpan(d.file)}: ` : ''}${diagnosticText(d)}`)
  return lines.join('\n')
}

/**
 * One line per file whose text changed but whose decisions did not, with its warnings under it:
 * a statement that grants nothing changes no decision, which is exactly why it needs saying.
 */
export function noOpLine(file: FileReport): string {
  const what =
    file.patch.length === 0
      ? 'formatting or order only'
      : `${plural(file.patch.length, 'structural edit')}, no decision changed`
  const warnings = file.diagnostics
    .filter((d) => d.severity !== 'error' && d.code !== 'source-not-reviewed')
    .map((d) => `\n  - ⚠️ ${diagnosticText(d)}`)
  return `- ${unitTitle(file)} (${statusText(file)}): ${what}${warnings.join('')}`
}
