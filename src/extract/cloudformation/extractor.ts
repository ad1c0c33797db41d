// The CloudFormation / SAM extractor: template → located tree → one document per policy
// property, intrinsic functions resolved to deterministic placeholders. An `Fn::If` whose
// condition parameter defaults cannot decide, and whose branches differ, splits the document
// into one variant per outcome (at most MAX_SPLIT conditions per document; further ones take
// the false branch, and a diagnostic says so).
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js'
import { quote } from '../../diagnostics/quote.js'
import { decodeTemplate, type LocatedNode } from '../located-tree.js'
import type {
  ExtractedDocument,
  Extraction,
  Extractor,
  ExtractOptions,
  PolicyAttachment,
  Unreviewable
} from '../types.js'
import { shapeTokens } from './document.js'
import { PlaceholderLog } from './placeholders.js'
import { positionLookup, serialise, type RNode } from './resolved.js'
import { HANDLERS } from './resource-types.js'
import { Resolver } from './resolver.js'
import type { DocumentSource, Findings } from './sources.js'
import { indexTemplate, isSam, type TemplateIndex } from './template-index.js'

export const CLOUDFORMATION_CLAIM = 35
export const CLOUDFORMATION_CONTENT_CLAIM = 25
/** conditions split into variants per document (2^4 = 16 variants at most) */
export const MAX_SPLIT = 4
const SNIFF_BYTES = 256 * 1024

export const cloudFormationExtractor: Extractor = {
  format: 'cloudformation',
  claims(_path, text) {
    const head = text.slice(0, SNIFF_BYTES)
    if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return CLOUDFORMATION_CLAIM
    if (/AWS::Serverless-2016-10-31/.test(head)) return CLOUDFORMATION_CLAIM
    const resources = /(^|[{,\s])["']?Resources["']?\s*:/m.test(head)
    const types = /["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/.test(head)
    return resources && types ? CLOUDFORMATION_CONTENT_CLAIM : 0
  },
  extract(path, text, options) {
    return extractTemplate(path, text, options)
  }
}

export function extractTemplate(path: string, text: string, options: ExtractOptions): Extraction {
  const decoded = decodeTemplate(text, { file: path })
  const root = decoded.root
  const fileDiagnostics = [...decoded.diagnostics]
  if (!root || decoded.diagnostics.some((d) => d.severity === 'error')) {
    return {
      format: 'cloudformation',
      documents: [],
      unreviewable: [],
      diagnostics: fileDiagnostics
    }
  }
  const format = isSam(root) ? 'sam' : 'cloudformation'
  const index = indexTemplate(root)
  const log = new PlaceholderLog()
  const found: Findings = { sources: [], attachments: [], unreviewable: [] }
  for (const resource of index.resources.values()) {
    const handler = Object.hasOwn(HANDLERS, resource.type) ? HANDLERS[resource.type] : undefined
    if (!handler || resource.node.kind !== 'map') continue
    const assumptions = baseAssumptions(index, resource.condition, path, options, log)
    if (assumptions === undefined) continue
    const r = new Resolver({ index, facts: options.facts, log, file: path, assumptions })
    r.owner = `resource ${quote(resource.id)}`
    handler({ resource, r, found })
    fileDiagnostics.push(...r.diagnostics)
  }
  const documents = found.sources.flatMap((source) => {
    const resourceId = source.location.split('/')[1] ?? ''
    const condition = index.resources.get(resourceId)?.condition
    const base = baseAssumptions(index, condition, path, options, log) ?? new Map<string, boolean>()
    return variants(source, base, { index, path, options, log, orphans: fileDiagnostics })
  })
  return {
    format,
    documents,
    unreviewable: found.unreviewable satisfies Unreviewable[],
    diagnostics: fileDiagnostics,
    attachments: found.attachments satisfies PolicyAttachment[]
  }
}

/**
 * The assumptions a resource's documents are resolved under: its own `Condition` true.
 * Undefined when that condition is decidably false (the resource is not created).
 */
function baseAssumptions(
  index: TemplateIndex,
  condition: string | undefined,
  path: string,
  options: ExtractOptions,
  log: PlaceholderLog
): Map<string, boolean> | undefined {
  if (condition === undefined) return new Map()
  const r = new Resolver({ index, facts: options.facts, log, file: path, assumptions: new Map() })
  if (r.decide(condition) === false) return undefined
  return new Map([[condition, true]])
}

interface VariantContext {
  readonly index: TemplateIndex
  readonly path: string
  readonly options: ExtractOptions
  readonly log: PlaceholderLog
  /** diagnostics of documents that could not be built: reported on the file */
  readonly orphans: Diagnostic[]
}

function variants(
  source: DocumentSource,
  base: ReadonlyMap<string, boolean>,
  ctx: VariantContext
): ExtractedDocument[] {
  const out: ExtractedDocument[] = []
  const queue: Map<string, boolean>[] = [new Map(base)]
  for (let assumed = queue.shift(); assumed; assumed = queue.shift()) {
    const r = new Resolver({
      ...ctx,
      facts: ctx.options.facts,
      file: ctx.path,
      assumptions: assumed
    })
    r.owner = `resource ${quote(source.location.split('/')[1] ?? '')}`
    const value = source.build(r)
    const next = r.undecided.find((c) => !assumed.has(c))
    const split = assumed.size - base.size
    if (next !== undefined && split < MAX_SPLIT) {
      queue.push(new Map([...assumed, [next, true]]), new Map([...assumed, [next, false]]))
      continue
    }
    const extra = next === undefined ? [] : [overLimit(r, source, next)]
    if (value) out.push(emit(source, value, assumed, base, [...r.diagnostics, ...extra], ctx))
    else ctx.orphans.push(...r.diagnostics, ...extra)
  }
  return out
}

function overLimit(r: Resolver, source: DocumentSource, next: string): Diagnostic {
  const span = {
    start: source.anchor.start,
    end: source.anchor.end,
    line: source.anchor.line,
    column: source.anchor.column
  }
  const message = `${r.owner}: more than ${MAX_SPLIT} conditions depend on deploy-time values: the review is incomplete (${quote(next)} and any further ones were reviewed on their false branch only)`
  return diagnostic('template-condition-limit', { message, span, file: r.diagnostics[0]?.file })
}

function emit(
  source: DocumentSource,
  value: RNode,
  assumed: ReadonlyMap<string, boolean>,
  base: ReadonlyMap<string, boolean>,
  diagnostics: Diagnostic[],
  ctx: VariantContext
): ExtractedDocument {
  const shaped = shapeTokens(value, ctx.log, ctx.options.facts.partition)
  const { text, positions } = serialise(shaped)
  const own = [...assumed].filter(([c]) => !base.has(c))
  const suffix = own.map(([c, v]) => `${c}=${v}`).join('&')
  const shown = own.map(([c, v]) => (v ? `if ${c}` : `unless ${c}`)).join(', ')
  if (own.length > 0)
    diagnostics.push(
      variantNote(
        source,
        own.map(([c]) => c),
        ctx.path
      )
    )
  return {
    location: suffix ? `${source.location}?${suffix}` : source.location,
    name: shown ? `${source.name} (${shown})` : source.name,
    kind: source.kind,
    attachedTo: source.attachedTo,
    text,
    positionOf: positionLookup(positions),
    placeholders: ctx.log.usedIn(text),
    diagnostics
  }
}

function variantNote(source: DocumentSource, conditions: string[], file: string): Diagnostic {
  const node: LocatedNode = source.anchor
  const span = { start: node.start, end: node.end, line: node.line, column: node.column }
  const message = `${source.name}: the document depends on ${conditions.map(quote).join(', ')}: each outcome is reviewed`
  return diagnostic('template-condition-variants', { message, span, file })
}
