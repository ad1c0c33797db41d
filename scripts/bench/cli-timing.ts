// (c) wall time of `node dist/cli/index.js evaluate` on one case, as a user pays it: process
// start, module load, catalogue, parse, evaluate, print. (d) the CLI's peak RSS via a preload.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { median } from './stats.js'

export interface CliTiming {
  readonly node: string
  readonly runs: number
  readonly medianMs: number
  readonly minMs: number
  /** median of `node -e 0`, interleaved with the CLI runs: what any node program pays */
  readonly bareNodeMs: number
  readonly maxRssKib: number | undefined
}

export const ONE_CASE = 'scripts/bench/one-case.json'

function runOnce(
  root: string,
  node: string,
  preload: readonly string[]
): { ms: number; stderr: string } {
  const started = performance.now()
  const result = spawnSync(
    node,
    [...preload, join(root, 'dist/cli/index.js'), 'evaluate', join(root, ONE_CASE)],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' }
    }
  )
  const ms = performance.now() - started
  if (result.status !== 0 || !result.stdout.includes('"decision"')) {
    throw new Error(`cli run failed (exit ${String(result.status)}): ${result.stderr}`)
  }
  return { ms, stderr: result.stderr }
}

function bareNode(node: string): number {
  const started = performance.now()
  spawnSync(node, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS: '' } })
  return performance.now() - started
}

export function timeCli(root: string, node: string, runs: number): CliTiming {
  if (!existsSync(join(root, 'dist/cli/index.js')))
    throw new Error('dist/cli/index.js is missing: run `npm run build`')
  runOnce(root, node, []) // warm the file cache
  const times: number[] = []
  const bare: number[] = []
  for (let i = 0; i < runs; i++) {
    times.push(runOnce(root, node, []).ms)
    bare.push(bareNode(node))
  }
  const preload = ['--import', join(root, 'scripts/bench/report-rss.mjs')]
  const rss = /bench-max-rss-kib (\d+)/.exec(runOnce(root, node, preload).stderr)?.[1]
  return {
    node,
    runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    bareNodeMs: median(bare),
    maxRssKib: rss === undefined ? undefined : Number(rss)
  }
}

/** `npx iam-policy-diff evaluate` from the repository root, as the README shows it. */
export function timeNpx(root: string, runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now()
    const result = spawnSync('npx', ['--no-install', 'iam-policy-diff', 'evaluate', ONE_CASE], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' }
    })
    if (result.status !== 0) throw new Error(`npx run failed: ${result.stderr}`)
    return performance.now() - started
  })
  return median(times)
}
