// What `npm pack` publishes (issue 11): only what the command line and the action need, and the
// packed tarball runs `iam-policy-diff --help` from a clean folder. Uses the built dist/.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'

const ROOT = process.cwd()
const ALLOWED = [
  /^LICENSE$/,
  /^README\.md$/,
  /^package\.json$/,
  /^action\.yml$/,
  /^dist\//,
  /^docs\//
]
const REQUIRED = ['dist/cli/index.js', 'dist/index.js', 'dist/catalog.json', 'action.yml']

interface PackEntry {
  readonly path: string
}

const npm = (args: readonly string[], cwd = ROOT): string =>
  execFileSync('npm', [...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
  })

describe('npm pack', () => {
  const temp = mkdtempSync(join(tmpdir(), 'iam-policy-diff-pack-'))
  afterAll(() => rmSync(temp, { recursive: true, force: true }))

  it('lists only the bundles, the action metadata and the documentation', () => {
    const [pack] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'])) as [
      { files: PackEntry[] }
    ]
    const paths = pack.files.map((f) => f.path)
    expect(paths.filter((path) => !ALLOWED.some((re) => re.test(path)))).toEqual([])
    expect(REQUIRED.filter((path) => !paths.includes(path))).toEqual([])
  })

  it('packs a tarball that runs `iam-policy-diff --help` from a clean folder', () => {
    const out = join(temp, 'out')
    const clean = join(temp, 'clean')
    for (const dir of [out, clean]) execFileSync('mkdir', ['-p', dir])
    npm(['pack', '--ignore-scripts', '--pack-destination', out])
    const tarball = readdirSync(out).find((name) => name.endsWith('.tgz'))
    expect(tarball).toBeDefined()
    // the bundles have no runtime dependencies: extracting is what `npm install` does with them
    execFileSync('tar', ['-xzf', join(out, tarball ?? ''), '-C', clean])
    const bin = join(clean, 'package', 'dist', 'cli', 'index.js')
    expect(statSync(bin).mode & 0o111).not.toBe(0)
    const run = spawnSync(bin, ['--help'], {
      cwd: clean,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' }
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^usage: iam-policy-diff/m)
    const evaluate = spawnSync(bin, ['evaluate', '-'], {
      cwd: clean,
      encoding: 'utf8',
      input: JSON.stringify([
        {
          id: 'a',
          policies: {
            identity: [
              { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } }
            ]
          },
          request: {
            principal: 'arn:aws:iam::111122223333:user/a',
            action: 's3:GetObject',
            resource: '*'
          }
        }
      ])
    })
    expect(evaluate.status).toBe(0)
    expect(evaluate.stdout).toContain('"decision":"Allow"')
  }, 60_000)
})
