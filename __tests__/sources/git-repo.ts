// Real temporary git repositories for the source tests (hermetic: no user or system config).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

export interface TestRepo {
  readonly dir: string
  git(...args: string[]): Promise<string>
  write(files: Readonly<Record<string, string>>): Promise<void>
  remove(...files: string[]): Promise<void>
  /** stages everything and commits; returns the commit id */
  commit(message: string): Promise<string>
  dispose(): Promise<void>
}

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z'
}

export async function createRepo(): Promise<TestRepo> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'iam-policy-diff-git-'))
  const git = async (...args: string[]): Promise<string> =>
    (await run('git', args, { cwd: dir, env: ENV, maxBuffer: 64 << 20 })).stdout
  await git('init', '-q', '-b', 'main')
  return {
    dir,
    git,
    write: async (files) => {
      for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
        await writeFile(path.join(dir, name), text)
      }
    },
    remove: async (...files) => {
      for (const name of files) await rm(path.join(dir, name))
    },
    commit: async (message) => {
      await git('add', '-A')
      await git('commit', '-q', '--allow-empty', '-m', message)
      return (await git('rev-parse', 'HEAD')).trim()
    },
    dispose: () => rm(dir, { recursive: true, force: true })
  }
}

/** A small identity policy allowing `action` on every resource. */
export function policyText(action: string | readonly string[], sid = 'S1'): string {
  return `${JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Sid: sid, Effect: 'Allow', Action: action, Resource: '*' }]
    },
    null,
    2
  )}\n`
}
