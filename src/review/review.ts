// The review: changed files → policies → subjects → request matrix → decisions on both sides →
// report. Bad input never crashes it and never loses the report: every failure becomes a
// diagnostic on its file (or on the report, when no file is to blame) and the rest goes on.
import type { ActionCatalog } from '../catalog/catalog.js'
import type { ReviewConfig } from '../config/types.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import {
  buildReport,
  type ReportInput,
  type ReviewedFile,
  type SubjectOutcome
} from '../diff/build-report.js'
import { diffRequests, type DecisionDiff } from '../diff/diff.js'
import { policyPatch } from '../diff/patch.js'
import type { Report } from '../diff/report.js'
import { lintPolicy } from '../lint/lint-policy.js'
import { alikeRequests } from '../matrix/alike-requests.js'
import { buildMatrix, type ProbeRequest } from '../matrix/generate.js'
import { SourceError, type ChangedFile, type PolicySource } from '../sources/port.js'
import { loadPolicyFiles, type PolicyFile } from './load-files.js'
import { planSubjects, subjectRoleKind } from './members.js'
import { planPrincipals } from './principals.js'
import { loadManagedPolicies } from '../catalog/load-managed-policies.js'
import type { ManagedPolicyStore } from '../catalog/managed-policies.js'
import type { ChangeSubject } from '../diff/report.js'
import {
  DEFAULT_PRINCIPAL,
  HIDDEN_FILES,
  matrixSet,
  sideOf,
  sideSelectors,
  type Caller,
  type Subject
} from './subjects.js'

export interface ReviewOptions {
  readonly source: PolicySource
  readonly config: ReviewConfig
  readonly catalog: ActionCatalog
  readonly toolVersion: string
  /** the AWS managed policies; default: dist/managed-policies.json.gz, read when first needed */
  readonly managedPolicies?: () => ManagedPolicyStore
}

export async function review(options: ReviewOptions): Promise<Report> {
  const { source, config } = options
  const report = (
    input: Pick<ReportInput, 'files' | 'subjects' | 'diagnostics' | 'managedPolicyData'>
  ): Report =>
    buildReport({
      toolVersion: options.toolVersion,
      base: source.baseLabel,
      head: source.headLabel,
      catalog: options.catalog,
      ...input
    })
  let changed: ChangedFile[]
  try {
    changed = await source.listChangedFiles()
  } catch (error) {
    return report({
      files: [],
      subjects: [],
      diagnostics: [failure(error, 'list the changed files')]
    })
  }
  const loaded = await loadPolicyFiles(source, changed, config, subjectRoleKind(config.subjects), {
    lint: (policy, text) => lintPolicy(policy, text, options.catalog)
  })
  const plan = await planSubjects(config.subjects, source, loaded.files)
  const principals = await planPrincipals({
    source,
    loaded,
    managedPolicies: options.managedPolicies ?? loadManagedPolicies
  })
  const alone = loaded.files
    .filter((f) => !f.failed && !plan.covered.has(f.key) && !principals.covered.has(f.key))
    .map((f) => subjectOfFile(f, principals.about.get(f.key), principals.callers.get(f.key)))
  const problems = new Map<string, Diagnostic[]>()
  // keyed by unit; the diagnostic names the repository path
  const paths = new Map(loaded.files.map((f) => [f.key, f.change.path]))
  const note: Note = (key, d) =>
    problems.set(key, [...(problems.get(key) ?? []), { ...d, file: paths.get(key) ?? key }])
  for (const [file, list] of plan.fileDiagnostics) for (const d of list) note(file, d)
  for (const [key, d] of principals.notes) note(key, d)
  for (const unit of principals.units) paths.set(unit.key ?? unit.file, unit.file)
  const subjects = [...plan.subjects, ...principals.subjects, ...alone]
    .map((subject) => runSubject(subject, options, note))
    .filter((outcome) => outcome !== undefined)
  const spell = actionSpeller(options.catalog)
  const files = [
    ...loaded.files.map((f) => reviewedFile(f, problems.get(f.key) ?? [], spell)),
    ...principals.units.map((u) => withProblems(u, problems.get(u.key ?? u.file) ?? []))
  ]
  return report({
    files,
    subjects,
    diagnostics: [],
    ...(principals.managedPolicyData === undefined
      ? {}
      : { managedPolicyData: principals.managedPolicyData })
  })
}

function withProblems(unit: ReviewedFile, problems: readonly Diagnostic[]): ReviewedFile {
  if (problems.length === 0) return unit
  const failed = unit.failed || problems.some((d) => d.severity === 'error')
  return { ...unit, diagnostics: [...unit.diagnostics, ...problems], failed }
}

function subjectOfFile(
  file: PolicyFile,
  about: ChangeSubject | undefined,
  callers: readonly Caller[] | undefined
): Subject {
  return {
    name: undefined,
    ...(about === undefined ? {} : { about }),
    ...(callers === undefined ? {} : { callers }),
    files: [file.key],
    principal: DEFAULT_PRINCIPAL,
    base: sideOf(file.kind, file.base.policy),
    head: sideOf(file.kind, file.head.policy)
  }
}

type Note = (file: string, d: Diagnostic) => void

function runSubject(
  subject: Subject,
  options: ReviewOptions,
  note: Note
): SubjectOutcome | undefined {
  const { config } = options
  try {
    const matrix = buildMatrix({
      base: matrixSet(subject, 'base'),
      head: matrixSet(subject, 'head'),
      catalog: options.catalog,
      specs: config.requests,
      auto: config.auto,
      principal: subject.principal,
      limit: config.maxRequestsPerSubject,
      ownResource: subject.name === undefined ? subject.about?.arn : undefined,
      fixedCaller: subject.name !== undefined && subject.principal !== DEFAULT_PRINCIPAL
    })
    if (matrix.truncated) {
      const what =
        subject.about !== undefined && subject.name === undefined
          ? `${subject.about.kind} \`${subject.about.name}\``
          : subject.name === undefined
            ? 'the file'
            : `subject \`${subject.name}\``
      const message = `the review of ${what} is incomplete: its request matrix was cut at ${matrix.requests.length} requests (\`max-requests\`), so changes may be missed`
      for (const file of subject.files) note(file, diagnostic('matrix-truncated', { message }))
    }
    const selectors = sideSelectors(subject)
    const diffs = diffRequests(matrix.requests, selectors.base, selectors.head)
    const alike = alikeOfChanged(diffs)
    return {
      subject:
        subject.name !== undefined ? { kind: 'configured', name: subject.name } : subject.about,
      files: subject.files,
      diffs: [...diffs, ...diffRequests(alike, selectors.base, selectors.head)],
      requests: matrix.requests.length + alike.length,
      generated: matrix.generated + alike.length,
      configured: matrix.configured,
      unknownActions: matrix.unknownActions,
      hiddenFiles: HIDDEN_FILES,
      actionClasses: matrix.actionClasses
    }
  } catch (error) {
    // our bug, not the user's: keep the report, name the files that were not reviewed
    for (const file of subject.files) note(file, failure(error, `review \`${file}\``))
    return undefined
  }
}

/**
 * For the first change of each action on each witness resource: the same request on one
 * resource of each other type the witness stands for (alike-requests.ts), to be decided too.
 */
function alikeOfChanged(diffs: readonly DecisionDiff<ProbeRequest>[]): ProbeRequest[] {
  const seen = new Set<string>()
  const out: ProbeRequest[] = []
  for (const { request } of diffs) {
    if (request.alike === undefined || request.alike.length === 0) continue
    const key = `${request.action}\u0000${request.resource}\u0000${request.permitted === true}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(...alikeRequests(request))
  }
  return out
}

function reviewedFile(
  file: PolicyFile,
  problems: readonly Diagnostic[],
  canonicalAction: (action: string) => string
): ReviewedFile {
  const diagnostics = [...file.diagnostics, ...problems]
  const failed = file.failed || problems.some((d) => d.severity === 'error')
  return {
    file: file.change.path,
    key: file.key,
    ...(file.document === undefined ? {} : { document: file.document }),
    previousFile:
      file.change.previousPath ??
      (file.base.path === file.change.path ? undefined : file.base.path),
    status: file.change.status,
    policyKind: failed ? undefined : file.kind,
    diagnostics,
    patch: failed ? [] : policyPatch(file.base.policy, file.head.policy, { canonicalAction }),
    failed
  }
}

/** The catalogue's spelling of an action (memoised: the same actions recur in many files). */
function actionSpeller(catalog: ActionCatalog): (action: string) => string {
  const spelled = new Map<string, string>()
  return (action) => {
    let name = spelled.get(action)
    if (name === undefined)
      spelled.set(action, (name = catalog.action(action)?.name ?? canonicalCase(action)))
    return name
  }
}

/** Service prefixes are lowercase in every spelling IAM accepts; the name part is kept. */
function canonicalCase(action: string): string {
  const colon = action.indexOf(':')
  return colon < 0 ? action : `${action.slice(0, colon).toLowerCase()}${action.slice(colon)}`
}

function failure(error: unknown, purpose: string): Diagnostic {
  if (error instanceof SourceError) return error.diagnostic
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
  return diagnostic('file-unreadable', {
    message: `internal error while trying to ${purpose}: ${text}`,
    help: 'this is a bug in iam-policy-diff: please report it with the file'
  })
}
