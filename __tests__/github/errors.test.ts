import { describe, expect, it } from '@jest/globals'
import {
  failureMessage,
  GitHubApiError,
  isPermissionDenied,
  isRateLimit
} from '../../src/github/errors.js'

const requestError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), { status, response: { data: { message }, headers } })

describe('GitHubApiError', () => {
  // issue 4 "Fork pull requests and failures": each names the cause and the fix
  it.each([
    [401, 'Bad credentials', {}, 'listing: bad credentials (401): check the `github-token` input'],
    [
      403,
      'Resource not accessible by integration',
      {},
      'listing: forbidden (403 Resource not accessible by integration): grant `pull-requests: write` in the workflow `permissions:`; fork pull requests get a read-only token: use the `workflow_run` relay (`mode: publish-report`, see docs/ACTION.md#fork-pull-requests)'
    ],
    [
      404,
      'Not Found',
      {},
      'listing: not found (404): check the repository, the refs or the pull request number, and that the token can read the repository (`contents: read`, `pull-requests: read`)'
    ],
    [422, 'Validation Failed', {}, 'listing: rejected by GitHub (422 Validation Failed)'],
    [
      422,
      'Body is too long (maximum is 65536 characters)',
      {},
      'listing: the comment is too long for GitHub (422 Body is too long (maximum is 65536 characters)): the full report is in the job summary and the `report-path` file; please report this, the comment is meant to stay within the limit'
    ],
    [
      502,
      'Bad Gateway',
      {},
      'listing: GitHub API error (502 Bad Gateway): GitHub may be unavailable: re-run the job'
    ],
    [
      403,
      'API rate limit exceeded for installation.',
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1800000000' },
      'listing: GitHub API rate limit exceeded after retries (the limit resets at 2027-01-15T08:00:00.000Z): API rate limit exceeded for installation: re-run the job later, or check out with `fetch-depth: 0` so the action reads files with git instead of the API'
    ]
  ])('%i %s', (status, message, headers, expected) => {
    expect(new GitHubApiError('listing', requestError(status, message, headers)).message).toBe(
      expected
    )
  })

  it('a network failure names the API address', () => {
    const saved = process.env['GITHUB_API_URL']
    process.env['GITHUB_API_URL'] = 'https://ghe.example.com/api/v3'
    try {
      expect(new GitHubApiError('listing', new Error('fetch failed')).message).toBe(
        'listing: fetch failed: cannot talk to the GitHub API at `https://ghe.example.com/api/v3`: check the network and `GITHUB_API_URL`'
      )
    } finally {
      process.env['GITHUB_API_URL'] = saved
    }
  })
})

describe('classification', () => {
  it.each([
    [requestError(403, 'Resource not accessible by integration'), true, false],
    [requestError(403, 'You have exceeded a secondary rate limit'), false, true],
    [requestError(429, 'Too many requests'), false, true],
    [requestError(404, 'Not Found'), false, false]
  ])('%#', (error, denied, limited) => {
    expect(isPermissionDenied(error)).toBe(denied)
    expect(isRateLimit(error)).toBe(limited)
  })
})

describe('failureMessage', () => {
  it('keeps one line without a trailing period', () => {
    expect(failureMessage(new Error('first line.\n  second line.'))).toBe('first line. second line')
  })
})
