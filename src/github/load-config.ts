// The review configuration comes from the base commit: the change under review must not be able
// to loosen its own review (exclude its files, switch off the automatic matrix). When the base
// version is invalid the change's version is not adopted either (it could be written to pass
// itself): the review uses the defaults, and a warning in the report says so.
import { parseConfig } from '../config/parse-config.js'
import { DEFAULT_CONFIG, type FailOn, type ReviewConfig } from '../config/types.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicySource } from '../sources/port.js'
import type { ActionSink } from './sink.js'

export interface LoadedConfig {
  readonly config: ReviewConfig
  /** problems to carry into the report (the configuration's own errors are annotated) */
  readonly diagnostics: readonly Diagnostic[]
}

export async function loadConfig(
  source: PolicySource,
  file: string | undefined,
  sink: ActionSink,
  /** the `fail-on` input, kept when the defaults replace an invalid configuration */
  failOn: FailOn = DEFAULT_CONFIG.failOn
): Promise<LoadedConfig> {
  if (file === undefined) return { config: DEFAULT_CONFIG, diagnostics: [] }
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
    return { config: DEFAULT_CONFIG, diagnostics: [] }
  }
  const parsed = parseConfig(base, file)
  const errors = errorsOf(parsed.diagnostics)
  if (errors.length === 0) {
    if (head !== base)
      notice(
        sink,
        file,
        'this change edits the configuration: the review uses the base version; the new one applies once merged'
      )
    report(sink, parsed.diagnostics)
    return { config: parsed.config, diagnostics: [] }
  }
  report(sink, parsed.diagnostics)
  const edited =
    head === base ? '' : '; the version in this change is not used, it applies once merged'
  const first = errors[0]!
  const where = first.span === undefined ? '' : `line ${first.span.line}: `
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`
  const message = `the configuration \`${file}\` of the base commit is invalid (${count}, first: ${where}${first.message}): reviewed with the defaults and \`fail-on: ${failOn}\`${edited}`
  sink.warning(message)
  return {
    config: { ...DEFAULT_CONFIG, failOn },
    diagnostics: [diagnostic('config-base-invalid', { message, file })]
  }
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
