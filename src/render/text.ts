// Terminal output of `iam-policy-diff diff`: the verdict, one line per change group, what could
// not be reviewed, the no-op edits. Control characters in user strings are shown as escapes so
// a policy cannot move the cursor or fake output.
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { ChangeKind, DecisionSummary, Report } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'
import { PERMITTED_NOTE, alikeNote, groupChanges, type ChangeGroup } from './groups.js'
import { formatCount, plural, visibleControls as show } from './markdown.js'
import { fileKey, groupUnitKey, unitText, warnedNotReviewed } from './units.js'
import { riskWords } from './risks.js'
import { verdict } from './verdict.js'
import { subjectLabel } from './subjects.js'

const ARROWS: Readonly<Record<ChangeKind, string>> = {
  broadened: '↑',
  narrowed: '↓',
  'deny-changed': '↕'
}

export function renderText(report: Report): string {
  const lines = [verdict(report).text]
  const resourceFiles = new Set(
    report.files.filter((f) => f.policyKind === 'resource').map(fileKey)
  )
  const titles = new Map(report.files.map((f) => [fileKey(f), unitText(f)]))
  for (const group of groupChanges(report.changes)) {
    const key = groupUnitKey(group)
    lines.push(
      ...groupLines(group, key, titles.get(key) ?? show(group.file), resourceFiles.has(key))
    )
  }
  const problems = [
    ...report.diagnostics.filter((d) => d.severity === 'error').map(diagnosticLine),
    ...report.files
      .filter((f) => f.outcome === 'error' || warnedNotReviewed(f))
      .flatMap((f) =>
        f.diagnostics
          .filter(
            (d) =>
              d.severity === 'error' || (f.outcome !== 'error' && d.code === 'source-not-reviewed')
          )
          .map(
            (d) =>
              `${diagnosticLine(d)}${f.document === undefined ? '' : ` (in ${show(f.document.name)})`}`
          )
      )
  ]
  if (problems.length > 0) {
    lines.push('not reviewed:', ...problems.map((line) => `  ${line}`))
  }
  const warnings = report.files.flatMap((f) => [
    ...(f.outcome === 'error'
      ? []
      : f.diagnostics
          .filter((d) => d.severity !== 'error' && d.code !== 'source-not-reviewed')
          .map(diagnosticLine)),
    ...f.unknownActions.map(
      (u) =>
        `${show(f.file)}: unknown action ${show(u.action)}${u.suggestion === undefined ? '' : ` (did you mean ${show(u.suggestion)}?)`}`
    )
  ])
  if (warnings.length > 0) lines.push('warnings:', ...warnings.map((w) => `  ${w}`))
  const neutral = report.files.filter((f) => f.outcome === 'neutral' && !warnedNotReviewed(f))
  if (neutral.length > 0) {
    lines.push(`no-op edits (text changed, no decision did): ${neutral.map(unitText).join(', ')}`)
  }
  lines.push(footer(report))
  return `${lines.join('\n')}\n`
}

/** Actions listed after a group's label in the terminal, at most; the rest are counted. */
const MAX_NAMES = 5

function actionNames(actions: readonly string[]): string {
  const shown = actions.slice(0, MAX_NAMES).map(show).join(', ')
  const rest = actions.length - MAX_NAMES
  return rest > 0 ? `${shown}, and ${formatCount(rest)} more` : shown
}

/** The principal is shown for resource-based policies, where it is what changed. */
function groupLines(g: ChangeGroup, key: string, title: string, withPrincipal: boolean): string[] {
  const actions =
    g.actions.length === 1
      ? g.alike === 0
        ? show(g.label)
        : `${show(g.label)} (${plural(1, 'action')}${alikeNote(g)})`
      : `${show(g.label)}${alikeNote(g)}: ${actionNames(g.actions)}`
  const subject = g.subject === undefined ? '' : ` [subject ${show(subjectLabel(g.subject))}]`
  const context = Object.entries(g.context)
    .map(
      ([key, value]) =>
        `${show(key)}=${show(typeof value === 'string' ? value : `[${value.join(', ')}]`)}`
    )
    .join(', ')
  const when = context === '' ? '' : ` when ${context}`
  const line =
    `  ${ARROWS[g.kind]} ${title}${subject}  ${actions} on ${show(g.resource)}${withPrincipal ? ` for ${show(g.principal)}${g.permittedCaller ? ` (${PERMITTED_NOTE})` : ''}` : ''}${when}` +
    `  ${g.before.effect} → ${g.after.effect}  (${deciding(g, key)})` +
    (g.risks.length > 0 ? `  [${riskWords(g.risks)}]` : '')
  return g.actions.length === 1 ? [line] : [line, `      ${g.actions.map(show).join(' ')}`]
}

function deciding(g: ChangeGroup, key: string): string {
  if (g.after.determining.length > 0) return refs(g.after, key)
  if (g.before.determining.length > 0) return `was ${refs(g.before, key)}`
  return 'no statement applies'
}

function refs(summary: DecisionSummary, file: string): string {
  return summary.determining.map((ref) => refText(ref, file)).join('; ')
}

function refText(ref: StatementRef, file: string): string {
  const name = ref.sid === undefined ? `Statement[${ref.statementIndex}]` : show(ref.sid)
  return `${name}, line ${ref.line}${ref.file === file ? '' : ` of ${show(ref.file)}`}`
}

function diagnosticLine(d: Diagnostic): string {
  return show(formatDiagnostic(d))
}

function footer(report: Report): string {
  const s = report.summary
  return (
    `${plural(s.requests, 'request')} evaluated (${formatCount(s.generatedRequests)} generated, ` +
    `${formatCount(s.configuredRequests)} configured) in ${plural(s.files, 'policy file')} · ` +
    `base ${show(report.base ?? 'none')} · head ${show(report.head ?? 'none')}`
  )
}
