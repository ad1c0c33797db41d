// The Resource/NotResource patterns an action's statements use, resolved for that action
// (policy variables replaced by sample values, §4.6), and the action's ARN templates from the
// catalogue. Lists are interned so that the witness caches can key on them.
import type { ActionCatalog, CatalogAction } from '../catalog/catalog.js'
import { parseTemplate } from '../engine/variables.js'
import type { GlobPart } from '../engine/wildcard.js'
import { arnGlob, type ArnGlob } from './arn-witness.js'
import type { KeyAvailability } from './key-availability.js'
import { variableSpelling, type Samples } from './samples.js'
import type { SourceStatement } from './statements.js'

export interface Pattern {
  readonly source: string
  readonly variables: boolean
  readonly id: string
  /** with variables substituted; undefined = matches nothing for this action */
  readonly glob: ArnGlob | undefined
  readonly bindings: Readonly<Record<string, string>>
  /** resolved with the defaults of its variables (the request leaves their keys out) */
  readonly byDefault?: true
}

export interface Templates {
  /** distinct ARN templates of the action's resource types, sorted */
  readonly list: readonly string[]
  readonly key: string
}

export const NO_TEMPLATES: Templates = { list: [], key: '' }
const templateCache = new WeakMap<CatalogAction, Templates>()

export function templatesOf(catalog: ActionCatalog, action: CatalogAction): Templates {
  let templates = templateCache.get(action)
  if (templates === undefined) {
    // a few catalogue entries list two ARN formats in one string (`arn:…/apis/…, arn:…/restapis/…`)
    const arns = action.resourceTypes.flatMap(
      (t) => catalog.resourceType(action.service, t.name)?.arn.split(/,\s*(?=arn:)/) ?? []
    )
    const list = [...new Set(arns)].sort()
    templates = { list, key: list.join('\n') }
    templateCache.set(action, templates)
  }
  return templates
}

export class PatternResolver {
  private readonly patternLists = new Map<readonly SourceStatement[], readonly Pattern[]>()
  private readonly internedLists = new Map<string, readonly Pattern[]>()
  private readonly resolved = new Map<string, Pattern>()

  constructor(private readonly samples: Samples) {}

  /**
   * Distinct resource patterns of the statements, sorted by id. The list is shared by every
   * action with the same statements unless a variable's availability differs between them.
   */
  of(statements: readonly SourceStatement[], keys: KeyAvailability): readonly Pattern[] {
    const cached = this.patternLists.get(statements)
    if (cached !== undefined) return cached
    const seen = new Map<string, Pattern>()
    let dependsOnKeys = false
    for (const { statement, variables } of statements) {
      for (const source of statement.resource?.values ?? []) {
        const pattern = this.pattern(source, variables, keys)
        if (variables && source.includes('${')) dependsOnKeys = true
        if (!seen.has(pattern.id)) seen.set(pattern.id, pattern)
        // `${key, 'default'}` with the key absent: the default is the resource (§4.6)
        const byDefault = this.defaultPattern(source, variables, keys)
        if (byDefault !== undefined && !seen.has(byDefault.id)) seen.set(byDefault.id, byDefault)
      }
    }
    const list = [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    if (!dependsOnKeys) this.patternLists.set(statements, list)
    // variable patterns: intern the list so that the results cache still hits
    const id = list.map((p) => p.id).join('\n')
    const interned = this.internedLists.get(id)
    if (interned !== undefined) return interned
    this.internedLists.set(id, list)
    return list
  }

  /** A pattern with its variables resolved for an action (cached: most have none). */
  private pattern(source: string, variables: boolean, keys: KeyAvailability): Pattern {
    if (variables && literalVariable(source)) return this.nothing(source)
    const hasVariables = variables && source.includes('${')
    const template = hasVariables
      ? parseTemplate(source, { variables, wildcards: true })
      : undefined
    const available = (template?.parts ?? []).map((p) =>
      p.kind === 'variable' && keys.has(p.key) ? 1 : 0
    )
    const id = `${variables ? 'v' : 'l'}${available.join('')}:${source}`
    let pattern = this.resolved.get(id)
    if (pattern === undefined) {
      const bindings: Record<string, string> = {}
      const parts =
        template === undefined
          ? parseTemplate(source, { variables: false, wildcards: true }).parts
          : this.substitute(source, template.parts, keys, bindings)
      const glob = parts === undefined ? undefined : arnGlob(parts as GlobPart[])
      pattern = { source, variables, id, glob, bindings }
      this.resolved.set(id, pattern)
    }
    return pattern
  }

  /**
   * The pattern as it reads when the request leaves out every key whose variable has a default
   * (`${aws:PrincipalTag/team, 'shared'}` → `shared`); undefined when no variable that the
   * sample fills has one. Without it a default added or changed would never be probed: the
   * sample value always wins over the default.
   */
  private defaultPattern(
    source: string,
    variables: boolean,
    keys: KeyAvailability
  ): Pattern | undefined {
    if (!variables || !source.includes('${') || literalVariable(source)) return undefined
    const template = parseTemplate(source, { variables, wildcards: true })
    const defaulted = template.parts.some(
      (p) =>
        p.kind === 'variable' &&
        p.defaultValue !== undefined &&
        this.samples.derived(p.key) === undefined &&
        keys.has(p.key) &&
        !this.samples.absent(p.key)
    )
    if (!defaulted) return undefined
    const available = template.parts.map((p) => (p.kind === 'variable' && keys.has(p.key) ? 1 : 0))
    const id = `d${available.join('')}:${source}`
    let pattern = this.resolved.get(id)
    if (pattern === undefined) {
      const bindings: Record<string, string> = {}
      const parts: GlobPart[] = []
      let resolvable = true
      for (const part of template.parts) {
        if (part.kind !== 'variable') {
          parts.push(part)
          continue
        }
        let text = this.samples.derived(part.key) ?? part.defaultValue
        if (text === undefined && keys.has(part.key) && !this.samples.absent(part.key)) {
          text = this.samples.value(part.key)
          bindings[variableSpelling(source, part.key)] = text
        }
        if (text === undefined) resolvable = false
        else parts.push({ kind: 'text', text })
      }
      const glob = resolvable ? arnGlob(parts) : undefined
      pattern = { source, variables, id, glob, bindings, byDefault: true }
      this.resolved.set(id, pattern)
    }
    return pattern
  }

  /** A pattern that no ARN a request carries matches. */
  private nothing(source: string): Pattern {
    const id = `n:${source}`
    let pattern = this.resolved.get(id)
    if (pattern === undefined) {
      pattern = { source, variables: true, id, glob: undefined, bindings: {} }
      this.resolved.set(id, pattern)
    }
    return pattern
  }

  /** Variables → sample values; undefined when one can never have a value for the action. */
  private substitute(
    source: string,
    parts: ReturnType<typeof parseTemplate>['parts'],
    keys: KeyAvailability,
    bindings: Record<string, string>
  ): GlobPart[] | undefined {
    const out: GlobPart[] = []
    for (const part of parts) {
      if (part.kind !== 'variable') {
        out.push(part)
        continue
      }
      let text = this.samples.derived(part.key)
      if (text === undefined && keys.has(part.key) && !this.samples.absent(part.key)) {
        text = this.samples.value(part.key)
        bindings[variableSpelling(source, part.key)] = text
      }
      text ??= part.defaultValue
      if (text === undefined) return undefined // the key never reaches this action
      out.push({ kind: 'text', text })
    }
    return out
  }
}

/**
 * A variable before the resource part (`arn:aws:ec2:${aws:RequestedRegion}:…`): IAM replaces
 * variables only in the resource part (IAM-SEMANTICS §3.2), so the text stays literal and no
 * Region, account or service of a real ARN matches it (match-resource.ts does the same).
 */
function literalVariable(source: string): boolean {
  let colons = 0
  for (let i = 0; i < source.length && colons < 5; i++) {
    if (source[i] === ':') colons++
    else if (source[i] === '$' && source[i + 1] === '{') return true
  }
  return false
}
