import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { directoryPairSource, filePairSource } from '../../src/sources/file-pair-source.js'
import { SourceError } from '../../src/sources/port.js'

let dir: string
const at = (...parts: string[]): string => path.join(dir, ...parts)

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'iam-policy-diff-pair-'))
  const files: Record<string, string> = {
    'old.json': '{"Statement":[]}',
    'new.txt': '{"Statement":[1]}',
    'a/same.json': 'same',
    'a/edit.json': 'v1',
    'a/gone.json': 'x',
    'a/sub/deep.json': 'd1',
    'a/.git/config': 'skipped',
    'b/same.json': 'same',
    'b/edit.json': 'v2',
    'b/new.json': 'n',
    'b/sub/deep.json': 'd2',
    'b/node_modules/p/package.json': '{}'
  }
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(at(name)), { recursive: true })
    await writeFile(at(name), text)
  }
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('filePairSource', () => {
  it('offers the two files as one explicit change', async () => {
    const source = filePairSource({ base: at('old.json'), head: at('new.txt') })
    expect(source.explicit).toBe(true)
    const [file] = await source.listChangedFiles()
    expect(file).toEqual({ path: at('new.txt'), previousPath: at('old.json'), status: 'modified' })
    expect(await source.readFile(at('old.json'), 'base')).toBe('{"Statement":[]}')
    expect(await source.readFile(at('new.txt'), 'head')).toBe('{"Statement":[1]}')
    expect(await source.readFile('elsewhere.json', 'head')).toBeUndefined()
  })

  it('reports a missing file as file-unreadable', async () => {
    const source = filePairSource({ base: at('nope.json'), head: at('new.txt') })
    const error = await source.readFile(at('nope.json'), 'base').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceError)
    expect((error as SourceError).diagnostic.code).toBe('file-unreadable')
    expect((error as SourceError).diagnostic.message).toMatch(/nope\.json`: not an existing file$/)
  })
})

describe('directoryPairSource', () => {
  it('compares same-named files, skipping .git and node_modules', async () => {
    const source = directoryPairSource({ base: at('a'), head: at('b') })
    expect(await source.listChangedFiles()).toEqual([
      { path: 'edit.json', previousPath: undefined, status: 'modified' },
      { path: 'gone.json', previousPath: undefined, status: 'deleted' },
      { path: 'new.json', previousPath: undefined, status: 'added' },
      { path: 'sub/deep.json', previousPath: undefined, status: 'modified' }
    ])
    expect(await source.readFile('sub/deep.json', 'base')).toBe('d1')
    expect(await source.readFile('new.json', 'base')).toBeUndefined()
    expect(await source.listFiles('head')).toEqual([
      'edit.json',
      'new.json',
      'same.json',
      'sub/deep.json'
    ])
  })

  it('reports a missing directory', async () => {
    const source = directoryPairSource({ base: at('a'), head: at('zzz') })
    const error = await source.listChangedFiles().catch((e: unknown) => e)
    expect((error as SourceError).diagnostic.message).toMatch(/zzz`: not an existing directory$/)
  })
})
