// docs/DIAGNOSTICS.md documents every code (STYLE habit 12), and only codes that exist.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '../../src/policy/located-json.js'

const doc = readFileSync(new URL('../../docs/DIAGNOSTICS.md', import.meta.url), 'utf8')
const documented = [...doc.matchAll(/^### `([a-z0-9-]+)`$/gm)].map((m) => m[1])

describe('docs/DIAGNOSTICS.md', () => {
  it.each(Object.keys(DIAGNOSTIC_CODES))('documents %s with its severity', (code) => {
    expect(documented).toContain(code)
    const section = doc.split(`### \`${code}\``)[1]?.split('\n### ')[0] ?? ''
    const severity = DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].severity
    expect(section).toContain(`**${severity}.**`)
  })

  it('documents no code that does not exist, and each once', () => {
    expect(documented.filter((c) => !(c! in DIAGNOSTIC_CODES))).toEqual([])
    expect(new Set(documented).size).toBe(documented.length)
  })

  it('states the parser limits that the code uses', () => {
    expect(DEFAULT_MAX_BYTES).toBe(2 * 1024 * 1024)
    expect(doc).toContain(`2 MiB (${DEFAULT_MAX_BYTES.toLocaleString('en-US')} bytes of UTF-8)`)
    expect(doc).toContain(`| ${DEFAULT_MAX_DEPTH} levels |`)
  })
})
