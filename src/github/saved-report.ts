// Reads a report saved by an earlier run (the fork relay downloads it as an artifact). The file is
// untrusted: a fork's workflow could have written anything. It is checked against the report
// schema before any renderer sees it, and only ever parsed, never executed.
import { readFile, stat } from 'node:fs/promises'
import { DIAGNOSTIC_CODES } from '../diagnostics/codes.js'
import type { Report } from '../diff/report.js'
import { DECISION_REASONS } from '../engine/types.js'
import { POLICY_KINDS } from '../policy/model.js'
import { ActionError } from './errors.js'

const MAX_BYTES = 64 * 1024 * 1024

type Check = (value: unknown, at: string) => void

class ShapeError extends Error {}

const fail = (at: string, expected: string): never => {
  throw new ShapeError(`\`${at}\` must be ${expected}`)
}
const str: Check = (v, at) => void (typeof v === 'string' || fail(at, 'a string'))
const count: Check = (v, at) =>
  void ((Number.isSafeInteger(v) && (v as number) >= 0) || fail(at, 'a count'))
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined || v === null ? undefined : check(v, at)
const oneOf =
  (values: readonly string[]): Check =>
  (v, at) =>
    void ((typeof v === 'string' && values.includes(v)) || fail(at, `one of ${values.join(', ')}`))
const list =
  (check: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) fail(at, 'an array')
    ;(v as unknown[]).forEach((item, i) => check(item, `${at}/${i}`))
  }
const object =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'an object')
    for (const [key, check] of Object.entries(fields))
      check((v as Record<string, unknown>)[key], `${at}/${key}`)
  }
const contextValue: Check = (v, at) => (Array.isArray(v) ? list(str)(v, at) : str(v, at))
const record =
  (check: Check): Check =>
  (v, at) => {
    object({})(v, at)
    for (const [key, item] of Object.entries(v as object)) check(item, `${at}/${key}`)
  }

const span = object({ start: count, end: count, line: count, column: count })
const diagnosticShape = object({
  code: oneOf(Object.keys(DIAGNOSTIC_CODES)),
  severity: oneOf(['error', 'warning', 'info']),
  message: str,
  help: optional(str),
  file: optional(str),
  pointer: str,
  span: optional(span)
})
const statementRef = object({
  file: str,
  policyKind: oneOf(POLICY_KINDS),
  statementIndex: count,
  sid: optional(str),
  pointer: str,
  line: count
})
const decision = object({
  effect: oneOf(['Allow', 'ExplicitDeny', 'ImplicitDeny']),
  reason: oneOf(Object.keys(DECISION_REASONS)),
  determining: list(statementRef)
})
/** `changes[].subject`: whom the change is about (a plain name in reports before issue 10) */
const subjectObject = object({
  kind: oneOf(['role', 'user', 'group', 'resource', 'policy', 'configured']),
  name: str,
  file: optional(str),
  arn: optional(str),
  permissions: optional(list(str))
})
const subjectShape: Check = (v, at) => (typeof v === 'string' ? str(v, at) : subjectObject(v, at))
const change = object({
  kind: oneOf(['broadened', 'narrowed', 'deny-changed']),
  file: str,
  subject: optional(subjectShape),
  action: str,
  resource: str,
  principal: str,
  resourceAccount: optional(str),
  context: record(contextValue),
  before: decision,
  after: decision,
  origin: oneOf(['auto', 'config'])
})
const fileReport = object({
  file: str,
  previousFile: optional(str),
  status: oneOf(['added', 'modified', 'deleted', 'renamed']),
  policyKind: optional(oneOf(POLICY_KINDS)),
  outcome: oneOf(['changed', 'neutral', 'error']),
  diagnostics: list(diagnosticShape),
  requests: count,
  changes: object({ broadened: count, narrowed: count, denyChanged: count }),
  patch: list(object({ op: str, path: str, from: optional(str) })),
  unknownActions: list(object({ action: str, suggestion: optional(str) }))
})
const summary = object(
  Object.fromEntries(
    [
      'broadened',
      'narrowed',
      'denyChanged',
      'requests',
      'generatedRequests',
      'configuredRequests',
      'files',
      'filesWithErrors',
      'neutralFiles'
    ].map((key) => [key, count])
  )
)
const report = object({
  schemaVersion: (v, at) =>
    void (v === 1 || fail(at, '1 (this action reads report schema version 1)')),
  tool: object({ name: oneOf(['iam-policy-diff']), version: str }),
  base: optional(str),
  head: optional(str),
  summary,
  files: list(fileReport),
  changes: list(change),
  diagnostics: list(diagnosticShape)
})

/** Parses and checks a saved report; the message names the file and the first bad field. */
export function parseSavedReport(text: string, file: string): Report {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ActionError(
      `\`${file}\` is not JSON (${error instanceof Error ? error.message : String(error)}): pass the \`report-path\` output of a review run`
    )
  }
  try {
    report(value, '')
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error
    throw new ActionError(`\`${file}\` is not an iam-policy-diff report: ${error.message}`)
  }
  return value as Report
}

const COMMIT_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/**
 * The commit a saved report was made for. A report that does not name one exactly (made from
 * branch names or files, or edited) is refused: it cannot be matched with a pull request's head.
 */
export function savedReportHead(report: Report, file: string): string {
  const head = report.head
  if (head !== undefined && COMMIT_SHA.test(head)) return head
  const what = head === undefined ? 'has no `head`' : `names \`${head}\` as its head`
  throw new ActionError(
    `\`${file}\` ${what}, not a commit SHA: only the report of a pull request review can be published (its \`head\` is the commit it reviewed)`
  )
}

export async function readSavedReport(file: string): Promise<Report> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) {
    throw new ActionError(
      `report \`${file}\` not found: download the artifact first (actions/download-artifact) and pass its path as \`report-path\``
    )
  }
  if (info.size > MAX_BYTES)
    throw new ActionError(
      `report \`${file}\` is larger than ${MAX_BYTES} bytes: refusing to read it`
    )
  return parseSavedReport(await readFile(file, 'utf8'), file)
}
