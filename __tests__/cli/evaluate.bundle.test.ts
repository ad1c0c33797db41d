// `iam-policy-diff evaluate` through the committed bundle, as a separate process (issue 2): the
// exact JSON on stdout, --explain, stdin, and exit 2 with a located message for unreadable input.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CASES, EXPECTED_CASES_OUTPUT } from './expected-output.js'
import { FIXTURES, runCli } from './run-cli.js'

describe('iam-policy-diff evaluate FILE (bundle)', () => {
  it('prints one result per case, in order, and exits 0 even when some cases are Error', async () => {
    expect(await runCli(['evaluate', CASES])).toEqual({
      code: 0,
      stdout: EXPECTED_CASES_OUTPUT,
      stderr: ''
    })
  })

  it('--pretty prints the same JSON indented', async () => {
    const result = await runCli(['evaluate', CASES, '--pretty'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${JSON.stringify(JSON.parse(EXPECTED_CASES_OUTPUT), null, 2)}\n`)
  })

  it('--explain adds the reason, the determining statements and the issues', async () => {
    const result = await runCli(['evaluate', '--explain', CASES])
    expect(result.code).toBe(0)
    const [allowed, denied, many] = JSON.parse(result.stdout) as unknown[]
    expect(allowed).toEqual({
      id: 'read-allowed',
      decision: 'Allow',
      reason: 'identity-allow',
      determining: [
        {
          file: 'read-allowed:identity[0]',
          kind: 'identity',
          statementIndex: 0,
          sid: 'Read',
          line: 9,
          pointer: '/Statement/0'
        }
      ],
      issues: []
    })
    expect(denied).toMatchObject({
      id: 'deny-wins',
      decision: 'ExplicitDeny',
      reason: 'explicit-deny',
      determining: [{ kind: 'identity', statementIndex: 1, sid: 'NoDeletes', line: 34 }]
    })
    expect(many).toMatchObject({
      id: 'many-requests',
      decisions: [
        { decision: 'Allow', determining: [{ statementIndex: 0, sid: null, line: 53 }] },
        { decision: 'ImplicitDeny', reason: 'no-identity-allow', determining: [] }
      ]
    })
  })

  it('reads the cases from stdin with -', async () => {
    const stdin = readFileSync(join(FIXTURES, 'cases.json'), 'utf8')
    const result = await runCli(['evaluate', '-'], { stdin })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(EXPECTED_CASES_OUTPUT.replace(CASES, '<stdin>'))
  })

  it('resolves a relative FILE against the working directory', async () => {
    const result = await runCli(['evaluate', 'cases.json'], { cwd: FIXTURES })
    expect(result.stdout).toBe(EXPECTED_CASES_OUTPUT.replace(CASES, 'cases.json'))
  })
})

describe('iam-policy-diff evaluate: unreadable input exits 2 with a located message (bundle)', () => {
  it.each([
    [
      'a missing file',
      ['evaluate', 'no-such-cases.json'],
      '',
      'no-such-cases.json: error file-unreadable: no such file'
    ],
    [
      'a directory',
      ['evaluate', '__tests__'],
      '',
      '__tests__: error file-unreadable: is a directory'
    ],
    [
      'malformed JSON',
      ['evaluate', '-'],
      '[\n  {"id": "a",\n  }\n]',
      '<stdin>:3:3: error json-syntax'
    ],
    ['a document that is not an array', ['evaluate', '-'], '{"id": "a"}', '<stdin>:1:1: error'],
    ['an empty input', ['evaluate', '-'], '', '<stdin>']
  ])('%s', async (_name, args, stdin, message) => {
    const result = await runCli(args, { stdin })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`iam-policy-diff evaluate: ${message}`)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('says what a case file must be when the document is not an array', async () => {
    const result = await runCli(['evaluate', '-'], { stdin: '{"id": "a"}' })
    expect(result.stderr).toContain('a case file is a JSON array of cases')
  })
})
