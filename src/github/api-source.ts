// A PolicySource over the REST API, for runs whose workspace lacks the two commits (shallow
// checkout, no checkout, pull_request_target). File contents are data: they are only parsed.
import type { ChangedFile, FileStatus, PolicySource, Side } from '../sources/port.js'
import { ActionError } from './errors.js'
import type { ApiFile, GitHubPort } from './port.js'

/** GitHub's caps: the pull request files API and the compare API stop listing here */
export const PULL_FILES_CAP = 3000
export const COMPARE_FILES_CAP = 300

export interface ApiSourceOptions {
  readonly port: GitHubPort
  /** the merge base: what the head is compared against */
  readonly base: string
  readonly head: string
  /** the changed files, already listed (and checked against the caps) by the caller */
  readonly files: readonly ApiFile[]
}

export function apiSource(options: ApiSourceOptions): PolicySource {
  const { port, base, head } = options
  const reads = new Map<string, Promise<string | undefined>>()
  return {
    baseLabel: base,
    headLabel: head,
    listChangedFiles: () => Promise.resolve(options.files.flatMap(toChangedFile)),
    readFile: (path: string, side: Side) => {
      const ref = side === 'base' ? base : head
      const key = `${ref}:${path}`
      let read = reads.get(key)
      if (read === undefined) {
        read = port.getFileContent(path, ref)
        reads.set(key, read)
      }
      return read
    },
    listFiles: async (side: Side) => {
      const ref = side === 'base' ? base : head
      const tree = await port.listFiles(ref)
      if (tree.truncated) {
        throw new ActionError(
          `the file listing of \`${ref}\` is too large for the GitHub API: check out the repository with \`fetch-depth: 0\` so the action reads it with git`
        )
      }
      return [...tree.paths]
    }
  }
}

const STATUS: Readonly<Record<ApiFile['status'], FileStatus | undefined>> = {
  added: 'added',
  copied: 'added',
  removed: 'deleted',
  modified: 'modified',
  changed: 'modified',
  renamed: 'renamed',
  unchanged: undefined
}

function toChangedFile(file: ApiFile): ChangedFile[] {
  const status = STATUS[file.status]
  if (status === undefined) return []
  return [
    { path: file.path, previousPath: status === 'renamed' ? file.previousPath : undefined, status }
  ]
}

/** Lists a pull request's files, refusing to review part of one when GitHub cut the list. */
export async function listPullFiles(
  port: GitHubPort,
  number: number,
  changedFiles: number
): Promise<ApiFile[]> {
  const files = await port.listPullRequestFiles(number)
  if (files.length < changedFiles || (files.length >= PULL_FILES_CAP && changedFiles === 0)) {
    throw new ActionError(
      `pull request #${number} changes ${changedFiles} files but the GitHub files API lists only ${files.length} (it stops at ${PULL_FILES_CAP}): ` +
        'check out the repository with `fetch-depth: 0` so the action reads every file with git'
    )
  }
  return files
}

/** The comparison's files, refusing a list GitHub cut at its cap. */
export function checkComparedFiles(
  files: readonly ApiFile[],
  base: string,
  head: string
): readonly ApiFile[] {
  if (files.length >= COMPARE_FILES_CAP) {
    throw new ActionError(
      `the comparison of \`${base}\` with \`${head}\` lists ${files.length} files, the most the GitHub compare API returns: ` +
        'check out the repository with `fetch-depth: 0` so the action reads every file with git'
    )
  }
  return files
}
