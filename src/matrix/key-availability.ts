// Which condition keys a request for an action can carry. A key the action never carries is
// absent from every real request, so a witness context must not set it: doing so would report
// a change that cannot happen. Available: the global keys, the action's own keys and its
// resource types' keys (catalogue). The tag keys (aws:RequestTag/…, aws:ResourceTag/…,
// aws:TagKeys) are global in name only: AWS documents them per action, so they count only when
// the catalogue lists them for the action. Identity-provider keys (`saml:sub`,
// `token.actions.githubusercontent.com:sub`) come with the federated AssumeRole actions: their
// prefix is a provider, not a service, and the catalogue lists only some of them. Unknown actions
// may carry any key.
import type { ActionCatalog, CatalogAction } from '../catalog/catalog.js'
import { compileGlob, type GlobPart, type TextMatcher } from '../engine/wildcard.js'

export interface KeyAvailability {
  /** case-insensitive */
  has(key: string): boolean
}

const ANY: KeyAvailability = { has: () => true }

const TAG_FAMILIES = ['aws:requesttag/', 'aws:resourcetag/', 'aws:tagkeys']

/**
 * `${TagKey}`, `<key>` and a final `/tag-key` placeholder match any text
 * (`aws:RequestTag/${TagKey}` ~ `aws:RequestTag/team`; the catalogue writes
 * `secretsmanager:ResourceTag/tag-key`).
 */
const PLACEHOLDER = /\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$/

/** The federated AssumeRole actions (lowercase) and which provider keys each request carries. */
const PROVIDER_ACTIONS: ReadonlyMap<string, (prefix: string) => boolean> = new Map([
  ['sts:assumerolewithsaml', (prefix: string) => prefix === 'saml'],
  // an OIDC provider's keys are prefixed by its host (and path): `accounts.google.com:aud`,
  // `cognito-identity.amazonaws.com:amr`, `oidc.circleci.com/org/ID:…`; no service prefix has `.`
  ['sts:assumerolewithwebidentity', (prefix: string) => /[./]/.test(prefix)]
])

function keyGlob(template: string): GlobPart[] {
  const parts: GlobPart[] = []
  let from = 0
  for (const m of template.matchAll(new RegExp(PLACEHOLDER, 'g'))) {
    if (m.index > from) parts.push({ kind: 'text', text: template.slice(from, m.index) })
    parts.push({ kind: 'star' })
    from = m.index + m[0].length
  }
  if (from < template.length) parts.push({ kind: 'text', text: template.slice(from) })
  return parts
}

class KeySet implements KeyAvailability {
  private readonly exact = new Set<string>()
  private readonly templates: TextMatcher[] = []
  private readonly answers = new Map<string, boolean>()

  constructor(keys: Iterable<string>) {
    for (const key of keys) {
      if (PLACEHOLDER.test(key))
        this.templates.push(compileGlob(keyGlob(key), { ignoreCase: true }))
      else this.exact.add(key.toLowerCase())
    }
  }

  has(key: string): boolean {
    const lower = key.toLowerCase()
    let answer = this.answers.get(lower)
    if (answer === undefined) {
      answer = this.exact.has(lower) || this.templates.some((m) => m(lower))
      this.answers.set(lower, answer)
    }
    return answer
  }
}

/** The part of a key before its first `:`: a service prefix or a provider (hosts have none). */
const providerPrefix = (key: string): string => key.slice(0, Math.max(0, key.indexOf(':')))

const isTagKey = (key: string): boolean => TAG_FAMILIES.some((f) => key.toLowerCase().startsWith(f))

function actionKeys(catalog: ActionCatalog, action: CatalogAction): string[] {
  const keys = [...action.conditionKeys]
  for (const type of action.resourceTypes) {
    keys.push(...(catalog.resourceType(action.service, type.name)?.conditionKeys ?? []))
  }
  return keys
}

interface CatalogKeys {
  readonly globals: KeySet
  readonly actions: WeakMap<CatalogAction, KeyAvailability>
}

const perCatalog = new WeakMap<ActionCatalog, CatalogKeys>()

export function keyAvailability(
  catalog: ActionCatalog,
  action: CatalogAction | undefined
): KeyAvailability {
  if (action === undefined) return ANY
  let cache = perCatalog.get(catalog)
  if (cache === undefined) {
    const globals = new KeySet(catalog.globalConditionKeys.filter((k) => !isTagKey(k)))
    cache = { globals, actions: new WeakMap() }
    perCatalog.set(catalog, cache)
  }
  let keys = cache.actions.get(action)
  if (keys === undefined) {
    const globals = cache.globals
    let own: KeySet | undefined // built on the first key that is not global
    const provider = PROVIDER_ACTIONS.get(action.name.toLowerCase())
    keys = {
      has: (key) =>
        globals.has(key) ||
        (own ??= new KeySet(actionKeys(catalog, action))).has(key) ||
        (provider?.(providerPrefix(key)) ?? false)
    }
    cache.actions.set(action, keys)
  }
  return keys
}
