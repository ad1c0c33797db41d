// A strict RFC 8259 JSON parser that keeps source positions and JSON Pointers for every node and
// reports duplicate keys (JSON.parse silently keeps the last one; IAM rejects the document).
// It is iterative (an explicit stack, not recursion) so no input can overflow the call stack,
// and it refuses documents over `maxBytes` or nested deeper than `maxDepth` (docs/DIAGNOSTICS.md).
// Strings, numbers and literals are scanned by json-scan.ts.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import { JsonScanner, ParseStop, utf8Length } from './json-scan.js'
import { LineIndex } from './line-index.js'

interface NodeBase {
  readonly start: number
  readonly end: number
  /** RFC 6901 pointer from the root of the parsed text */
  readonly pointer: string
}

export interface JsonEntry {
  readonly key: string
  readonly keyStart: number
  readonly keyEnd: number
  readonly value: JsonNode
}

export interface JsonObject extends NodeBase {
  readonly kind: 'object'
  readonly entries: readonly JsonEntry[]
}
export interface JsonArray extends NodeBase {
  readonly kind: 'array'
  readonly items: readonly JsonNode[]
}
export interface JsonString extends NodeBase {
  readonly kind: 'string'
  readonly value: string
}
export interface JsonNumber extends NodeBase {
  readonly kind: 'number'
  readonly value: number
  /** the number exactly as written, e.g. `10.0` or `1e3` */
  readonly text: string
}
export interface JsonBoolean extends NodeBase {
  readonly kind: 'boolean'
  readonly value: boolean
}
export interface JsonNull extends NodeBase {
  readonly kind: 'null'
}

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull

export interface LocatedJsonOptions {
  readonly file?: string
  /** refuse larger inputs (UTF-8 bytes); default 2 MiB */
  readonly maxBytes?: number
  /** refuse deeper nesting of objects and arrays; default 64 */
  readonly maxDepth?: number
}

export interface LocatedJson {
  readonly root: JsonNode | undefined
  readonly diagnostics: Diagnostic[]
  readonly lines: LineIndex
}

export { toPlainValue } from './plain-value.js'

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024
export const DEFAULT_MAX_DEPTH = 64

/** Escapes one reference token of a JSON Pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token
  return token.replaceAll('~', '~0').replaceAll('/', '~1')
}

interface ObjectFrame {
  readonly kind: 'object'
  readonly start: number
  readonly pointer: string
  readonly entries: JsonEntry[]
  /** key → offset of its first occurrence; built only for large objects (see firstKeyStart) */
  seen: Map<string, number> | undefined
  key: string
  keyStart: number
  keyEnd: number
}

interface ArrayFrame {
  readonly kind: 'array'
  readonly start: number
  readonly pointer: string
  readonly items: JsonNode[]
}

type Frame = ObjectFrame | ArrayFrame

interface Duplicate {
  readonly key: string
  readonly keyStart: number
  readonly keyEnd: number
  readonly firstStart: number
  readonly pointer: string
}

const SMALL_OBJECT = 16

/**
 * Where `key` first appeared in the object, or undefined (and it is recorded). Small objects are
 * searched directly; a map is built once an object grows, so wide objects stay linear.
 */
function firstKeyStart(frame: ObjectFrame, key: string, keyStart: number): number | undefined {
  if (!frame.seen && frame.entries.length >= SMALL_OBJECT) {
    frame.seen = new Map()
    for (const e of frame.entries) if (!frame.seen.has(e.key)) frame.seen.set(e.key, e.keyStart)
  }
  if (frame.seen) {
    const first = frame.seen.get(key)
    if (first === undefined) frame.seen.set(key, keyStart)
    return first
  }
  return frame.entries.find((e) => e.key === key)?.keyStart
}

class Parser extends JsonScanner {
  private readonly frames: Frame[] = []
  readonly duplicates: Duplicate[] = []

  constructor(
    text: string,
    private readonly maxDepth: number,
    /** the pointer of the value parsed (parseLocatedValue parses one inside a larger text) */
    private readonly base = ''
  ) {
    super(text)
  }

  /** One value starting at `start` (after optional whitespace); the rest of the text is left. */
  parseValueAt(start: number): JsonNode {
    this.pos = start
    return this.parseTree()
  }

  parseDocument(): JsonNode {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1
    const root = this.parseTree()
    this.skipWhitespace()
    if (this.pos < this.text.length)
      this.unexpected('expected the end of the input after the JSON value')
    return root
  }

  /** Reads one value; containers are handled with the explicit frame stack. */
  private parseTree(): JsonNode {
    for (;;) {
      let node = this.beginValue()
      while (node) {
        const frame = this.frames.at(-1)
        if (!frame) return node
        node = this.attach(frame, node)
      }
    }
  }

  /** A complete scalar or empty container, or undefined after opening a container. */
  private beginValue(): JsonNode | undefined {
    this.skipWhitespace()
    const c = this.text.charCodeAt(this.pos)
    const pointer = this.childPointer()
    if (c === 0x7b || c === 0x5b) return this.open(c === 0x7b ? 'object' : 'array', pointer)
    const start = this.pos
    if (c === 0x22) {
      const value = this.scanString()
      return { kind: 'string', start, end: this.pos, pointer, value }
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const text = this.scanNumber()
      return { kind: 'number', start, end: this.pos, pointer, value: Number(text), text }
    }
    return this.literal(pointer)
  }

  private literal(pointer: string): JsonNode {
    const start = this.pos
    const value = this.scanLiteral()
    const end = this.pos
    return value === null
      ? { kind: 'null', start, end, pointer }
      : { kind: 'boolean', start, end, pointer, value }
  }

  private open(kind: 'object' | 'array', pointer: string): JsonNode | undefined {
    const start = this.pos
    if (this.frames.length >= this.maxDepth) {
      throw new ParseStop(
        'json-too-deep',
        start,
        `nesting exceeds the limit of ${this.maxDepth} levels`,
        pointer
      )
    }
    this.pos++
    this.skipWhitespace()
    const close = kind === 'object' ? 0x7d : 0x5d
    if (this.text.charCodeAt(this.pos) === close) {
      this.pos++
      const end = this.pos
      return kind === 'object'
        ? { kind, start, end, pointer, entries: [] }
        : { kind, start, end, pointer, items: [] }
    }
    if (kind === 'array') {
      this.frames.push({ kind, start, pointer, items: [] })
      return undefined
    }
    const frame: ObjectFrame = {
      kind,
      start,
      pointer,
      entries: [],
      seen: undefined,
      key: '',
      keyStart: 0,
      keyEnd: 0
    }
    this.frames.push(frame)
    this.readKey(frame, false)
    return undefined
  }

  private readKey(frame: ObjectFrame, afterComma: boolean): void {
    this.skipWhitespace()
    const keyStart = this.pos
    if (this.text.charCodeAt(keyStart) !== 0x22) {
      if (afterComma && this.text.charCodeAt(keyStart) === 0x7d) {
        this.fail(keyStart, 'trailing comma before `}` is not allowed in JSON')
      }
      this.unexpected('expected an object key in double quotes')
    }
    const key = this.scanString()
    const keyEnd = this.pos
    this.skipWhitespace()
    if (this.text.charCodeAt(this.pos) !== 0x3a) this.unexpected('expected `:` after object key')
    this.pos++
    const first = firstKeyStart(frame, key, keyStart)
    if (first !== undefined) {
      const pointer = `${frame.pointer}/${escapePointerToken(key)}`
      this.duplicates.push({ key, keyStart, keyEnd, firstStart: first, pointer })
    }
    frame.key = key
    frame.keyStart = keyStart
    frame.keyEnd = keyEnd
  }

  /** Adds a finished value to its container; returns the container when it closes. */
  private attach(frame: Frame, node: JsonNode): JsonNode | undefined {
    if (frame.kind === 'object') {
      const { key, keyStart, keyEnd } = frame
      frame.entries.push({ key, keyStart, keyEnd, value: node })
    } else frame.items.push(node)
    this.skipWhitespace()
    const c = this.text.charCodeAt(this.pos)
    const close = frame.kind === 'object' ? 0x7d : 0x5d
    if (c === 0x2c) {
      this.pos++
      if (frame.kind === 'object') this.readKey(frame, true)
      else this.rejectTrailingComma()
      return undefined
    }
    if (c !== close) {
      this.unexpected(
        frame.kind === 'object'
          ? 'expected `,` or `}` after object member'
          : 'expected `,` or `]` after array element'
      )
    }
    this.pos++
    this.frames.pop()
    const { start, pointer } = frame
    const end = this.pos
    return frame.kind === 'object'
      ? { kind: 'object', start, end, pointer, entries: frame.entries }
      : { kind: 'array', start, end, pointer, items: frame.items }
  }

  private rejectTrailingComma(): void {
    this.skipWhitespace()
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.fail(this.pos, 'trailing comma before `]` is not allowed in JSON')
    }
  }

  private childPointer(): string {
    const frame = this.frames.at(-1)
    if (!frame) return this.base
    if (frame.kind === 'array') return `${frame.pointer}/${frame.items.length}`
    return `${frame.pointer}/${escapePointerToken(frame.key)}`
  }

  /** The pointer of the innermost open container, where a syntax error is reported. */
  containerPointer(): string {
    return this.frames.at(-1)?.pointer ?? ''
  }
}

/** Parses `text` into a located tree. Never throws on input; see LocatedJsonOptions for limits. */
export function parseLocatedJson(text: string, options: LocatedJsonOptions = {}): LocatedJson {
  const lines = new LineIndex(text)
  const file = options.file
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const bytes = utf8Length(text)
  if (bytes > maxBytes) {
    const message = `input of ${bytes} bytes exceeds the limit of ${maxBytes} bytes`
    const span = lines.span(0, 0)
    return {
      root: undefined,
      diagnostics: [diagnostic('json-too-large', { message, span, file })],
      lines
    }
  }
  const parser = new Parser(text, options.maxDepth ?? DEFAULT_MAX_DEPTH)
  const diagnostics: Diagnostic[] = []
  let root: JsonNode | undefined
  try {
    root = parser.parseDocument()
  } catch (error) {
    if (!(error instanceof ParseStop)) throw error
    const end = Math.min(error.offset + 1, text.length)
    const span = lines.span(error.offset, Math.max(end, error.offset))
    const pointer = error.pointer ?? parser.containerPointer()
    diagnostics.push(diagnostic(error.code, { message: error.message, pointer, span, file }))
  }
  for (const d of parser.duplicates) {
    const firstLine = lines.position(d.firstStart).line
    const message = `duplicate key ${quote(d.key)}: first defined on line ${firstLine}`
    const span = lines.span(d.keyStart, d.keyEnd)
    diagnostics.push(diagnostic('json-duplicate-key', { message, pointer: d.pointer, span, file }))
  }
  return { root, diagnostics, lines }
}

/**
 * The located tree of the one JSON value at `start` in `text`, with pointers under `pointer`
 * and offsets in the whole text: for callers that checked the text with JSON.parse and need
 * positions for part of it only. Undefined when the value is not well-formed or holds a
 * duplicate key: such callers then parse the whole text with parseLocatedJson for diagnostics.
 */
export function parseLocatedValue(
  text: string,
  start: number,
  pointer: string,
  maxDepth = DEFAULT_MAX_DEPTH
): JsonNode | undefined {
  const parser = new Parser(text, maxDepth, pointer)
  try {
    const node = parser.parseValueAt(start)
    return parser.duplicates.length === 0 ? node : undefined
  } catch (error) {
    if (error instanceof ParseStop) return undefined
    throw error
  }
}
