// Resource / NotResource matching (IAM-SEMANTICS §3.2): case-sensitive, the first five ARN
// parts one by one, the resource part as a whole; policy variables only in the resource part.
import type { MatchList } from '../policy/model.js'
import type { IssueSink } from './conditions/index.js'
import type { PreparedContext } from './context.js'
import { emptyList, listOf } from '../policy/packed-list.js'
import type { PreparedResource } from './request.js'
import {
  bindingKey,
  parseTemplate,
  resolveTemplate,
  unresolvedVariables,
  type Template
} from './variables.js'
import { compileGlob, matchGlob, parseGlob, type GlobPart, type TextMatcher } from './wildcard.js'

/** One ARN part: null = `*`, a string = literal, a function = glob. */
type PartMatcher = null | string | TextMatcher

type ResourceEntry =
  | { readonly kind: 'any' }
  | { readonly kind: 'never' }
  | {
      readonly kind: 'arn'
      readonly heads: readonly PartMatcher[]
      /** `arn:aws:s3:::` when the first five parts are all literal: one comparison for them */
      readonly prefix: string | undefined
      readonly tail: PartMatcher
    }
  | {
      readonly kind: 'template'
      readonly heads: readonly PartMatcher[]
      readonly template: Template
      /** compiled resolutions by bindingKey: a review meets few distinct variable values */
      readonly resolved: Map<string, TextMatcher>
    }
  | { readonly kind: 'short'; readonly heads: readonly PartMatcher[]; readonly tail: PartMatcher }

interface CompiledEntry {
  readonly source: string
  readonly entry: ResourceEntry
  /** whether the whole pattern, as a glob, matches a request resource `*` (§6); on first use */
  matchesStar: boolean | undefined
}

export interface ResourceMatcher {
  /** false when the statement has neither Resource nor NotResource (the attached resource) */
  readonly present: boolean
  readonly negated: boolean
  readonly entries: readonly CompiledEntry[]
}

const ABSENT: ResourceMatcher = { present: false, negated: false, entries: emptyList() }

export function compileResourceMatcher(
  list: MatchList | undefined,
  options: { variables: boolean }
): ResourceMatcher {
  if (list === undefined) return ABSENT
  const entries = listOf(list.values, (source) => ({
    source,
    entry: compileEntry(source, options.variables),
    matchesStar: undefined
  }))
  return { present: true, negated: list.negated, entries }
}

/**
 * Does the statement's Resource/NotResource element apply? An entry whose variable cannot be
 * resolved matches nothing (§3.2, also under NotResource) and is reported through `issues`
 * (undefined on the fast path: no message is built).
 */
export function matchResource(
  m: ResourceMatcher,
  resource: PreparedResource,
  context: PreparedContext,
  issues: IssueSink | undefined
): boolean {
  if (!m.present) return true
  let matched = false
  for (const entry of m.entries) {
    if (entryMatches(entry, resource, context, issues)) {
      matched = true
      break
    }
  }
  return matched !== m.negated
}

function entryMatches(
  compiled: CompiledEntry,
  resource: PreparedResource,
  context: PreparedContext,
  issues: IssueSink | undefined
): boolean {
  const { entry } = compiled
  if (entry.kind === 'any') return true
  const arn = resource.arn
  if (arn === undefined) return nonArnMatches(compiled, resource.text)
  switch (entry.kind) {
    case 'never':
      return false
    case 'arn':
      return (
        (entry.prefix === undefined
          ? headsMatch(entry.heads, arn)
          : prefixMatches(entry.prefix, resource.text, arn)) &&
        partMatches(entry.tail, arn.resource)
      )
    case 'short':
      return (
        headsMatch(entry.heads, arn) && partMatches(entry.tail, remainder(arn, entry.heads.length))
      )
    case 'template': {
      if (!headsMatch(entry.heads, arn)) return false
      const matcher = resolvedMatcher(entry, context)
      if (matcher === undefined) {
        issues?.('variable-unresolved', unresolvedMessage(compiled.source, entry.template, context))
        return unresolvedEntryMatches()
      }
      return matcher(arn.resource)
    }
  }
}

type TemplateEntry = Extract<ResourceEntry, { kind: 'template' }>

/** Bounds each entry's cache of resolutions; when full it starts over. */
const MAX_RESOLUTIONS = 256

/** The entry's resource part with the context's variable values, compiled once per binding. */
function resolvedMatcher(entry: TemplateEntry, context: PreparedContext): TextMatcher | undefined {
  const key = bindingKey(entry.template, context)
  if (key === undefined) return undefined
  let matcher = entry.resolved.get(key)
  if (matcher === undefined) {
    const parts = resolveTemplate(entry.template, context)
    if (parts === undefined) return undefined
    matcher = compileGlob(parts, { ignoreCase: false })
    if (entry.resolved.size >= MAX_RESOLUTIONS) entry.resolved.clear()
    entry.resolved.set(key, matcher)
  }
  return matcher
}

/**
 * [UNCERTAIN] §3.2: an entry with an unresolvable variable matches no resource — documented for
 * Resource; under NotResource we do the same, so the entry excludes nothing.
 */
function unresolvedEntryMatches(): boolean {
  return false
}

/** A request resource that is `*` or not an ARN is matched as a whole, variables literal (§6). */
function nonArnMatches(compiled: CompiledEntry, text: string): boolean {
  if (text === '*') return (compiled.matchesStar ??= matchGlob(compiled.source, '*', false))
  return matchGlob(compiled.source, text, false)
}

function unresolvedMessage(source: string, template: Template, context: PreparedContext): string {
  const keys = unresolvedVariables(template, context).map((key) => `\`\${${key}}\``)
  return `resource \`${source}\`: policy variable ${keys.join(', ')} has no value and no default: the entry matches nothing`
}

function compileEntry(source: string, variables: boolean): ResourceEntry {
  if (source === '*') return { kind: 'any' }
  const pieces = splitParts(source)
  if (pieces.length < 6) return shortPatternEntry(pieces)
  const heads = listOf(pieces.slice(0, 5), partMatcher)
  const template = parseTemplate(pieces[5] ?? '', { variables, wildcards: true })
  if (template.hasVariables) return { kind: 'template', heads, template, resolved: new Map() }
  const tail = globMatcher(template.parts.filter(isGlobPart))
  return { kind: 'arn', heads, prefix: literalPrefix(heads), tail }
}

/** The first five parts with their colons when all are literal text, else undefined. */
function literalPrefix(heads: readonly PartMatcher[]): string | undefined {
  let prefix = ''
  for (const head of heads) {
    if (typeof head !== 'string') return undefined
    prefix += `${head}:`
  }
  return prefix
}

/** Are the first five parts of the request ARN (the text before its resource part) `prefix`? */
function prefixMatches(prefix: string, text: string, arn: ArnParts): boolean {
  return text.length - arn.resource.length === prefix.length && text.startsWith(prefix)
}

/**
 * [UNCERTAIN] §3.2 short patterns (fewer than six parts): when the last part ends in `*` it
 * matches the rest of the ARN, colons included (`arn:aws:sqs:us-east-1:*` is any queue in the
 * Region); the earlier parts match one ARN part each. Any other short pattern matches nothing.
 */
function shortPatternEntry(pieces: readonly string[]): ResourceEntry {
  const last = pieces.at(-1) ?? ''
  if (!last.endsWith('*')) return { kind: 'never' }
  return {
    kind: 'short',
    heads: listOf(pieces.slice(0, -1), partMatcher),
    tail: partMatcher(last)
  }
}

/** Splits on the first five colons; the sixth part keeps further colons. */
function splitParts(text: string): string[] {
  const pieces: string[] = []
  let from = 0
  while (pieces.length < 5) {
    const colon = text.indexOf(':', from)
    if (colon < 0) break
    pieces.push(text.slice(from, colon))
    from = colon + 1
  }
  pieces.push(text.slice(from))
  return pieces
}

function partMatcher(piece: string): PartMatcher {
  if (piece === '*') return null
  if (!piece.includes('*') && !piece.includes('?')) return piece
  return globMatcher(parseGlob(piece))
}

function globMatcher(parts: readonly GlobPart[]): PartMatcher {
  if (parts.length > 0 && parts.every((p) => p.kind === 'star')) return null
  if (parts.every((p) => p.kind === 'text')) return parts.map((p) => p.text).join('')
  return compileGlob(parts, { ignoreCase: false })
}

function isGlobPart(part: Template['parts'][number]): part is GlobPart {
  return part.kind !== 'variable'
}

function partMatches(m: PartMatcher, value: string): boolean {
  if (m === null) return true
  return typeof m === 'string' ? m === value : m(value)
}

type ArnParts = NonNullable<PreparedResource['arn']>

function arnPart(arn: ArnParts, index: number): string {
  switch (index) {
    case 0:
      return 'arn'
    case 1:
      return arn.partition
    case 2:
      return arn.service
    case 3:
      return arn.region
    default:
      return arn.account
  }
}

function headsMatch(heads: readonly PartMatcher[], arn: ArnParts): boolean {
  for (let i = 0; i < heads.length; i++) {
    if (!partMatches(heads[i] ?? null, arnPart(arn, i))) return false
  }
  return true
}

/** The ARN from part `index` on, colons included (for short patterns). */
function remainder(arn: ArnParts, index: number): string {
  const parts = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource]
  return parts.slice(index).join(':')
}
