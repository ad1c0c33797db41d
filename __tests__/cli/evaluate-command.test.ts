// `iam-policy-diff evaluate` in-process (src/cli/evaluate-command.ts): arguments, output format
// and read errors. The bundle tests cover the same command as a separate process.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatResults, runEvaluateCommand } from '../../src/cli/evaluate-command.js'
import { CASES, EXPECTED_CASES_OUTPUT } from './expected-output.js'
import { fakeIo } from './fake-io.js'
import { ROOT } from './run-cli.js'

async function evaluate(args: string[], stdin?: string) {
  const io = fakeIo({ cwd: ROOT, ...(stdin === undefined ? {} : { stdin }) })
  const code = await runEvaluateCommand(args, io)
  return { code, stdout: io.out(), stderr: io.err() }
}

const HINT = 'run `iam-policy-diff evaluate --help` for usage\n'

describe('evaluate output format', () => {
  const results = [
    { id: 'a', decision: 'Allow' },
    { id: 'b', decisions: ['Allow', 'ImplicitDeny'] }
  ]

  it('prints a JSON array with one case per line by default', () => {
    const text = formatResults(results, false)
    expect(text).toBe(
      '[\n{"id":"a","decision":"Allow"},\n{"id":"b","decisions":["Allow","ImplicitDeny"]}\n]\n'
    )
    expect(JSON.parse(text)).toEqual(results)
  })

  it('indents with --pretty', () => {
    expect(formatResults(results, true)).toBe(`${JSON.stringify(results, null, 2)}\n`)
  })

  it('prints an empty case file as an empty array', () => {
    expect(formatResults([], false)).toBe('[]\n')
  })
})

describe('evaluate in-process', () => {
  it('gives the same output as the bundle', async () => {
    expect(await evaluate([CASES])).toEqual({ code: 0, stdout: EXPECTED_CASES_OUTPUT, stderr: '' })
  })

  it('reads stdin for -', async () => {
    const stdin = readFileSync(join(ROOT, CASES), 'utf8')
    const result = await evaluate(['-'], stdin)
    expect(result.stdout).toBe(EXPECTED_CASES_OUTPUT.replace(CASES, '<stdin>'))
  })

  it('--allow-unknown-actions decides an action missing from the catalogue', async () => {
    const stdin =
      '[{"id":"t","policies":{"identity":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}]},"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObjekt","resource":"*"}}]'
    expect((await evaluate(['-'], stdin)).stdout).toContain('"decision":"Error"')
    const allowed = await evaluate(['-', '--allow-unknown-actions'], stdin)
    expect(allowed).toEqual({
      code: 0,
      stdout: '[\n{"id":"t","decision":"Allow"}\n]\n',
      stderr: ''
    })
  })

  it('--help prints the command usage', async () => {
    const result = await evaluate(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^usage: iam-policy-diff evaluate FILE\|- \[--explain\] \[--pretty\]/
    )
  })
})

describe('evaluate usage errors exit 2', () => {
  it.each([
    [[], 'missing case file (use `-` for stdin)'],
    [['a.json', 'b.json'], 'unexpected argument `b.json`'],
    [['--explian', 'a.json'], 'unknown option `--explian`']
  ])('%j', async (args, message) => {
    expect(await evaluate(args)).toEqual({
      code: 2,
      stdout: '',
      stderr: `iam-policy-diff evaluate: ${message}\n${HINT}`
    })
  })
})
