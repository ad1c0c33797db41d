// The review configuration comes from the base commit: the change under review must not be able
// to loosen its own review (exclude its files, switch off the automatic matrix). Only when the
// base version is invalid does a valid new version apply, so that the fix can pass.
import { parseConfig } from '../config/parse-config.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../config/types.js'
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicySource } from '../sources/port.js'
import { ActionError } from './errors.js'
import type { ActionSink } from './sink.js'

export async function loadConfig(
  source: PolicySource,
  file: string | undefined,
  sink: ActionSink
): Promise<ReviewConfig> {
  if (file === undefined) return DEFAULT_CONFIG
  const [base, head] = await Promise.all([
    source.readFile(file, 'base'),
    source.readFile(file, 'head')
  ])
  if (base === undefined) {
    if (head !== undefined)
      notice(
        sink,
        file,
        'this change adds the configuration: it applies once merged; this review uses the defaults'
      )
    sink.info(
      `no configuration \`${file}\` in the base commit: using the defaults (automatic matrix on every policy file)`
    )
    return DEFAULT_CONFIG
  }
  const parsed = parseConfig(base, file)
  if (errorsOf(parsed.diagnostics).length === 0) {
    if (head !== base)
      notice(
        sink,
        file,
        'this change edits the configuration: the review uses the base version; the new one applies once merged'
      )
    report(sink, parsed.diagnostics)
    return parsed.config
  }
  const fixed = head === undefined ? undefined : parseConfig(head, file)
  if (fixed !== undefined && errorsOf(fixed.diagnostics).length === 0) {
    sink.warning(
      `the configuration \`${file}\` of the base commit is invalid and this change fixes it: using the new version`
    )
    report(sink, fixed.diagnostics)
    return fixed.config
  }
  report(sink, parsed.diagnostics)
  const errors = errorsOf(parsed.diagnostics)
  throw new ActionError(
    `invalid configuration \`${file}\` (${errors.length} error${errors.length === 1 ? '' : 's'}): ${formatDiagnostic(errors[0]!)}: fix it (see the configuration reference in the README)`
  )
}

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error')
}

function report(sink: ActionSink, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    sink.annotate({
      type: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice',
      title: `iam-policy-diff configuration: ${d.code}`,
      message: d.help ? `${d.message}: ${d.help}` : d.message,
      file: d.file,
      line: d.span?.line,
      ...(d.span ? { column: d.span.column } : {})
    })
  }
}

function notice(sink: ActionSink, file: string, message: string): void {
  sink.annotate({
    type: 'notice',
    title: 'iam-policy-diff configuration',
    message,
    file,
    line: undefined
  })
}
