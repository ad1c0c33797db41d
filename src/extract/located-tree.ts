// A template (CloudFormation, SAM; JSON or YAML) decoded into one located tree: every key and
// every value, scalars included, keeps its offsets and 1-based line/column. YAML short-form
// intrinsics (`!Sub x`, `!GetAtt A.B`) become their long forms (`{"Fn::Sub": "x"}`,
// `{"Fn::GetAtt": ["A", "B"]}`) positioned at the tagged value, so later stages see one shape.
// Never throws on input; the size, nesting, alias expansion and node count are bounded
// (docs/DIAGNOSTICS.md, "Templates").
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node as YamlNode
} from 'yaml'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import { utf8Length } from '../policy/json-scan.js'
import { parseLocatedJson, type JsonNode } from '../policy/located-json.js'
import { LineIndex } from '../policy/line-index.js'

export interface Located {
  readonly start: number
  readonly end: number
  /** 1-based */
  readonly line: number
  /** 1-based, UTF-16 code units */
  readonly column: number
}

export interface LocatedEntry {
  readonly key: string
  readonly keyAt: Located
  readonly value: LocatedNode
}

export interface LocatedMap extends Located {
  readonly kind: 'map'
  readonly entries: readonly LocatedEntry[]
}
export interface LocatedSeq extends Located {
  readonly kind: 'seq'
  readonly items: readonly LocatedNode[]
}
export interface LocatedScalar extends Located {
  readonly kind: 'scalar'
  readonly value: string | number | boolean | null
}

export type LocatedNode = LocatedMap | LocatedSeq | LocatedScalar

export interface DecodeOptions {
  readonly file?: string
  /** refuse larger inputs (UTF-8 bytes); default 4 MiB */
  readonly maxBytes?: number
  /** refuse deeper nesting of maps and sequences; default 128 */
  readonly maxDepth?: number
  /** refuse YAML with more alias references; default 100 */
  readonly maxAliasCount?: number
  /** refuse trees with more nodes once aliases are expanded; default 1,000,000 */
  readonly maxNodes?: number
}

export interface DecodedTemplate {
  readonly root: LocatedNode | undefined
  readonly syntax: 'json' | 'yaml'
  readonly diagnostics: readonly Diagnostic[]
  readonly lines: LineIndex
}

export const TEMPLATE_MAX_BYTES = 4 * 1024 * 1024
export const TEMPLATE_MAX_DEPTH = 128
export const TEMPLATE_MAX_ALIASES = 100
export const TEMPLATE_MAX_NODES = 1_000_000

/** Short-form tags and the long-form key each becomes. */
const FUNCTION_TAGS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'GetAtt',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'ToJsonString',
  'Length'
]

/** Short-form tags and the long-form key each becomes. */
export const SHORT_FORM_TAGS: Readonly<Record<string, string>> = Object.fromEntries<string>([
  ...FUNCTION_TAGS.map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition']
])

/** The value of `key` in a map node (the first, when duplicated), or undefined. */
export function entryOf(node: LocatedNode | undefined, key: string): LocatedEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined
}

export function valueOf(node: LocatedNode | undefined, key: string): LocatedNode | undefined {
  return entryOf(node, key)?.value
}

/** Decodes a template: JSON when it starts with `{`, YAML otherwise. Never throws on input. */
export function decodeTemplate(text: string, options: DecodeOptions = {}): DecodedTemplate {
  const lines = new LineIndex(text)
  const maxBytes = options.maxBytes ?? TEMPLATE_MAX_BYTES
  const bytes = utf8Length(text)
  const json = /^\uFEFF?\s*\{/.test(text.slice(0, 4096))
  const syntax = json ? 'json' : 'yaml'
  if (bytes > maxBytes) {
    const message = `template of ${bytes} bytes exceeds the limit of ${maxBytes} bytes`
    const d = diagnostic('template-too-large', {
      message,
      span: lines.span(0, 0),
      file: options.file
    })
    return { root: undefined, syntax, diagnostics: [d], lines }
  }
  return json ? decodeJson(text, lines, options) : decodeYaml(text, lines, options)
}

function at(lines: LineIndex, start: number, end: number): Located {
  const { line, column } = lines.position(start)
  return { start, end, line, column }
}

function decodeJson(text: string, lines: LineIndex, options: DecodeOptions): DecodedTemplate {
  const parsed = parseLocatedJson(text, {
    maxBytes: Number.MAX_SAFE_INTEGER,
    maxDepth: options.maxDepth ?? TEMPLATE_MAX_DEPTH,
    ...(options.file === undefined ? {} : { file: options.file })
  })
  const root = parsed.root && fromJson(parsed.root, lines)
  return { root, syntax: 'json', diagnostics: parsed.diagnostics, lines }
}

/** Depth is bounded by the JSON parser's maxDepth, so recursion is safe here. */
function fromJson(node: JsonNode, lines: LineIndex): LocatedNode {
  const where = at(lines, node.start, node.end)
  switch (node.kind) {
    case 'object':
      return {
        kind: 'map',
        ...where,
        entries: node.entries.map((e) => ({
          key: e.key,
          keyAt: at(lines, e.keyStart, e.keyEnd),
          value: fromJson(e.value, lines)
        }))
      }
    case 'array':
      return { kind: 'seq', ...where, items: node.items.map((item) => fromJson(item, lines)) }
    case 'null':
      return { kind: 'scalar', ...where, value: null }
    default:
      return { kind: 'scalar', ...where, value: node.value }
  }
}

class YamlLimit extends Error {
  constructor(
    readonly code: 'template-too-deep' | 'template-alias-limit',
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

interface YamlWalk {
  readonly doc: Document
  readonly lines: LineIndex
  readonly maxDepth: number
  readonly maxAliases: number
  readonly maxNodes: number
  aliases: number
  nodes: number
}

function decodeYaml(text: string, lines: LineIndex, options: DecodeOptions): DecodedTemplate {
  const file = options.file
  const diagnostics: Diagnostic[] = []
  let doc: Document
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: false })
  } catch {
    // yaml reports errors as values; a throw here is an unexpected input the library refused
    const d = diagnostic('yaml-syntax', { message: 'the yaml parser refused the input', file })
    return { root: undefined, syntax: 'yaml', diagnostics: [d], lines }
  }
  for (const error of doc.errors) {
    const [start = 0, end = start] = error.pos
    const span = lines.span(start, end)
    const first = error.message.split('\n')[0] ?? ''
    const message = first.replace(/ at line \d+, column \d+:?$/, '').toLowerCase()
    const code = error.code === 'DUPLICATE_KEY' ? 'template-duplicate-key' : 'yaml-syntax'
    const text = code === 'template-duplicate-key' ? 'duplicate key in a mapping' : message
    diagnostics.push(diagnostic(code, { message: text, span, file }))
  }
  if (diagnostics.some((d) => d.code === 'yaml-syntax')) {
    return { root: undefined, syntax: 'yaml', diagnostics, lines }
  }
  const walk: YamlWalk = {
    doc,
    lines,
    maxDepth: options.maxDepth ?? TEMPLATE_MAX_DEPTH,
    maxAliases: options.maxAliasCount ?? TEMPLATE_MAX_ALIASES,
    maxNodes: options.maxNodes ?? TEMPLATE_MAX_NODES,
    aliases: 0,
    nodes: 0
  }
  try {
    const contents = doc.contents
    const root = contents === null ? undefined : fromYaml(contents, walk, 0)
    return { root, syntax: 'yaml', diagnostics, lines }
  } catch (error) {
    if (!(error instanceof YamlLimit)) throw error
    const span = lines.span(error.offset, error.offset)
    diagnostics.push(diagnostic(error.code, { message: error.message, span, file }))
    return { root: undefined, syntax: 'yaml', diagnostics, lines }
  }
}

function rangeOf(node: YamlNode): [number, number] {
  const range = node.range
  return range ? [range[0], range[1]] : [0, 0]
}

function fromYaml(node: YamlNode, walk: YamlWalk, depth: number): LocatedNode {
  const [start, end] = rangeOf(node)
  if (depth > walk.maxDepth) {
    throw new YamlLimit('template-too-deep', `nesting deeper than ${walk.maxDepth} levels`, start)
  }
  if (++walk.nodes > walk.maxNodes) {
    const message = `more than ${walk.maxNodes} nodes once aliases are expanded`
    throw new YamlLimit('template-alias-limit', message, start)
  }
  if (isAlias(node)) {
    if (++walk.aliases > walk.maxAliases) {
      const message = `more than ${walk.maxAliases} alias references`
      throw new YamlLimit('template-alias-limit', message, start)
    }
    const target = node.resolve(walk.doc)
    if (!target) {
      throw new YamlLimit('template-alias-limit', `unknown alias ${quote(node.source)}`, start)
    }
    return fromYaml(target, walk, depth + 1)
  }
  const plain = plainNode(node, walk, depth, start, end)
  const tag = node.tag
  const long = tag === undefined ? undefined : SHORT_FORM_TAGS[tag]
  if (long === undefined) return plain
  return wrapShortForm(long, plain, at(walk.lines, start, end))
}

function plainNode(
  node: YamlNode,
  walk: YamlWalk,
  depth: number,
  start: number,
  end: number
): LocatedNode {
  const where = at(walk.lines, start, end)
  if (isMap(node)) {
    const entries: LocatedEntry[] = []
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null
      const [ks, ke] = keyNode ? rangeOf(keyNode) : [start, start]
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : ''
      const valueNode = pair.value as YamlNode | null
      const value: LocatedNode = valueNode
        ? fromYaml(valueNode, walk, depth + 1)
        : { kind: 'scalar', ...at(walk.lines, ke, ke), value: null }
      entries.push({ key, keyAt: at(walk.lines, ks, ke), value })
    }
    return { kind: 'map', ...where, entries }
  }
  if (isSeq(node)) {
    const items = node.items.map((item) =>
      item
        ? fromYaml(item as YamlNode, walk, depth + 1)
        : ({ kind: 'scalar', ...where, value: null } as const)
    )
    return { kind: 'seq', ...where, items }
  }
  if (isScalar(node)) return { kind: 'scalar', ...where, value: scalarValue(node.value) }
  return { kind: 'scalar', ...where, value: null }
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (typeof value === 'bigint') return value.toString()
  // yaml's core schema makes nothing else; a custom schema could (dates): keep their text
  return value instanceof Date ? value.toISOString() : null
}

/** `!GetAtt A.B.C` → `["A", "B.C"]` (the first dot splits, as CloudFormation does). */
function wrapShortForm(long: string, value: LocatedNode, where: Located): LocatedMap {
  let inner = value
  if (long === 'Fn::GetAtt' && value.kind === 'scalar' && typeof value.value === 'string') {
    const dot = value.value.indexOf('.')
    const parts = dot < 0 ? [value.value] : [value.value.slice(0, dot), value.value.slice(dot + 1)]
    inner = { kind: 'seq', ...where, items: parts.map((p) => ({ ...value, value: p })) }
  }
  return { kind: 'map', ...where, entries: [{ key: long, keyAt: where, value: inner }] }
}

/** A short description of a node for messages: `a string`, `a list`, `a mapping`. */
export function describeLocated(node: LocatedNode): string {
  if (node.kind === 'map') return 'a mapping'
  if (node.kind === 'seq') return 'a list'
  return node.value === null ? 'null' : `a ${typeof node.value}`
}
