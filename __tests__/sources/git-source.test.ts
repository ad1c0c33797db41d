import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { gitSource, parseNameStatus } from '../../src/sources/git-source.js'
import { SourceError } from '../../src/sources/port.js'
import { createRepo, policyText, type TestRepo } from './git-repo.js'

const bigPolicy = (extra: string): string =>
  policyText(
    ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:GetBucketPolicy', extra].join(',')
  )

describe('gitSource between two commits', () => {
  let repo: TestRepo
  let base: string
  let head: string
  beforeAll(async () => {
    repo = await createRepo()
    await repo.write({
      'iam/keep.json': policyText('s3:GetObject'),
      'iam/edit.json': policyText('s3:GetObject'),
      'iam/gone.json': JSON.stringify({
        Statement: { Effect: 'Deny', NotAction: 'x:*', NotResource: 'y' }
      }),
      'iam/old-name.json': bigPolicy('s3:DeleteObject'),
      'package.json': '{"name":"x"}\n'
    })
    base = await repo.commit('base')
    await repo.write({
      'iam/edit.json': policyText('s3:*'),
      'iam/new.json': policyText('sts:AssumeRole'),
      'iam/with space ü.json': policyText('kms:Decrypt'),
      'iam/odd\nname.json': policyText('ec2:RunInstances'),
      'package.json': '{"name":"y"}\n'
    })
    await repo.remove('iam/gone.json', 'iam/old-name.json')
    await repo.write({ 'iam/new-name.json': bigPolicy('s3:DeleteObjectVersion') })
    head = await repo.commit('head')
  })
  afterAll(() => repo.dispose())

  it('lists added, modified, deleted and renamed files with their paths', async () => {
    const files = await gitSource({ repo: repo.dir, base, head }).listChangedFiles()
    expect(files).toEqual([
      { path: 'iam/edit.json', previousPath: undefined, status: 'modified' },
      { path: 'iam/gone.json', previousPath: undefined, status: 'deleted' },
      { path: 'iam/new-name.json', previousPath: 'iam/old-name.json', status: 'renamed' },
      { path: 'iam/new.json', previousPath: undefined, status: 'added' },
      { path: 'iam/odd\nname.json', previousPath: undefined, status: 'added' },
      { path: 'iam/with space ü.json', previousPath: undefined, status: 'added' },
      { path: 'package.json', previousPath: undefined, status: 'modified' }
    ])
  })

  it('reads each side from git and says when a side has no such file', async () => {
    const source = gitSource({ repo: repo.dir, base, head })
    const [before, after, added, deleted, renamedBase, odd, spaced] = await Promise.all([
      source.readFile('iam/edit.json', 'base'),
      source.readFile('iam/edit.json', 'head'),
      source.readFile('iam/new.json', 'base'),
      source.readFile('iam/gone.json', 'head'),
      source.readFile('iam/old-name.json', 'base'),
      source.readFile('iam/odd\nname.json', 'head'),
      source.readFile('iam/with space ü.json', 'head')
    ])
    expect(before).toBe(policyText('s3:GetObject'))
    expect(after).toBe(policyText('s3:*'))
    expect(added).toBeUndefined()
    expect(deleted).toBeUndefined()
    expect(renamedBase).toBe(bigPolicy('s3:DeleteObject'))
    expect(odd).toBe(policyText('ec2:RunInstances'))
    expect(spaced).toBe(policyText('kms:Decrypt'))
  })

  it('treats a directory, a path outside the repository and a missing path as no file', async () => {
    const source = gitSource({ repo: repo.dir, base, head })
    expect(await source.readFile('iam', 'head')).toBeUndefined()
    expect(await source.readFile('../etc/passwd', 'head')).toBeUndefined()
    expect(await source.readFile('/etc/passwd', 'head')).toBeUndefined()
    expect(await source.readFile('nope.json', 'base')).toBeUndefined()
  })

  it('lists every file of each side', async () => {
    const source = gitSource({ repo: repo.dir, base, head })
    expect(await source.listFiles('base')).toEqual([
      'iam/edit.json',
      'iam/gone.json',
      'iam/keep.json',
      'iam/old-name.json',
      'package.json'
    ])
    expect(await source.listFiles('head')).toContain('iam/keep.json')
    expect(await source.listFiles('head')).not.toContain('iam/gone.json')
  })

  it('accepts refs by name and works from a subdirectory', async () => {
    await repo.git('branch', '-f', 'feature', head)
    const source = gitSource({
      repo: path.join(repo.dir, 'iam'),
      base: `${head}~1`,
      head: 'feature'
    })
    expect((await source.listChangedFiles()).length).toBe(7)
    expect(source.baseLabel).toBe(`${head}~1`)
    expect(source.headLabel).toBe('feature')
  })

  it('reads hundreds of files in one go without losing or mixing any', async () => {
    const many = await createRepo()
    try {
      const files: Record<string, string> = {}
      for (let i = 0; i < 300; i++)
        files[`p/${String(i).padStart(3, '0')}.json`] = policyText(`s3:Get${i}`)
      await many.write(files)
      const commit = await many.commit('many')
      const source = gitSource({ repo: many.dir, base: commit, head: commit })
      const names = Object.keys(files)
      const texts = await Promise.all(names.map((name) => source.readFile(name, 'base')))
      expect(texts).toEqual(names.map((name) => files[name]))
    } finally {
      await many.dispose()
    }
  })
})

describe('gitSource against the working tree', () => {
  let repo: TestRepo
  let base: string
  beforeAll(async () => {
    repo = await createRepo()
    await repo.write({
      '.gitignore': 'ignored/\n',
      'a.json': policyText('s3:GetObject'),
      'b.json': policyText('s3:GetObject')
    })
    base = await repo.commit('base')
    await repo.write({
      'a.json': policyText('s3:PutObject'),
      'untracked.json': policyText('iam:PassRole'),
      'ignored/x.json': policyText('iam:*')
    })
    await repo.remove('b.json')
  })
  afterAll(() => repo.dispose())

  it('includes tracked changes and untracked files, not ignored ones', async () => {
    const source = gitSource({ repo: repo.dir, base, head: undefined })
    expect(source.headLabel).toBe('working tree')
    expect(await source.listChangedFiles()).toEqual([
      { path: 'a.json', previousPath: undefined, status: 'modified' },
      { path: 'b.json', previousPath: undefined, status: 'deleted' },
      { path: 'untracked.json', previousPath: undefined, status: 'added' }
    ])
  })

  it('reads the head side from disk', async () => {
    const source = gitSource({ repo: repo.dir, base, head: undefined })
    expect(await source.readFile('a.json', 'head')).toBe(policyText('s3:PutObject'))
    expect(await source.readFile('a.json', 'base')).toBe(policyText('s3:GetObject'))
    expect(await source.readFile('b.json', 'head')).toBeUndefined()
    expect(await source.listFiles('head')).toEqual(['.gitignore', 'a.json', 'untracked.json'])
  })
})

describe('gitSource failures become git-failed diagnostics', () => {
  let repo: TestRepo
  let shallowDir: string
  beforeAll(async () => {
    repo = await createRepo()
    await repo.write({ 'a.json': policyText('s3:GetObject') })
    await repo.commit('one')
    await repo.write({ 'a.json': policyText('s3:PutObject') })
    await repo.commit('two')
    shallowDir = await mkdtemp(path.join(os.tmpdir(), 'iam-policy-diff-shallow-'))
    await repo.git('clone', '-q', '--depth', '1', `file://${repo.dir}`, shallowDir)
  })
  afterAll(async () => {
    await repo.dispose()
    await rm(shallowDir, { recursive: true, force: true })
  })

  const failure = async (promise: Promise<unknown>): Promise<SourceError> => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(SourceError)
    return error as SourceError
  }

  it('names an unknown ref', async () => {
    const error = await failure(
      gitSource({ repo: repo.dir, base: 'no-such-branch', head: 'HEAD' }).listChangedFiles()
    )
    expect(error.diagnostic.code).toBe('git-failed')
    expect(error.diagnostic.message).toBe('unknown git ref `no-such-branch`')
    expect(error.diagnostic.help).toMatch(/git fetch origin/)
  })

  it('never lets a ref act as an option', async () => {
    const error = await failure(
      gitSource({ repo: repo.dir, base: '--output=/tmp/x', head: 'HEAD' }).listChangedFiles()
    )
    expect(error.diagnostic.message).toBe('unknown git ref `--output=/tmp/x`')
  })

  it('hints at fetch-depth when the clone is shallow', async () => {
    const error = await failure(
      gitSource({ repo: shallowDir, base: 'HEAD~1', head: 'HEAD' }).listChangedFiles()
    )
    expect(error.diagnostic.help).toMatch(/shallow.*fetch-depth: 0/)
  })

  it('says when the directory is not a repository or does not exist', async () => {
    const plain = await mkdtemp(path.join(os.tmpdir(), 'iam-policy-diff-plain-'))
    try {
      const error = await failure(
        gitSource({ repo: plain, base: 'main', head: undefined }).listChangedFiles()
      )
      expect(error.diagnostic.message).toBe('not a git repository')
    } finally {
      await rm(plain, { recursive: true, force: true })
    }
    const missing = await failure(
      gitSource({ repo: path.join(plain, 'gone'), base: 'main', head: undefined }).readFile(
        'a.json',
        'base'
      )
    )
    expect(missing.diagnostic.message).toMatch(/^repository directory `.*gone` does not exist$/)
  })
})

describe('parseNameStatus', () => {
  it('reads statuses, renames with scores, copies and type changes', () => {
    const out = [
      'M',
      'a b.json',
      'R087',
      'old.json',
      'new.json',
      'C100',
      'x.json',
      'y.json',
      'T',
      'link',
      'D',
      'd.json',
      ''
    ]
    expect(parseNameStatus(out.join('\0'))).toEqual([
      { path: 'a b.json', previousPath: undefined, status: 'modified' },
      { path: 'new.json', previousPath: 'old.json', status: 'renamed' },
      { path: 'y.json', previousPath: undefined, status: 'added' },
      { path: 'link', previousPath: undefined, status: 'modified' },
      { path: 'd.json', previousPath: undefined, status: 'deleted' }
    ])
    expect(parseNameStatus('')).toEqual([])
  })
})
