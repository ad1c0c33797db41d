// Fails when the committed dist/ is not exactly what the sources build to. Builds into a temp dir
// (the working tree is never touched) and compares file lists, bytes and the executable bit.
//
//   node scripts/check-dist.mjs      exit 0 when dist/ is fresh, 1 when stale or the build fails
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { BuildError, ROOT, buildInto, makeTempDir } from './build.mjs'

const SHOWN = 20

/** Relative paths of every file under `dir`, sorted; empty when `dir` does not exist. */
function listFiles(dir) {
  if (!existsSync(dir)) return []
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .sort()
}

const executable = (path) => (statSync(path).mode & 0o111) !== 0

/** Differences between the fresh build and the committed dist/, as readable lines. */
export function compareTrees(fresh, committed) {
  const freshFiles = listFiles(fresh)
  const committedFiles = new Set(listFiles(committed))
  const problems = []
  for (const file of freshFiles) {
    if (!committedFiles.has(file)) {
      problems.push(`missing: dist/${file} (the build writes it)`)
      continue
    }
    committedFiles.delete(file)
    const a = readFileSync(join(fresh, file))
    const b = readFileSync(join(committed, file))
    if (!a.equals(b)) problems.push(`stale: dist/${file} ${firstDifference(a, b)}`)
    else if (executable(join(fresh, file)) !== executable(join(committed, file))) {
      problems.push(
        `mode: dist/${file} should ${executable(join(fresh, file)) ? '' : 'not '}be executable`
      )
    }
  }
  for (const file of committedFiles)
    problems.push(`extra: dist/${file} (the build does not write it)`)
  return problems
}

function firstDifference(fresh, committed) {
  const length = Math.min(fresh.length, committed.length)
  let offset = 0
  while (offset < length && fresh[offset] === committed[offset]) offset++
  const line = fresh.subarray(0, offset).toString('utf8').split('\n').length
  return `(first difference at line ${line}; ${committed.length} bytes committed, ${fresh.length} built)`
}

async function main() {
  const temp = makeTempDir('iam-policy-diff-check-dist-')
  const started = performance.now()
  try {
    await buildInto(join(temp, 'dist'))
    const problems = compareTrees(join(temp, 'dist'), join(ROOT, 'dist'))
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (problems.length === 0) {
      console.log(`check-dist: dist/ matches a fresh build (${seconds}s)`)
      return
    }
    console.error(`check-dist: dist/ does not match a fresh build of the sources:`)
    for (const problem of problems.slice(0, SHOWN)) console.error(`  ${problem}`)
    if (problems.length > SHOWN) console.error(`  … and ${problems.length - SHOWN} more`)
    console.error('run `npm run build` and commit dist/')
    process.exitCode = 1
  } catch (error) {
    console.error(
      `check-dist: build failed: ${error instanceof BuildError ? error.message : error.stack}`
    )
    process.exitCode = 1
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

await main()
