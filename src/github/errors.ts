// Turns GitHub API failures into messages that name the cause and the fix. Octokit's
// RequestError carries `status`, `response.headers` and `response.data.message`; anything else
// (network, our own bugs) keeps its message.

const FORK_HELP =
  'grant `pull-requests: write` in the workflow `permissions:`; fork pull requests get a read-only token: ' +
  'use the `workflow_run` relay (`mode: publish-report`, see docs/ACTION.md#fork-pull-requests)'

/** A failure the user can act on: the message already names cause and fix. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}

/** An API call that failed, with what the action was doing. */
export class GitHubApiError extends Error {
  readonly status: number | undefined
  readonly apiMessage: string
  constructor(what: string, cause: unknown) {
    const status = statusOf(cause)
    const apiMessage = apiMessageOf(cause)
    super(`${what}: ${explain(status, apiMessage, cause)}`, { cause })
    this.name = 'GitHubApiError'
    this.status = status
    this.apiMessage = apiMessage
  }
}

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? status : undefined
}

function apiMessageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null)
    return typeof error === 'string' ? error : 'unknown error'
  const data = (error as { response?: { data?: unknown } }).response?.data
  const message = (data as { message?: unknown } | undefined)?.message
  if (typeof message === 'string') return message
  return error instanceof Error ? error.message : 'unknown error'
}

function headerOf(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers
  const value = headers?.[name]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/** true for the read-only token of a fork pull request or a job without write permission */
export function isPermissionDenied(error: unknown): boolean {
  return statusOf(error) === 403 && !isRateLimit(error)
}

export function isRateLimit(error: unknown): boolean {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return false
  return (
    status === 429 ||
    headerOf(error, 'x-ratelimit-remaining') === '0' ||
    /rate limit/i.test(apiMessageOf(error))
  )
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404
}

function explain(status: number | undefined, apiMessage: string, cause: unknown): string {
  const said = oneLine(apiMessage)
  if (status === undefined) return networkHelp(said)
  if (isRateLimit(cause)) {
    const reset = headerOf(cause, 'x-ratelimit-reset')
    const when = reset
      ? ` (the limit resets at ${new Date(Number(reset) * 1000).toISOString()})`
      : ''
    return `GitHub API rate limit exceeded after retries${when}: ${said}: re-run the job later, or check out with \`fetch-depth: 0\` so the action reads files with git instead of the API`
  }
  if (status === 401) return `bad credentials (401): check the \`github-token\` input`
  if (status === 403) return `forbidden (403 ${said}): ${FORK_HELP}`
  if (status === 404)
    return `not found (404): check the repository, the refs or the pull request number, and that the token can read the repository (\`contents: read\`, \`pull-requests: read\`)`
  if (status === 422 && /too long/i.test(said)) {
    return `the comment is too long for GitHub (422 ${said}): the full report is in the job summary and the \`report-path\` file; please report this, the comment is meant to stay within the limit`
  }
  if (status === 422) return `rejected by GitHub (422 ${said})`
  if (status >= 500)
    return `GitHub API error (${status} ${said}): GitHub may be unavailable: re-run the job`
  return `GitHub API error (${status} ${said})`
}

function networkHelp(said: string): string {
  const api = process.env['GITHUB_API_URL'] ?? 'https://api.github.com'
  return `${said}: cannot talk to the GitHub API at \`${api}\`: check the network and \`GITHUB_API_URL\``
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\.$/, '')
}

/** The one-line message for `core.setFailed`. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return oneLine(error.message) || error.name
  return oneLine(String(error))
}
