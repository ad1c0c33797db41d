// Offset → 1-based line/column (UTF-16 code units), by binary search over recorded line starts.
// `\r\n`, `\n` and a lone `\r` each end a line. Line starts are computed on first use, so a
// document refused for its size never pays for the scan, and from an origin when the caller
// knows one (a case file's reader asks only about positions inside each case's policies).
import type { Span } from '../diagnostics/diagnostic.js'

export interface Position {
  readonly line: number
  readonly column: number
}

/** A known point of the text: the 1-based line of `offset`, which starts at `lineStart`. */
export interface LineOrigin {
  readonly offset: number
  readonly line: number
  readonly lineStart: number
  /** the caller has scanned the text and found no `\r` (the index then never searches for one) */
  readonly noCarriageReturn?: boolean
}

const TEXT_START: LineOrigin = { offset: 0, line: 1, lineStart: 0 }

export class LineIndex {
  private readonly text: string
  /** line starts from the origin's line on, recorded as far as a position has needed them */
  private readonly starts: number[]
  /** where the search for the next line break resumes */
  private scanned: number
  /** the next `\n` and `\r` at or after `scanned` (Infinity: none) */
  private nextLf = -1
  private nextCr = -1
  /** a leading byte-order mark is invisible in editors: line 1 columns do not count it */
  private readonly bom: number
  private readonly origin: LineOrigin
  /** the index of the whole text, for an offset before the origin */
  private whole: LineIndex | undefined

  constructor(text: string, origin: LineOrigin = TEXT_START) {
    this.text = text
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
    this.origin = origin
    this.starts = [origin.lineStart]
    this.scanned = origin.lineStart
    if (origin.noCarriageReturn === true) this.nextCr = Infinity
  }

  /** 1-based line and column of a 0-based offset (clamped to the text). */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length))
    if (at < this.origin.lineStart) {
      this.whole ??= new LineIndex(this.text)
      return this.whole.position(at)
    }
    const starts = this.startsThrough(at)
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if ((starts[mid] ?? 0) <= at) low = mid
      else high = mid - 1
    }
    const lineStart = starts[low] ?? 0
    const line = this.origin.line + low
    const skip = line === 1 ? Math.min(this.bom, at) : 0
    return { line, column: at - lineStart - skip + 1 }
  }

  span(start: number, end: number): Span {
    const { line, column } = this.position(start)
    return { start, end, line, column }
  }

  /** number of lines (a text with no line break has one) */
  get lineCount(): number {
    return this.origin.line - 1 + this.startsThrough(this.text.length).length
  }

  /** The line starts, recorded at least up to the first one past `at` (or the text's end). */
  private startsThrough(at: number): number[] {
    const starts = this.starts
    while ((starts.at(-1) ?? 0) <= at && this.scanned < this.text.length) {
      const next = this.nextLineStart()
      if (next < 0) this.scanned = this.text.length
      else {
        starts.push(next)
        this.scanned = next
      }
    }
    return starts
  }

  /** The start of the line after the next line break from `scanned`; -1 when there is none. */
  private nextLineStart(): number {
    const text = this.text
    const from = this.scanned
    // each search runs again only once its last find is behind: a text without \r is searched
    // for it once, not once per line
    if (this.nextLf < from) this.nextLf = found(text.indexOf('\n', from))
    if (this.nextCr < from) this.nextCr = found(text.indexOf('\r', from))
    const at = Math.min(this.nextLf, this.nextCr)
    if (at === Infinity) return -1
    return at === this.nextCr && text.charCodeAt(at + 1) === 0x0a ? at + 2 : at + 1
  }
}

const found = (index: number): number => (index < 0 ? Infinity : index)
