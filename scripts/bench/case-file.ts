// (e) `iam-policy-diff evaluate` on a large case file, as a whole process: 200 generated policy
// sets, each a case with 250 requests of its own (50,000 decisions, about 26 MB of JSON). The
// yardstick is what any reader of that file pays: node's start-up plus JSON.parse of the text.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BOUNDARY, SCP_LEVEL, syntheticPolicy } from './policies.js'
import { seededRandom } from './prng.js'
import { syntheticRequest } from './requests.js'
import { median } from './stats.js'
import { SEED } from './synthetic.js'

/** The case file: indented like a hand-written one (the corpus writes cases the same way). */
export function caseFileText(sets: number, requestsPerSet: number): string {
  const policies = seededRandom(SEED)
  const requests = seededRandom(SEED + 2)
  const cases = Array.from({ length: sets }, (_, i) => ({
    id: `set-${i}`,
    policies: {
      identity: [syntheticPolicy(policies)],
      ...(i % 4 === 3 ? { boundary: [BOUNDARY] } : {}),
      ...(i % 10 === 9 ? { scp: [[SCP_LEVEL[0]], [SCP_LEVEL[0], SCP_LEVEL[1]]] } : {})
    },
    requests: Array.from({ length: requestsPerSet }, () => syntheticRequest(requests))
  }))
  return `${JSON.stringify(cases, null, 2)}\n`
}

export interface CaseFileTiming {
  readonly bytes: number
  readonly decisions: number
  readonly runs: number
  /** median wall time of `node dist/cli/index.js evaluate FILE` */
  readonly evaluateMs: number
  /** median wall time of `node -e` reading the file and JSON.parse-ing it */
  readonly parseMs: number
}

const PARSE_ONLY =
  "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8')); process.stdout.write('ok')"

function timed(node: string, args: readonly string[], root: string, check: string): number {
  const started = performance.now()
  const result = spawnSync(node, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '' }
  })
  const ms = performance.now() - started
  if (result.status !== 0 || !result.stdout.includes(check)) {
    throw new Error(`run failed (exit ${String(result.status)}): ${result.stderr.slice(0, 500)}`)
  }
  return ms
}

export function timeCaseFile(
  root: string,
  node: string,
  runs: number,
  size = { sets: 200, requests: 250 }
): CaseFileTiming {
  const cli = join(root, 'dist/cli/index.js')
  if (!existsSync(cli)) throw new Error('dist/cli/index.js is missing: run `npm run build`')
  const dir = join(root, 'build', 'bench')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `cases-${size.sets}x${size.requests}.json`)
  const text = caseFileText(size.sets, size.requests)
  writeFileSync(file, text)
  const evaluate = (): number => timed(node, [cli, 'evaluate', file], root, '"decisions"')
  const parse = (): number => timed(node, ['-e', PARSE_ONLY, file], root, 'ok')
  evaluate() // warm the file cache
  const evaluateTimes: number[] = []
  const parseTimes: number[] = []
  for (let i = 0; i < runs; i++) {
    evaluateTimes.push(evaluate())
    parseTimes.push(parse())
  }
  return {
    bytes: Buffer.byteLength(text),
    decisions: size.sets * size.requests,
    runs,
    evaluateMs: median(evaluateTimes),
    parseMs: median(parseTimes)
  }
}
