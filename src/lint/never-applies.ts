// Statements (or parts of them) that can never apply, found from the text and the IAM action
// catalogue alone. Each is usually a mistake the author believes grants (or denies) access:
// - an action whose catalogue entry has no resource types (the service authorization reference
//   lists none: only `"Resource": "*"` matches its requests) named with an ARN, or an ARN of a
//   service none of the statement's actions acts on (`action-resource-mismatch`);
// - a condition key that no request for the statement's actions carries, under an operator that
//   is false when the key is absent (`condition-key-unavailable`);
// - `*` or `?` inside a condition key name: keys are matched by name, never by wildcard, so no
//   request carries such a key (`condition-key-wildcard`).
// Conservative by design: `*` actions, actions or services the catalogue does not know,
// `NotAction`, `NotResource`, `aws:` keys and keys of unknown prefixes never produce a warning.
import type { ActionCatalog, CatalogAction } from '../catalog/catalog.js'
import type { DiagnosticCode } from '../diagnostics/codes.js'
import { quote } from '../diagnostics/quote.js'
import { matchGlob } from '../engine/wildcard.js'
import { keyAvailability } from '../matrix/key-availability.js'
import { parseOperatorName } from '../policy/condition-operators.js'
import type { ConditionClause, Policy, Statement } from '../policy/model.js'

/** Where a finding points: an entry of `Action`/`Resource`, or a pointer of the document. */
export type FindingTarget =
  { readonly element: 'Action' | 'Resource'; readonly index: number } | { readonly pointer: string }

export interface Finding {
  readonly code: Extract<
    DiagnosticCode,
    'action-resource-mismatch' | 'condition-key-unavailable' | 'condition-key-wildcard'
  >
  readonly statement: Statement
  readonly target: FindingTarget
  /** without the `statement …: ` prefix */
  readonly message: string
}

/** Actions listed in a message at most; the rest are counted. */
const MAX_LISTED = 3

interface ActionEntry {
  readonly value: string
  readonly index: number
  /** the catalogue actions the pattern names; undefined: `*` or unknown (may be anything) */
  readonly actions: readonly CatalogAction[] | undefined
}

interface ResourceEntry {
  readonly value: string
  readonly index: number
  /** lowercase service segment of an ARN pattern; undefined for `*` and patterns without one */
  readonly service: string | undefined
}

export function neverAppliesFindings(policy: Policy, catalog: ActionCatalog): Finding[] {
  const findings: Finding[] = []
  const services = new TemplateServices(catalog)
  for (const statement of policy.statements) {
    findings.push(...wildcardKeys(statement))
    if (statement.action.negated) continue
    const actions = statement.action.values.map((value, index) => ({
      value,
      index,
      actions: expandAction(catalog, value)
    }))
    const resources = resourceEntries(statement)
    findings.push(...mismatches(statement, actions, resources, services))
    findings.push(...unavailableKeys(statement, actions, catalog))
  }
  return findings
}

/** The catalogue actions an `Action` entry names; undefined when it may name anything. */
export function expandAction(
  catalog: ActionCatalog,
  pattern: string
): readonly CatalogAction[] | undefined {
  const colon = pattern.indexOf(':')
  if (colon <= 0) return undefined
  const name = pattern.slice(colon + 1)
  if (!name.includes('*') && !name.includes('?')) {
    const action = catalog.action(pattern)
    return action === undefined ? undefined : [action]
  }
  const all = catalog.actionsOf(pattern.slice(0, colon).toLowerCase())
  const named = all.filter((a) => matchGlob(name, a.name.slice(a.name.indexOf(':') + 1), true))
  return named.length === 0 ? undefined : named
}

function resourceEntries(statement: Statement): ResourceEntry[] | undefined {
  const list = statement.resource
  if (list === undefined || list.negated) return undefined
  return list.values.map((value, index) => ({ value, index, service: arnService(value) }))
}

/** The service segment of an ARN pattern, lowercase; undefined when it is not a plain name. */
function arnService(pattern: string): string | undefined {
  if (!pattern.startsWith('arn:')) return undefined
  const service = pattern.split(':', 3)[2]
  if (service === undefined || service === '' || !/^[a-z0-9-]+$/i.test(service)) return undefined
  return service.toLowerCase()
}

/** The service segment of each resource type's ARN template (undefined: any service). */
class TemplateServices {
  private readonly cache = new Map<string, string | undefined>()
  constructor(private readonly catalog: ActionCatalog) {}

  /** The services an action's requests name in their ARNs; undefined: any (unknown type). */
  of(action: CatalogAction): Set<string> | undefined {
    const found = new Set<string>()
    for (const type of action.resourceTypes) {
      const key = `${action.service}:${type.name}`
      if (!this.cache.has(key)) {
        const arn = this.catalog.resourceType(action.service, type.name)?.arn
        this.cache.set(key, arn === undefined ? undefined : arnService(arn))
      }
      const service = this.cache.get(key)
      if (service === undefined) return undefined
      found.add(service)
    }
    return found
  }

  /**
   * Whether an ARN of `service` is surely not one the action's requests name. The catalogue lags
   * behind AWS in two ways this guards against: a service that acts on other services' resources
   * (`ssm` on `ec2` instances) may act on more of them than it lists, so only services whose every
   * resource type is their own (or a sub-service's, `s3-object-lambda`) are trusted; and a renamed service (`codestar-connections` →
   * `codeconnections`, `redshift` / `redshift-serverless`) names the same resource types under
   * both prefixes, so an ARN of a service with a resource type of the same name is not reported.
   */
  surelyElsewhere(action: CatalogAction, service: string): boolean {
    let own = this.own.get(action.service)
    if (own === undefined) {
      own = this.catalog.actionsOf(action.service).every((a) => {
        const reached = this.of(a)
        // its own ARNs, or a sub-service's (`s3` → `s3-object-lambda`)
        const mine = (s: string): boolean =>
          s === action.service || s.startsWith(`${action.service}-`)
        return reached !== undefined && [...reached].every(mine)
      })
      this.own.set(action.service, own)
    }
    if (!own) return false
    return !action.resourceTypes.some(
      (type) => this.catalog.resourceType(service, type.name) !== undefined
    )
  }

  private readonly own = new Map<string, boolean>()
}

function canMatch(
  entry: ActionEntry,
  resource: ResourceEntry,
  services: TemplateServices
): boolean {
  if (entry.actions === undefined || resource.service === undefined) return true
  const service = resource.service
  return entry.actions.some((action) => {
    const reached = services.of(action)
    if (reached === undefined || reached.has(service)) return true
    // no resource types: only `*` matches (service authorization reference)
    if (reached.size === 0) return false
    return !services.surelyElsewhere(action, service)
  })
}

function mismatches(
  statement: Statement,
  actions: readonly ActionEntry[],
  resources: readonly ResourceEntry[] | undefined,
  services: TemplateServices
): Finding[] {
  if (resources === undefined) return []
  const deadActions = actions.filter((a) => resources.every((r) => !canMatch(a, r, services)))
  const deadResources = resources.filter((r) => actions.every((a) => !canMatch(a, r, services)))
  const verb = statement.effect === 'Allow' ? 'grants' : 'denies'
  const finding = (target: FindingTarget, message: string): Finding => ({
    code: 'action-resource-mismatch',
    statement,
    target,
    message
  })
  if (deadActions.length === actions.length) {
    // every action × resource pair misses: the statement never applies
    const shown = listOf(resources.map((r) => r.value))
    return [
      finding(
        { element: 'Resource', index: resources.length === 1 ? 0 : -1 },
        `${verb} nothing: no request for its actions names ${shown}: ${reasons(actions, services)}`
      )
    ]
  }
  const out: Finding[] = []
  if (deadActions.length > 0) {
    const only = deadActions.length === 1 ? deadActions[0] : undefined
    out.push(
      finding(
        { element: 'Action', index: only === undefined ? -1 : only.index },
        `${verb} nothing for ${listOf(deadActions.map((a) => a.value))}: none of the statement's resources names ${deadActions.length === 1 ? 'its' : 'their'} requests: ${reasons(deadActions, services)}`
      )
    )
  }
  for (const r of deadResources) {
    const reached = reachedServices(actions, services)
    out.push(
      finding(
        { element: 'Resource', index: r.index },
        `resource ${quote(r.value)} matches no request of the statement's actions: they act on ${listOf(reached)} resources, not on ${quote(r.service ?? '')}`
      )
    )
  }
  return out
}

/** Why action entries match none of the statement's ARNs, first few entries only. */
function reasons(entries: readonly ActionEntry[], services: TemplateServices): string {
  const starOnly: string[] = []
  const elsewhere: string[] = []
  for (const entry of entries) {
    const actions = entry.actions ?? []
    const reached = new Set<string>()
    for (const action of actions) for (const s of services.of(action) ?? []) reached.add(s)
    if (reached.size === 0) starOnly.push(entry.value)
    else
      elsewhere.push(`${quote(entry.value)} acts only on ${listOf([...reached].sort())} resources`)
  }
  const parts: string[] = []
  if (starOnly.length > 0) {
    const verb = starOnly.length === 1 && !hasWildcard(starOnly[0] ?? '') ? 'takes' : 'take'
    parts.push(
      `${listOf(starOnly)} ${verb} only \`"Resource": "*"\` (no resource-level permissions)`
    )
  }
  const shown = elsewhere.slice(0, MAX_LISTED)
  if (elsewhere.length > shown.length) shown.push(`${elsewhere.length - shown.length} more`)
  return [...parts, ...shown].join('; ')
}

function reachedServices(actions: readonly ActionEntry[], services: TemplateServices): string[] {
  const reached = new Set<string>()
  for (const entry of actions)
    for (const action of entry.actions ?? [])
      for (const s of services.of(action) ?? []) reached.add(s)
  return [...reached].sort()
}

/** `a`, `a` and `b`, `a`, `b`, `c` and 4 more. */
function listOf(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED).map(quote)
  const rest = values.length - shown.length
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`
  if (shown.length <= 1) return shown.join('')
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`
}

/**
 * Whether a clause is false whenever its key is absent: a plain or `ForAnyValue:` operator that
 * is not negated, not `…IfExists` and not `Null` (IAM-SEMANTICS §4.1, §4.3).
 */
export function falseWhenAbsent(clause: ConditionClause): boolean {
  const parsed = parseOperatorName(clause.operator)
  if (parsed.kind !== 'ok') return false
  const { info, ifExists, qualifier } = parsed.operator
  return !ifExists && !info.negated && info.family !== 'null' && qualifier !== 'ForAllValues'
}

/**
 * Condition keys (service keys only) that no request for some of the statement's actions
 * carries, under an operator that is then false.
 */
function unavailableKeys(
  statement: Statement,
  actions: readonly ActionEntry[],
  catalog: ActionCatalog
): Finding[] {
  const out: Finding[] = []
  const verb = statement.effect === 'Allow' ? 'grants' : 'denies'
  for (const clause of statement.conditions) {
    if (!falseWhenAbsent(clause) || hasWildcard(clause.key) || clause.key.includes('${')) continue
    const prefix = clause.key.slice(0, Math.max(0, clause.key.indexOf(':'))).toLowerCase()
    if (prefix === 'aws' || !knownKey(catalog, prefix, clause.key)) continue
    const dead = actions.filter(
      (entry) =>
        entry.actions !== undefined &&
        entry.actions.every((action) => !keyAvailability(catalog, action).has(clause.key))
    )
    if (dead.length === 0) continue
    const names = listOf(dead.map((d) => d.value))
    const base = `no request for ${names} carries condition key ${quote(clause.key)}, so ${quote(clause.operator)} is false for ${dead.length === 1 ? 'it' : 'them'}`
    const message =
      dead.length === actions.length
        ? `${verb} nothing: ${base}`
        : `${verb} nothing for ${names}: ${base}`
    out.push({
      code: 'condition-key-unavailable',
      statement,
      target: { pointer: clause.pointer },
      message
    })
  }
  return out
}

/**
 * Whether the service's catalogue lists the key for any action or resource type: a key it does
 * not know may be newer than the catalogue (or a typo, which is not this rule's business).
 */
function knownKey(catalog: ActionCatalog, service: string, key: string): boolean {
  if (!catalog.services.includes(service)) return false
  return catalog.actionsOf(service).some((action) => keyAvailability(catalog, action).has(key))
}

function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?')
}

/** `*` or `?` in a key name: the key is absent from every request. */
function wildcardKeys(statement: Statement): Finding[] {
  const out: Finding[] = []
  const verb = statement.effect === 'Allow' ? 'grants' : 'denies'
  for (const clause of statement.conditions) {
    if (!hasWildcard(clause.key) || clause.key.includes('${')) continue
    const char = clause.key.includes('*') ? '*' : '?'
    const effect = absentEffect(clause)
    const consequence =
      effect === 'false'
        ? `: ${quote(clause.operator)} is false and the statement ${verb} nothing`
        : effect === 'true'
          ? `: ${quote(clause.operator)} holds for every request`
          : ''
    out.push({
      code: 'condition-key-wildcard',
      statement,
      target: { pointer: clause.pointer },
      message: `condition key ${quote(clause.key)} contains \`${char}\`, but condition keys are matched by their exact name, not by wildcard, so no request carries it${consequence}`
    })
  }
  return out
}

/** What a clause is when its key is absent: 'true', 'false', or undefined (depends). */
function absentEffect(clause: ConditionClause): 'true' | 'false' | undefined {
  if (falseWhenAbsent(clause)) return 'false'
  if (clause.base === 'Null') {
    const values = new Set(clause.values.map((v) => v.toLowerCase()))
    if (values.size !== 1) return undefined
    return values.has('true') ? 'true' : 'false'
  }
  return 'true'
}
