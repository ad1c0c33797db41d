// Builds real temporary git repositories for the action's tests: a base commit on `main` and a
// head commit on a feature branch, from plain { path: content } maps.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export type Tree = Readonly<Record<string, string | null>>

export interface TestRepo {
  readonly dir: string
  readonly base: string
  readonly head: string
  git(...args: string[]): string
  /** commits more changes on the current branch; returns the new SHA */
  commit(tree: Tree, message?: string): string
  remove(): void
}

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

function write(dir: string, tree: Tree): void {
  for (const [file, content] of Object.entries(tree)) {
    const full = path.join(dir, file)
    if (content === null) {
      rmSync(full, { force: true })
      continue
    }
    mkdirSync(path.dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}

/** `base` is committed on main; `head` (changes over base; null deletes) on branch `feature`. */
export function createRepo(base: Tree, head: Tree, prefix = 'iam-policy-diff-repo-'): TestRepo {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' }).trim()
  git('init', '--quiet', '--initial-branch=main')
  write(dir, base)
  git('add', '--all')
  git('commit', '--quiet', '--allow-empty', '-m', 'base')
  const baseSha = git('rev-parse', 'HEAD')
  git('checkout', '--quiet', '-b', 'feature')
  write(dir, head)
  git('add', '--all')
  git('commit', '--quiet', '--allow-empty', '-m', 'head')
  const commit = (tree: Tree, message = 'more'): string => {
    write(dir, tree)
    git('add', '--all')
    git('commit', '--quiet', '--allow-empty', '-m', message)
    return git('rev-parse', 'HEAD')
  }
  return {
    dir,
    base: baseSha,
    head: git('rev-parse', 'HEAD'),
    git,
    commit,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

export function policy(statements: readonly object[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`
}
