// What every validation step shares: where diagnostics go, how a node's position and pointer
// are reported (pointers relative to the policy document, spans in the whole text). User values in
// messages go through quote() (src/diagnostics/quote.ts).
import type { DiagnosticCode } from '../diagnostics/codes.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import type { LineIndex } from './line-index.js'
import { suggest } from '../diagnostics/suggest.js'
import type { JsonEntry, JsonNode, JsonObject } from './located-json.js'
import type { PolicyKind } from './model.js'

/** Something a diagnostic can point at: a node, or a key (see keyOf). */
export interface Located {
  readonly start: number
  readonly end: number
  /** pointer from the root of the parsed text */
  readonly pointer: string
}

export class PolicyContext {
  readonly diagnostics: Diagnostic[] = []
  /** the statement being validated: messages start with "statement `Sid`: " or "statement 2: " */
  scope: { readonly sid: string | undefined; readonly index: number } | undefined
  /** the policy has Version 2012-10-17: `${...}` policy variables are substituted (§4.6) */
  variables = false
  private errors = 0

  constructor(
    readonly lines: LineIndex,
    readonly file: string,
    readonly kind: PolicyKind,
    /** pointer of the policy document inside the parsed text ('' for a whole file) */
    private readonly base: string
  ) {}

  /** The pointer of a node relative to the policy document. */
  pointer(at: Located): string {
    return at.pointer.slice(this.base.length)
  }

  report(code: DiagnosticCode, at: Located, message: string, help?: string): void {
    const d = diagnostic(code, {
      message: `${this.prefix()}${message}`,
      pointer: this.pointer(at),
      span: this.lines.span(at.start, at.end),
      file: this.file,
      help
    })
    if (d.severity === 'error') this.errors++
    this.diagnostics.push(d)
  }

  private prefix(): string {
    if (!this.scope) return ''
    const { sid, index } = this.scope
    return sid === undefined ? `statement ${index}: ` : `statement ${quote(sid)}: `
  }

  errorCount(): number {
    return this.errors
  }
}

/** The key of an object member, for diagnostics about the member's name. */
export function keyOf(entry: JsonEntry): Located {
  return { start: entry.keyStart, end: entry.keyEnd, pointer: entry.value.pointer }
}

/** "did you mean `X`?" help, or undefined to keep the code's default help. */
export function didYouMean(candidate: string | undefined): string | undefined {
  return candidate === undefined ? undefined : `did you mean ${quote(candidate)}?`
}

/** How a node's type is named in messages (never a TypeScript type name). */
export function describeNode(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object'
    case 'array':
      return 'an array'
    case 'string':
      return 'a string'
    case 'number':
      return 'a number'
    case 'boolean':
      return 'a boolean'
    case 'null':
      return 'null'
  }
}

/** Reports every member of `object` whose key is not in `known`, suggesting the nearest. */
export function reportUnknownElements(
  ctx: PolicyContext,
  object: JsonObject,
  known: readonly string[],
  code: 'policy-element-unknown' | 'statement-element-unknown'
): void {
  for (const entry of object.entries) {
    if (known.includes(entry.key)) continue
    const help = didYouMean(suggest(entry.key, known, { ignoreCase: true }))
    ctx.report(code, keyOf(entry), `unknown element ${quote(entry.key)}`, help)
  }
}
