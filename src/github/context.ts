// The run's context: the event from @actions/github plus the runner's folders and run id.
import { tmpdir } from 'node:os'
import * as github from '@actions/github'
import type { RepoRef } from './port.js'

export interface RunContext {
  readonly eventName: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly repo: RepoRef
  /** GITHUB_SHA */
  readonly sha: string | undefined
  /** GITHUB_WORKSPACE: where actions/checkout put the repository */
  readonly workspace: string | undefined
  /** RUNNER_TEMP: where the JSON report goes */
  readonly tempDir: string
  readonly runId: number | undefined
  /** link to this run on GitHub, for "full report: job summary" */
  readonly runUrl: string | undefined
  /** GITHUB_SERVER_URL (`https://github.com` when unset): links to files at a commit */
  readonly serverUrl?: string
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const context = github.context
  const runId = Number(env['GITHUB_RUN_ID'])
  const repo = context.repo
  const server = env['GITHUB_SERVER_URL'] ?? 'https://github.com'
  const validRun = Number.isSafeInteger(runId) && runId > 0
  return {
    eventName: context.eventName,
    payload: context.payload,
    repo,
    sha: env['GITHUB_SHA'] || undefined,
    workspace: env['GITHUB_WORKSPACE'] || undefined,
    tempDir: env['RUNNER_TEMP'] || tmpdir(),
    runId: validRun ? runId : undefined,
    runUrl: validRun ? `${server}/${repo.owner}/${repo.repo}/actions/runs/${runId}` : undefined,
    serverUrl: server
  }
}
