// The required-status gate: `fail-on` decides whether the step fails; an `approve-label` on the
// pull request lets a maintainer accept the change deliberately, and the comment names who did.
import type { FailOn } from '../config/types.js'
import { shouldFail, unreviewedCount } from '../diff/classify.js'
import type { Report } from '../diff/report.js'
import type { GitHubPort } from './port.js'

export interface Approval {
  readonly label: string
  /** the login that applied the label; undefined when the events do not say */
  readonly by: string | undefined
}

export interface GateResult {
  readonly fail: boolean
  /** one line for the log, or the failure message */
  readonly message: string
}

export interface GateOptions {
  readonly report: Report
  readonly failOn: FailOn
  readonly approveLabel: string | undefined
  readonly port: GitHubPort
  /** the pull request whose labels count; undefined: no approval is possible */
  readonly pullNumber: number | undefined
}

export interface Gate extends GateResult {
  readonly approval: Approval | undefined
}

export async function evaluateGate(options: GateOptions): Promise<Gate> {
  const failing = shouldFail(options.report, options.failOn)
  const approval = failing ? await findApproval(options) : undefined
  return { ...decideGate(options, approval), approval }
}

/** The approval in force: the label is on the pull request now (not in the event's snapshot). */
async function findApproval(options: GateOptions): Promise<Approval | undefined> {
  const { port, pullNumber, approveLabel: label } = options
  if (label === undefined || pullNumber === undefined) return undefined
  const pull = await port.getPullRequest(pullNumber)
  const current = pull.labels.find((name) => sameLabel(name, label))
  if (current === undefined) return undefined
  const events = await port.listLabelEvents(pullNumber)
  const applied = events.filter((e) => e.event === 'labeled' && sameLabel(e.label, label)).at(-1)
  return { label: current, by: applied?.actor }
}

// GitHub label names are unique regardless of case
function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

export function decideGate(
  options: Pick<GateOptions, 'report' | 'failOn' | 'approveLabel'>,
  approval: Approval | undefined
): GateResult {
  const { report, failOn } = options
  const { broadened, narrowed, denyChanged } = report.summary
  const counts = `broadened ${broadened}, narrowed ${narrowed}, deny changed ${denyChanged}`
  if (!shouldFail(report, failOn)) return { fail: false, message: `${counts} (fail-on: ${failOn})` }
  if (approval !== undefined) {
    const by = approval.by === undefined ? '' : ` applied by @${approval.by}`
    return { fail: false, message: `${counts}: accepted by the label \`${approval.label}\`${by}` }
  }
  return {
    fail: true,
    message: `${failure(report, failOn)} (fail-on: ${failOn}): see the pull request comment or the job summary: ${approveHint(options.approveLabel)}`
  }
}

function failure(report: Report, failOn: FailOn): string {
  const { broadened } = report.summary
  const total = report.changes.length
  if (failOn === 'broadened' && broadened > 0)
    return `access broadened for ${plural(broadened, 'request')}`
  if (failOn === 'any' && total > 0) return `${plural(total, 'request')} changed decision`
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
