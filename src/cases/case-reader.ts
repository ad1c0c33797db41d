// Shared plumbing for reading a case file's located JSON tree: where problems are reported
// (always with a position in the case file) and how object members are looked up.
import type { DiagnosticCode } from '../diagnostics/codes.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import { suggest } from '../diagnostics/suggest.js'
import { describeNode } from '../policy/validate-context.js'
import type { LineIndex } from '../policy/line-index.js'
import type { JsonEntry, JsonNode, JsonObject } from '../policy/located-json.js'

// the other case readers import quote from here
export { quote }

/** The code for a malformed case (not a malformed policy); its help points at docs/CLI.md. */
export const CASE_INVALID: DiagnosticCode = 'case-invalid'

/** Something a diagnostic can point at. */
export interface Located {
  readonly start: number
  readonly end: number
  readonly pointer: string
}

export class CaseReader {
  readonly diagnostics: Diagnostic[] = []

  constructor(
    readonly lines: LineIndex,
    readonly file: string
  ) {}

  problem(at: Located, message: string, help?: string): void {
    this.report(CASE_INVALID, at, message, help)
  }

  report(code: DiagnosticCode, at: Located, message: string, help?: string): void {
    this.diagnostics.push(
      diagnostic(code, {
        message,
        pointer: at.pointer,
        span: this.lines.span(at.start, at.end),
        file: this.file,
        help
      })
    )
  }

  /**
   * The members of an object by key. Duplicate keys are reported: JSON.parse would silently
   * keep the last one, so a case file with one would mean something different to other tools.
   */
  members(node: JsonObject): Map<string, JsonEntry> {
    const byKey = new Map<string, JsonEntry>()
    for (const entry of node.entries) {
      if (byKey.has(entry.key)) {
        this.problem(keyOf(entry), `duplicate key ${quote(entry.key)}`)
      } else byKey.set(entry.key, entry)
    }
    return byKey
  }

  /** Reports keys that are neither known nor accepted as metadata, with a "did you mean". */
  unknownKeys(
    byKey: ReadonlyMap<string, JsonEntry>,
    known: readonly string[],
    where: string,
    isMetadata: (key: string) => boolean = () => false
  ): void {
    for (const [key, entry] of byKey) {
      if (known.includes(key) || isMetadata(key)) continue
      const near = suggest(key, known, { ignoreCase: true })
      const help =
        near === undefined ? `known keys: ${known.join(', ')}` : `did you mean ${quote(near)}?`
      this.problem(keyOf(entry), `${where}: unknown key ${quote(key)}`, help)
    }
  }

  /** A string member, or undefined after reporting a problem when it is not one. */
  stringMember(
    byKey: ReadonlyMap<string, JsonEntry>,
    key: string,
    where: string,
    owner: Located
  ): string | undefined {
    const node = byKey.get(key)?.value
    if (node === undefined) {
      this.problem(owner, `${where}: missing ${quote(key)}`)
      return undefined
    }
    if (node.kind !== 'string' || node.value === '') {
      this.problem(
        node,
        `${where}: ${quote(key)} must be a non-empty string, not ${describe(node)}`
      )
      return undefined
    }
    return node.value
  }
}

export function keyOf(entry: JsonEntry): Located {
  return { start: entry.keyStart, end: entry.keyEnd, pointer: entry.value.pointer }
}

/** How a node's JSON type is named in messages; an empty string is worth naming as such. */
export function describe(node: JsonNode): string {
  return node.kind === 'string' && node.value === '' ? 'an empty string' : describeNode(node)
}
