// Whether the approval label counts. It must be a deliberate act by someone else: applied (the
// latest `labeled` event) by someone other than the pull request's author, who passes the
// `approvers` rule and has at least `approve-min-permission`, after the latest push. Every
// look-up that fails makes the approval not count (fail closed), and the reason says why.
import type { ApprovePermission, Approver } from '../inputs.js'
import { GitHubApiError } from './errors.js'
import type { CollaboratorPermission, GitHubPort, PullRequestInfo, TimelineEvent } from './port.js'

export interface Approval {
  readonly label: string
  /** the login that applied the label */
  readonly by: string | undefined
}

export type ApprovalCheck =
  /** no label configured, no pull request, or the label is not on it */
  | { readonly kind: 'none' }
  | { readonly kind: 'approved'; readonly approval: Approval }
  /** the label is (or may be) there but does not count; `reason` is one lowercase line */
  | { readonly kind: 'refused'; readonly label: string; readonly reason: string }

export interface ApprovalRule {
  readonly label: string | undefined
  readonly approvers: readonly Approver[]
  readonly minPermission: ApprovePermission
}

const NONE: ApprovalCheck = { kind: 'none' }

export async function checkApproval(
  port: GitHubPort,
  pullNumber: number | undefined,
  rule: ApprovalRule
): Promise<ApprovalCheck> {
  const { label } = rule
  if (label === undefined || pullNumber === undefined) return NONE
  const refuse = (name: string, reason: string): ApprovalCheck => ({
    kind: 'refused',
    label: name,
    reason
  })
  const pull = await attempt(() => port.getPullRequest(pullNumber))
  if (!pull.ok) return refuse(label, `could not read pull request #${pullNumber} ${pull.why}`)
  // the label is looked up live, not in the event's snapshot
  const current = pull.value.labels.find((name) => sameName(name, label))
  if (current === undefined) return NONE
  const timeline = await attempt(() => port.listTimeline(pullNumber))
  if (!timeline.ok)
    return refuse(current, `could not read the timeline of #${pullNumber} ${timeline.why}`)
  const applied = whoApplied(pull.value, timeline.value, current)
  if ('reason' in applied) return refuse(current, applied.reason)
  const denied = await checkApprover(port, applied.who, rule)
  return denied === undefined
    ? { kind: 'approved', approval: { label: current, by: applied.who } }
    : refuse(current, denied)
}

/** The login that applied the label to the head commit, if that is someone else than the author. */
function whoApplied(
  pull: PullRequestInfo,
  timeline: readonly TimelineEvent[],
  label: string
): { who: string } | { reason: string } {
  const index = timeline.findLastIndex((e) => e.kind === 'labeled' && sameName(e.label, label))
  const applied = timeline[index]
  if (applied?.kind !== 'labeled') return { reason: 'the timeline does not say who applied it' }
  const who = applied.actor
  if (who === undefined) return { reason: 'it was applied by a deleted account' }
  if (pull.author === undefined)
    return { reason: "the pull request's author is unknown (a deleted account)" }
  if (sameName(who, pull.author)) {
    return {
      reason: `@${who} applied it and is the pull request's author: an approval must come from someone else`
    }
  }
  const head = short(pull.headSha)
  const binding = headBinding(timeline, index, pull.headSha)
  if (binding === 'bound') return { who }
  const what =
    binding === 'earlier'
      ? 'applies to an earlier commit'
      : `cannot be tied to the head commit (the timeline does not list \`${head}\` before the label)`
  return { reason: `approval by @${who} ${what}; re-apply the label to approve \`${head}\`` }
}

/**
 * Was the label applied to the current head? Not when a push or force push follows the label in
 * the timeline, when the head commit was committed or force-pushed later than the label, or when
 * the timeline does not list the head commit before the label at all.
 */
function headBinding(
  timeline: readonly TimelineEvent[],
  index: number,
  head: string
): 'bound' | 'earlier' | 'unknown' {
  const labeled = timeline[index]
  const at = labeled?.kind === 'labeled' && labeled.at ? Date.parse(labeled.at) : Number.NaN
  if (Number.isNaN(at)) return 'unknown'
  const later = (time: string | undefined): boolean => time !== undefined && Date.parse(time) > at
  const pushedAfter = timeline.some(
    (e, i) =>
      (e.kind === 'committed' && (i > index || (e.sha === head && later(e.committedAt)))) ||
      (e.kind === 'force-pushed' && (i > index || later(e.at)))
  )
  if (pushedAfter) return 'earlier'
  const known = timeline
    .slice(0, index)
    .some((e) => (e.kind === 'committed' || e.kind === 'force-pushed') && e.sha === head)
  return known ? 'bound' : 'unknown'
}

/** undefined when `who` may approve, else why not */
async function checkApprover(
  port: GitHubPort,
  who: string,
  rule: ApprovalRule
): Promise<string | undefined> {
  if (rule.approvers.length > 0) {
    const listed = await inApprovers(port, who, rule.approvers)
    if (listed !== true) return listed
  }
  const permission = await attempt(() => port.getCollaboratorPermission(who))
  if (!permission.ok)
    return `could not read the permission of @${who} ${permission.why}: an approval that cannot be checked does not count`
  const role = roleOf(permission.value)
  if (RANKS.indexOf(role) >= RANKS.indexOf(rule.minPermission)) return undefined
  return `@${who} has \`${role}\` access to the repository; approving needs at least \`${rule.minPermission}\` (\`approve-min-permission\`)`
}

/** true, or why `who` is not (or could not be found) in the list */
async function inApprovers(
  port: GitHubPort,
  who: string,
  approvers: readonly Approver[]
): Promise<true | string> {
  if (approvers.some((a) => a.kind === 'user' && sameName(a.login, who))) return true
  const failures: string[] = []
  for (const approver of approvers) {
    if (approver.kind !== 'team') continue
    const slug = `@${approver.org}/${approver.team}`
    const member = await attempt(() => port.isTeamMember(approver.org, approver.team, who))
    if (member.ok && member.value) return true
    if (!member.ok) failures.push(`could not check whether @${who} is in \`${slug}\` ${member.why}`)
  }
  if (failures.length > 0)
    return `${failures.join('; ')}: an approval that cannot be checked does not count`
  return `@${who} is not in \`approvers\``
}

/** repository roles, weakest first; custom roles count as their base permission */
const RANKS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
type Role = (typeof RANKS)[number]

function roleOf(permission: CollaboratorPermission): Role {
  const known = (name: string | undefined): Role | undefined =>
    RANKS.find((role) => role === name?.toLowerCase())
  return known(permission.roleName) ?? known(permission.permission) ?? 'none'
}

type Attempt<T> = { ok: true; value: T } | { ok: false; why: string }

async function attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await call() }
  } catch (error) {
    return { ok: false, why: `(${cause(error)})` }
  }
}

function cause(error: unknown): string {
  if (error instanceof GitHubApiError) {
    const said = error.apiMessage.replace(/\s+/g, ' ').trim()
    return error.status === undefined ? `network: ${said}` : `${error.status} ${said}`
  }
  return error instanceof Error ? error.message : String(error)
}

// GitHub logins and label names are unique regardless of case
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

function short(sha: string): string {
  return /^[0-9a-f]{40,64}$/.test(sha) ? sha.slice(0, 7) : sha
}
