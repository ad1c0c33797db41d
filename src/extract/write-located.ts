// A located tree (located-tree.ts) written as JSON text (2-space indent, as JSON.stringify), with
// where each value came from: by JSON Pointer (for ExtractedDocument.positionOf) and by offset in
// the written text (to map positions another extractor reports in that text back to the file).
import { escapePointerToken } from '../policy/located-json.js'
import type { Located, LocatedNode } from './located-tree.js'
import type { SourcePosition } from './types.js'

export interface Written {
  readonly text: string
  readonly byPointer: ReadonlyMap<string, Located>
  /** offsets in `text` where a value (or key) starts, ascending, with its origin */
  readonly byOffset: readonly { readonly offset: number; readonly origin: Located }[]
}

/** Iterative, so no tree depth can overflow the stack (located-tree bounds the depth anyway). */
export function writeLocated(root: LocatedNode): Written {
  const byPointer = new Map<string, Located>()
  const byOffset: { offset: number; origin: Located }[] = []
  let text = ''
  const write = (node: LocatedNode, pointer: string, indent: string): void => {
    byPointer.set(pointer, node)
    byOffset.push({ offset: text.length, origin: node })
    if (node.kind === 'scalar') {
      text += JSON.stringify(node.value)
      return
    }
    const inner = `${indent}  `
    if (node.kind === 'seq') {
      if (node.items.length === 0) return void (text += '[]')
      text += '['
      node.items.forEach((item, i) => {
        text += `${i === 0 ? '' : ','}\n${inner}`
        write(item, `${pointer}/${i}`, inner)
      })
      text += `\n${indent}]`
      return
    }
    if (node.entries.length === 0) return void (text += '{}')
    text += '{'
    node.entries.forEach((entry, i) => {
      text += `${i === 0 ? '' : ','}\n${inner}`
      byOffset.push({ offset: text.length, origin: entry.keyAt })
      text += `${JSON.stringify(entry.key)}: `
      write(entry.value, `${pointer}/${escapePointerToken(entry.key)}`, inner)
    })
    text += `\n${indent}}`
  }
  write(root, '', '')
  return { text, byPointer, byOffset }
}

/** The position of a pointer, or of its nearest written ancestor. */
export function positionByPointer(written: Written, pointer: string): SourcePosition | undefined {
  let at = pointer
  for (;;) {
    const found = written.byPointer.get(at)
    if (found !== undefined) return { line: found.line, column: found.column }
    if (at === '') return undefined
    at = at.slice(0, at.lastIndexOf('/'))
  }
}

/** Maps a line/column in the written text to where that text came from in the file. */
export function originOf(written: Written, position: SourcePosition): Located | undefined {
  const offset = offsetOf(written.text, position)
  let low = 0
  let high = written.byOffset.length - 1
  let best: Located | undefined
  while (low <= high) {
    const mid = (low + high) >>> 1
    const entry = written.byOffset[mid]
    if (entry === undefined) break
    if (entry.offset <= offset) {
      best = entry.origin
      low = mid + 1
    } else high = mid - 1
  }
  return best
}

function offsetOf(text: string, position: SourcePosition): number {
  let offset = 0
  for (let line = 1; line < position.line; line++) {
    const next = text.indexOf('\n', offset)
    if (next < 0) return text.length
    offset = next + 1
  }
  return offset + position.column - 1
}
