// `iam-policy-diff evaluate`: reads a JSON array of cases and decides every request (issue 2).
// The text is parsed once into a located tree, so every problem — in the case structure or in a
// policy — has a line and column in the case file. An invalid case becomes `Error` with its
// diagnostics and the other cases still run; only an unreadable file has no results.
import type { ActionCatalog } from '../catalog/catalog.js'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { compilePolicySet, evaluateCompiled, prepareRequest } from '../engine/evaluate.js'
import type { Decision, PolicySet, Request } from '../engine/types.js'
import { LineIndex } from '../policy/line-index.js'
import { parseLocatedJson, parseLocatedValue, type JsonNode } from '../policy/located-json.js'
import { caseFileLayout, parseCase, type CaseFileLayout } from './case-file-layout.js'
import { CaseReader, describe } from './case-reader.js'
import { decisionResult, errorResult } from './case-output.js'
import type { CaseResult } from './case-types.js'
import { unknownActions } from './check-actions.js'
import { readCase } from './read-case.js'
import { readPlainCase } from './read-plain-case.js'
import { readPolicies } from './read-policies.js'

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
  /** the text's size in UTF-8 bytes, when the caller read it as bytes (saves encoding it) */
  readonly bytes?: number | undefined
}

export interface RunCaseFileResult {
  /** one result per case, in order; undefined when the input is unreadable */
  readonly results?: CaseResult[]
  /** unreadable input (with no results), or warnings about readable cases */
  readonly diagnostics: Diagnostic[]
}

/** Case files hold many policies, so they may be larger than one policy file (2 MiB). */
export const MAX_CASE_FILE_BYTES = 32 * 1024 * 1024

/**
 * Well-formed files take the fast path (readPlainCases); any other file, and any case the fast
 * path does not accept, is read from the located tree, so every problem keeps its position.
 */
export function runCaseFile(text: string, options: RunCaseFileOptions): RunCaseFileResult {
  return readPlainCases(text, options) ?? runLocated(text, options)
}

/** The reference reader: the whole file as a located tree (tests compare the fast path with it). */
export function runLocated(text: string, options: RunCaseFileOptions): RunCaseFileResult {
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
  const results = root.items.map((node, index) =>
    locatedCase(node, index, new CaseReader(lines, file), options, warnings)
  )
  return { results, diagnostics: warnings }
}

/** One case read from its located tree: every problem is reported with its position. */
function locatedCase(
  node: JsonNode,
  index: number,
  reader: CaseReader,
  options: RunCaseFileOptions,
  warnings: Diagnostic[]
): CaseResult {
  const read = readCase(reader, node, index)
  const errors = options.catalog
    ? [...read.errors, ...unknownActions(options.catalog, node, reader.lines, reader.file)]
    : read.errors
  warnings.push(...read.warnings)
  if (errors.length > 0 || read.set === undefined) return errorResult(read.id, errors)
  const decisions = decideAll(read.set, read.requests)
  return decisionResult(read.id, read.many, decisions, options.explain)
}

/**
 * The fast path: JSON.parse of each case and a check of its values, as readCase would check
 * them; only the policies (whose statements carry lines) are read from a located tree.
 * Undefined when the file is not a well-formed array of objects within the limits, or holds a
 * duplicate key: the located parser then reports what is wrong. A case the check does not
 * accept is read again from its located tree, with the same diagnostics as on the slow path.
 */
function readPlainCases(text: string, options: RunCaseFileOptions): RunCaseFileResult | undefined {
  if (!withinSize(text, options.bytes)) return undefined
  const layout = caseFileLayout(text)
  if (layout === undefined) return undefined
  const warnings: Diagnostic[] = []
  const results: CaseResult[] = []
  let whole: LineIndex | undefined
  const wholeLines = (): LineIndex => (whole ??= new LineIndex(text))
  for (let index = 0; index < layout.caseStarts.length; index++) {
    const result = plainCase(text, layout, index, options, warnings, wholeLines)
    if (result === undefined) return undefined
    results.push(result)
  }
  return { results, diagnostics: warnings }
}

/** Whether the text is within MAX_CASE_FILE_BYTES, without encoding it when the caller knows. */
function withinSize(text: string, bytes: number | undefined): boolean {
  if (bytes !== undefined) return bytes <= MAX_CASE_FILE_BYTES
  if (text.length > MAX_CASE_FILE_BYTES) return false
  // UTF-8 takes at most three bytes per UTF-16 code unit
  return (
    text.length * 3 <= MAX_CASE_FILE_BYTES || Buffer.byteLength(text, 'utf8') <= MAX_CASE_FILE_BYTES
  )
}

function plainCase(
  text: string,
  layout: CaseFileLayout,
  index: number,
  options: RunCaseFileOptions,
  warnings: Diagnostic[],
  wholeLines: () => LineIndex
): CaseResult | undefined {
  const value = parseCase(text, layout, index)
  if (value === undefined) return undefined
  const read = readPlainCase(value, index, options.catalog)
  // fewer properties than the text's keys: JSON.parse dropped a duplicate key, which the
  // located reader reports
  if (read === undefined || read.properties !== layout.caseKeys[index]) {
    const node = parseLocatedValue(text, layout.caseStarts[index] ?? -1, `/${index}`)
    if (node === undefined) return undefined
    const reader = new CaseReader(wholeLines(), options.file)
    return locatedCase(node, index, reader, options, warnings)
  }
  const start = layout.policiesStarts[index]
  // positions are only ever asked for inside the policies: lines are counted from there
  const lines = start === undefined ? wholeLines() : new LineIndex(text, start)
  const reader = new CaseReader(lines, options.file)
  let policiesNode: JsonNode | undefined
  if (value.policies !== undefined) {
    policiesNode =
      start === undefined ? undefined : parseLocatedValue(text, start.offset, `/${index}/policies`)
    if (policiesNode === undefined) return undefined
  }
  const policies = readPolicies(reader, policiesNode, read.id)
  const errors = [
    ...reader.diagnostics,
    ...policies.diagnostics.filter((d) => d.severity === 'error')
  ]
  warnings.push(...policies.diagnostics.filter((d) => d.severity !== 'error'))
  if (errors.length > 0 || policies.set === undefined) return errorResult(read.id, errors)
  const compiled = compilePolicySet(policies.set)
  const decisions = read.requests.map((request) => evaluateCompiled(compiled, request))
  return decisionResult(read.id, read.many, decisions, options.explain)
}

/** The policies are compiled once per case, however many requests it has. */
function decideAll(set: PolicySet, requests: readonly Request[]): Decision[] {
  const compiled = compilePolicySet(set)
  return requests.map((request) => evaluateCompiled(compiled, prepareRequest(request)))
}
