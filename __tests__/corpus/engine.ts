// The corpus runs against an engine interface (STYLE habit 9), so a second implementation (a
// recorded AWS oracle, a reference model) can be compared on the same cases later.
import type { ActionCatalog } from '../../src/catalog/catalog.js'
import { runCaseFile, type CaseResult } from '../../src/cases/run-case-file.js'

export type CaseDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'Error'

/** What one case produced, in the shape the comparison modes need. */
export interface CaseOutcome {
  /** one per request; a single `Error` when the case is invalid */
  readonly decisions: readonly CaseDecision[]
  /** codes of the diagnostics of an `Error` case */
  readonly diagnosticCodes: readonly string[]
  /** per decision, the Sids of the determining statements (null for a statement without Sid) */
  readonly determiningSids: readonly (readonly (string | null)[])[]
}

export interface CorpusEngine {
  readonly name: string
  /** `caseText` is the JSON text of one case object, exactly as written in its file */
  run(caseText: string, file: string): CaseOutcome
}

/** The project's engine through the same path as `iam-policy-diff evaluate --explain`. */
export function caseFileEngine(catalog: ActionCatalog): CorpusEngine {
  return {
    name: 'runCaseFile',
    run(caseText, file) {
      const { results, diagnostics } = runCaseFile(`[${caseText}]`, {
        file,
        explain: true,
        catalog
      })
      const [result] = results ?? []
      if (result === undefined) {
        const codes = diagnostics.map((d) => d.code)
        return { decisions: ['Error'], diagnosticCodes: codes, determiningSids: [] }
      }
      return outcome(result)
    }
  }
}

function outcome(result: CaseResult): CaseOutcome {
  if ('diagnostics' in result) {
    return {
      decisions: ['Error'],
      diagnosticCodes: result.diagnostics.map((d) => d.code),
      determiningSids: []
    }
  }
  const entries: readonly (
    string | { decision: string; determining?: readonly { sid: string | null }[] }
  )[] = 'decisions' in result ? result.decisions : [result]
  return {
    decisions: entries.map((d) => (typeof d === 'string' ? d : d.decision) as CaseDecision),
    diagnosticCodes: [],
    determiningSids: entries.map((d) =>
      typeof d === 'string' ? [] : (d.determining ?? []).map((s) => s.sid)
    )
  }
}
