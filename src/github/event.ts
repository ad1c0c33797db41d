// What to compare, from the event that started the workflow. Pure: the caller passes the event
// name, the payload and the explicit inputs. Explicit inputs win over the event.
import { ActionError } from './errors.js'

export interface ExplicitRefs {
  readonly base: string | undefined
  readonly head: string | undefined
  readonly pullNumber: number | undefined
}

export interface Target {
  readonly event: string
  /** the pull request whose labels gate the result (and which gets the comment if `comment`) */
  readonly pullNumber: number | undefined
  /** post the sticky comment on `pullNumber` */
  readonly comment: boolean
  /** refs to compare (the merge base of the two is the real base); undefined: ask the API */
  readonly base: string | undefined
  readonly head: string | undefined
  /** GitHub's count of the pull request's changed files, to detect the files API cap */
  readonly changedFiles: number | undefined
  /** read files through the API only: the pull request is untrusted data (pull_request_target) */
  readonly apiOnly: boolean
}

export type TargetResult =
  | { readonly kind: 'review'; readonly target: Target }
  | { readonly kind: 'skip'; readonly message: string }

const PULL_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * `sha` is GITHUB_SHA (the default head of an explicit `base`). Throws ActionError when the event
 * needs inputs that are missing.
 */
export function resolveTarget(
  eventName: string,
  payload: Readonly<Record<string, unknown>>,
  explicit: ExplicitRefs,
  sha: string | undefined
): TargetResult {
  const apiOnly = eventName === 'pull_request_target'
  if (explicit.pullNumber !== undefined) {
    return review({ event: eventName, pullNumber: explicit.pullNumber, comment: true, apiOnly })
  }
  if (explicit.base !== undefined) {
    const head = explicit.head ?? sha
    if (head === undefined)
      throw new ActionError(
        'input `base` is set but `head` is not, and `GITHUB_SHA` is unset: set the `head` input'
      )
    const pull = PULL_EVENTS.has(eventName) ? pullOf(payload) : undefined
    return review({
      event: eventName,
      pullNumber: pull?.number,
      comment: pull !== undefined,
      base: explicit.base,
      head,
      apiOnly
    })
  }
  if (PULL_EVENTS.has(eventName)) return fromPullRequest(eventName, payload)
  if (eventName === 'merge_group') return fromMergeGroup(payload)
  if (eventName === 'workflow_dispatch') {
    throw new ActionError(
      'a `workflow_dispatch` run needs refs to compare: set the `base` input (and optionally `head`) or `pull-number`'
    )
  }
  return {
    kind: 'skip',
    message: `event \`${eventName}\` is not reviewed: run on \`pull_request\`, \`merge_group\` or \`workflow_dispatch\`, or set the \`base\` or \`pull-number\` input`
  }
}

function review(
  init: Partial<Target> & Pick<Target, 'event' | 'pullNumber' | 'comment' | 'apiOnly'>
): TargetResult {
  return {
    kind: 'review',
    target: {
      base: undefined,
      head: undefined,
      changedFiles: undefined,
      ...init
    }
  }
}

interface PullPayload {
  readonly number: number
  readonly base: string
  readonly head: string
  readonly changedFiles: number | undefined
}

function pullOf(payload: Readonly<Record<string, unknown>>): PullPayload | undefined {
  const pr = record(payload['pull_request'])
  const number = pr?.['number'] ?? payload['number']
  const base = record(pr?.['base'])?.['sha']
  const head = record(pr?.['head'])?.['sha']
  if (typeof number !== 'number' || typeof base !== 'string' || typeof head !== 'string')
    return undefined
  const changed = pr?.['changed_files']
  return { number, base, head, changedFiles: typeof changed === 'number' ? changed : undefined }
}

function fromPullRequest(
  eventName: string,
  payload: Readonly<Record<string, unknown>>
): TargetResult {
  const pull = pullOf(payload)
  if (!pull)
    throw new ActionError(
      `the \`${eventName}\` event payload has no pull request with base and head commits`
    )
  return review({
    event: eventName,
    pullNumber: pull.number,
    comment: true,
    base: pull.base,
    head: pull.head,
    changedFiles: pull.changedFiles,
    apiOnly: eventName === 'pull_request_target'
  })
}

// the queue branch is `gh-readonly-queue/<base>/pr-<number>-<sha>`: the pull request at the tip
const QUEUE_BRANCH = /\/pr-(\d+)-[0-9a-f]+$/

function fromMergeGroup(payload: Readonly<Record<string, unknown>>): TargetResult {
  const group = record(payload['merge_group'])
  const base = group?.['base_sha']
  const head = group?.['head_sha']
  if (typeof base !== 'string' || typeof head !== 'string') {
    throw new ActionError('the `merge_group` event payload has no `base_sha` and `head_sha`')
  }
  const ref = group?.['head_ref']
  const match = typeof ref === 'string' ? QUEUE_BRANCH.exec(ref) : null
  return review({
    event: 'merge_group',
    pullNumber: match?.[1] === undefined ? undefined : Number(match[1]),
    comment: false,
    base,
    head,
    apiOnly: false
  })
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
