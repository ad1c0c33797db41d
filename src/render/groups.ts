// Many actions with the same change fold into one row: same file, kind, resource, principal,
// context, decisions and deciding statements, so the row's every other column is exact for each
// action in it. The label (`5 sts actions (Read)`) counts them and never looks like a pattern that
// grants; the list is one click away.
import { CHANGE_KIND_ORDER, risksOf } from '../diff/classify.js'
import type { Change, ChangeKind, ChangeSubject, DecisionSummary } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'
import { sortRisks, type Risk } from '../risk/vocabulary.js'
import { formatCount } from './markdown.js'

export interface ChangeGroup {
  readonly kind: ChangeKind
  readonly file: string
  /** the document inside `file` (its location); undefined for a bare policy file */
  readonly document: string | undefined
  readonly subject: ChangeSubject | undefined
  readonly resource: string
  readonly principal: string
  /** the caller was probed as holding permissions of its own (Change `permittedCaller`) */
  readonly permittedCaller: boolean
  readonly context: Change['context']
  readonly before: DecisionSummary
  readonly after: DecisionSummary
  /** sorted, at least one */
  readonly actions: readonly string[]
  /** the action itself, or the count and access levels of several (never a pattern) */
  readonly label: string
  /** further actions that decide alike (their classes, report `actionClasses`): 0 = none */
  readonly alike: number
  /** the risks of the row's changes together (docs/RISKS.md); [] unless broadened */
  readonly risks: readonly Risk[]
}

export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<
    string,
    { first: Change; actions: string[]; sizes: Map<string, number>; risks: Risk[] }
  >()
  const levels = new Map<string, string>()
  for (const change of changes) {
    if (change.accessLevel !== undefined) levels.set(change.action, change.accessLevel)
    const key = groupKey(change)
    const group = groups.get(key)
    if (group) group.actions.push(change.action)
    else groups.set(key, { first: change, actions: [change.action], sizes: new Map(), risks: [] })
    ;(group ?? groups.get(key))?.sizes.set(change.action, change.classSize)
    ;(group ?? groups.get(key))?.risks.push(...risksOf(change))
  }
  const result = [...groups.values()].map(({ first, actions, sizes, risks }) => {
    const sorted = [...new Set(actions)].sort(compareText)
    let alike = 0
    for (const size of sizes.values()) alike += Math.max(0, size - 1)
    return {
      kind: first.kind,
      file: first.file,
      document: first.document?.location,
      subject: first.subject,
      resource: first.resource,
      principal: first.principal,
      permittedCaller: first.permittedCaller === true,
      context: shownContext(first),
      before: first.before,
      after: first.after,
      actions: sorted,
      label: actionLabel(sorted, levels),
      alike,
      risks: sortRisks(risks)
    }
  })
  return result.sort(compareGroups)
}

/** Shown beside a caller probed as holding permissions of its own (Change `permittedCaller`). */
export const PERMITTED_NOTE = 'with its own policies allowing every action'

/** `, and 1,204 more that decide alike`: actions a probed one stands for (report `actionClasses`) */
export function alikeNote(g: ChangeGroup): string {
  return g.alike === 0 ? '' : `, and ${formatCount(g.alike)} more that decide alike`
}

/**
 * The context a reader needs: without the keys AWS sends in every request whose value only
 * follows from the principal, resource and time (`impliedKeys`); the JSON report keeps them all.
 */
export function shownContext(change: Change): Change['context'] {
  if (change.impliedKeys.length === 0) return change.context
  const hidden = new Set(change.impliedKeys)
  const shown: Record<string, string | readonly string[]> = {}
  for (const [key, value] of Object.entries(change.context)) {
    if (!hidden.has(key))
      Object.defineProperty(shown, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      })
  }
  return shown
}

function groupKey(c: Change): string {
  const refs = (s: DecisionSummary): string => s.determining.map(refKey).join(',')
  return JSON.stringify([
    c.kind,
    c.file,
    c.document?.location ?? null,
    c.subject ?? null,
    c.resource,
    c.principal,
    c.permittedCaller === true,
    c.resourceAccount ?? null,
    c.context,
    c.before.effect,
    c.after.effect,
    refs(c.before),
    refs(c.after)
  ])
}

function refKey(ref: StatementRef): string {
  return `${ref.file}#${ref.statementIndex}`
}

/** The five access levels of the service authorization reference, in the order labels list them. */
const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging']

/**
 * AWS's name of a catalogue access level: the data package writes `Permissions management,
 * Write` and `Tagging, Write` for the levels AWS calls `Permissions management` and `Tagging`.
 */
export function accessLevelName(level: string | undefined): string | undefined {
  if (level === undefined || level === '') return undefined
  return ACCESS_LEVELS.find((name) => level.startsWith(name)) ?? level
}

/**
 * One action: itself. Several: a count, never a pattern (`s3:Get*` would read as a grant of
 * every `Get` action): `5 elasticloadbalancing actions (Write)`, `3 s3 and 2 kms actions (4 Read,
 * 1 List)`, `12 actions of 5 services (Read)`. The access levels come from the catalogue
 * (`levels`: action → level); actions of unknown level are counted but not named.
 */
export function actionLabel(
  actions: readonly string[],
  levels: ReadonlyMap<string, string> = new Map()
): string {
  if (actions.length === 1) return actions[0] ?? ''
  const byService = new Map<string, number>()
  const byLevel = new Map<string, number>()
  for (const action of actions) {
    const colon = action.indexOf(':')
    const service = colon < 0 ? action : action.slice(0, colon)
    byService.set(service, (byService.get(service) ?? 0) + 1)
    const level = accessLevelName(levels.get(action))
    if (level !== undefined) byLevel.set(level, (byLevel.get(level) ?? 0) + 1)
  }
  const count = formatCount(actions.length)
  const counted =
    byService.size > 3
      ? `${count} actions of ${formatCount(byService.size)} services`
      : `${andList([...byService].map(([service, n]) => `${formatCount(n)} ${service}`))} actions`
  return byLevel.size === 0 ? counted : `${counted} (${levelsText(byLevel)})`
}

/** `Write` when all are alike, else `3 Write, 2 Tagging` in the reference's order. */
function levelsText(byLevel: ReadonlyMap<string, number>): string {
  const order = (level: string): number => {
    const i = ACCESS_LEVELS.indexOf(level)
    return i < 0 ? ACCESS_LEVELS.length : i
  }
  const sorted = [...byLevel].sort((a, b) => order(a[0]) - order(b[0]) || compareText(a[0], b[0]))
  if (sorted.length === 1) return sorted[0]?.[0] ?? ''
  return sorted.map(([level, n]) => `${formatCount(n)} ${level}`).join(', ')
}

/** `a`, `a and b`, `a, b and c`. */
function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

function compareGroups(a: ChangeGroup, b: ChangeGroup): number {
  return (
    CHANGE_KIND_ORDER.indexOf(a.kind) - CHANGE_KIND_ORDER.indexOf(b.kind) ||
    compareText(a.file, b.file) ||
    compareText(a.document ?? '', b.document ?? '') ||
    compareText(a.actions[0] ?? '', b.actions[0] ?? '') ||
    compareText(a.resource, b.resource) ||
    compareText(a.principal, b.principal) ||
    compareText(JSON.stringify(a.context), JSON.stringify(b.context))
  )
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
