import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes.js'

/** A position in a text: 0-based offsets, 1-based line and column (UTF-16 code units). */
export interface Span {
  readonly start: number
  readonly end: number
  readonly line: number
  readonly column: number
}

export interface Diagnostic {
  readonly code: DiagnosticCode
  readonly severity: Severity
  /** lowercase, one line, no trailing period; user values in backticks */
  readonly message: string
  readonly help?: string
  /** the file the diagnostic is about, as shown to the user */
  readonly file?: string
  /** RFC 6901 JSON Pointer into the document ('' is the whole document) */
  readonly pointer: string
  readonly span?: Span
}

export interface DiagnosticInit {
  readonly message: string
  readonly pointer?: string
  readonly span?: Span | undefined
  readonly file?: string | undefined
  /** replaces the code's default help, e.g. with a "did you mean" */
  readonly help?: string | undefined
}

/** Builds a diagnostic with the code's default severity and help. */
export function diagnostic(code: DiagnosticCode, init: DiagnosticInit): Diagnostic {
  const info = DIAGNOSTIC_CODES[code]
  return {
    code,
    severity: info.severity,
    message: init.message,
    help: init.help ?? info.help,
    pointer: init.pointer ?? '',
    ...(init.file === undefined ? {} : { file: init.file }),
    ...(init.span === undefined ? {} : { span: init.span })
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** Stable order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.span?.start ?? -1) - (b.span?.start ?? -1) ||
      a.code.localeCompare(b.code)
  )
}

/** `file:line:col: severity code: message` — the one-line form used by the CLI and logs. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file ?? '<input>', d.span ? `${d.span.line}:${d.span.column}` : undefined]
    .filter(Boolean)
    .join(':')
  const pointer = d.pointer ? ` (at ${d.pointer})` : ''
  return `${where}: ${d.severity} ${d.code}: ${d.message}${pointer}`
}
