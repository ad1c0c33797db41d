// Assemble the Report (schema v1, report.ts) from the reviewed files and the decision diffs of
// each subject: attribute every change to a file, sort everything by a stable key, count.
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { ContextInput, Decision, StatementRef } from '../engine/types.js'
import type { ActionCatalog } from '../catalog/catalog.js'
import type { PolicyKind } from '../policy/model.js'
import { isAnyRole, riskClassifier } from '../risk/classify.js'
import { CHANGE_KIND_ORDER } from './classify.js'
import type { DecisionDiff } from './diff.js'
import type {
  ActionClass,
  Change,
  ChangeSubject,
  DecisionSummary,
  DocumentReport,
  FileReport,
  FileStatus,
  PatchOperation,
  Report
} from './report.js'

/** A changed policy file (or one document inside a changed file) as the review saw it. */
export interface ReviewedFile {
  readonly file: string
  /**
   * the unit's key (`Policy.file`, subjects' `files`): `file` for a bare policy file, unique
   * per document otherwise; default `file`
   */
  readonly key?: string
  readonly document?: DocumentReport
  readonly previousFile: string | undefined
  readonly status: FileStatus
  readonly policyKind: PolicyKind | undefined
  readonly diagnostics: readonly Diagnostic[]
  readonly patch: readonly PatchOperation[]
  /** true when the file could not be reviewed (an error diagnostic on either side) */
  readonly failed: boolean
}

type UnknownAction = { readonly action: string; readonly suggestion: string | undefined }

/** The decision diffs of one policy set (a file alone or a configured subject). */
export interface SubjectOutcome {
  /** whom the changes are about; undefined for a bare policy file reviewed alone */
  readonly subject: ChangeSubject | undefined
  /** the reviewed files it covers; changes are attributed to one of them */
  readonly files: readonly string[]
  readonly diffs: readonly DecisionDiff[]
  readonly requests: number
  readonly generated: number
  readonly configured: number
  readonly unknownActions: readonly UnknownAction[]
  /** synthetic policies (documented assumptions) left out of the deciding statements */
  readonly hiddenFiles: ReadonlySet<string>
  /** probed action → every action of its class (the matrix's `actionClasses`) */
  readonly actionClasses: ReadonlyMap<string, readonly string[]>
}

/** Changed requests listed in a report at most; the rest are counted (bounded output, issue 7). */
export const MAX_LISTED_CHANGES = 20_000
/**
 * Class members listed in a whole report at most (about 30 bytes each: 12 MB): one `"*"` policy
 * lists every catalogue action, and only a review of dozens of them is cut; `size` stays exact.
 */
export const MAX_CLASS_MEMBERS_LISTED = 400_000

export interface ReportInput {
  readonly toolVersion: string
  readonly base: string | undefined
  readonly head: string | undefined
  readonly files: readonly ReviewedFile[]
  readonly subjects: readonly SubjectOutcome[]
  readonly diagnostics: readonly Diagnostic[]
  /** the AWS managed policy data, when the review used it */
  readonly managedPolicyData?: Report['managedPolicyData']
  /** the catalogue, for the access levels of `risks`; without it changes carry no access level */
  readonly catalog?: ActionCatalog
}

type Classify = ReturnType<typeof riskClassifier>['classify']

export function buildReport(input: ReportInput): Report {
  const units = new Map(input.files.map((f) => [keyOf(f), f]))
  const keys = new Map<Change, string>()
  const { catalog } = input
  const classifier = riskClassifier({ accessLevel: (a) => catalog?.action(a)?.accessLevel })
  const classify: Classify = (...args) => classifier.classify(...args)
  const all = input.subjects.flatMap((subject) => {
    const passers = passRolePrincipals(subject)
    return subject.diffs.map((d) => toChange(d, subject, units, keys, classify, passers))
  })
  for (const change of all) {
    const accessLevel = catalog?.action(change.action)?.accessLevel
    if (accessLevel) Object.assign(change, { accessLevel })
  }
  const changeKey = (c: Change): string => keys.get(c) ?? c.file
  all.sort(compareChanges)
  const changes = listed(all, MAX_LISTED_CHANGES, changeKey)
  const changesByFile = groupBy(all, (c) => [changeKey(c)])
  const listedByFile = groupBy(changes, (c) => [changeKey(c)])
  const subjectsByFile = groupBy(input.subjects, (s) => s.files)
  const members: Budget = { left: MAX_CLASS_MEMBERS_LISTED }
  const files = [...input.files]
    .sort(
      (a, b) =>
        compareText(a.file, b.file) ||
        compareText(a.document?.location ?? '', b.document?.location ?? '')
    )
    .map((file) =>
      fileReport(
        file,
        changesByFile.get(keyOf(file)) ?? [],
        listedByFile.get(keyOf(file))?.length ?? 0,
        subjectsByFile.get(keyOf(file)) ?? [],
        members
      )
    )
  const count = (kind: Change['kind']): number => all.filter((c) => c.kind === kind).length
  const sum = (pick: (s: SubjectOutcome) => number): number =>
    input.subjects.reduce((total, s) => total + pick(s), 0)
  return {
    schemaVersion: 1,
    tool: { name: 'iam-policy-diff', version: input.toolVersion },
    base: input.base,
    head: input.head,
    ...(input.managedPolicyData === undefined
      ? {}
      : { managedPolicyData: input.managedPolicyData }),
    summary: {
      broadened: count('broadened'),
      narrowed: count('narrowed'),
      denyChanged: count('deny-changed'),
      requests: sum((s) => s.requests),
      generatedRequests: sum((s) => s.generated),
      configuredRequests: sum((s) => s.configured),
      files: files.length,
      filesWithErrors: files.filter((f) => f.outcome === 'error').length,
      neutralFiles: files.filter((f) => f.outcome === 'neutral').length,
      omittedChanges: all.length - changes.length
    },
    files,
    changes,
    diagnostics: sortDiagnostics(input.diagnostics)
  }
}

function keyOf(file: ReviewedFile): string {
  return file.key ?? file.file
}

/** The principals that gain `iam:PassRole` on any role in a policy set (docs/RISKS.md). */
function passRolePrincipals(subject: SubjectOutcome): ReadonlySet<string> {
  const passers = new Set<string>()
  for (const { kind, request } of subject.diffs) {
    if (kind !== 'broadened' || !isAnyRole(request.resource)) continue
    const members = subject.actionClasses.get(request.action) ?? [request.action]
    if (members.some((a) => a.toLowerCase() === 'iam:passrole')) passers.add(request.principal)
  }
  return passers
}

function toChange(
  diff: DecisionDiff,
  subject: SubjectOutcome,
  units: ReadonlyMap<string, ReviewedFile>,
  keys: Map<Change, string>,
  classify: Classify,
  passers: ReadonlySet<string>
): Change {
  const { request } = diff
  const before = summarise(diff.before, subject.hiddenFiles)
  const after = summarise(diff.after, subject.hiddenFiles)
  const key = attribute(subject, [...after.determining, ...before.determining])
  const unit = units.get(key)
  const location = unit?.document?.location
  const change: Change = {
    kind: diff.kind,
    file: unit?.file ?? key,
    ...(location === undefined ? {} : { document: { location } }),
    subject: subject.subject,
    action: request.action,
    resource: request.resource,
    principal: request.principal,
    ...(request.permitted === true ? { permittedCaller: true as const } : {}),
    resourceAccount: request.resourceAccount,
    context: plainContext(request.context),
    impliedKeys: [...(request.implied ?? [])],
    before,
    after,
    origin: request.origin,
    classSize: subject.actionClasses.get(request.action)?.length ?? 1,
    risks: []
  }
  const members = subject.actionClasses.get(request.action) ?? [request.action]
  const risks = classify(change, members, passers.has(request.principal), diff.unpinned === true)
  if (risks.length > 0) Object.assign(change, { risks })
  keys.set(change, key)
  return change
}

/**
 * At most `budget` changes, sorted as given: every (file, kind, action, risks) first gets its first
 * change, then its second, and so on, so no file or action disappears from a large report.
 */
function listed(
  changes: readonly Change[],
  budget: number,
  changeKey: (c: Change) => string
): Change[] {
  if (changes.length <= budget) return [...changes]
  // the risks too: every risk of the review keeps a listed change (the gate and verdict read them)
  const groups = groupBy(changes, (c) => [
    JSON.stringify([changeKey(c), c.kind, c.action, c.risks])
  ])
  const keep = new Set<Change>()
  for (let round = 0; keep.size < budget; round++) {
    let progressed = false
    for (const group of groups.values()) {
      const change = group[round]
      if (change === undefined || keep.size >= budget) continue
      keep.add(change)
      progressed = true
    }
    if (!progressed) break
  }
  return changes.filter((c) => keep.has(c))
}

function actionClassesOf(covering: readonly SubjectOutcome[], budget: Budget): ActionClass[] {
  const classes = new Map<string, readonly string[]>()
  for (const subject of covering)
    for (const [action, actions] of subject.actionClasses) classes.set(action, actions)
  return [...classes]
    .sort(([a], [b]) => compareText(a, b))
    .map(([action, actions]) => {
      const listed = [...actions].sort(compareText).slice(0, Math.max(0, budget.left))
      budget.left -= listed.length
      return { action, size: actions.length, actions: listed }
    })
}

interface Budget {
  left: number
}

function summarise(decision: Decision, hidden: ReadonlySet<string>): DecisionSummary {
  return {
    effect: decision.effect,
    reason: decision.reason,
    determining: decision.determining.filter((ref) => !hidden.has(ref.file))
  }
}

/** The first changed file that decided the request, else the subject's first file. */
function attribute(subject: SubjectOutcome, refs: readonly StatementRef[]): string {
  const deciding = refs.find((ref) => subject.files.includes(ref.file))
  return deciding?.file ?? subject.files[0] ?? subject.subject?.name ?? ''
}

function plainContext(
  context: Readonly<Record<string, ContextInput>> | undefined
): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {}
  for (const key of Object.keys(context ?? {}).sort(compareText)) {
    const value = context?.[key]
    if (value === undefined) continue
    Object.defineProperty(out, key, {
      value: Array.isArray(value) ? value.map(String) : String(value),
      enumerable: true,
      writable: true,
      configurable: true
    })
  }
  return out
}

/** Items by each of their keys (one pass, instead of a filter per file). */
function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
  }
  return groups
}

/**
 * `mine`: the changes attributed to the file (`listed` of them in the report's list);
 * `covering`: the subjects it belongs to.
 */
function fileReport(
  file: ReviewedFile,
  mine: readonly Change[],
  listedCount: number,
  covering: readonly SubjectOutcome[],
  members: Budget
): FileReport {
  const unknown = new Map<string, UnknownAction>()
  for (const entry of covering.flatMap((s) => s.unknownActions)) unknown.set(entry.action, entry)
  const count = (kind: Change['kind']): number => mine.filter((c) => c.kind === kind).length
  return {
    file: file.file,
    ...(file.document === undefined ? {} : { document: file.document }),
    previousFile: file.previousFile,
    status: file.status,
    policyKind: file.policyKind,
    outcome: file.failed ? 'error' : mine.length > 0 ? 'changed' : 'neutral',
    diagnostics: sortDiagnostics(file.diagnostics),
    requests: covering.reduce((total, s) => total + s.requests, 0),
    changes: {
      broadened: count('broadened'),
      narrowed: count('narrowed'),
      denyChanged: count('deny-changed')
    },
    patch: file.patch,
    unknownActions: [...unknown.values()].sort((a, b) => compareText(a.action, b.action)),
    actionClasses: actionClassesOf(covering, members),
    omittedChanges: mine.length - listedCount
  }
}

/** Broadened first, then narrowed, then deny changes; within a kind by file, action, resource. */
export function compareChanges(a: Change, b: Change): number {
  return (
    CHANGE_KIND_ORDER.indexOf(a.kind) - CHANGE_KIND_ORDER.indexOf(b.kind) ||
    compareText(a.file, b.file) ||
    compareText(a.document?.location ?? '', b.document?.location ?? '') ||
    compareText(a.action, b.action) ||
    compareText(a.resource, b.resource) ||
    compareText(a.principal, b.principal) ||
    compareText(JSON.stringify(a.context), JSON.stringify(b.context)) ||
    compareText(subjectKey(a.subject), subjectKey(b.subject))
  )
}

function subjectKey(s: ChangeSubject | undefined): string {
  return s === undefined ? '' : `${s.kind}\0${s.file ?? ''}\0${s.name}`
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
