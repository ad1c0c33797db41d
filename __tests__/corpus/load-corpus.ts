// Finds every corpus file (__tests__/corpus/**/*.json) and splits it into cases, keeping each
// case's exact source text: some cases hold duplicate keys on purpose (IAM-SEMANTICS §2), which
// a JSON.parse → JSON.stringify round trip would silently drop.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseLocatedJson } from '../../src/policy/located-json.js'
import type { CaseDecision } from './engine.js'

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url))

export interface CorpusCase {
  /** file path relative to __tests__/corpus */
  readonly file: string
  readonly id: string
  readonly name: string
  /** an effect for `request`, an array for `requests`; `Error` for invalid cases */
  readonly expect: CaseDecision | readonly CaseDecision[]
  readonly expectDiagnosticCodes: readonly string[] | undefined
  readonly expectDeterminingSids: readonly string[] | undefined
  /** the case object's JSON text, as written */
  readonly text: string
}

export function corpusFiles(dir: string = CORPUS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return corpusFiles(path)
      return entry.name.endsWith('.json') ? [path] : []
    })
    .sort()
}

export function loadCorpusFile(path: string): CorpusCase[] {
  const text = readFileSync(path, 'utf8')
  const file = relative(CORPUS_DIR, path)
  const { root } = parseLocatedJson(text, { file, maxBytes: 64 * 1024 * 1024 })
  if (root?.kind !== 'array') throw new Error(`${file}: a corpus file is a JSON array of cases`)
  const plain = JSON.parse(text) as Record<string, unknown>[]
  return root.items.map((node, index) => {
    const meta = plain[index] ?? {}
    const id = typeof meta.id === 'string' ? meta.id : `case-${index + 1}`
    if (meta.expect === undefined) throw new Error(`${file} › ${id}: no expect`)
    return {
      file,
      id,
      name: typeof meta.name === 'string' ? meta.name : id,
      expect: meta.expect as CorpusCase['expect'],
      expectDiagnosticCodes: meta.expectDiagnosticCodes as string[] | undefined,
      expectDeterminingSids: meta.expectDeterminingSids as string[] | undefined,
      text: text.slice(node.start, node.end)
    }
  })
}
