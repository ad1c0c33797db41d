// Resources that exercise the Resource/NotResource patterns relevant to an action (§3.2): each
// pattern instantiated inside the action's ARN templates, each pattern's own region (inside it,
// outside the others), pairwise differences, and a resource of the action outside them all.
// Candidates that no pattern tells apart are merged, keeping the first in text order that fills
// its ARN format plainly (plain-fill.ts), else the first.
import type { ActionCatalog } from '../catalog/catalog.js'
import {
  compileResourceMatcher,
  matchResource,
  type ResourceMatcher
} from '../engine/match-resource.js'
import { splitArn, type ArnParts } from '../policy/arn.js'
import {
  arnMatcher,
  findArnWitness,
  mayOverlap,
  templateGlob,
  type ArnGlob
} from './arn-witness.js'
import type { ProbeAction } from './expand-actions.js'
import type { KeyAvailability } from './key-availability.js'
import {
  NO_TEMPLATES,
  PatternResolver,
  templatesOf,
  type Pattern,
  type Templates
} from './resource-patterns.js'
import { plainFormat } from './plain-fill.js'
import type { Samples } from './samples.js'

/** More patterns than this per template: skip the pairwise differences (quadratic). */
const MAX_PAIRWISE = 6
/** Regions with more excluded patterns than this are not solved (the search grows with them). */
const MAX_NEGATIVES = 12

export interface ResourceWitnesses {
  /** sorted */
  readonly resources: readonly string[]
  /** variable values the witnesses assume (keys the engine does not derive), policy key case */
  readonly bindings: Readonly<Record<string, string>>
  /**
   * per witness: one resource of each other resource type that no pattern tells apart from it
   * (the same matches, account and region), sorted; a change found on the witness is checked
   * on these too, so each type whose decision changes is reported (generate.ts, `alike`)
   */
  readonly alike: ReadonlyMap<string, readonly string[]>
}

const NO_ALIKE: ReadonlyMap<string, readonly string[]> = new Map()

const noIssues = (): void => undefined

/** The ARN is of one of the action's resource types (any ARN when the catalogue lists none). */
function fitsTemplates(arn: string, templates: Templates): boolean {
  if (templates.list.length === 0) return true
  return templates.list.some((template) => {
    const glob = templateGlob(template)
    return glob !== undefined && arnMatcher(glob)(arn)
  })
}
/** KMS keys and IAM roles: resources whose own policy must allow some requests (§5.2). */
function mandatoryPolicyKind(arn: ArnParts | undefined): string {
  if (arn?.service === 'kms' && arn.resource.startsWith('key/')) return 'key'
  if (arn?.service === 'iam' && arn.resource.startsWith('role/')) return 'role'
  return ''
}

/** Same region and account part: a request moves both alike (realize.ts). */
function sameHome(a: string, b: string): boolean {
  const x = splitArn(a)
  const y = splitArn(b)
  if (x === undefined || y === undefined) return false
  return x.region === y.region && x.account === y.account
}

/**
 * The witness shown for candidates no pattern tells apart: one in the probe principal's
 * partition (`aws`) first, since the others only stand for a policy deployed elsewhere too;
 * then one that fills its ARN format plainly; then text order.
 */
function byPreference(a: Kept, b: Kept): number {
  const home = Number(isHomePartition(b.text)) - Number(isHomePartition(a.text))
  if (home !== 0) return home
  if (a.plain !== b.plain) return a.plain ? -1 : 1
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0
}

function isHomePartition(text: string): boolean {
  return text === '*' || text.startsWith('arn:aws:')
}

interface Kept {
  readonly text: string
  readonly plain: boolean
}

const WILDCARD_ONLY: ResourceWitnesses = { resources: ['*'], bindings: {}, alike: NO_ALIKE }

const sharedRegions = new Map<string, readonly string[]>()
const MAX_SHARED = 20000

export class ResourceWitnessBuilder {
  private readonly results = new Map<readonly Pattern[], Map<string, ResourceWitnesses>>()
  private readonly patterns: PatternResolver
  private readonly regions = new Map<readonly Pattern[], Map<string, readonly string[]>>()
  private readonly matchers = new Map<string, ResourceMatcher>()

  constructor(
    private readonly catalog: ActionCatalog,
    private readonly samples: Samples,
    /** a resource-based policy is under review: witnesses stay in its account when they can */
    private readonly resourceMode: boolean,
    /** the resource a resource-based policy under review is attached to, when the sources say */
    private readonly ownResource?: string
  ) {
    this.patterns = new PatternResolver(samples)
  }

  witnesses(action: ProbeAction, keys: KeyAvailability): ResourceWitnesses {
    const known = action.catalog
    if (known !== undefined && known.resourceTypes.length === 0) return WILDCARD_ONLY
    const patterns = this.patterns.of(action.statements, keys)
    const templates = known === undefined ? NO_TEMPLATES : templatesOf(this.catalog, known)
    // a resource-based policy whose statements name no Resource (a role's trust policy) applies
    // to its own resource: that is the request AWS receives, and no other resource decides
    // differently
    const own = this.ownResource
    if (own !== undefined && patterns.length === 0 && fitsTemplates(own, templates)) {
      return { resources: [own], bindings: {}, alike: NO_ALIKE }
    }
    // a catalogue action with resource types always acts on one: `*` is no real request of it
    const star = known === undefined
    let byTemplates = this.results.get(patterns)
    if (byTemplates === undefined) {
      byTemplates = new Map()
      this.results.set(patterns, byTemplates)
    }
    const cacheKey = star ? '*' : templates.key
    let result = byTemplates.get(cacheKey)
    if (result === undefined) {
      const bindings = Object.assign({}, ...patterns.map((p) => p.bindings)) as Record<
        string,
        string
      >
      // candidate → the ARN format (resource type) whose regions produced it first
      const candidates = new Map<string, string>(star ? [['*', '']] : [])
      // `*` matches every resource, so it tells none apart: only ARN patterns shape regions
      const live = patterns.filter((p) => p.glob !== undefined && p.glob !== 'any')
      const add = (template: string | undefined): void => {
        for (const w of this.regionsOf(template, patterns, live)) {
          if (!candidates.has(w)) candidates.set(w, template ?? '')
        }
      }
      if (templates.list.length === 0) add(undefined)
      for (const template of templates.list) add(template)
      const { resources, alike } = this.distinct(candidates, patterns, bindings, templates.list)
      result = { resources, bindings, alike }
      byTemplates.set(cacheKey, result)
    }
    return result
  }

  private solve(
    pos: readonly (ArnGlob | undefined)[],
    neg: readonly Pattern[]
  ): string | undefined {
    const globs = neg.map((p) => p.glob)
    if (pos.includes(undefined) || globs.includes(undefined)) return undefined
    return findArnWitness(pos as ArnGlob[], globs as ArnGlob[], {
      account: this.samples.account,
      ownAccountFirst: this.resourceMode
    })
  }

  /**
   * Witnesses inside one template (or, for unknown actions, anywhere): the template alone, each
   * pattern inside it, and the regions "inside p, outside the others", "inside p, outside q" and
   * "outside all". A region is solved only when no witness found so far already lies in it.
   */
  private regionsOf(
    template: string | undefined,
    all: readonly Pattern[],
    live: readonly Pattern[]
  ): readonly string[] {
    let byTemplate = this.regions.get(all)
    if (byTemplate === undefined) {
      byTemplate = new Map()
      this.regions.set(all, byTemplate)
    }
    const key = template ?? ''
    let found = byTemplate.get(key)
    if (found === undefined) {
      // the same template and patterns recur across files: share the answer (pure, bounded)
      const shared = `${this.samples.account}\n${this.resourceMode}\n${key}\n${live.map((p) => (p.glob === 'any' ? '*' : (p.glob?.key ?? ''))).join('\n')}`
      found = sharedRegions.get(shared)
      if (found === undefined) {
        const out = new Set<string>()
        this.addRegions(out, template, live)
        found = [...out]
        if (sharedRegions.size >= MAX_SHARED) sharedRegions.clear()
        sharedRegions.set(shared, found)
      }
      byTemplate.set(key, found)
    }
    return found
  }

  private addRegions(
    out: Set<string>,
    template: string | undefined,
    patterns: readonly Pattern[]
  ): void {
    const t = template === undefined ? undefined : templateGlob(template)
    const base = t === undefined ? [] : [t]
    const inside: Pattern[] = []
    const found: string[] = []
    const add = (w: string | undefined): boolean => {
      if (w !== undefined) {
        out.add(w)
        found.push(w)
      }
      return w !== undefined
    }
    if (t !== undefined) add(this.solve(base, []))
    for (const p of patterns) {
      if (p.glob === undefined || (t !== undefined && !mayOverlap(t, p.glob))) continue
      if (add(this.solve([...base, p.glob], []))) inside.push(p)
    }
    const has = (w: string, p: Pattern): boolean => arnMatcher(p.glob ?? 'any')(w)
    const region = (pos: readonly Pattern[], neg: readonly Pattern[], limit: number): void => {
      // checked first: with hundreds of patterns the coverage test itself would be quadratic
      if (neg.length > limit) return
      const covered = found.some((w) => pos.every((p) => has(w, p)) && !neg.some((q) => has(w, q)))
      if (!covered) add(this.solve([...base, ...pos.map((p) => p.glob)], neg))
    }
    if (t !== undefined) region([], inside, MAX_NEGATIVES)
    for (const p of inside) {
      const others = inside.filter((q) => q !== p)
      region([p], others, MAX_NEGATIVES)
      if (inside.length > MAX_PAIRWISE) continue
      for (const q of others) region([p], [q], 1)
    }
  }

  private matcher(p: Pattern): ResourceMatcher {
    let m = this.matchers.get(p.id)
    if (m === undefined) {
      m = compileResourceMatcher({ negated: false, values: [p.source] }, { variables: p.variables })
      this.matchers.set(p.id, m)
    }
    return m
  }

  /**
   * One candidate per combination of pattern matches (and resource account), in text order,
   * preferring one that fills every variable of its ARN format with a plain name (no `/` or
   * `:`): IAM's `*` spans `/`, so a pattern for the routes of any HTTP API (`…/apis/` star
   * `/routes/` star) is also matched by an authorizer whose ID would be `routes/example`, a
   * resource no API could name. Both stand for the same patterns, so preferring the plain one
   * changes which request is shown, never which patterns are probed.
   */
  private distinct(
    candidates: ReadonlyMap<string, string>,
    patterns: readonly Pattern[],
    bindings: Readonly<Record<string, string>>,
    templates: readonly string[]
  ): { resources: string[]; alike: ReadonlyMap<string, readonly string[]> } {
    if (candidates.size <= 1) return { resources: [...candidates.keys()], alike: NO_ALIKE }
    const context = this.samples.context(bindings)
    // per signature, per resource type: the first candidate, or the first plain one
    const chosen = new Map<string, Map<string, Kept>>()
    for (const text of [...candidates.keys()].sort()) {
      const signature = this.signature(text, patterns, context)
      let byType = chosen.get(signature)
      if (byType === undefined) {
        byType = new Map()
        chosen.set(signature, byType)
      }
      // its resource type: the ARN format it fills plainly, else the one whose regions made it
      const format = templates.length === 0 ? undefined : plainFormat(text, templates)
      const type = format ?? candidates.get(text) ?? ''
      const first = byType.get(type)
      const candidate = { text, plain: templates.length === 0 || format !== undefined }
      if (first === undefined || byPreference(candidate, first) < 0) byType.set(type, candidate)
    }
    const resources: string[] = []
    const alike = new Map<string, readonly string[]>()
    for (const byType of chosen.values()) {
      const kept = [...byType.values()].sort(byPreference)
      const witness = kept[0]?.text
      if (witness === undefined) continue
      resources.push(witness)
      // only resources a real request can name: an authorizer whose ID would be `routes/x`
      // matches `/apis/*/routes/*` too, but stands for nothing a reviewer needs to see
      const others = kept
        .filter((c) => c.plain && c.text !== witness && sameHome(c.text, witness))
        .map((c) => c.text)
      if (others.length > 0) alike.set(witness, others.sort())
    }
    return { resources: resources.sort(), alike }
  }

  /** Which patterns hold the candidate, and the account that owns it. */
  private signature(
    text: string,
    patterns: readonly Pattern[],
    context: ReturnType<Samples['context']>
  ): string {
    const arn = splitArn(text)
    const resource = { text, arn }
    // the account that owns it (an S3 ARN has none: the principal's, §6), and whether its own
    // policy must allow (IAM-SEMANTICS §5.2: a KMS key, a role for its trust actions), which
    // decides apart from resources of the same patterns (a key and an alias under `*`)
    let signature = `${arn?.account || this.samples.account}|${mandatoryPolicyKind(arn)}|`
    for (const p of patterns) {
      // a default pattern holds for requests without its keys: the sample context would
      // resolve its variables to the samples instead
      const inside =
        p.byDefault === true
          ? p.glob !== undefined && arnMatcher(p.glob)(text)
          : matchResource(this.matcher(p), resource, context, noIssues)
      signature += inside ? '1' : '0'
    }
    return signature
  }
}
