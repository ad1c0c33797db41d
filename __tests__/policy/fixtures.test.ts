// Runs every policy under __tests__/fixtures/policies/{valid,malformed,hostile}/ against
// expected.json beside them: kind, validity, and each diagnostic as `code pointer line:column`.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

interface Expectation {
  readonly kind: PolicyKind | 'auto'
  readonly valid: boolean
  readonly diagnostics: readonly string[]
}

const root = fileURLToPath(new URL('../fixtures/policies/', import.meta.url))
const manifest = JSON.parse(readFileSync(`${root}expected.json`, 'utf8')) as Record<
  string,
  Expectation
>
const files = ['valid', 'malformed', 'hostile'].flatMap((dir) =>
  readdirSync(`${root}${dir}`).map((name) => `${dir}/${name}`)
)

function summary(text: string, file: string, kind: Expectation['kind']): Expectation {
  const result = parsePolicy(text, { file, kind })
  for (const d of result.diagnostics) expect(d.file).toBe(file)
  return {
    kind,
    valid: result.policy !== undefined,
    diagnostics: result.diagnostics.map(
      (d) => `${d.code} ${d.pointer || "''"} ${d.span?.line}:${d.span?.column}`
    )
  }
}

describe('policy fixtures (IAM-SEMANTICS §2)', () => {
  it('lists every fixture file in expected.json and nothing else', () => {
    expect(Object.keys(manifest).sort()).toEqual([...files].sort())
  })

  it.each(files)('%s', (file) => {
    const expected = manifest[file]!
    const text = readFileSync(`${root}${file}`, 'utf8')
    expect(summary(text, file, expected.kind)).toEqual(expected)
    if (file.startsWith('valid/')) expect(expected.valid).toBe(true)
    if (file.startsWith('malformed/')) expect(expected.valid).toBe(false)
  })

  it.each(files.filter((f) => f.startsWith('valid/')))(
    '%s reads the same with CRLF line ends',
    (file) => {
      const expected = manifest[file]!
      const text = readFileSync(`${root}${file}`, 'utf8').replaceAll('\n', '\r\n')
      expect(summary(text, file, expected.kind)).toEqual(expected)
    }
  )

  it('hostile/proto-keys.json leaves prototypes alone', () => {
    parsePolicy(readFileSync(`${root}hostile/proto-keys.json`, 'utf8'), { file: 'p', kind: 'auto' })
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('isAdmin')
  })
})
