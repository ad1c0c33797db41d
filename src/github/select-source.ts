// Picks where the two versions come from: git when the workspace holds both commits (no caps,
// fewer API calls), otherwise the REST API. Always compares the head with the merge base, as
// GitHub's "Files changed" tab does, so changes made on the base branch meanwhile do not count.
import { gitSource } from '../sources/git-source.js'
import { runGit } from '../sources/git-exec.js'
import type { PolicySource } from '../sources/port.js'
import { apiSource, checkComparedFiles, COMPARE_FILES_CAP, listPullFiles } from './api-source.js'
import { ActionError } from './errors.js'
import type { Target } from './event.js'
import type { ApiFile, GitHubPort } from './port.js'

export interface SelectedSource {
  readonly source: PolicySource
  readonly via: 'git' | 'api'
  /** the merge base and head commits compared */
  readonly base: string
  readonly head: string
}

export interface SelectOptions {
  readonly target: Target
  readonly port: GitHubPort
  /** the checkout, or undefined when there is none */
  readonly repoDir: string | undefined
  readonly log: (message: string) => void
}

export async function selectSource(options: SelectOptions): Promise<SelectedSource> {
  const { target, port } = options
  let { base, head } = target
  if (base === undefined || head === undefined) {
    if (target.pullNumber === undefined)
      throw new ActionError('nothing to compare: set the `base` input or `pull-number`')
    const pull = await port.getPullRequest(target.pullNumber)
    base = pull.baseSha
    head = pull.headSha
  }
  const repoDir = target.apiOnly ? undefined : options.repoDir
  const mergeBase = repoDir === undefined ? undefined : await gitMergeBase(repoDir, base, head)
  if (repoDir !== undefined && mergeBase !== undefined) {
    options.log(`reading files with git: \`${short(mergeBase)}\` (merge base) → \`${short(head)}\``)
    return {
      source: gitSource({ repo: repoDir, base: mergeBase, head }),
      via: 'git',
      base: mergeBase,
      head
    }
  }
  return selectApiSource(options, base, head)
}

async function selectApiSource(
  options: SelectOptions,
  baseRef: string,
  headRef: string
): Promise<SelectedSource> {
  const { port, target } = options
  const head = isSha(headRef) ? headRef : await port.resolveCommit(headRef)
  const comparison = await port.compareCommits(baseRef, head)
  const base = comparison.mergeBaseSha
  let files: readonly ApiFile[] = comparison.files
  if (files.length >= COMPARE_FILES_CAP)
    files = await moreFiles(port, target, comparison.files, baseRef, head)
  options.log(
    `reading files through the GitHub API: \`${short(base)}\` (merge base) → \`${short(head)}\`` +
      (target.apiOnly ? ' (pull_request_target: the pull request is read as data only)' : '')
  )
  return { source: apiSource({ port, base, head, files }), via: 'api', base, head }
}

// the compare API stops at 300 files; the pull request files API lists up to 3,000, but only for
// the pull request's current head
async function moreFiles(
  port: GitHubPort,
  target: Target,
  compared: readonly ApiFile[],
  base: string,
  head: string
): Promise<readonly ApiFile[]> {
  if (target.pullNumber === undefined) return checkComparedFiles(compared, base, head)
  const pull = await port.getPullRequest(target.pullNumber)
  if (pull.headSha !== head) return checkComparedFiles(compared, base, head)
  return listPullFiles(port, pull.number, pull.changedFiles)
}

/** The merge base when the checkout holds both commits and their common history, else undefined. */
async function gitMergeBase(
  repoDir: string,
  base: string,
  head: string
): Promise<string | undefined> {
  const git = (args: string[]): Promise<string | undefined> =>
    runGit(args, { cwd: repoDir }).then(
      (out) => out.toString('utf8').trim(),
      () => undefined
    )
  for (const ref of [base, head]) {
    if ((await git(['cat-file', '-e', `${ref}^{commit}`])) === undefined) return undefined
  }
  // a shallow clone can hold both commits but not the history joining them
  return (await git(['merge-base', base, head])) || undefined
}

function isSha(ref: string): boolean {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(ref)
}

function short(sha: string): string {
  return isSha(sha) ? sha.slice(0, 7) : sha
}
