// Builds the committed dist/: the action bundle (src/index.ts → dist/index.js), the command line
// (src/cli.ts → dist/cli/index.js, with a shebang and the executable bit so `bin` works without a
// build step), the action catalogue (scripts/build-catalog.mjs → dist/catalog.json) and the AWS
// managed policies (scripts/build-managed-policies.mjs → dist/managed-policies.json.gz).
//
//   node scripts/build.mjs              rebuild dist/ (replaced only when every step succeeded)
//   node scripts/build.mjs --out DIR    build into DIR instead (check-dist uses a temp dir)
//
// Everything is built into a fresh temp directory first, so a failed build leaves dist/ alone and
// the output cannot depend on leftovers. The output depends only on the sources and the lockfile:
// ncc's module ids and source-map paths are relative, and nothing reads the clock.
import { spawn } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The bundles: entry (relative to the root) → output folder inside dist/. */
export const BUNDLES = [
  { entry: 'src/index.ts', out: '.', role: 'the GitHub Action entry' },
  { entry: 'src/cli.ts', out: 'cli', role: 'the command line entry', executable: true }
]

const CATALOG_SCRIPT = 'scripts/build-catalog.mjs'
const MANAGED_POLICIES_SCRIPT = 'scripts/build-managed-policies.mjs'
const MANAGED_POLICIES_FILE = 'managed-policies.json.gz'
const SHEBANG = '#!/usr/bin/env node\n'
const NCC_CLI = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js')

export class BuildError extends Error {}

/** Builds the whole of dist/ into `outDir`, which must not exist yet or be empty. */
export async function buildInto(outDir) {
  for (const { entry, role } of BUNDLES) {
    if (!existsSync(join(ROOT, entry))) {
      throw new BuildError(`missing entry \`${entry}\` (${role}): nothing was built`)
    }
  }
  await Promise.all(BUNDLES.map((bundle) => bundleEntry(bundle, join(outDir, bundle.out))))
  for (const bundle of BUNDLES.filter((b) => b.executable)) makeExecutable(join(outDir, bundle.out))
  if (existsSync(join(ROOT, CATALOG_SCRIPT))) {
    await run(process.execPath, [CATALOG_SCRIPT, join(outDir, 'catalog.json')], CATALOG_SCRIPT)
    if (!existsSync(join(outDir, 'catalog.json'))) {
      throw new BuildError(
        `\`${CATALOG_SCRIPT}\` did not write \`${join(outDir, 'catalog.json')}\``
      )
    }
  }
  if (existsSync(join(ROOT, MANAGED_POLICIES_SCRIPT))) {
    const file = join(outDir, MANAGED_POLICIES_FILE)
    await run(process.execPath, [MANAGED_POLICIES_SCRIPT, file], MANAGED_POLICIES_SCRIPT)
    if (!existsSync(file)) {
      throw new BuildError(`\`${MANAGED_POLICIES_SCRIPT}\` did not write \`${file}\``)
    }
  }
}

function bundleEntry({ entry }, out) {
  const args = [NCC_CLI, 'build', entry, '--out', out, '--source-map', '--license', 'licenses.txt']
  return run(process.execPath, [...args, '--quiet'], `ncc ${entry}`)
}

/**
 * `bin` targets need a shebang and the executable bit. The source stays shebang-less (ncc would
 * keep it only for the entry module anyway); one `;` in the map's mappings accounts for the extra
 * first line, so stack traces still point at the right TypeScript lines.
 */
function makeExecutable(folder) {
  const file = join(folder, 'index.js')
  const code = readFileSync(file, 'utf8')
  if (!code.startsWith(SHEBANG)) writeFileSync(file, SHEBANG + code)
  const mapFile = `${file}.map`
  if (existsSync(mapFile) && !code.startsWith(SHEBANG)) {
    const map = JSON.parse(readFileSync(mapFile, 'utf8'))
    map.mappings = `;${map.mappings}`
    writeFileSync(mapFile, JSON.stringify(map))
  }
  chmodSync(file, 0o755)
}

function run(command, args, label) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => reject(new BuildError(`${label}: ${error.message}`)))
    child.on('close', (code) => {
      if (code === 0) resolvePromise(output)
      else reject(new BuildError(`${label} failed (exit ${code}):\n${output.trimEnd()}`))
    })
  })
}

/** A fresh, empty temp directory for a build; the caller removes it. */
export function makeTempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix))
}

async function main() {
  const outIndex = process.argv.indexOf('--out')
  const target = outIndex === -1 ? join(ROOT, 'dist') : resolve(process.argv[outIndex + 1] ?? '')
  const temp = makeTempDir('iam-policy-diff-build-')
  const started = performance.now()
  try {
    // dist/ is ours to replace; anything else only when it is empty (never a checkout by mistake)
    if (target !== join(ROOT, 'dist') && existsSync(target) && readdirSync(target).length > 0) {
      throw new BuildError(`refusing to replace the non-empty directory \`${target}\``)
    }
    await buildInto(join(temp, 'dist'))
    rmSync(target, { recursive: true, force: true })
    cpSync(join(temp, 'dist'), target, { recursive: true })
    for (const bundle of BUNDLES.filter((b) => b.executable)) {
      chmodSync(join(target, bundle.out, 'index.js'), 0o755)
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`build: wrote ${relative(process.cwd(), target) || '.'}/ in ${seconds}s`)
  } catch (error) {
    console.error(`build: ${error instanceof BuildError ? error.message : error.stack}`)
    process.exitCode = 1
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
