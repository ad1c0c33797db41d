// Policy files from a git repository: the files changed between two commits (or between a
// commit and the working tree), read from git itself. No cap on the number of files.
import { lstat, readFile, readlink } from 'node:fs/promises'
import path from 'node:path'
import { diagnostic } from '../diagnostics/diagnostic.js'
import { createBlobReader, decodeText, GitCommandError, runGit } from './git-exec.js'
import { compareText, isRepoPath } from './paths.js'
import { SourceError, type ChangedFile, type PolicySource, type Side } from './port.js'

export interface GitSourceOptions {
  /** any directory inside the work tree */
  readonly repo: string
  readonly base: string
  /** undefined = the working tree (tracked changes plus untracked, not ignored files) */
  readonly head: string | undefined
}

interface OpenRepo {
  readonly top: string
  readonly base: string
  readonly head: string | undefined
  readonly blob: (spec: string) => Promise<Buffer | undefined>
  /** path → blob id of a commit's tree: reading blobs by id is ~3× faster than by `commit:path` */
  readonly tree: (commit: string) => Promise<ReadonlyMap<string, string>>
}

export function gitSource(options: GitSourceOptions): PolicySource {
  let opened: Promise<OpenRepo> | undefined
  const open = (): Promise<OpenRepo> => (opened ??= openRepo(options))
  const listings = new Map<Side, Promise<string[]>>()
  return {
    baseLabel: options.base,
    headLabel: options.head ?? 'working tree',
    listChangedFiles: async () => listChanged(await open()),
    readFile: async (file, side) => readSide(await open(), file, side),
    listFiles: async (side) => {
      let listing = listings.get(side)
      if (!listing) listings.set(side, (listing = open().then((repo) => listSide(repo, side))))
      return listing
    }
  }
}

async function openRepo(options: GitSourceOptions): Promise<OpenRepo> {
  const dir = path.resolve(options.repo)
  const stat = await lstat(dir).catch(() => undefined)
  if (!stat?.isDirectory())
    throw gitFailure(`repository directory \`${options.repo}\` does not exist`)
  const top = (await git(['rev-parse', '--show-toplevel'], dir, 'find the repository')).trim()
  const base = await resolveCommit(top, options.base)
  const head = options.head === undefined ? undefined : await resolveCommit(top, options.head)
  const trees = new Map<string, Promise<ReadonlyMap<string, string>>>()
  const tree = (commit: string): Promise<ReadonlyMap<string, string>> => {
    let listing = trees.get(commit)
    if (!listing) trees.set(commit, (listing = readTree(top, commit)))
    return listing
  }
  return { top, base, head, blob: createBlobReader(top), tree }
}

/** Blob ids by path (`git ls-tree -r -z`); submodules and other non-blobs are left out. */
async function readTree(top: string, commit: string): Promise<ReadonlyMap<string, string>> {
  const out = await git(['ls-tree', '-r', '-z', '--full-tree', commit], top, 'list files')
  const blobs = new Map<string, string>()
  for (const entry of splitNul(out)) {
    const tab = entry.indexOf('\t')
    const [, type, id] = entry.slice(0, tab).split(' ')
    if (type === 'blob' && id !== undefined) blobs.set(entry.slice(tab + 1), id)
  }
  return blobs
}

async function resolveCommit(top: string, ref: string): Promise<string> {
  const out = await runGit(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    {
      cwd: top
    }
  ).catch(() => undefined)
  const sha = out?.toString('utf8').trim()
  if (sha) return sha
  const shallow = await runGit(['rev-parse', '--is-shallow-repository'], { cwd: top })
    .then((b) => b.toString('utf8').trim() === 'true')
    .catch(() => false)
  return Promise.reject(
    gitFailure(
      `unknown git ref \`${ref}\``,
      shallow
        ? 'the clone is shallow: fetch the history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)'
        : 'check the name; a remote branch must be fetched first (`git fetch origin <branch>`)'
    )
  )
}

async function listChanged(repo: OpenRepo): Promise<ChangedFile[]> {
  const range = repo.head === undefined ? [repo.base] : [repo.base, repo.head]
  const diffArgs = [
    'diff',
    '--name-status',
    '-z',
    '-M',
    '--no-ext-diff',
    '--no-textconv',
    ...range,
    '--'
  ]
  const changed = parseNameStatus(await git(diffArgs, repo.top, 'list the changed files'))
  if (repo.head !== undefined) return changed
  const untracked = await git(
    ['ls-files', '-z', '--others', '--exclude-standard'],
    repo.top,
    'list the untracked files'
  )
  const known = new Set(changed.map((file) => file.path))
  for (const file of splitNul(untracked)) {
    if (!known.has(file)) changed.push({ path: file, previousPath: undefined, status: 'added' })
  }
  return changed.sort((a, b) => compareText(a.path, b.path))
}

/** Parses `git diff --name-status -z` output (renames carry two paths). */
export function parseNameStatus(text: string): ChangedFile[] {
  const tokens = splitNul(text)
  const files: ChangedFile[] = []
  for (let i = 0; i < tokens.length;) {
    const status = tokens[i++] ?? ''
    const letter = status.charAt(0)
    if (letter === 'R' || letter === 'C') {
      const from = tokens[i++] ?? ''
      const to = tokens[i++] ?? ''
      files.push(
        letter === 'R'
          ? { path: to, previousPath: from, status: 'renamed' }
          : { path: to, previousPath: undefined, status: 'added' }
      )
      continue
    }
    const file = tokens[i++] ?? ''
    const kind = letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified'
    files.push({ path: file, previousPath: undefined, status: kind })
  }
  return files
}

async function readSide(repo: OpenRepo, file: string, side: Side): Promise<string | undefined> {
  if (!isRepoPath(file)) return undefined
  const commit = side === 'base' ? repo.base : repo.head
  if (commit === undefined) return readWorkingTree(path.join(repo.top, file))
  const id = (await repo.tree(commit)).get(file)
  if (id === undefined) return undefined
  const blob = await repo.blob(id).catch((error: unknown) => {
    throw toSourceError(error, `read \`${file}\``)
  })
  return blob === undefined ? undefined : decodeText(blob)
}

// like git, a symbolic link's content is its target, never the file it points to
async function readWorkingTree(full: string): Promise<string | undefined> {
  const stat = await lstat(full).catch(() => undefined)
  if (stat?.isSymbolicLink()) return readlink(full)
  if (!stat?.isFile()) return undefined
  return decodeText(await readFile(full))
}

async function listSide(repo: OpenRepo, side: Side): Promise<string[]> {
  const commit = side === 'base' ? repo.base : repo.head
  if (commit !== undefined) return [...(await repo.tree(commit)).keys()].sort(compareText)
  const out = await git(
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    repo.top,
    'list files'
  )
  const files = [...new Set(splitNul(out))]
  const present = await Promise.all(
    files.map((file) =>
      lstat(path.join(repo.top, file)).then(
        () => true,
        () => false
      )
    )
  )
  return files.filter((_, i) => present[i]).sort(compareText)
}

async function git(args: readonly string[], cwd: string, purpose: string): Promise<string> {
  try {
    return (await runGit(args, { cwd })).toString('utf8')
  } catch (error) {
    throw toSourceError(error, purpose)
  }
}

function toSourceError(error: unknown, purpose: string): Error {
  if (error instanceof SourceError) return error
  if (error instanceof GitCommandError) {
    const notRepo = /not a git repository/i.test(error.stderr)
    return notRepo
      ? gitFailure('not a git repository', 'run inside a git work tree or pass `--repo DIR`')
      : gitFailure(`git could not ${purpose}: ${error.message}`)
  }
  return error instanceof Error ? error : new Error(String(error))
}

function gitFailure(message: string, help?: string): SourceError {
  return new SourceError(diagnostic('git-failed', { message, help }))
}

function splitNul(text: string | Buffer): string[] {
  return text
    .toString()
    .split('\0')
    .filter((token) => token !== '')
}
