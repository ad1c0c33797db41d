// node:util parseArgs throws on bad arguments; commands turn that into one lowercase line in our
// message style (user values in backticks) instead of Node's prose.
import { parseArgs, type ParseArgsConfig } from 'node:util'

type Options = NonNullable<ParseArgsConfig['options']>

export type ParsedArguments<O extends Options> = ReturnType<
  typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
>

/** Strict parse; a string result is the message for a usage error. */
export function parseArguments<O extends Options>(
  args: readonly string[],
  options: O
): ParsedArguments<O> | string {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    return argumentMessage(error)
  }
}

export function argumentMessage(error: unknown): string {
  const code = (error as { code?: unknown }).code
  const text = error instanceof Error ? error.message : String(error)
  const quoted = /'([^' ]+)/.exec(text)?.[1] ?? ''
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option \`${quoted}\``
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `option \`${quoted}\` needs a value`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument \`${quoted}\``
    default:
      return (text.split('\n')[0] ?? text).replace(/\.$/, '')
  }
}
