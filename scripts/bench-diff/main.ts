// `npm run bench:diff`: times `iam-policy-diff diff` on real pull requests built from AWS's
// managed-policy history (scripts/pr-corpus/build-pr-repo.mjs) with the automatic matrix, at
// several sizes to show how the cost grows. Each measurement runs in a fresh process so that its
// peak RSS is its own: the bundled CLI as a child process, and the in-process review() in a
// worker child of this script.
//
//   node build/bench-diff/index.js --root DIR --cli FILE [--sizes 100,300,all] [--runs N]
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { review } from '../../src/review/review.js'
import { gitSource } from '../../src/sources/git-source.js'

interface Measurement {
  readonly wallMs: number
  /** user + system CPU time: what the run costs, whatever else the machine is doing */
  readonly cpuMs: number
  readonly maxRssMb: number
  readonly requests: number
  readonly changes: number
  readonly files: number
}

interface Row {
  readonly size: string
  readonly files: number
  readonly cli: Measurement
  readonly inProcess: Measurement
}

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    cli: { type: 'string' },
    sizes: { type: 'string', default: '100,300,all' },
    runs: { type: 'string', default: '1' },
    worker: { type: 'string' }
  }
})

const task = values.worker === undefined ? bench() : worker(values.worker)
task.catch((error: unknown) => {
  process.stderr.write(
    `bench:diff: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exitCode = 1
})

/** In-process review of one repository; prints one JSON line. */
async function worker(repo: string): Promise<void> {
  const started = performance.now()
  const report = await review({
    source: gitSource({ repo, base: 'main', head: 'pr' }),
    config: DEFAULT_CONFIG,
    catalog: loadCatalog(),
    toolVersion: 'bench'
  })
  const wallMs = performance.now() - started
  const usage = process.resourceUsage()
  const measurement: Measurement = {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
    requests: report.summary.requests,
    changes: report.changes.length,
    files: report.summary.files
  }
  process.stdout.write(`${JSON.stringify(measurement)}\n`)
}

async function bench(): Promise<void> {
  const root = path.resolve(values.root ?? '.')
  const cli = path.resolve(root, values.cli ?? 'dist/cli/index.js')
  const work = path.join(root, 'build', 'bench-diff')
  mkdirSync(work, { recursive: true })
  const preload = path.join(work, 'report-rusage.cjs')
  // the child writes its own resource usage to fd 3 as it exits
  writeFileSync(
    preload,
    "process.on('exit', () => { try { require('node:fs').writeSync(3, JSON.stringify(process.resourceUsage()) + '\\n') } catch {} })\n"
  )
  const runs = Math.max(1, Number(values.runs))
  const rows: Row[] = []
  for (const size of values.sizes.split(',')) {
    const repo = path.join(work, `pr-${size}`)
    const built = await run(
      process.execPath,
      [
        path.join(root, 'scripts/pr-corpus/build-pr-repo.mjs'),
        repo,
        '--force',
        '--json',
        ...(size === 'all' ? [] : ['--changed', size])
      ],
      root
    )
    const files = (JSON.parse(built.stdout) as { files: number }).files
    const cliRuns: Measurement[] = []
    const workerRuns: Measurement[] = []
    for (let i = 0; i < runs; i++) {
      cliRuns.push(await timeCli(cli, preload, repo))
      const inProcess = await run(process.execPath, [process.argv[1] ?? '', '--worker', repo], root)
      workerRuns.push(JSON.parse(inProcess.stdout) as Measurement)
    }
    const best = (list: Measurement[]): Measurement =>
      [...list].sort((a, b) => a.wallMs - b.wallMs)[0] as Measurement
    rows.push({ size, files, cli: best(cliRuns), inProcess: best(workerRuns) })
    process.stderr.write(`bench:diff: ${size}: ${files} files done\n`)
  }
  const machine = { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg() }
  writeFileSync(
    path.join(work, 'results.json'),
    `${JSON.stringify({ ...machine, rows }, null, 2)}\n`
  )
  const [one = 0, five = 0] = machine.loadAverage
  process.stdout.write(table(rows))
  process.stdout.write(
    `\nnode ${machine.node}, ${machine.cpus} CPUs; load average at the end ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)\n`
  )
}

async function timeCli(cli: string, preload: string, repo: string): Promise<Measurement> {
  const started = performance.now()
  const result = await run(
    process.execPath,
    [
      '--require',
      preload,
      cli,
      'diff',
      '--repo',
      repo,
      '--base',
      'main',
      '--head',
      'pr',
      '--format',
      'json'
    ],
    repo,
    true
  )
  const wallMs = performance.now() - started
  const report = JSON.parse(result.stdout) as {
    summary: { requests: number; files: number }
    changes: unknown[]
  }
  const usage = JSON.parse(result.fd3) as {
    maxRSS: number
    userCPUTime: number
    systemCPUTime: number
  }
  return {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssMb: usage.maxRSS / 1024,
    requests: report.summary.requests,
    changes: report.changes.length,
    files: report.summary.files
  }
}

interface RunResult {
  readonly stdout: string
  readonly fd3: string
}

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  rusage = false
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit', rusage ? 'pipe' : 'ignore']
    })
    const out: Buffer[] = []
    const fd3: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
    ;(child.stdio[3] as NodeJS.ReadableStream | null)?.on('data', (chunk: Buffer) =>
      fd3.push(chunk)
    )
    child.on('error', reject)
    child.on('close', (code) => {
      // `diff` exits 1 when it finds changes and --fail-on asks; 0/1 are both a finished review
      if (code !== 0 && code !== 1)
        reject(new Error(`${path.basename(args[0] ?? command)} exited with ${code}`))
      else
        resolve({
          stdout: Buffer.concat(out).toString('utf8'),
          fd3: Buffer.concat(fd3).toString('utf8')
        })
    })
  })
}

function table(rows: readonly Row[]): string {
  const s = (ms: number): string => (ms / 1000).toFixed(2)
  const mb = (n: number): string => n.toFixed(0)
  const header = [
    'changed files',
    'requests evaluated',
    'changes found',
    'CLI wall (s)',
    'CLI CPU (s)',
    'CLI peak RSS (MB)',
    'review() wall (s)',
    'review() CPU (s)',
    'review() peak RSS (MB)',
    'CLI CPU ms per file'
  ]
  const lines = rows.map((r) =>
    [
      r.files,
      r.cli.requests,
      r.cli.changes,
      s(r.cli.wallMs),
      s(r.cli.cpuMs),
      mb(r.cli.maxRssMb),
      s(r.inProcess.wallMs),
      s(r.inProcess.cpuMs),
      mb(r.inProcess.maxRssMb),
      (r.cli.cpuMs / Math.max(1, r.files)).toFixed(1)
    ].join(' | ')
  )
  return (
    [
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---:').join('|')}|`,
      ...lines.map((l) => `| ${l} |`)
    ].join('\n') + '\n'
  )
}
