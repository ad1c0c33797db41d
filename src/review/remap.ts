// Positions of an extracted document (its resolved JSON text) mapped back to the file it came
// from, through the extractor's `positionOf(pointer)`: diagnostics and statements then point at
// the template line the user wrote, not at a line of text nobody sees.
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js'
import type { ExtractedDocument, SourcePosition } from '../extract/types.js'
import type { Policy } from '../policy/model.js'

/** Line starts of the original file, computed on first use; position → offset. */
export class SourceLines {
  private starts: number[] | undefined
  constructor(private readonly text: string) {}

  offset(position: SourcePosition): number {
    const starts = (this.starts ??= lineStarts(this.text))
    const start = starts[Math.max(0, Math.min(position.line - 1, starts.length - 1))] ?? 0
    return Math.min(this.text.length, start + Math.max(0, position.column - 1))
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1)
  }
  return starts
}

/** The span in the original file of a pointer of the document (undefined: unknown). */
export function spanOf(
  pointer: string,
  doc: Pick<ExtractedDocument, 'positionOf'>,
  lines: SourceLines
): Span | undefined {
  let position: SourcePosition | undefined
  try {
    position = doc.positionOf(pointer)
  } catch {
    position = undefined
  }
  if (position === undefined) return undefined
  const at = lines.offset(position)
  return { start: at, end: at, line: position.line, column: position.column }
}

export function remapDiagnostic(
  d: Diagnostic,
  doc: Pick<ExtractedDocument, 'positionOf'>,
  lines: SourceLines
): Diagnostic {
  const span = spanOf(d.pointer, doc, lines)
  const { span: _old, ...rest } = d
  return span === undefined ? rest : { ...rest, span }
}

/** The policy with every statement's span (and so its reported line) in the original file. */
export function remapPolicy(
  policy: Policy,
  doc: Pick<ExtractedDocument, 'positionOf'>,
  lines: SourceLines
): Policy {
  const fallback = spanOf('', doc, lines) ?? { start: 0, end: 0, line: 1, column: 1 }
  return {
    ...policy,
    statements: policy.statements.map((s) => ({
      ...s,
      span: spanOf(s.pointer, doc, lines) ?? fallback
    }))
  }
}
