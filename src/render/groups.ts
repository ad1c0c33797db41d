// Many actions with the same change fold into one row: same file, kind, resource, principal,
// context, decisions and deciding statements, so the row's every other column is exact for each
// action in it. The label (`sts:*`, `iotsitewise:List*`) summarises; the list is one click away.
import { CHANGE_KIND_ORDER } from '../diff/classify.js'
import type { Change, ChangeKind, DecisionSummary } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'
import { formatCount } from './markdown.js'

export interface ChangeGroup {
  readonly kind: ChangeKind
  readonly file: string
  /** the document inside `file` (its location); undefined for a bare policy file */
  readonly document: string | undefined
  readonly subject: string | undefined
  readonly resource: string
  readonly principal: string
  readonly context: Change['context']
  readonly before: DecisionSummary
  readonly after: DecisionSummary
  /** sorted, at least one */
  readonly actions: readonly string[]
  /** the action itself, or a pattern-like summary of several */
  readonly label: string
  /** further actions that decide alike (their classes, report `actionClasses`): 0 = none */
  readonly alike: number
}

export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, { first: Change; actions: string[]; sizes: Map<string, number> }>()
  for (const change of changes) {
    const key = groupKey(change)
    const group = groups.get(key)
    if (group) group.actions.push(change.action)
    else groups.set(key, { first: change, actions: [change.action], sizes: new Map() })
    ;(group ?? groups.get(key))?.sizes.set(change.action, change.classSize)
  }
  const result = [...groups.values()].map(({ first, actions, sizes }) => {
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
      context: first.context,
      before: first.before,
      after: first.after,
      actions: sorted,
      label: actionLabel(sorted),
      alike
    }
  })
  return result.sort(compareGroups)
}

/** `, and 1,204 more that decide alike`: actions a probed one stands for (report `actionClasses`) */
export function alikeNote(g: ChangeGroup): string {
  return g.alike === 0 ? '' : `, and ${formatCount(g.alike)} more that decide alike`
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

/**
 * One action: itself. Several: per service `svc:` + the names' common prefix + `*` + their
 * common suffix, e.g. `sts:*`, `s3:Get*`, `iam:*AccessKey`; more than three services: `N services`.
 */
export function actionLabel(actions: readonly string[]): string {
  if (actions.length === 1) return actions[0] ?? ''
  const byService = new Map<string, string[]>()
  for (const action of actions) {
    const colon = action.indexOf(':')
    const service = colon < 0 ? action : action.slice(0, colon)
    byService.set(service, [...(byService.get(service) ?? []), action.slice(colon + 1)])
  }
  if (byService.size > 3) return `${byService.size} services`
  return [...byService]
    .map(([service, names]) =>
      names.length === 1 ? `${service}:${names[0] ?? ''}` : `${service}:${wildcardFor(names)}`
    )
    .join(', ')
}

/** `Get*`, `*AccessKey`, `List*`: common prefix and suffix, cut at CamelCase word boundaries. */
function wildcardFor(names: readonly string[]): string {
  let prefix = commonPrefix(names)
  // mid-word (`GetO*` for GetObject and GetOwnership): back to the start of that word
  if (names.some((name) => isLower(name.charAt(prefix.length))))
    prefix = prefix.slice(0, lastUpper(prefix))
  const rest = names.map((name) => [...name.slice(prefix.length)].reverse().join(''))
  let suffix = [...commonPrefix(rest)].reverse().join('')
  // a suffix starts a word (`*AccessKey`, not `*teAccessKey` or `*s`)
  const start = [...suffix].findIndex((ch) => ch !== ch.toLowerCase())
  suffix = start < 0 ? '' : suffix.slice(start)
  return `${prefix}*${suffix}`
}

function isLower(ch: string): boolean {
  return ch !== '' && ch !== ch.toUpperCase()
}

/** Index of the last uppercase letter (0 when none). */
function lastUpper(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text.charAt(i)
    if (ch !== ch.toLowerCase()) return i
  }
  return 0
}

/** Case-insensitive common prefix, spelled as in the first name. */
function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? ''
  for (const name of names) {
    let i = 0
    while (
      i < prefix.length &&
      i < name.length &&
      prefix[i]?.toLowerCase() === name[i]?.toLowerCase()
    )
      i++
    prefix = prefix.slice(0, i)
  }
  return prefix
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
