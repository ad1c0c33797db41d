/* eslint-disable @typescript-eslint/require-await -- async to match the port; the data is in memory */
// A scripted GitHubPort: an in-memory pull request with comments, files and contents, a call log,
// and failures to inject per method (the errors look like the real port's GitHubApiError).
import { GitHubApiError } from '../../src/github/errors.js'
import type {
  ApiFile,
  Comparison,
  FileTree,
  GitHubPort,
  IssueComment,
  CollaboratorPermission,
  PullRequestInfo,
  TimelineEvent,
  TokenIdentity
} from '../../src/github/port.js'

export interface Call {
  readonly method: keyof GitHubPort
  readonly args: readonly unknown[]
}

export type StoredComment = IssueComment

/** An error shaped like Octokit's RequestError, wrapped like the real port does. */
export function apiError(
  status: number,
  message: string,
  headers: Record<string, string> = {}
): GitHubApiError {
  const cause = Object.assign(new Error(message), {
    status,
    response: { data: { message }, headers }
  })
  return new GitHubApiError('fake call', cause)
}

export const BOT = { author: 'github-actions[bot]', authorType: 'Bot' }
export const HUMAN = { author: 'octocat', authorType: 'User' }

export class FakeGitHubPort implements GitHubPort {
  readonly calls: Call[] = []
  comments: StoredComment[] = []
  pulls = new Map<number, PullRequestInfo>()
  pullFiles = new Map<number, ApiFile[]>()
  comparisons = new Map<string, Comparison>()
  contents = new Map<string, string>()
  trees = new Map<string, FileTree>()
  refs = new Map<string, string>()
  timelines = new Map<number, TimelineEvent[]>()
  /** login → access to the repository; unknown logins have `read` */
  permissions = new Map<string, CollaboratorPermission>()
  /** `org/team` → active members */
  teams = new Map<string, string[]>()
  /** who the token is (default: the writer, as with GITHUB_TOKEN); undefined: GitHub does not say */
  login: string | undefined = BOT.author
  /** who the port writes comments as */
  writer = BOT
  /** method → error to throw on every call (or only the next `times` calls) */
  readonly failures = new Map<keyof GitHubPort, { error: unknown; times: number }>()
  private nextId = 1000

  fail(method: keyof GitHubPort, error: unknown, times = Number.POSITIVE_INFINITY): void {
    this.failures.set(method, { error, times })
  }

  addComment(body: string, who: { author: string; authorType: string } = BOT): StoredComment {
    const comment = {
      id: this.nextId++,
      body,
      ...who,
      url: `https://github.test/comment/${this.nextId}`
    }
    this.comments.push(comment)
    return comment
  }

  /** the calls of one method */
  callsOf(method: keyof GitHubPort): Call[] {
    return this.calls.filter((c) => c.method === method)
  }

  /** methods that write */
  writes(): Call[] {
    const writers = new Set<keyof GitHubPort>([
      'createIssueComment',
      'updateIssueComment',
      'deleteIssueComment'
    ])
    return this.calls.filter((c) => writers.has(c.method))
  }

  private record(method: keyof GitHubPort, args: readonly unknown[]): void {
    this.calls.push({ method, args })
    const failure = this.failures.get(method)
    if (failure && failure.times > 0) {
      failure.times--
      throw failure.error
    }
  }

  private notFound(what: string): never {
    throw apiError(404, `Not Found: ${what}`)
  }

  async getPullRequest(number: number): Promise<PullRequestInfo> {
    this.record('getPullRequest', [number])
    return this.pulls.get(number) ?? this.notFound(`pull ${number}`)
  }

  async findPullRequests(head: string): Promise<PullRequestInfo[]> {
    this.record('findPullRequests', [head])
    const [owner, branch] = head.split(':')
    return [...this.pulls.values()].filter(
      (p) => p.headRef === branch && p.headRepo?.startsWith(`${owner}/`)
    )
  }

  async listPullRequestFiles(number: number): Promise<ApiFile[]> {
    this.record('listPullRequestFiles', [number])
    return [...(this.pullFiles.get(number) ?? this.notFound(`files of ${number}`))]
  }

  async compareCommits(base: string, head: string): Promise<Comparison> {
    this.record('compareCommits', [base, head])
    return this.comparisons.get(`${base}...${head}`) ?? this.notFound(`compare ${base}...${head}`)
  }

  async resolveCommit(ref: string): Promise<string> {
    this.record('resolveCommit', [ref])
    return this.refs.get(ref) ?? this.notFound(`ref ${ref}`)
  }

  async getFileContent(path: string, ref: string): Promise<string | undefined> {
    this.record('getFileContent', [path, ref])
    return this.contents.get(`${ref}:${path}`)
  }

  async listFiles(ref: string): Promise<FileTree> {
    this.record('listFiles', [ref])
    return this.trees.get(ref) ?? this.notFound(`tree ${ref}`)
  }

  async listIssueComments(number: number): Promise<IssueComment[]> {
    this.record('listIssueComments', [number])
    return this.comments.map((c) => ({ ...c }))
  }

  async createIssueComment(number: number, body: string): Promise<IssueComment> {
    this.record('createIssueComment', [number, body])
    return { ...this.addComment(body, this.writer) }
  }

  async updateIssueComment(id: number, body: string): Promise<IssueComment> {
    this.record('updateIssueComment', [id, body])
    const index = this.comments.findIndex((c) => c.id === id)
    const old = this.comments[index] ?? this.notFound(`comment ${id}`)
    const updated = { ...old, body }
    this.comments[index] = updated
    return { ...updated }
  }

  async deleteIssueComment(id: number): Promise<void> {
    this.record('deleteIssueComment', [id])
    const index = this.comments.findIndex((c) => c.id === id)
    if (index < 0) this.notFound(`comment ${id}`)
    this.comments.splice(index, 1)
  }

  async listTimeline(number: number): Promise<TimelineEvent[]> {
    this.record('listTimeline', [number])
    return [...(this.timelines.get(number) ?? [])]
  }

  async getCollaboratorPermission(username: string): Promise<CollaboratorPermission> {
    this.record('getCollaboratorPermission', [username])
    return this.permissions.get(username) ?? { permission: 'read', roleName: 'read' }
  }

  async isTeamMember(org: string, teamSlug: string, username: string): Promise<boolean> {
    this.record('isTeamMember', [org, teamSlug, username])
    return (this.teams.get(`${org}/${teamSlug}`) ?? []).includes(username)
  }

  async getIdentity(): Promise<TokenIdentity> {
    this.record('getIdentity', [])
    return this.login === undefined
      ? { kind: 'unknown', reason: 'GitHub did not say who the token is (the fake has no login)' }
      : { kind: 'known', login: this.login }
  }
}

export function pullRequest(init: Partial<PullRequestInfo> & { number: number }): PullRequestInfo {
  return {
    baseSha: 'b'.repeat(40),
    headSha: 'h'.repeat(40),
    headRepo: 'octo-org/octo-repo',
    headRef: 'feature',
    changedFiles: 1,
    labels: [],
    state: 'open',
    author: 'octocat',
    ...init
  }
}
