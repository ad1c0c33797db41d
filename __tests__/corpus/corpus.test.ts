// The generic corpus runner (STYLE habit 9): every case of every __tests__/corpus/**/*.json runs
// through the engine interface. Expected results were derived by hand from IAM-SEMANTICS.md.
//
//   CORPUS_FOCUS=<text>  run only cases whose id or name contains <text>
//
// Comparison modes: effect only (default); effect + determining statements when a case gives
// `expectDeterminingSids`; `Error` cases also compare `expectDiagnosticCodes` (each listed code
// must be among the diagnostics).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { caseFileEngine, type CaseOutcome, type CorpusEngine } from './engine.js'
import { CORPUS_DIR, corpusFiles, loadCorpusFile, type CorpusCase } from './load-corpus.js'
import { SKIP } from './skip.js'

const focus = process.env.CORPUS_FOCUS
const files = corpusFiles().map(loadCorpusFile)
const all = files.flat()
const engine: CorpusEngine = caseFileEngine(loadCatalog())

const title = (c: CorpusCase): string => `${c.file} › ${c.id}`
const selected = (c: CorpusCase): boolean =>
  focus === undefined || c.id.includes(focus) || c.name.includes(focus)

/** What the comparison looks at, so a failure shows expected and actual side by side. */
function observed(c: CorpusCase, out: CaseOutcome): Record<string, unknown> {
  const view: Record<string, unknown> = {
    decision: Array.isArray(c.expect) ? out.decisions : out.decisions[0]
  }
  if (c.expectDiagnosticCodes !== undefined) {
    view.diagnosticCodes = c.expectDiagnosticCodes.filter((code) =>
      out.diagnosticCodes.includes(code)
    )
    view.allDiagnosticCodes = out.diagnosticCodes
  }
  if (c.expectDeterminingSids !== undefined) {
    view.determiningSids = [...(out.determiningSids[0] ?? [])].sort()
  }
  return view
}

function expected(c: CorpusCase, out: CaseOutcome): Record<string, unknown> {
  const view: Record<string, unknown> = { decision: c.expect }
  if (c.expectDiagnosticCodes !== undefined) {
    view.diagnosticCodes = c.expectDiagnosticCodes
    view.allDiagnosticCodes = out.diagnosticCodes
  }
  if (c.expectDeterminingSids !== undefined) {
    view.determiningSids = [...c.expectDeterminingSids].sort()
  }
  return view
}

describe('corpus', () => {
  it('has unique case titles and at least 450 cases of our own', () => {
    const titles = all.map(title)
    expect(new Set(titles).size).toBe(titles.length)
    const own = all.filter((c) => c.file.startsWith('cases/'))
    expect(own.length).toBeGreaterThanOrEqual(450)
  })

  it('skip entries name existing cases and give reasons', () => {
    const titles = new Set(all.map(title))
    for (const [key, reason] of Object.entries(SKIP)) {
      expect({ key, exists: titles.has(key) }).toEqual({ key, exists: true })
      expect(reason.trim().length).toBeGreaterThan(10)
    }
  })

  it('case files match their source tables (node __tests__/corpus/generate.mjs)', () => {
    const script = join(CORPUS_DIR, 'generate.mjs')
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })
    ).not.toThrow()
  })
})

for (const cases of files) {
  const chosen = cases.filter(selected)
  if (chosen.length === 0) continue
  describe(chosen[0]?.file ?? '', () => {
    for (const c of chosen) {
      const skipped = SKIP[title(c)]
      ;(skipped === undefined ? it : it.skip)(c.id, () => {
        const out = engine.run(c.text, c.file)
        expect(observed(c, out)).toEqual(expected(c, out))
      })
    }
  })
}
