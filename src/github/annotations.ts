// Picks the annotations to show on the changed policy files. GitHub shows at most 10 of each
// type per step and silently drops the rest, so changes are grouped per deciding statement and the
// most important groups win: broadened first, then by how many requests a statement changed.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { unitKey, type Change, type ChangeKind, type Report } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'

export type AnnotationType = 'error' | 'warning' | 'notice'

export interface Annotation {
  readonly type: AnnotationType
  readonly title: string
  readonly message: string
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column?: number
}

export const ANNOTATIONS_PER_TYPE = 10

const TYPE_OF: Readonly<Record<ChangeKind, AnnotationType>> = {
  broadened: 'warning',
  narrowed: 'notice',
  'deny-changed': 'notice'
}
const RANK: Readonly<Record<ChangeKind, number>> = { broadened: 0, narrowed: 1, 'deny-changed': 2 }
const TITLE: Readonly<Record<ChangeKind, string>> = {
  broadened: 'IAM access broadened',
  narrowed: 'IAM access narrowed',
  'deny-changed': 'IAM explicit deny changed'
}

interface Group {
  readonly kind: ChangeKind
  readonly file: string | undefined
  readonly statement: StatementRef | undefined
  readonly changes: Change[]
}

export interface AnnotationPlan {
  readonly annotations: readonly Annotation[]
  /** groups (or diagnostics) left out because of the per-type cap */
  readonly omitted: number
}

export function planAnnotations(report: Report): AnnotationPlan {
  const deleted = new Set(report.files.filter((f) => f.status === 'deleted').map((f) => f.file))
  const groups = groupChanges(report.changes, deleted)
  groups.sort(
    (a, b) =>
      RANK[a.kind] - RANK[b.kind] ||
      b.changes.length - a.changes.length ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.statement?.line ?? 0) - (b.statement?.line ?? 0)
  )
  const candidates = [...groups.map(toAnnotation), ...diagnosticAnnotations(report)]
  const counts: Record<AnnotationType, number> = { error: 0, warning: 0, notice: 0 }
  const annotations = candidates.filter((a) => ++counts[a.type] <= ANNOTATIONS_PER_TYPE)
  return { annotations, omitted: candidates.length - annotations.length }
}

// a change is annotated at the head statements that decide it now; a request that is now
// implicitly denied has no such statement, so it goes on the file
function groupChanges(changes: readonly Change[], deleted: ReadonlySet<string>): Group[] {
  const groups = new Map<string, Group>()
  for (const change of changes) {
    const refs = change.after.determining.length > 0 ? change.after.determining : [undefined]
    for (const statement of refs) {
      // a statement of the change's own document is annotated in its file, at its line there
      const own = unitKey(change.file, change.document?.location)
      const file = statement === undefined || statement.file === own ? change.file : statement.file
      const shown = deleted.has(file) ? undefined : file
      const key = `${change.kind}\0${shown ?? ''}\0${statement?.line ?? ''}`
      let group = groups.get(key)
      if (!group)
        groups.set(key, (group = { kind: change.kind, file: shown, statement, changes: [] }))
      group.changes.push(change)
    }
  }
  return [...groups.values()]
}

function toAnnotation(group: Group): Annotation {
  const first = group.changes[0]
  const more = group.changes.length - 1
  const who = group.statement ? statementName(group.statement) : 'this file'
  const verb =
    group.kind === 'broadened'
      ? 'now allows'
      : group.kind === 'narrowed'
        ? 'no longer allows'
        : 'changes the explicit deny of'
  const request = first
    ? `${first.action} on ${first.resource} (${first.before.effect} → ${first.after.effect})`
    : ''
  const tail = more > 0 ? ` and ${more} more request${more === 1 ? '' : 's'}` : ''
  return {
    type: TYPE_OF[group.kind],
    title: TITLE[group.kind],
    message: `${who} ${verb} ${request}${tail}`,
    file: group.file,
    line: group.file === undefined ? undefined : group.statement?.line
  }
}

function statementName(ref: StatementRef): string {
  return ref.sid === undefined ? `statement #${ref.statementIndex + 1}` : `statement ${ref.sid}`
}

function diagnosticAnnotations(report: Report): Annotation[] {
  const all: Diagnostic[] = [...report.diagnostics, ...report.files.flatMap((f) => f.diagnostics)]
  return all
    .filter((d) => d.severity === 'error')
    .map((d) => ({
      type: 'error' as const,
      title: `iam-policy-diff: ${d.code}`,
      message: d.help ? `${d.message}: ${d.help}` : d.message,
      file: d.file,
      line: d.span?.line,
      ...(d.span ? { column: d.span.column } : {})
    }))
}
