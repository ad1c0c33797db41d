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

export interface LabelEvent {
  readonly event: 'labeled' | 'unlabeled'
  readonly label: string
  readonly actor: string | undefined
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
  /** label events of the issue, oldest first */
  listLabelEvents(number: number): Promise<LabelEvent[]>
  /** who the token writes comments as: its user, or an installation's bot (`<app>[bot]`) */
  getIdentity(): Promise<TokenIdentity>
}

/** The repository the action runs for. */
export interface RepoRef {
  readonly owner: string
  readonly repo: string
}
