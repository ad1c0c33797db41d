// Argument handling for `iam-policy-diff`: global options, then one subcommand that owns the rest
// of the arguments. Exit codes: 0 success, 1 the diff found what --fail-on asks about,
// 2 usage or unreadable input, 70 an internal error (our bug).
import packageJson from '../../package.json' with { type: 'json' }
import type { CliIo } from './io.js'
import { parseArguments } from './arguments.js'

type Command = (args: readonly string[], io: CliIo) => Promise<number>

// Loaded on demand (ncc emits each as a chunk beside index.js): `evaluate` and `--help` do not
// pay at startup for the diff command's dependencies (yaml, git, rendering).
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  evaluate: async () => (await import('./evaluate-command.js')).runEvaluateCommand,
  diff: async () => (await import('./diff-command.js')).runDiffCommand
}

export const USAGE = `usage: iam-policy-diff <command> [options]

commands:
  evaluate FILE|-   decide the requests of a JSON case file offline (- reads stdin)
  diff ...          list the requests whose decision changed between two versions of policies

options:
  -h, --help        show this help (iam-policy-diff <command> --help for a command)
  -V, --version     print the version

exit codes: 0 ok, 1 changes matched --fail-on, 2 usage or unreadable input
`

export const VERSION: string = packageJson.version

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    io.stderr(`iam-policy-diff: internal error: ${detail}\n`)
    return 70
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  // options before the first positional are global; everything after belongs to the command
  const split = argv.findIndex((arg) => !arg.startsWith('-') || arg === '-')
  const globals = split === -1 ? argv : argv.slice(0, split)
  const parsed = parseGlobals(globals)
  if (typeof parsed === 'string') return usageError(io, parsed)
  if (parsed.help) {
    io.stdout(USAGE)
    return 0
  }
  if (parsed.version) {
    io.stdout(`${VERSION}\n`)
    return 0
  }
  if (split === -1) return usageError(io, 'missing command')
  const name = argv[split] ?? ''
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (load === undefined) return usageError(io, `unknown command \`${name}\``)
  const command = await load()
  return command(argv.slice(split + 1), io)
}

function parseGlobals(args: readonly string[]): { help: boolean; version: boolean } | string {
  const parsed = parseArguments(args, {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' }
  })
  if (typeof parsed === 'string') return parsed
  return { help: parsed.values.help === true, version: parsed.values.version === true }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`iam-policy-diff: ${message}\nrun \`iam-policy-diff --help\` for usage\n`)
  return 2
}
