// The configuration file as a small located tree: YAML (or JSON, which YAML 1.2 reads too) is
// parsed with `yaml`, and every node keeps its JSON Pointer and span so that each error names
// the exact place. Aliases are followed; YAML syntax errors become config-invalid diagnostics.
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node
} from 'yaml'
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js'

export type ConfigNode =
  | { readonly kind: 'map'; readonly entries: readonly ConfigEntry[]; readonly at: Location }
  | { readonly kind: 'list'; readonly items: readonly ConfigNode[]; readonly at: Location }
  | {
      readonly kind: 'scalar'
      readonly value: string | number | boolean | null
      readonly at: Location
    }

export interface ConfigEntry {
  readonly key: string
  readonly keyAt: Location
  readonly value: ConfigNode
}

export interface Location {
  readonly pointer: string
  readonly span: Span | undefined
}

/** Reports problems against the file; every one is a `config-invalid` error. */
export interface Reporter {
  readonly file: string
  error(at: Location, message: string, help?: string): void
}

export function createReporter(file: string, out: Diagnostic[]): Reporter {
  return {
    file,
    error(at, message, help) {
      const advice = help ?? 'see docs/CONFIGURATION.md'
      out.push(
        diagnostic('config-invalid', {
          message,
          pointer: at.pointer,
          span: at.span,
          file,
          help: advice
        })
      )
    }
  }
}

/** RFC 6901: `~` and `/` are escaped inside a reference token. */
export function pointerTo(parent: string, token: string | number): string {
  return `${parent}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`
}

class Builder {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly reporter: Reporter
  ) {}

  span(range: readonly number[] | null | undefined): Span | undefined {
    if (!range) return undefined
    const start = range[0] ?? 0
    const end = range[1] ?? start
    const { line, col } = this.lines.linePos(start)
    return { start, end, line: Math.max(line, 1), column: Math.max(col, 1) }
  }

  node(raw: unknown, pointer: string, depth: number): ConfigNode | undefined {
    const target = isAlias(raw) ? raw.resolve(this.doc) : raw
    if (target === undefined || target === null)
      return { kind: 'scalar', value: null, at: { pointer, span: undefined } }
    const at = { pointer, span: this.span((target as Node).range) }
    if (depth > 32) {
      this.reporter.error(at, 'the configuration is nested too deeply')
      return undefined
    }
    if (isMap(target)) return this.map(target.items, at, depth)
    if (isSeq(target)) {
      const items = target.items.map((item, i) => this.node(item, pointerTo(pointer, i), depth + 1))
      return { kind: 'list', items: items.filter((n) => n !== undefined), at }
    }
    if (isScalar(target)) return this.scalar(target.value, at)
    this.reporter.error(at, 'unsupported yaml value')
    return undefined
  }

  private scalar(value: unknown, at: Location): ConfigNode | undefined {
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      return { kind: 'scalar', value, at }
    }
    this.reporter.error(at, `unsupported yaml value of type \`${typeof value}\``)
    return undefined
  }

  private map(
    items: readonly { key: unknown; value: unknown }[],
    at: Location,
    depth: number
  ): ConfigNode {
    const entries: ConfigEntry[] = []
    for (const item of items) {
      const keyNode = isAlias(item.key) ? item.key.resolve(this.doc) : item.key
      const keyAt = { pointer: at.pointer, span: this.span((keyNode as Node | null)?.range) }
      const key = isScalar(keyNode) ? keyNode.value : undefined
      if (typeof key !== 'string') {
        this.reporter.error(keyAt, `keys must be text, not \`${String(key)}\``)
        continue
      }
      const value = this.node(item.value, pointerTo(at.pointer, key), depth + 1)
      if (value !== undefined)
        entries.push({ key, keyAt: { ...keyAt, pointer: pointerTo(at.pointer, key) }, value })
    }
    return { kind: 'map', entries, at }
  }
}

/** Parses the text; undefined root = an empty file (or a syntax error, then reported). */
export function parseConfigNode(text: string, reporter: Reporter): ConfigNode | undefined {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false })
  const locate = (pos: readonly number[]): Location => {
    const start = pos[0] ?? 0
    const { line, col } = lines.linePos(start)
    return {
      pointer: '',
      span: { start, end: pos[1] ?? start, line: Math.max(line, 1), column: Math.max(col, 1) }
    }
  }
  for (const error of doc.errors) {
    reporter.error(locate(error.pos), `yaml syntax: ${firstLine(error.message)}`)
  }
  if (doc.errors.length > 0 || doc.contents === null) return undefined
  return new Builder(doc, lines, reporter).node(doc.contents, '', 0)
}

/** yaml's messages carry a code frame after the first line; keep one line, lowercase. */
function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim()
  return line.charAt(0).toLowerCase() + line.slice(1).replace(/\.$/, '')
}
