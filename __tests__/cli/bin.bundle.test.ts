// After `npm ci` in a fresh clone, `npx iam-policy-diff` runs dist/cli/index.js with no build
// step: package.json `bin` points at the committed bundle, which needs a shebang, the executable
// bit and an ESM package scope beside it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CLI_BUNDLE, ROOT, runCli, runFile } from './run-cli.js'

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  bin: Record<string, string>
}

describe('the iam-policy-diff bin', () => {
  it('maps iam-policy-diff to the committed CLI bundle', () => {
    expect(manifest.bin).toEqual({ 'iam-policy-diff': 'dist/cli/index.js' })
    expect(join(ROOT, manifest.bin['iam-policy-diff'] ?? '')).toBe(CLI_BUNDLE)
  })

  it('is an executable node script', () => {
    expect(readFileSync(CLI_BUNDLE, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    expect(statSync(CLI_BUNDLE).mode & 0o111).toBe(0o111)
  })

  it('is an ES module scope of its own (ncc writes dist/cli/package.json)', () => {
    const scope = JSON.parse(readFileSync(join(ROOT, 'dist/cli/package.json'), 'utf8')) as unknown
    expect(scope).toEqual({ type: 'module' })
  })

  it('runs directly through its shebang', async () => {
    const result = await runFile(CLI_BUNDLE, ['--version'])
    expect(result).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' })
  })

  it('prints the usage with --help and exits 2 on an unknown command', async () => {
    const help = await runCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^usage: iam-policy-diff <command>/)
    const unknown = await runCli(['frobnicate'])
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'iam-policy-diff: unknown command `frobnicate`\nrun `iam-policy-diff --help` for usage\n'
    })
  })
})
