// Risks of broadened changes (docs/RISKS.md) as the renderers show them: compact badges in a
// change row, and the most severe finding that leads the verdict. Risk names are ours; every
// user string (ARNs, actions, paths) goes through the escapes of markdown.ts.
import { risksOf } from '../diff/classify.js'
import type { Change, Report } from '../diff/report.js'
import { ANONYMOUS } from '../matrix/principals.js'
import { escalationOf } from '../risk/escalation.js'
import { isOpenWebIdentity, webIdentityProvider } from '../risk/federation.js'
import { SEVERE_RISKS, sortRisks, type Risk } from '../risk/vocabulary.js'
import { codeSpan, formatCount, visibleControls } from './markdown.js'

/** `**public** **cross-account** read`: the severe risks in bold, access levels plain. */
export function riskBadges(risks: readonly Risk[]): string {
  return sortRisks(risks)
    .map((risk) => (SEVERE_RISKS.includes(risk) ? `**${risk}**` : risk))
    .join(' ')
}

/** `public, cross-account, read` for a terminal. */
export function riskWords(risks: readonly Risk[]): string {
  return sortRisks(risks).join(', ')
}

/** The most severe finding of a report: its risk and the first change that carries it. */
export interface Finding {
  readonly risk: Risk
  readonly change: Change
}

export function leadFinding(report: Report): Finding | undefined {
  for (const risk of SEVERE_RISKS) {
    const change = report.changes.find((c) => c.kind === 'broadened' && risksOf(c).includes(risk))
    if (change !== undefined) return { risk, change }
  }
  return undefined
}

/** One finding in words, with user strings in code spans (Markdown) or shown literally (text). */
export function findingSentence(
  report: Report,
  finding: Finding,
  format: 'markdown' | 'text'
): string {
  const { risk, change } = finding
  const code = (text: string): string =>
    format === 'markdown' ? codeSpan(text) : visibleControls(text)
  const bold = (text: string): string => (format === 'markdown' ? `**${text}**` : text)
  const where = `in ${code(unitName(report, change))}`
  const on = `on ${code(change.resource)}`
  const alike = change.classSize > 1 ? ` and ${formatCount(change.classSize - 1)} more alike` : ''
  const actions = `${code(change.action)}${alike}`
  switch (risk) {
    case 'public': {
      const provider = isOpenWebIdentity(change) ? webIdentityProvider(change.principal) : undefined
      const target = change.subject?.arn ?? change.resource
      if (provider !== undefined) {
        return `${bold('public')}: anyone with a token from ${code(provider)} can assume ${code(target)}: no condition pins the token's subject (${actions} ${where})`
      }
      const who = change.principal === ANONYMOUS ? 'anyone, unsigned' : 'any AWS account'
      return `${bold('public')}: makes ${code(change.resource)} accessible to ${who} (${actions} ${where})`
    }
    case 'admin':
      return `${bold('admin')}: nearly every action ${on} ${where}`
    case 'privilege-escalation':
      return `${bold('privilege escalation')}: ${code(escalationAction(report, change))} ${on} ${where}`
    case 'cross-account':
      return `${bold('cross-account')}: ${code(change.principal)} gains ${actions} ${on} ${where}`
    default:
      return `${bold('permissions management')}: ${actions} ${on} ${where}`
  }
}

/** The file, and the document inside it when the file holds several. */
function unitName(report: Report, change: Change): string {
  const location = change.document?.location
  const file = report.files.find((f) => f.file === change.file && f.document?.location === location)
  const name = file?.document?.name
  return name === undefined ? change.file : `${change.file} › ${name}`
}

/**
 * The action to name for an escalation: the change's own when it escalates, else the first
 * escalation action of its class (`files[].actionClasses`).
 */
function escalationAction(report: Report, change: Change): string {
  if (escalationOf(change.action) !== undefined) return change.action
  for (const file of report.files) {
    if (file.file !== change.file) continue
    const members = file.actionClasses.find((c) => c.action === change.action)?.actions ?? []
    const found = members.find((action) => escalationOf(action)?.rule === 'alone')
    const any = found ?? members.find((action) => escalationOf(action) !== undefined)
    if (any !== undefined) return any
  }
  return change.action
}
