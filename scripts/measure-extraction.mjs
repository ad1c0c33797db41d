// Measures the extraction stage on a folder of real templates, through the committed CLI bundle
// only (nothing from src/): `diff EMPTY DIR --format json` reviews every template as added, so
// every policy document found is one `files[]` entry. Prints documents per format, templates
// with documents, files not reviewed, diagnostics by code and the time taken; with `--compare`,
// the per-template disagreements with an independent count (a JSON object path → documents).
// With `--pr N --out DIR`, builds a pull request touching N templates (base: N policy-bearing
// templates, repeated under `copy-K/` when the folder has fewer; head: the same with one action
// added to the first deciding statement of each) and times `diff BASE HEAD` (median of 3).
//
//   node scripts/measure-extraction.mjs /tmp/cfn/all [--compare /tmp/cfn/independent.json]
//   node scripts/measure-extraction.mjs /tmp/cfn/all --pr 200 --out /tmp/cfn/pr [--node BIN]…
//
// Results: docs/BENCHMARKS-DIFF.md, "Extraction on real templates". The corpus is not committed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const ADDED_ACTION = 'iam:PassRole'

function parseArgs(argv) {
  const args = { dir: undefined, compare: undefined, pr: undefined, out: undefined, nodes: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--compare') args.compare = argv[++i]
    else if (a === '--pr') args.pr = Number(argv[++i])
    else if (a === '--out') args.out = argv[++i]
    else if (a === '--node') args.nodes.push(argv[++i])
    else if (a === '--cli') args.cli = argv[++i]
    else args.dir = a
  }
  if (args.dir === undefined) {
    console.error(
      'usage: measure-extraction.mjs DIR [--compare COUNTS.json] [--pr N --out DIR] [--node BIN]… [--cli BUNDLE]'
    )
    process.exit(2)
  }
  if (args.nodes.length === 0) args.nodes.push(process.execPath)
  return args
}

/** Runs the CLI; returns the JSON report, stderr lines and the wall time in ms. */
function runDiff(node, cli, base, head) {
  const start = process.hrtime.bigint()
  const run = spawnSync(node, [cli, 'diff', base, head, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`diff exited with ${run.status}: ${run.stderr.slice(0, 2000)}`)
  }
  return { report: JSON.parse(run.stdout), stderr: run.stderr, ms }
}

function countBy(items, key) {
  const out = {}
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]))
}

function machine() {
  const cpu = cpus()
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, load average ${load}`
}

function measure(args, cli) {
  const empty = mkdtempSync(path.join(tmpdir(), 'measure-empty-'))
  try {
    const { report, ms } = runDiff(args.nodes[0], cli, empty, args.dir)
    // policy documents; units of another kind (a principal's attachments) are counted apart
    const documents = report.files.filter(
      (f) => f.document !== undefined && f.document.format !== 'principal'
    )
    const otherUnits = countBy(
      report.files.filter((f) => f.document?.format === 'principal'),
      (f) => f.document.format
    )
    const perTemplate = countBy(documents, (f) => f.file)
    const diagnostics = report.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, unit: f })))
    const notReviewed = [
      ...new Set(
        report.files
          .filter((f) => f.diagnostics.some((d) => d.code === 'source-not-reviewed'))
          .map((f) => f.file)
      )
    ]
    const result = {
      node: args.nodes[0],
      machine: machine(),
      ms: Math.round(ms),
      documents: documents.length,
      templatesWithDocuments: Object.keys(perTemplate).length,
      documentsPerFormat: countBy(documents, (f) => f.document.format),
      otherUnits,
      notReviewed,
      errors: countBy(
        diagnostics.filter((d) => d.severity === 'error'),
        (d) => d.code
      ),
      warnings: countBy(
        diagnostics.filter((d) => d.severity !== 'error'),
        (d) => d.code
      ),
      errorFiles: [
        ...new Set(
          diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.unit.file}: ${d.code}`)
        )
      ]
    }
    if (args.compare !== undefined) {
      const independent = JSON.parse(readFileSync(args.compare, 'utf8'))
      const total = Object.values(independent).reduce((a, b) => a + b, 0)
      const names = [...new Set([...Object.keys(independent), ...Object.keys(perTemplate)])].sort()
      result.independent = { documents: total, templates: Object.keys(independent).length }
      result.disagreements = names
        .filter((n) => (independent[n] ?? 0) !== (perTemplate[n] ?? 0))
        .map((n) => ({ template: n, independent: independent[n] ?? 0, ours: perTemplate[n] ?? 0 }))
    }
    return { result, report }
  } finally {
    rmSync(empty, { recursive: true, force: true })
  }
}

/** Adds ADDED_ACTION to the `Action` of the statement that starts at `line` (1-based). */
export function addAction(text, line) {
  const lines = text.split('\n')
  for (let i = line - 1; i < Math.min(lines.length, line + 40); i++) {
    const current = lines[i] ?? ''
    const json = /^(\s*"Action"\s*:\s*)(.*)$/.exec(current)
    if (json) {
      const [, key, rest] = json
      if (rest.startsWith('[')) lines[i] = `${key}["${ADDED_ACTION}", ${rest.slice(1)}`
      else if (rest.startsWith('"'))
        lines[i] = `${key}["${ADDED_ACTION}", ${rest.replace(/^("(?:[^"\\]|\\.)*")/, '$1]')}`
      else if (rest === '' && /^\s*\[/.test(lines[i + 1] ?? ''))
        lines[i + 1] = lines[i + 1].replace('[', `["${ADDED_ACTION}", `)
      else continue
      return lines.join('\n')
    }
    const yaml = /^(\s*(?:- )?Action\s*:)\s*(.*)$/.exec(current)
    if (yaml) {
      const [, key, rest] = yaml
      if (rest.startsWith('[')) lines[i] = `${key} [${ADDED_ACTION}, ${rest.slice(1)}`
      else if (rest !== '' && !rest.startsWith('!')) lines[i] = `${key} [${ADDED_ACTION}, ${rest}]`
      else if (rest === '') {
        const item = /^(\s*)- /.exec(lines[i + 1] ?? '')
        if (!item) continue
        lines.splice(i + 1, 0, `${item[1]}- ${ADDED_ACTION}`)
      } else continue
      return lines.join('\n')
    }
  }
  return undefined
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function pullRequest(args, cli, report) {
  // the first line of a statement that decides a broadened request, per template
  const lineOf = new Map()
  for (const change of report.changes) {
    for (const ref of change.after.determining) {
      const file = change.file
      if (!lineOf.has(file) || ref.line < lineOf.get(file)) lineOf.set(file, ref.line)
    }
  }
  const templates = [...lineOf.keys()].sort()
  const base = path.join(args.out, 'base')
  const head = path.join(args.out, 'head')
  rmSync(args.out, { recursive: true, force: true })
  const picked = []
  for (let i = 0; picked.length < args.pr && templates.length > 0; i++) {
    const file = templates[i % templates.length]
    const copy = Math.floor(i / templates.length)
    const text = readFileSync(path.join(args.dir, file), 'utf8')
    const changed = addAction(text, lineOf.get(file))
    if (changed === undefined) {
      if (i > templates.length * 4) break
      continue
    }
    const name = copy === 0 ? file : path.join(`copy-${copy}`, file)
    for (const [dir, body] of [
      [base, text],
      [head, changed]
    ]) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), body)
    }
    picked.push(name)
  }
  const bytes = picked.reduce((n, f) => n + readFileSync(path.join(base, f)).length, 0)
  const runs = {}
  let summary
  for (const node of args.nodes) {
    runDiff(node, cli, base, head) // warm the file cache
    const times = []
    for (let k = 0; k < 3; k++) {
      const { report: r, ms } = runDiff(node, cli, base, head)
      times.push(ms)
      summary = r.summary
      runs[node] = { version: spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim() }
      runs[node].changedTemplates = new Set(
        r.files.filter((f) => f.outcome === 'changed').map((f) => f.file)
      ).size
    }
    runs[node].timesMs = times.map(Math.round)
    runs[node].medianMs = Math.round(median(times))
  }
  return {
    templates: picked.length,
    distinct: Math.min(picked.length, templates.length),
    bytes,
    machine: machine(),
    summary,
    runs
  }
}

const args = parseArgs(process.argv.slice(2))
const cli = args.cli ?? CLI
const { result, report } = measure(args, cli)
if (args.pr === undefined) {
  console.log(JSON.stringify(result, null, 2))
} else {
  if (args.out === undefined) throw new Error('--pr needs --out DIR')
  console.log(JSON.stringify(pullRequest(args, cli, report), null, 2))
}
