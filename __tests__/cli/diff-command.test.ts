import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runDiffCommand } from '../../src/cli/diff-command.js'
import type { CliIo } from '../../src/cli/io.js'
import type { Report } from '../../src/diff/report.js'
import { createRepo, type TestRepo } from '../sources/git-repo.js'

interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

async function diff(args: string[], cwd: string): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => Promise.resolve(''),
    cwd
  }
  const code = await runDiffCommand(args, io)
  return { code, stdout, stderr }
}

const doc = (...statements: object[]): string =>
  `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`
const allow = (action: string | string[]): object => ({
  Effect: 'Allow',
  Action: action,
  Resource: '*'
})

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iam-policy-diff-cli-'))
  const files: Record<string, string> = {
    'old.json': doc(allow('sqs:SendMessage')),
    'wider.json': doc(allow(['sqs:SendMessage', 'sqs:DeleteQueue'])),
    'narrower.json': doc(allow('sqs:SendMessage'), {
      Effect: 'Deny',
      Action: 'sqs:SendMessage',
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } }
    }),
    'broken.json': '{"Statement": [ {"Effect": "Allow",} ]}',
    'a/p.json': doc(allow('sqs:SendMessage')),
    'b/p.json': doc(allow('sqs:*')),
    'bad-config.yml': 'fail-on: sometimes\n'
  }
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('diff OLD NEW', () => {
  it('prints the verdict and the changes, exit 0 by default', async () => {
    const run = await diff(['old.json', 'wider.json'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toMatch(/^⚠ access broadened for \d+ requests? in 1 file$/)
    expect(run.stdout).toContain('sqs:DeleteQueue')
    expect(run.stderr).toBe('')
  })

  it('prints the JSON report (schema v1)', async () => {
    const run = await diff(['old.json', 'wider.json', '--format', 'json'], dir)
    const report = JSON.parse(run.stdout) as Report
    expect(report.schemaVersion).toBe(1)
    expect(report.files.map((f) => [f.file, f.previousFile, f.status])).toEqual([
      ['wider.json', 'old.json', 'modified']
    ])
    expect(report.changes.map((c) => [c.kind, c.action])).toEqual([
      ['broadened', 'sqs:DeleteQueue']
    ])
  })

  it('prints the pull-request comment as Markdown', async () => {
    const run = await diff(['old.json', 'wider.json', '--format', 'markdown'], dir)
    expect(
      run.stdout.startsWith(
        '<!-- iam-policy-diff -->\n### ⚠️ IAM policy diff: access **broadened**'
      )
    ).toBe(true)
  })

  it.each([
    [['--fail-on', 'broadened'], 'wider.json', 1],
    [['--fail-on', 'broadened'], 'narrower.json', 0],
    [['--fail-on', 'any'], 'narrower.json', 1],
    [['--fail-on', 'never'], 'wider.json', 0],
    // sqs:DeleteQueue is a write, nothing public or escalating
    [['--fail-on', 'public,privilege-escalation'], 'wider.json', 0],
    [['--fail-on', 'write'], 'wider.json', 1],
    [['--fail-on', 'public'], 'broken.json', 1],
    [[], 'wider.json', 0]
  ])('%j with %s exits %i', async (options, head, code) => {
    expect((await diff(['old.json', head, ...options], dir)).code).toBe(code)
  })

  it('reports an invalid policy with a located message; --fail-on treats it as a broadening', async () => {
    expect((await diff(['old.json', 'broken.json', '--fail-on', 'broadened'], dir)).code).toBe(1)
    const run = await diff(['old.json', 'broken.json', '--format', 'json'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^iam-policy-diff diff: broken\.json:1:\d+: error json-syntax: /)
    expect((JSON.parse(run.stdout) as Report).summary.filesWithErrors).toBe(1)
  })

  it('compares two directories file by file', async () => {
    const run = await diff(['a', 'b'], dir)
    expect(run.code).toBe(0)
    // the verdict leads with the most severe risk, then the counts
    expect(run.stdout).toMatch(/^⚠ .*access broadened for \d+ requests in 1 file/)
  })
})

describe('usage errors exit 2', () => {
  it.each([
    [
      ['old.json', 'wider.json', '--format', 'yaml'],
      'unknown format `yaml`: use text, markdown or json'
    ],
    [
      ['old.json', 'wider.json', '--fail-on', 'sometimes'],
      '--fail-on: unknown value `sometimes`: use `never`, `any`, `broadened` or risk names (`public`, `admin`, `privilege-escalation`, `cross-account`, `permissions-management`, `write`, `tagging`, `read`, `list`), comma-separated'
    ],
    [['old.json'], 'expected two paths (OLD NEW), got 1'],
    [['old.json', 'a'], 'compare two files or two directories, not one of each'],
    [['old.json', 'nope.json'], 'cannot read `nope.json`: no such file or directory'],
    [['old.json', 'wider.json', '--base', 'main'], '`--base` cannot be combined with two paths'],
    [['--bogus'], 'unknown option `--bogus`'],
    [
      ['old.json', 'wider.json', '--config', 'missing.yml'],
      'cannot read the configuration `missing.yml`'
    ]
  ])('%j', async (args, message) => {
    const run = await diff(args, dir)
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toBe(`iam-policy-diff diff: ${message}`)
    expect(run.stdout).toBe('')
  })

  it('rejects an invalid configuration with its located error', async () => {
    const run = await diff(['old.json', 'wider.json', '--config', 'bad-config.yml'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/bad-config\.yml:1:\d+: error config-invalid: /)
  })

  it('prints its help', async () => {
    const run = await diff(['--help'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^usage: iam-policy-diff diff /)
  })
})

describe('diff in a git repository', () => {
  let repo: TestRepo
  beforeAll(async () => {
    repo = await createRepo()
    await repo.write({
      'iam/p.json': doc(allow('sqs:SendMessage')),
      'package.json': '{"name":"x"}\n'
    })
    await repo.commit('base')
    await repo.write({
      'iam/p.json': doc(allow(['sqs:SendMessage', 'sqs:PurgeQueue'])),
      'package.json': '{"name":"y"}\n'
    })
    await repo.commit('head')
  })
  afterAll(() => repo.dispose())

  it('compares two commits (relative --repo, default format)', async () => {
    const run = await diff(
      ['--repo', path.basename(repo.dir), '--base', 'HEAD~1', '--head', 'HEAD'],
      path.dirname(repo.dir)
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('iam/p.json')
    expect(run.stdout).toContain('sqs:PurgeQueue')
  })

  it('compares HEAD with the working tree by default, and reads the head configuration', async () => {
    await repo.write({
      'iam/p.json': doc(allow('sqs:*')),
      '.github/iam-policy-diff.yml': 'fail-on: broadened\n'
    })
    try {
      const run = await diff(['--format', 'json'], repo.dir)
      const report = JSON.parse(run.stdout) as Report
      expect(report.head).toBe('working tree')
      expect(report.summary.broadened).toBeGreaterThan(0)
      expect(run.code).toBe(1)
      expect((await diff(['--fail-on', 'never'], repo.dir)).code).toBe(0)
      const manual = JSON.parse(
        (await diff(['--format', 'json', '--no-auto'], repo.dir)).stdout
      ) as Report
      expect(manual.summary.requests).toBe(0)
    } finally {
      await repo.git('checkout', '--', '.')
      await rm(path.join(repo.dir, '.github'), { recursive: true, force: true })
    }
  })

  it('exits 2 with a git-failed message for an unknown ref', async () => {
    const run = await diff(['--base', 'no-such-ref', '--format', 'json'], repo.dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('error git-failed: unknown git ref `no-such-ref`')
  })
})
