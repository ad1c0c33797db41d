// Subcommand dispatch and global options of `iam-policy-diff` (src/cli/main.ts), in-process.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main, USAGE, VERSION } from '../../src/cli/main.js'
import { fakeIo } from './fake-io.js'
import { ROOT } from './run-cli.js'

const packageVersion = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

async function run(argv: string[]) {
  const io = fakeIo()
  const code = await main(argv, io)
  return { code, stdout: io.out(), stderr: io.err() }
}

describe('iam-policy-diff global options', () => {
  it.each([['--help'], ['-h']])('%s prints the usage on stdout and exits 0', async (flag) => {
    expect(await run([flag])).toEqual({ code: 0, stdout: USAGE, stderr: '' })
  })

  it.each([['--version'], ['-V']])('%s prints the package version', async (flag) => {
    expect(VERSION).toBe(packageVersion)
    expect(await run([flag])).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '' })
  })

  it('lists both commands in the usage', () => {
    expect(USAGE).toMatch(/^ {2}evaluate FILE\|-/m)
    expect(USAGE).toMatch(/^ {2}diff /m)
  })
})

describe('iam-policy-diff usage errors exit 2 with one message line and a hint', () => {
  it.each([
    [[], 'iam-policy-diff: missing command'],
    [['evaluat'], 'iam-policy-diff: unknown command `evaluat`'],
    [['--verbose'], 'iam-policy-diff: unknown option `--verbose`'],
    [['-x', 'evaluate'], 'iam-policy-diff: unknown option `-x`']
  ])('%j', async (argv, message) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`${message}\nrun \`iam-policy-diff --help\` for usage\n`)
  })

  it('does not treat inherited object keys as commands', async () => {
    expect((await run(['constructor'])).stderr).toContain('unknown command `constructor`')
    expect((await run(['__proto__'])).code).toBe(2)
  })
})

describe('iam-policy-diff dispatch', () => {
  it('passes the arguments after the command to it', async () => {
    const result = await run(['evaluate', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^usage: iam-policy-diff evaluate FILE\|-/)
  })

  it('options after the command belong to the command, not to the global parser', async () => {
    const result = await run(['evaluate', '--version'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('iam-policy-diff evaluate: unknown option `--version`')
  })
})
