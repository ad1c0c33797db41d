// A recursive-descent parser for the HCL2 native syntax (the subset Terraform configurations
// use: bodies, blocks, attributes, literals, templates with `${…}` and `%{…}`, heredocs, tuples,
// objects, function calls, traversals, operators, conditionals and `for` expressions), with the
// position of every node. Linear in the input; nesting and size are bounded. Never throws: a
// syntax error is returned with its position, and the file is then not reviewed.
import { LineIndex } from '../../policy/line-index.js'
import type {
  Attribute,
  Block,
  Body,
  Expr,
  ObjectItem,
  Pos,
  Step,
  TemplatePart
} from './hcl-ast.js'

export const HCL_MAX_BYTES = 4 * 1024 * 1024
export const HCL_MAX_DEPTH = 100

export interface HclSyntaxError {
  readonly message: string
  readonly at: Pos
}

export interface ParsedHcl {
  readonly body: Body | undefined
  readonly error: HclSyntaxError | undefined
  readonly lines: LineIndex
}

/** A syntax error inside the parser, caught at its entry points (never escapes them). */
class Failure extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

const IDENT_START = /[A-Za-z_]/
const IDENT_PART = /[A-Za-z0-9_-]/
const BINARY: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['+', '-'],
  ['*', '/', '%']
]

/** Parses a whole configuration file. */
export function parseHcl(text: string): ParsedHcl {
  const lines = new LineIndex(text)
  if (text.length > HCL_MAX_BYTES) {
    const at = { start: 0, end: 0, line: 1, column: 1 }
    return {
      body: undefined,
      error: { message: `file exceeds ${HCL_MAX_BYTES} characters`, at },
      lines
    }
  }
  const parser = new HclParser(text, lines)
  try {
    const body = parser.body(true)
    return { body, error: undefined, lines }
  } catch (error) {
    if (!(error instanceof Failure)) throw error
    return {
      body: undefined,
      error: { message: error.message, at: parser.pos(error.offset) },
      lines
    }
  }
}

/** Parses a template (a `templatefile` file): literal text with `${…}` and `%{…}`. */
export function parseTemplateText(text: string): {
  parts: TemplatePart[] | undefined
  error: string | undefined
} {
  if (text.length > HCL_MAX_BYTES) return { parts: undefined, error: 'template too large' }
  const parser = new HclParser(text, new LineIndex(text))
  try {
    return { parts: parser.templateParts(text.length, false), error: undefined }
  } catch (error) {
    if (!(error instanceof Failure)) throw error
    return { parts: undefined, error: error.message }
  }
}

class HclParser {
  private i = 0
  private depth = 0
  /** inside (), [] or {} of an expression newlines are white space */
  private brackets = 0

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex
  ) {}

  pos(start: number, end = start): Pos {
    const { line, column } = this.lines.position(start)
    return { start, end, line, column }
  }

  private fail(message: string, offset = this.i): never {
    throw new Failure(message, offset)
  }

  private peek(ahead = 0): string {
    return this.text[this.i + ahead] ?? ''
  }

  private startsWith(s: string): boolean {
    return this.text.startsWith(s, this.i)
  }

  /** Skips spaces and comments; newlines too when `newlines` (or inside brackets). */
  private skip(newlines = this.brackets > 0): void {
    for (;;) {
      const c = this.peek()
      if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') this.i++
      else if (c === '\n' && newlines) this.i++
      else if (c === '#' || (c === '/' && this.peek(1) === '/')) {
        const end = this.text.indexOf('\n', this.i)
        this.i = end < 0 ? this.text.length : end
      } else if (c === '/' && this.peek(1) === '*') {
        const end = this.text.indexOf('*/', this.i + 2)
        if (end < 0) this.fail('unterminated comment')
        this.i = end + 2
      } else return
    }
  }

  private expect(s: string): void {
    this.skip()
    if (!this.startsWith(s)) this.fail(`expected \`${s}\``)
    this.i += s.length
  }

  private enter(): void {
    if (++this.depth > HCL_MAX_DEPTH) this.fail(`nesting deeper than ${HCL_MAX_DEPTH} levels`)
  }

  private ident(): string {
    const start = this.i
    if (!IDENT_START.test(this.peek())) this.fail('expected a name')
    while (IDENT_PART.test(this.peek())) this.i++
    return this.text.slice(start, this.i)
  }

  body(top: boolean): Body {
    this.enter()
    const items: (Attribute | Block)[] = []
    for (;;) {
      this.skip(true)
      if (this.i >= this.text.length) {
        if (!top) this.fail('expected `}`')
        break
      }
      if (this.peek() === '}') {
        if (top) this.fail('unexpected `}`')
        break
      }
      items.push(this.item())
    }
    this.depth--
    return { items }
  }

  private item(): Attribute | Block {
    const start = this.i
    const name = this.ident()
    this.skip(false)
    if (this.peek() === '=' && this.peek(1) !== '=') {
      this.i++
      const saved = this.brackets
      this.brackets = 0
      const expr = this.expr()
      this.brackets = saved
      this.endOfLine()
      return { kind: 'attribute', name, expr, at: this.pos(start, this.i) }
    }
    const labels: string[] = []
    for (;;) {
      this.skip(false)
      const c = this.peek()
      if (c === '"') {
        const at = this.i
        const parts = this.quoted()
        if (parts.some((p) => p.k !== 'text')) this.fail('a block label is a literal string', at)
        labels.push(parts.map((p) => (p.k === 'text' ? p.value : '')).join(''))
      } else if (IDENT_START.test(c)) labels.push(this.ident())
      else break
    }
    if (this.peek() !== '{') this.fail('expected `=` or a block')
    this.i++
    const saved = this.brackets
    this.brackets = 0
    const body = this.body(false)
    this.brackets = saved
    this.i++ // the `}`
    this.endOfLine()
    return { kind: 'block', type: name, labels, body, at: this.pos(start, this.i) }
  }

  private endOfLine(): void {
    this.skip(false)
    const c = this.peek()
    if (c === '\n') this.i++
    else if (c !== '}' && c !== '') this.fail('expected a new line')
  }

  expr(): Expr {
    this.enter()
    const test = this.binary(0)
    this.skip()
    let result = test
    if (this.peek() === '?') {
      this.i++
      const yes = this.expr()
      this.expect(':')
      const no = this.expr()
      result = { k: 'cond', test, yes, no, at: this.pos(test.at.start, this.i) }
    }
    this.depth--
    return result
  }

  private binary(level: number): Expr {
    if (level >= BINARY.length) return this.unary()
    let left = this.binary(level + 1)
    for (;;) {
      this.skip()
      const op = (BINARY[level] ?? []).find((o) => this.startsWith(o))
      if (op === undefined) break
      if ((op === '<' || op === '>') && this.peek(1) === '<') break
      this.i += op.length
      const right = this.binary(level + 1)
      left = { k: 'op', op, args: [left, right], at: this.pos(left.at.start, this.i) }
    }
    return left
  }

  private unary(): Expr {
    this.skip()
    const c = this.peek()
    if ((c === '!' && this.peek(1) !== '=') || (c === '-' && !/[0-9]/.test(this.peek(1)))) {
      const start = this.i++
      this.enter()
      const arg = this.unary()
      this.depth--
      return { k: 'op', op: c === '!' ? '!' : 'neg', args: [arg], at: this.pos(start, this.i) }
    }
    return this.postfix(this.primary())
  }

  private steps(): Step[] {
    const steps: Step[] = []
    for (;;) {
      this.skip()
      if (this.peek() === '.' && this.peek(1) !== '.') {
        this.i++
        this.skip()
        if (this.peek() === '*') {
          this.i++
          steps.push({ t: 'splat' })
        } else if (/[0-9]/.test(this.peek())) {
          const start = this.i
          while (/[0-9]/.test(this.peek())) this.i++
          const value = Number(this.text.slice(start, this.i))
          steps.push({ t: 'index', key: { k: 'literal', value, at: this.pos(start, this.i) } })
        } else steps.push({ t: 'attr', name: this.ident() })
      } else if (this.peek() === '[') {
        this.i++
        this.brackets++
        this.skip()
        if (this.peek() === '*') {
          this.i++
          steps.push({ t: 'splat' })
        } else steps.push({ t: 'index', key: this.expr() })
        this.expect(']')
        this.brackets--
      } else return steps
    }
  }

  private postfix(target: Expr): Expr {
    const steps = this.steps()
    if (steps.length === 0) return target
    const at = this.pos(target.at.start, this.i)
    if (target.k === 'ref') return { ...target, steps: [...target.steps, ...steps], at }
    return { k: 'traverse', target, steps, at }
  }

  private primary(): Expr {
    this.skip()
    const start = this.i
    const c = this.peek()
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(this.peek(1)))) return this.number()
    if (c === '"') {
      const parts = this.quoted()
      return { k: 'template', parts, at: this.pos(start, this.i) }
    }
    if (c === '<' && this.peek(1) === '<') return this.heredoc()
    if (c === '(') {
      this.i++
      this.brackets++
      const inner = this.expr()
      this.expect(')')
      this.brackets--
      return inner
    }
    if (c === '[') return this.tuple()
    if (c === '{') return this.object()
    if (!IDENT_START.test(c)) this.fail(c === '' ? 'unexpected end of file' : `unexpected \`${c}\``)
    let name = this.ident()
    while (this.startsWith('::')) {
      this.i += 2
      name += `::${this.ident()}`
    }
    if (name === 'true' || name === 'false') {
      return { k: 'literal', value: name === 'true', at: this.pos(start, this.i) }
    }
    if (name === 'null') return { k: 'literal', value: null, at: this.pos(start, this.i) }
    this.skip(false)
    if (this.peek() === '(') return this.call(name, start)
    return { k: 'ref', root: name, steps: [], at: this.pos(start, this.i) }
  }

  private number(): Expr {
    const start = this.i
    const match = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
      this.text.slice(this.i, this.i + 400)
    )
    if (!match) this.fail('expected a number')
    this.i += match[0].length
    return { k: 'literal', value: Number(match[0]), at: this.pos(start, this.i) }
  }

  private call(name: string, start: number): Expr {
    this.i++
    this.brackets++
    const args: Expr[] = []
    let expand = false
    for (;;) {
      this.skip()
      if (this.peek() === ')') break
      args.push(this.expr())
      this.skip()
      if (this.startsWith('...')) {
        this.i += 3
        expand = true
        this.skip()
      }
      if (this.peek() === ',') this.i++
      else if (this.peek() !== ')') this.fail('expected `,` or `)`')
    }
    this.i++
    this.brackets--
    return { k: 'call', name, args, expand, at: this.pos(start, this.i) }
  }

  private keyword(word: string): boolean {
    return this.startsWith(word) && !IDENT_PART.test(this.text[this.i + word.length] ?? '')
  }

  private tuple(): Expr {
    const start = this.i++
    this.brackets++
    this.skip()
    if (this.keyword('for')) {
      const result = this.forExpr(start, ']')
      this.brackets--
      return result
    }
    const items: Expr[] = []
    for (;;) {
      this.skip()
      if (this.peek() === ']') break
      items.push(this.expr())
      this.skip()
      if (this.peek() === ',') this.i++
      else if (this.peek() !== ']') this.fail('expected `,` or `]`')
    }
    this.i++
    this.brackets--
    return { k: 'tuple', items, at: this.pos(start, this.i) }
  }

  private object(): Expr {
    const start = this.i++
    this.brackets++
    this.skip()
    if (this.keyword('for')) {
      const result = this.forExpr(start, '}')
      this.brackets--
      return result
    }
    const items: ObjectItem[] = []
    for (;;) {
      this.skip()
      if (this.peek() === '}') break
      items.push(this.objectItem())
      this.skip()
      if (this.peek() === ',') this.i++
    }
    this.i++
    this.brackets--
    return { k: 'object', items, at: this.pos(start, this.i) }
  }

  private objectItem(): ObjectItem {
    const key = this.expr()
    let name: string | undefined
    if (key.k === 'ref' && key.steps.length === 0) name = key.root
    else if (key.k === 'template' && key.parts.every((p) => p.k === 'text')) {
      name = key.parts.map((p) => (p.k === 'text' ? p.value : '')).join('')
    }
    this.skip()
    if (this.peek() !== '=' && this.peek() !== ':') this.fail('expected `=` or `:`')
    this.i++
    const value = this.expr()
    return { key, name, value }
  }

  private forExpr(start: number, close: ']' | '}'): Expr {
    this.i += 3
    this.skip()
    let valueVar = this.ident()
    let keyVar: string | undefined
    this.skip()
    if (this.peek() === ',') {
      this.i++
      this.skip()
      keyVar = valueVar
      valueVar = this.ident()
    }
    this.skip()
    if (!this.keyword('in')) this.fail('expected `in`')
    this.i += 2
    const collection = this.expr()
    this.expect(':')
    let key: Expr | undefined
    let value = this.expr()
    let group = false
    this.skip()
    if (close === '}') {
      this.expect('=>')
      key = value
      value = this.expr()
      this.skip()
      if (this.startsWith('...')) {
        this.i += 3
        group = true
      }
    }
    this.skip()
    let when: Expr | undefined
    if (this.keyword('if')) {
      this.i += 2
      when = this.expr()
    }
    this.expect(close)
    return {
      k: 'for',
      keyVar,
      valueVar,
      collection,
      key,
      value,
      when,
      group,
      at: this.pos(start, this.i)
    }
  }

  /** A quoted template; the cursor is on the opening quote. */
  private quoted(): TemplatePart[] {
    this.i++
    const parts = this.templateParts(this.text.length, true)
    this.i++ // the closing quote
    return parts
  }

  /** Template parts up to `end` (or the closing quote when `quoted`). */
  templateParts(end: number, quoted: boolean): TemplatePart[] {
    const parts: TemplatePart[] = []
    let text = ''
    const flush = (): void => {
      if (text !== '') parts.push({ k: 'text', value: text })
      text = ''
    }
    for (;;) {
      if (this.i >= end) {
        if (quoted) this.fail('unterminated string')
        break
      }
      const c = this.peek()
      if (quoted && c === '"') break
      if (quoted && c === '\n') this.fail('unterminated string')
      if ((c === '$' || c === '%') && this.peek(1) === c && this.peek(2) === '{') {
        text += `${c}{`
        this.i += 3
      } else if (c === '$' && this.peek(1) === '{') {
        flush()
        parts.push({ k: 'interp', expr: this.interpolation() })
      } else if (c === '%' && this.peek(1) === '{') {
        flush()
        parts.push({ k: 'directive', text: this.directive() })
      } else if (quoted && c === '\\') {
        text += this.escape()
      } else {
        text += c
        this.i++
      }
    }
    flush()
    return parts
  }

  private interpolation(): Expr {
    this.i += 2
    if (this.peek() === '~') this.i++
    const saved = this.brackets
    this.brackets = 1
    const expr = this.expr()
    this.skip()
    if (this.peek() === '~') this.i++
    this.expect('}')
    this.brackets = saved
    return expr
  }

  private directive(): string {
    const start = this.i
    this.i += 2
    let nested = 0
    for (;;) {
      const c = this.peek()
      if (c === '') this.fail('unterminated template directive', start)
      if (c === '"') {
        this.quoted()
        continue
      }
      this.i++
      if (c === '{') nested++
      else if (c === '}' && nested-- === 0) break
    }
    return this.text.slice(start, this.i)
  }

  private escape(): string {
    const c = this.peek(1)
    this.i += 2
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }
    if (Object.hasOwn(simple, c)) return simple[c] ?? ''
    const digits = c === 'u' ? 4 : c === 'U' ? 8 : 0
    const hex = this.text.slice(this.i, this.i + digits)
    if (digits === 0 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== digits) {
      this.fail(`invalid escape \`\\${c}\``, this.i - 2)
    }
    this.i += digits
    const code = parseInt(hex, 16)
    return code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code)
  }

  private heredoc(): Expr {
    const start = this.i
    this.i += 2
    const strip = this.peek() === '-'
    if (strip) this.i++
    const marker = this.ident()
    const lineEnd = this.text.indexOf('\n', this.i)
    if (lineEnd < 0 || this.text.slice(this.i, lineEnd).trim() !== '')
      this.fail('expected a new line after the heredoc marker')
    const contentStart = lineEnd + 1
    let lineStart = contentStart
    let contentEnd = -1
    while (lineStart <= this.text.length) {
      const next = this.text.indexOf('\n', lineStart)
      const stop = next < 0 ? this.text.length : next
      if (this.text.slice(lineStart, stop).trim() === marker) {
        contentEnd = lineStart
        break
      }
      if (next < 0) break
      lineStart = next + 1
    }
    if (contentEnd < 0) this.fail(`heredoc \`${marker}\` is not terminated`, start)
    const indent = strip ? commonIndent(this.text.slice(contentStart, contentEnd)) : 0
    this.i = contentStart
    const saved = this.brackets
    this.brackets = 0
    let parts = this.templateParts(contentEnd, false)
    this.brackets = saved
    if (indent > 0) parts = stripIndent(parts, indent)
    this.i = this.text.indexOf(marker, contentEnd) + marker.length
    const line = this.lines.position(contentStart).line
    return { k: 'template', parts, at: this.pos(start, this.i), heredoc: { line, indent } }
  }
}

function commonIndent(content: string): number {
  let min = Infinity
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0
    min = Math.min(min, indent)
  }
  return Number.isFinite(min) ? min : 0
}

function stripIndent(parts: TemplatePart[], indent: number): TemplatePart[] {
  let lineStart = true
  return parts.map((part) => {
    if (part.k !== 'text') {
      lineStart = false
      return part
    }
    const lines = part.value.split('\n').map((line, i) => {
      const strip = i > 0 || lineStart
      return strip ? line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : line
    })
    lineStart = part.value.endsWith('\n')
    return { k: 'text', value: lines.join('\n') }
  })
}
