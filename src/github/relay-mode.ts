// `mode: publish-report`: the second half of the fork relay. A `workflow_run` job on the default
// branch posts the report that the unprivileged `pull_request` run saved as an artifact. The
// artifact is untrusted, so the pull request is identified from the event (GitHub's data), never
// from the artifact, and must have the head commit the analysed run was for.
import type { ActionConfig } from '../inputs.js'
import type { RunContext } from './context.js'
import { ActionError } from './errors.js'
import type { GitHubPort } from './port.js'
import type { Outcome } from './review-mode.js'
import { readSavedReport, savedReportHead } from './saved-report.js'
import type { ActionSink } from './sink.js'

export async function runRelay(
  inputs: ActionConfig,
  context: RunContext,
  port: GitHubPort,
  sink: ActionSink
): Promise<Outcome> {
  const file = inputs.reportPath ?? ''
  const report = await readSavedReport(file)
  const head = savedReportHead(report, file)
  const run = workflowRun(context.payload)
  if (run && head !== run.headSha) {
    throw new ActionError(
      `the report describes \`${head}\` but the workflow run was for \`${run.headSha}\`: download the artifact of the triggering run (\`run-id: \${{ github.event.workflow_run.id }}\`)`
    )
  }
  const pullNumber = run
    ? await pullOfRun(port, run, inputs.pullNumber)
    : (inputs.pullNumber ?? payloadPull(context.payload))
  if (!run && pullNumber !== undefined) await requireHead(port, pullNumber, head)
  if (pullNumber === undefined) {
    sink.warning(
      `no open pull request has the head commit \`${head}\`: the report goes to the job summary only`
    )
  }
  return { kind: 'report', report, commentOn: pullNumber, gatePull: pullNumber, annotate: false }
}

interface WorkflowRun {
  readonly headSha: string
  readonly headBranch: string | undefined
  readonly headOwner: string | undefined
  readonly pullNumbers: readonly number[]
}

function workflowRun(payload: Readonly<Record<string, unknown>>): WorkflowRun | undefined {
  const run = payload['workflow_run'] as Record<string, unknown> | undefined
  if (typeof run !== 'object' || run === null || typeof run['head_sha'] !== 'string')
    return undefined
  const headRepo = run['head_repository'] as { owner?: { login?: unknown } } | undefined
  const pulls = Array.isArray(run['pull_requests'])
    ? (run['pull_requests'] as { number?: unknown }[])
    : []
  return {
    headSha: run['head_sha'],
    headBranch: typeof run['head_branch'] === 'string' ? run['head_branch'] : undefined,
    headOwner: typeof headRepo?.owner?.login === 'string' ? headRepo.owner.login : undefined,
    pullNumbers: pulls.flatMap((p) => (typeof p.number === 'number' ? [p.number] : []))
  }
}

// workflow_run lists pull requests only for branches of this repository; a fork's pull request
// is found by its head branch. Either way its head must be the analysed commit.
async function pullOfRun(
  port: GitHubPort,
  run: WorkflowRun,
  explicit: number | undefined
): Promise<number | undefined> {
  const numbers = explicit !== undefined ? [explicit] : run.pullNumbers
  for (const number of numbers) {
    const pull = await port.getPullRequest(number)
    if (pull.headSha === run.headSha) return number
  }
  if (explicit !== undefined) {
    throw new ActionError(
      `pull request #${explicit} does not have the head commit \`${run.headSha}\` of the workflow run: refusing to comment on it`
    )
  }
  if (numbers.length > 0 || run.headOwner === undefined || run.headBranch === undefined)
    return undefined
  const found = await port.findPullRequests(`${run.headOwner}:${run.headBranch}`)
  return found.find((pull) => pull.headSha === run.headSha)?.number
}

/** The pull request must still be at the commit the report describes. */
async function requireHead(port: GitHubPort, pullNumber: number, head: string): Promise<void> {
  const pull = await port.getPullRequest(pullNumber)
  if (pull.headSha === head) return
  throw new ActionError(
    `pull request #${pullNumber} is at \`${pull.headSha}\` but the report describes \`${head}\`: refusing to comment with a report of another commit`
  )
}

function payloadPull(payload: Readonly<Record<string, unknown>>): number | undefined {
  const pull = payload['pull_request'] as { number?: unknown } | undefined
  return typeof pull?.number === 'number' ? pull.number : undefined
}
