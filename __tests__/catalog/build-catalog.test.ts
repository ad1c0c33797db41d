// scripts/build-catalog.mjs: deterministic, compact (< 4 MB), and what dist/catalog.json holds.
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { catalogFromData, isCompactCatalog } from '../../src/catalog/catalog-from-data.js'

interface BuildScript {
  buildCatalog(outFile: string): Promise<{ file: string; bytes: number; services: number }>
}

describe('build-catalog', () => {
  it('writes the same compact file twice, equal to dist/catalog.json', async () => {
    // a plain .mjs script: a variable path keeps the type checker from looking for declarations
    const path = '../../scripts/build-catalog.mjs'
    const script = (await import(path)) as BuildScript
    const dir = mkdtempSync(join(tmpdir(), 'build-catalog-'))
    const first = await script.buildCatalog(join(dir, 'a.json'))
    const second = await script.buildCatalog(join(dir, 'b.json'))
    const a = readFileSync(first.file, 'utf8')
    expect(readFileSync(second.file, 'utf8')).toBe(a)
    expect(first.bytes).toBeLessThan(4 * 1024 * 1024)
    expect(statSync(first.file).size).toBe(first.bytes)
    const data: unknown = JSON.parse(a)
    expect(isCompactCatalog(data)).toBe(true)
    if (!isCompactCatalog(data)) return
    expect(catalogFromData(data).action('s3:GetObject')?.name).toBe('s3:GetObject')
    expect(readFileSync(join(process.cwd(), 'dist', 'catalog.json'), 'utf8')).toBe(a)
  })
})
