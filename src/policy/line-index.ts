// Offset → 1-based line/column (UTF-16 code units), by binary search over recorded line starts.
// `\r\n`, `\n` and a lone `\r` each end a line. Line starts are computed on first use, so a
// document refused for its size never pays for the scan.
import type { Span } from '../diagnostics/diagnostic.js'

export interface Position {
  readonly line: number
  readonly column: number
}

export class LineIndex {
  private readonly text: string
  private starts: number[] | undefined
  /** a leading byte-order mark is invisible in editors: line 1 columns do not count it */
  private readonly bom: number

  constructor(text: string) {
    this.text = text
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  }

  /** 1-based line and column of a 0-based offset (clamped to the text). */
  position(offset: number): Position {
    const starts = this.lineStarts()
    const at = Math.max(0, Math.min(offset, this.text.length))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >>> 1
      if ((starts[mid] ?? 0) <= at) low = mid
      else high = mid - 1
    }
    const lineStart = starts[low] ?? 0
    const skip = low === 0 ? Math.min(this.bom, at) : 0
    return { line: low + 1, column: at - lineStart - skip + 1 }
  }

  span(start: number, end: number): Span {
    const { line, column } = this.position(start)
    return { start, end, line, column }
  }

  /** number of lines (a text with no line break has one) */
  get lineCount(): number {
    return this.lineStarts().length
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts
    const text = this.text
    const starts = [0]
    if (!text.includes('\r')) {
      // the common case, with the engine's fast search
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i)
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
      }
    }
    this.starts = starts
    return starts
  }
}
