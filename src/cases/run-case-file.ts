// `iam-policy-diff evaluate`: reads a JSON array of cases and decides every request (issue 2).
// The text is parsed once into a located tree, so every problem — in the case structure or in a
// policy — has a line and column in the case file. An invalid case becomes `Error` with its
// diagnostics and the other cases still run; only an unreadable file has no results.
import type { ActionCatalog } from '../catalog/catalog.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { compilePolicySet, evaluateCompiled, prepareRequest } from '../engine/evaluate.js'
import type { Decision, PolicySet, Request } from '../engine/types.js'
import { parseLocatedJson } from '../policy/located-json.js'
import { CaseReader, describe } from './case-reader.js'
import { decisionResult, errorResult } from './case-output.js'
import type { CaseResult } from './case-types.js'
import { unknownActions } from './check-actions.js'
import { readCase } from './read-case.js'

export type {
  CaseDiagnostic,
  CaseIssue,
  CaseResult,
  DeterminingStatement,
  ExplainedDecision
} from './case-types.js'

export interface RunCaseFileOptions {
  /** the case file's name as shown in diagnostics */
  readonly file: string
  /** add reason, determining statements and issues to every decision */
  readonly explain: boolean
  /** when given, request actions missing from the catalogue make their case an `Error` */
  readonly catalog?: ActionCatalog | undefined
}

export interface RunCaseFileResult {
  /** one result per case, in order; undefined when the input is unreadable */
  readonly results?: CaseResult[]
  /** unreadable input (with no results), or warnings about readable cases */
  readonly diagnostics: Diagnostic[]
}

/** Case files hold many policies, so they may be larger than one policy file (2 MiB). */
export const MAX_CASE_FILE_BYTES = 32 * 1024 * 1024

export function runCaseFile(text: string, options: RunCaseFileOptions): RunCaseFileResult {
  const { file } = options
  const json = parseLocatedJson(text, { file, maxBytes: MAX_CASE_FILE_BYTES })
  const { root, lines } = json
  const fatal = json.diagnostics.filter((d) => d.code !== 'json-duplicate-key')
  if (root === undefined || fatal.length > 0) return { diagnostics: fatal }
  if (root.kind !== 'array') {
    const reader = new CaseReader(lines, file)
    reader.problem(root, `a case file is a JSON array of cases, not ${describe(root)}`)
    return { diagnostics: reader.diagnostics }
  }
  const warnings: Diagnostic[] = []
  const results = root.items.map((node, index) => {
    const reader = new CaseReader(lines, file)
    const read = readCase(reader, node, index)
    const errors = options.catalog
      ? [...read.errors, ...unknownActions(options.catalog, node, lines, file)]
      : read.errors
    warnings.push(...read.warnings)
    if (errors.length > 0 || read.set === undefined) return errorResult(read.id, errors)
    const decisions = decideAll(read.set, read.requests)
    return decisionResult(read.id, read.many, decisions, options.explain)
  })
  return { results, diagnostics: warnings }
}

/** The policies are compiled once per case, however many requests it has. */
function decideAll(set: PolicySet, requests: readonly Request[]): Decision[] {
  const compiled = compilePolicySet(set)
  return requests.map((request) => evaluateCompiled(compiled, prepareRequest(request)))
}
