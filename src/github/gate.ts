// The required-status gate: `fail-on` decides whether the step fails; an `approve-label` on the
// pull request lets someone other than its author accept the change deliberately (approval.ts
// decides whether the label counts), and the comment names who did. The gate never throws: a
// look-up that fails makes the approval not count, and the report says why.
import type { FailOn } from '../config/types.js'
import { failOnTerms } from '../risk/fail-on.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { riskMatches, shouldFail, unreviewedCount } from '../diff/classify.js'
import type { Report } from '../diff/report.js'
import type { ApprovePermission, Approver } from '../inputs.js'
import { checkApproval, type Approval, type ApprovalCheck } from './approval.js'
import type { GitHubPort } from './port.js'

export type { Approval, ApprovalCheck } from './approval.js'

export interface GateResult {
  readonly fail: boolean
  /** one line for the log, or the failure message */
  readonly message: string
}

export interface GateOptions {
  readonly report: Report
  readonly failOn: FailOn
  readonly approveLabel: string | undefined
  readonly approvers: readonly Approver[]
  readonly approveMinPermission: ApprovePermission
  readonly port: GitHubPort
  /** the pull request whose labels count; undefined: no approval is possible */
  readonly pullNumber: number | undefined
}

export interface Gate extends GateResult {
  /** the approval in force; undefined when none counts */
  readonly approval: Approval | undefined
  /** the report to publish: the input, plus a warning when an approval label did not count */
  readonly report: Report
}

export async function evaluateGate(options: GateOptions): Promise<Gate> {
  const check = shouldFail(options.report, options.failOn)
    ? await checkApproval(options.port, options.pullNumber, {
        label: options.approveLabel,
        approvers: options.approvers,
        minPermission: options.approveMinPermission
      }).catch((error: unknown): ApprovalCheck => ({
        kind: 'refused',
        label: options.approveLabel ?? '',
        reason: `the approval could not be checked (${error instanceof Error ? error.message : String(error)})`
      }))
    : NO_APPROVAL
  return {
    ...decideGate(options, check),
    approval: check.kind === 'approved' ? check.approval : undefined,
    report: check.kind === 'refused' ? withNote(options.report, refusalNote(check)) : options.report
  }
}

const NO_APPROVAL: ApprovalCheck = { kind: 'none' }

function refusalNote(check: ApprovalCheck & { kind: 'refused' }): Diagnostic {
  return diagnostic('approval-not-counted', {
    message: `the label \`${check.label}\` does not count: ${check.reason}`
  })
}

function withNote(report: Report, note: Diagnostic): Report {
  return { ...report, diagnostics: [...report.diagnostics, note] }
}

export function decideGate(
  options: Pick<GateOptions, 'report' | 'failOn' | 'approveLabel'>,
  check: ApprovalCheck
): GateResult {
  const { report, failOn } = options
  const { broadened, narrowed, denyChanged } = report.summary
  const counts = `broadened ${broadened}, narrowed ${narrowed}, deny changed ${denyChanged}`
  if (!shouldFail(report, failOn)) return { fail: false, message: `${counts} (fail-on: ${failOn})` }
  if (check.kind === 'approved') {
    const { approval } = check
    const by = approval.by === undefined ? '' : ` applied by @${approval.by}`
    return { fail: false, message: `${counts}: accepted by the label \`${approval.label}\`${by}` }
  }
  const hint =
    check.kind === 'refused'
      ? `the label \`${check.label}\` does not count: ${check.reason}`
      : approveHint(options.approveLabel)
  return {
    fail: true,
    message: `${failure(report, failOn)} (fail-on: ${failOn}): see the pull request comment or the job summary: ${hint}`
  }
}

function failure(report: Report, failOn: FailOn): string {
  const { broadened } = report.summary
  const total = report.changes.length
  const terms = failOnTerms(failOn)
  if (terms.includes('broadened') && broadened > 0)
    return `access broadened for ${plural(broadened, 'request')}`
  if (terms.includes('any') && total > 0) return `${plural(total, 'request')} changed decision`
  const risks = [...riskMatches(report, failOn)]
  if (risks.length > 0)
    return `access broadened with risk ${risks.map(([risk, n]) => `${risk} (${plural(n, 'request')})`).join(', ')}`
  // a gate must not pass what it could not read (shouldFail counts these as possible broadening)
  return `${plural(unreviewedCount(report), 'policy file')} could not be reviewed`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function approveHint(label: string | undefined): string {
  return label === undefined
    ? 'to accept such a change deliberately, set the `approve-label` input and add that label'
    : `to accept the change deliberately, add the label \`${label}\``
}
