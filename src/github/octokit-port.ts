// The real GitHubPort: Octokit from @actions/github (GITHUB_API_URL, proxy settings, user agent)
// with the retry plugin for transient failures and the throttling plugin for rate limits.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { GitHubApiError, isNotFound, isPermissionDenied } from './errors.js'
import type {
  ApiFile,
  CollaboratorPermission,
  Comparison,
  FileTree,
  GitHubPort,
  IssueComment,
  PullRequestInfo,
  RepoRef,
  TimelineEvent,
  TokenIdentity
} from './port.js'

/** rate-limit retries per request, and the longest wait the action accepts for one of them */
const RATE_LIMIT_RETRIES = 2
const RATE_LIMIT_MAX_WAIT_SECONDS = 300

export interface OctokitPortOptions {
  readonly token: string
  readonly repo: RepoRef
  /** progress and rate-limit notes for the log */
  readonly log: (message: string) => void
}

type Octokit = ReturnType<typeof getOctokit>

export function createOctokit(options: OctokitPortOptions): Octokit {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number
    ) => {
      const retrying = retryCount < RATE_LIMIT_RETRIES && retryAfter <= RATE_LIMIT_MAX_WAIT_SECONDS
      options.log(
        `${kind} rate limit on ${request.method} ${request.url}: ` +
          (retrying ? `retrying in ${retryAfter}s` : 'giving up')
      )
      return retrying
    }
  return getOctokit(
    options.token,
    {
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      // rate limits (429) belong to the throttling plugin, which honours retry-after
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] }
    },
    retry,
    throttling
  )
}

export function createOctokitPort(options: OctokitPortOptions): GitHubPort {
  return new OctokitPort(createOctokit(options), options.repo)
}

/** Each method names what it was doing, so a failure reads as a sentence (errors.ts). */
class OctokitPort implements GitHubPort {
  private readonly repo: { owner: string; repo: string }

  constructor(
    private readonly octokit: Octokit,
    repo: RepoRef
  ) {
    this.repo = { owner: repo.owner, repo: repo.repo }
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error) {
      throw new GitHubApiError(what, error)
    }
  }

  getPullRequest(number: number): Promise<PullRequestInfo> {
    return this.call(`reading pull request #${number}`, async () => {
      const { data } = await this.octokit.rest.pulls.get({ ...this.repo, pull_number: number })
      return toPullRequest(data)
    })
  }

  findPullRequests(head: string): Promise<PullRequestInfo[]> {
    return this.call(`finding the pull request of \`${head}\``, async () => {
      const list = await this.octokit.paginate(this.octokit.rest.pulls.list, {
        ...this.repo,
        head,
        state: 'open',
        per_page: 100
      })
      return list.map((data) => toPullRequest({ ...data, changed_files: 0 }))
    })
  }

  listPullRequestFiles(number: number): Promise<ApiFile[]> {
    return this.call(`listing the files of pull request #${number}`, async () => {
      const files = await this.octokit.paginate(this.octokit.rest.pulls.listFiles, {
        ...this.repo,
        pull_number: number,
        per_page: 100
      })
      return files.map(toApiFile)
    })
  }

  compareCommits(base: string, head: string): Promise<Comparison> {
    return this.call(`comparing \`${base}\` with \`${head}\``, async () => {
      // the file list comes with the first page; one commit per page keeps the answer small
      const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
        ...this.repo,
        basehead: `${base}...${head}`,
        per_page: 1
      })
      return { mergeBaseSha: data.merge_base_commit.sha, files: (data.files ?? []).map(toApiFile) }
    })
  }

  resolveCommit(ref: string): Promise<string> {
    return this.call(`resolving \`${ref}\``, async () => {
      const { data } = await this.octokit.rest.repos.getCommit({ ...this.repo, ref, per_page: 1 })
      return data.sha
    })
  }

  getFileContent(path: string, ref: string): Promise<string | undefined> {
    return this.call(`reading \`${path}\` at \`${ref}\``, () =>
      readContent(this.octokit, this.repo, path, ref)
    )
  }

  listFiles(ref: string): Promise<FileTree> {
    return this.call(`listing the files at \`${ref}\``, async () => {
      const { data } = await this.octokit.rest.git.getTree({
        ...this.repo,
        tree_sha: ref,
        recursive: 'true'
      })
      const paths = data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path)
      return { paths, truncated: data.truncated }
    })
  }

  listIssueComments(number: number): Promise<IssueComment[]> {
    return this.call(`listing the comments of #${number}`, async () => {
      const list = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
        ...this.repo,
        issue_number: number,
        per_page: 100
      })
      return list.map(toComment)
    })
  }

  createIssueComment(number: number, body: string): Promise<IssueComment> {
    return this.call(`commenting on #${number}`, async () => {
      const { data } = await this.octokit.rest.issues.createComment({
        ...this.repo,
        issue_number: number,
        body
      })
      return toComment(data)
    })
  }

  updateIssueComment(id: number, body: string): Promise<IssueComment> {
    return this.call(`updating comment ${id}`, async () => {
      const { data } = await this.octokit.rest.issues.updateComment({
        ...this.repo,
        comment_id: id,
        body
      })
      return toComment(data)
    })
  }

  deleteIssueComment(id: number): Promise<void> {
    return this.call(`deleting comment ${id}`, async () => {
      await this.octokit.rest.issues.deleteComment({ ...this.repo, comment_id: id })
    })
  }

  listTimeline(number: number): Promise<TimelineEvent[]> {
    return this.call(`reading the timeline of #${number}`, async () => {
      const events = await this.octokit.paginate(this.octokit.rest.issues.listEventsForTimeline, {
        ...this.repo,
        issue_number: number,
        per_page: 100
      })
      return (events as RawTimelineEvent[]).flatMap(toTimelineEvent)
    })
  }

  getCollaboratorPermission(username: string): Promise<CollaboratorPermission> {
    return this.call(`reading the permission of @${username}`, async () => {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({
        ...this.repo,
        username
      })
      return { permission: data.permission, roleName: data.role_name || undefined }
    })
  }

  isTeamMember(org: string, teamSlug: string, username: string): Promise<boolean> {
    return this.call(`checking whether @${username} is in @${org}/${teamSlug}`, async () => {
      try {
        const { data } = await this.octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: teamSlug,
          username
        })
        return data.state === 'active'
      } catch (error) {
        if (isNotFound(error)) return false
        throw error
      }
    })
  }

  async getIdentity(): Promise<TokenIdentity> {
    try {
      const { data } = await this.octokit.rest.users.getAuthenticated()
      return { kind: 'known', login: data.login }
    } catch (error) {
      // 403: an installation token (GITHUB_TOKEN, a GitHub App) has no user, but a bot
      if (!isPermissionDenied(error)) return unknownIdentity('`GET /user`', error)
    }
    try {
      const { viewer } = await this.octokit.graphql<{ viewer: { login: string } }>(
        'query { viewer { login } }'
      )
      const login = viewer.login.endsWith('[bot]') ? viewer.login : `${viewer.login}[bot]`
      return { kind: 'known', login }
    } catch (error) {
      return unknownIdentity('GraphQL `viewer`', error)
    }
  }
}

function unknownIdentity(asked: string, error: unknown): TokenIdentity {
  const said = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')
  return { kind: 'unknown', reason: `GitHub did not say who the token is (${asked}: ${said})` }
}

async function readContent(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  path: string,
  ref: string
): Promise<string | undefined> {
  let data: unknown
  try {
    data = (await octokit.rest.repos.getContent({ ...repo, path, ref })).data
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
  if (Array.isArray(data) || (data as { type?: unknown }).type !== 'file') return undefined
  const file = data as { encoding?: string; content?: string }
  if (file.encoding === 'base64' && typeof file.content === 'string') {
    return decoder.decode(Buffer.from(file.content, 'base64'))
  }
  // over 1 MB the JSON form carries no content (`encoding: none`): ask for the raw bytes
  const raw = await octokit.rest.repos.getContent({
    ...repo,
    path,
    ref,
    mediaType: { format: 'raw' }
  })
  const body: unknown = raw.data
  if (typeof body === 'string') return body.replace(/^\uFEFF/, '')
  if (body instanceof ArrayBuffer) return decoder.decode(new Uint8Array(body))
  return undefined
}

// a byte-order mark is dropped; invalid bytes become U+FFFD (the parser reports them)
const decoder = new TextDecoder('utf-8')

interface RawPull {
  number: number
  base: { sha: string }
  head: { sha: string; ref: string; repo?: { full_name: string } | null }
  changed_files?: number
  labels: readonly ({ name?: string } | string)[]
  state: string
  user?: { login: string } | null
}

function toPullRequest(data: RawPull): PullRequestInfo {
  return {
    number: data.number,
    baseSha: data.base.sha,
    headSha: data.head.sha,
    headRepo: data.head.repo?.full_name,
    headRef: data.head.ref,
    changedFiles: data.changed_files ?? 0,
    labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    state: data.state,
    author: data.user?.login
  }
}

function toApiFile(file: {
  filename: string
  previous_filename?: string
  status: string
}): ApiFile {
  return {
    path: file.filename,
    previousPath: file.previous_filename,
    status: file.status as ApiFile['status']
  }
}

function toComment(data: {
  id: number
  body?: string
  html_url: string
  user: { login: string; type: string } | null
}): IssueComment {
  return {
    id: data.id,
    body: data.body ?? '',
    author: data.user?.login,
    authorType: data.user?.type,
    url: data.html_url
  }
}

interface RawTimelineEvent {
  event?: string
  created_at?: string
  actor?: { login?: string } | null
  label?: { name?: string } | null
  sha?: string
  commit_id?: string | null
  committer?: { date?: string } | null
}

function toTimelineEvent(event: RawTimelineEvent): TimelineEvent[] {
  const actor = event.actor?.login
  const at = event.created_at
  switch (event.event) {
    case 'labeled':
    case 'unlabeled':
      return event.label?.name ? [{ kind: event.event, label: event.label.name, actor, at }] : []
    case 'committed':
      return event.sha
        ? [{ kind: 'committed', sha: event.sha, committedAt: event.committer?.date }]
        : []
    case 'head_ref_force_pushed':
      return [{ kind: 'force-pushed', sha: event.commit_id ?? undefined, actor, at }]
    default:
      return []
  }
}
