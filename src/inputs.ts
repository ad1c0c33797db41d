// The only reader of the action's inputs. Defaults live in action.yml (the runner fills them in);
// this module validates what it gets and quotes the bad value.
import * as core from '@actions/core'
import type { FailOn } from './config/types.js'
import { parseFailOn } from './risk/fail-on.js'

export type CommentMode = 'on-change' | 'always' | 'never'
export type RunMode = 'review' | 'publish-report'
/** the repository roles that can approve, weakest first */
export const APPROVE_PERMISSIONS = ['triage', 'write', 'maintain', 'admin'] as const
export type ApprovePermission = (typeof APPROVE_PERMISSIONS)[number]

/** Who may approve: a user login, or every active member of an organisation's team. */
export type Approver =
  | { readonly kind: 'user'; readonly login: string }
  | { readonly kind: 'team'; readonly org: string; readonly team: string }

export interface ActionConfig {
  readonly token: string
  readonly failOn: FailOn
  readonly comment: CommentMode
  /** configuration file, relative to the repository root; undefined: none, use the defaults */
  readonly config: string | undefined
  readonly base: string | undefined
  readonly head: string | undefined
  readonly pullNumber: number | undefined
  readonly approveLabel: string | undefined
  /** who may apply the approval label; empty: anyone with `approveMinPermission` */
  readonly approvers: readonly Approver[]
  /** the least repository role an approver needs */
  readonly approveMinPermission: ApprovePermission
  readonly mode: RunMode
  /** publish-report: the saved report to post */
  readonly reportPath: string | undefined
  /** the repository checkout, relative to GITHUB_WORKSPACE */
  readonly workingDirectory: string
  /**
   * two directories the workflow produced (e.g. `cdk synth` of the base and of the head),
   * relative to GITHUB_WORKSPACE: reviewed instead of the checkout's changed files
   */
  readonly dirs: { readonly base: string; readonly head: string } | undefined
  /** tells apart several sticky comments on one pull request (one per configuration) */
  readonly commentKey: string | undefined
  /**
   * a Terraform plan JSON file (`terraform show -json`), relative to the working directory:
   * reviewed instead of the checkout's changed files
   */
  readonly terraformPlan: string | undefined
}

/** Reads one input by its action.yml name ('' when unset). */
export type InputReader = (name: string) => string

const defaultReader: InputReader = (name) => core.getInput(name)

export function readInputs(read: InputReader = defaultReader): ActionConfig {
  const text = (name: string): string | undefined => {
    const value = read(name).trim()
    return value === '' ? undefined : value
  }
  const mode = oneOf(read, 'mode', ['review', 'publish-report'] as const)
  const reportPath = text('report-path')
  if (mode === 'publish-report' && reportPath === undefined) {
    throw new Error(
      'input `report-path` is required with `mode: publish-report`: set it to the saved report JSON file'
    )
  }
  const token = text('github-token')
  if (token === undefined)
    throw new Error(
      'input `github-token` is empty: pass `${{ github.token }}` or a token with `pull-requests: write`'
    )
  return Object.freeze({
    token,
    failOn: failOnInput(read('fail-on')),
    comment: oneOf(read, 'comment', ['on-change', 'always', 'never'] as const),
    config: text('config'),
    base: gitRef('base', text('base')),
    head: gitRef('head', text('head')),
    pullNumber: pullNumber(text('pull-number')),
    approveLabel: text('approve-label'),
    approvers: approvers(read('approvers')),
    approveMinPermission: oneOf(read, 'approve-min-permission', APPROVE_PERMISSIONS),
    mode,
    reportPath,
    workingDirectory: text('working-directory') ?? '.',
    dirs: dirPair(text('base-dir'), text('head-dir')),
    commentKey: commentKey(text('comment-key')),
    terraformPlan: terraformPlan(text('terraform-plan'), text('base-dir') ?? text('head-dir'))
  })
}

/** `fail-on: public,privilege-escalation` (src/risk/fail-on.ts); the message quotes the value. */
function failOnInput(value: string): FailOn {
  const parsed = parseFailOn(value)
  if (parsed.ok) return parsed.value
  throw new Error(`input \`fail-on\`: ${parsed.message}`)
}

function oneOf<T extends string>(read: InputReader, name: string, allowed: readonly T[]): T {
  const value = read(name).trim()
  const found = allowed.find((option) => option === value)
  if (found !== undefined) return found
  const list = allowed.map((option) => `\`${option}\``).join(', ')
  throw new Error(`input \`${name}\` must be one of ${list}: got \`${value}\``)
}

function dirPair(
  base: string | undefined,
  head: string | undefined
): { base: string; head: string } | undefined {
  if (base === undefined && head === undefined) return undefined
  if (base === undefined || head === undefined) {
    const missing = base === undefined ? 'base-dir' : 'head-dir'
    throw new Error(
      `input \`${missing}\` is empty: \`base-dir\` and \`head-dir\` go together (the two directories to compare)`
    )
  }
  return { base, head }
}

function terraformPlan(value: string | undefined, dir: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (dir !== undefined)
    throw new Error(
      'input `terraform-plan` cannot be combined with `base-dir`/`head-dir`: review the plan or the two directories'
    )
  return value
}

function pullNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value.replace(/^#/, ''))
  if (!Number.isSafeInteger(number) || number <= 0) {
    throw new Error(
      `input \`pull-number\` must be a pull request number such as \`42\`: got \`${value}\``
    )
  }
  return number
}

// refs reach git as arguments: one that starts with `-` would be read as an option
function gitRef(name: string, value: string | undefined): string | undefined {
  if (value === undefined || (!value.startsWith('-') && !/\s/.test(value))) return value
  throw new Error(`input \`${name}\` must be a branch, tag or commit SHA: got \`${value}\``)
}

// the key goes into an HTML comment: keep it to characters that cannot close it
const KEY = /^[A-Za-z0-9._-]{1,64}$/

function commentKey(value: string | undefined): string | undefined {
  if (value === undefined || KEY.test(value)) return value
  throw new Error(
    `input \`comment-key\` may hold only letters, digits, \`.\`, \`_\` and \`-\` (at most 64): got \`${value}\``
  )
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/
const TEAM = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/

// `alice, @bob` and `@org/team` entries, separated by commas or new lines
function approvers(value: string): Approver[] {
  const entries = value
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
  return entries.map((entry): Approver => {
    const team = TEAM.exec(entry)
    if (team) return { kind: 'team', org: team[1]!, team: team[2]! }
    const login = entry.replace(/^@/, '')
    if (LOGIN.test(login)) return { kind: 'user', login }
    throw new Error(
      `input \`approvers\` takes logins and \`@org/team\` slugs separated by commas or new lines: got \`${entry}\``
    )
  })
}
