// `iam-policy-diff evaluate FILE|-`: an offline policy simulator over a JSON case file. Exit 0
// when the input was readable (cases with invalid policies come out as `Error`), 2 when not.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { diagnostic, formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { runCaseFile } from '../cases/run-case-file.js'
import { loadCatalog } from '../catalog/load-catalog.js'
import type { CliIo } from './io.js'
import { parseArguments } from './arguments.js'

export const EVALUATE_USAGE = `usage: iam-policy-diff evaluate FILE|- [--explain] [--pretty] [--allow-unknown-actions]

decides every request of a JSON array of cases and prints one result per case as JSON

arguments:
  FILE        the case file; - reads standard input

options:
  --explain   add the determining statements, the reason and any evaluation issues
  --pretty    indent the JSON output
  --allow-unknown-actions
              decide request actions missing from the IAM catalogue (default: the case is an
              Error, with a did-you-mean suggestion)
  -h, --help  show this help

exit codes: 0 the file was read (cases with invalid policies print as Error), 2 unreadable input
`

const OPTIONS = {
  explain: { type: 'boolean' },
  pretty: { type: 'boolean' },
  'allow-unknown-actions': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export async function runEvaluateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(args, OPTIONS)
  if (typeof parsed === 'string') return usageError(io, parsed)
  if (parsed.values.help === true) {
    io.stdout(EVALUATE_USAGE)
    return 0
  }
  const [file, ...extra] = parsed.positionals
  if (file === undefined) return usageError(io, 'missing case file (use `-` for stdin)')
  if (extra.length > 0) return usageError(io, `unexpected argument \`${extra[0] ?? ''}\``)

  const name = file === '-' ? '<stdin>' : file
  const read = file === '-' ? await io.readStdin() : readCaseFile(resolve(io.cwd, file))
  if (typeof read !== 'string' && 'message' in read) {
    return reportUnreadable(io, [unreadable(name, read.message)])
  }
  const { text, bytes } = typeof read === 'string' ? { text: read, bytes: undefined } : read

  const catalog = parsed.values['allow-unknown-actions'] === true ? undefined : loadCatalog()
  const explain = parsed.values.explain === true
  const { results, diagnostics } = runCaseFile(text, { file: name, explain, catalog, bytes })
  if (results === undefined) return reportUnreadable(io, diagnostics)
  // warnings about readable cases go to stderr, so stdout stays one JSON document
  for (const d of diagnostics) io.stderr(`iam-policy-diff evaluate: ${formatDiagnostic(d)}\n`)
  io.stdout(formatResults(results, parsed.values.pretty === true))
  return 0
}

/** Default: one case per line (greppable, diff-friendly); --pretty: fully indented. */
export function formatResults(results: readonly unknown[], pretty: boolean): string {
  if (pretty) return `${JSON.stringify(results, null, 2)}\n`
  if (results.length === 0) return '[]\n'
  return `[\n${results.map((result) => JSON.stringify(result)).join(',\n')}\n]\n`
}

/** The text and its size in bytes (the reader's size limit then needs no second encoding). */
function readCaseFile(path: string): { text: string; bytes: number } | { message: string } {
  try {
    // one synchronous read: the promise API reads a large file in 512 KiB pieces
    const buffer = readFileSync(path)
    const text = buffer.toString('utf8')
    // invalid UTF-8 decodes to U+FFFD (3 bytes each): the size is then the text's, as for stdin
    return { text, bytes: text.includes('\uFFFD') ? Buffer.byteLength(text) : buffer.length }
  } catch (error) {
    return { message: readErrorMessage(error) }
  }
}

function readErrorMessage(error: unknown): string {
  switch ((error as { code?: unknown }).code) {
    case 'ENOENT':
      return 'no such file'
    case 'EISDIR':
      return 'is a directory, not a case file'
    case 'EACCES':
      return 'permission denied'
    default:
      return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`
  }
}

function unreadable(file: string, message: string): Diagnostic {
  return diagnostic('file-unreadable', { file, message })
}

function reportUnreadable(io: CliIo, diagnostics: readonly Diagnostic[]): number {
  const lines = diagnostics.map((d) => `iam-policy-diff evaluate: ${formatDiagnostic(d)}\n`)
  io.stderr(lines.length > 0 ? lines.join('') : 'iam-policy-diff evaluate: unreadable input\n')
  return 2
}

function usageError(io: CliIo, message: string): number {
  io.stderr(
    `iam-policy-diff evaluate: ${message}\nrun \`iam-policy-diff evaluate --help\` for usage\n`
  )
  return 2
}
