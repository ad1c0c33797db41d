// The narrow surface of the GitHub REST API the action uses. The real implementation is
// octokit-port.ts; tests use a scripted fake with a call log (__tests__/fakes/github-port.ts).
// Every method is scoped to the repository the port was created for.

/** A file of a pull request or comparison, as the REST API lists it. */
export interface ApiFile {
  readonly path: string
  /** the old path of a renamed file */
  readonly previousPath: string | undefined
  readonly status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
}

export interface PullRequestInfo {
  readonly number: number
  readonly baseSha: string
  readonly headSha: string
  /** `owner/name` of the head repository; undefined when the fork was deleted */
  readonly headRepo: string | undefined
  readonly headRef: string
  /** number of changed files GitHub counts for the pull request (the files API caps at 3,000) */
  readonly changedFiles: number
  readonly labels: readonly string[]
  readonly state: string
  /** the login of the user who opened it; undefined for a deleted account */
  readonly author: string | undefined
}

/**
 * The login the token's comments are written as: a user's, or for an installation token its
 * bot's (GITHUB_TOKEN: `github-actions[bot]`); `unknown` when GitHub would not say, and why.
 */
export type TokenIdentity =
  | { readonly kind: 'known'; readonly login: string }
  | { readonly kind: 'unknown'; readonly reason: string }

export interface IssueComment {
  readonly id: number
  readonly body: string
  readonly author: string | undefined
  /** `Bot`, `User`, `Organization` */
  readonly authorType: string | undefined
  readonly url: string
}

/**
 * The timeline events the approval check reads, oldest first. `at` is GitHub's time of the event
 * (ISO 8601); a commit has only its git committer date, which whoever committed can set.
 */
export type TimelineEvent =
  | {
      readonly kind: 'labeled' | 'unlabeled'
      readonly label: string
      readonly actor: string | undefined
      readonly at: string | undefined
    }
  | { readonly kind: 'committed'; readonly sha: string; readonly committedAt: string | undefined }
  | {
      readonly kind: 'force-pushed'
      /** the commit the branch was pushed to, when GitHub says */
      readonly sha: string | undefined
      readonly actor: string | undefined
      readonly at: string | undefined
    }

/** A user's access to the repository as the collaborator-permission API reports it. */
export interface CollaboratorPermission {
  /** legacy level: `admin`, `write`, `read` or `none` (maintain counts as write, triage as read) */
  readonly permission: string
  /** the role: `admin`, `maintain`, `write`, `triage`, `read`, or a custom role's name */
  readonly roleName: string | undefined
}

export interface Comparison {
  /** the merge base of the two commits: what a pull request is compared against */
  readonly mergeBaseSha: string
  readonly files: readonly ApiFile[]
}

export interface FileTree {
  readonly paths: readonly string[]
  /** GitHub cut the recursive listing short (very large repositories) */
  readonly truncated: boolean
}

export interface GitHubPort {
  getPullRequest(number: number): Promise<PullRequestInfo>
  /** open pull requests whose head is `owner:branch` */
  findPullRequests(head: string): Promise<PullRequestInfo[]>
  /** every page of the pull request's files (GitHub stops at 3,000) */
  listPullRequestFiles(number: number): Promise<ApiFile[]>
  /** three-dot comparison; GitHub lists at most 300 files */
  compareCommits(base: string, head: string): Promise<Comparison>
  /** the commit SHA a ref (branch, tag, SHA) names */
  resolveCommit(ref: string): Promise<string>
  /** the file's text at a commit; undefined when it does not exist or is not a file */
  getFileContent(path: string, ref: string): Promise<string | undefined>
  listFiles(ref: string): Promise<FileTree>
  /** every page of the issue's comments, oldest first */
  listIssueComments(number: number): Promise<IssueComment[]>
  createIssueComment(number: number, body: string): Promise<IssueComment>
  updateIssueComment(id: number, body: string): Promise<IssueComment>
  deleteIssueComment(id: number): Promise<void>
  /** label, commit and force-push events of the issue's timeline, oldest first */
  listTimeline(number: number): Promise<TimelineEvent[]>
  /** the user's access to the repository (GET /repos/{owner}/{repo}/collaborators/{username}/permission) */
  getCollaboratorPermission(username: string): Promise<CollaboratorPermission>
  /** whether the user is an active member of the organisation's team; false when GitHub says 404 */
  isTeamMember(org: string, teamSlug: string, username: string): Promise<boolean>
  /** who the token writes comments as: its user, or an installation's bot (`<app>[bot]`) */
  getIdentity(): Promise<TokenIdentity>
}

/** The repository the action runs for. */
export interface RepoRef {
  readonly owner: string
  readonly repo: string
}
