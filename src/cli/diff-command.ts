// `iam-policy-diff diff`: which requests changed decision between two versions of IAM policies
// (two git commits, a commit and the working tree, two files or two directories).
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { loadCatalog } from '../catalog/load-catalog.js'
import { parseConfig } from '../config/parse-config.js'
import { DEFAULT_CONFIG, type FailOn, type ReviewConfig } from '../config/types.js'
import { parseFailOn } from '../risk/fail-on.js'
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { shouldFail } from '../diff/classify.js'
import type { Report } from '../diff/report.js'
import { renderComment } from '../render/comment.js'
import { renderText } from '../render/text.js'
import { review } from '../review/review.js'
import { directoryPairSource, filePairSource } from '../sources/file-pair-source.js'
import { gitSource } from '../sources/git-source.js'
import { planSource } from '../sources/plan-source.js'
import type { PolicySource } from '../sources/port.js'
import { parseArguments } from './arguments.js'
import type { CliIo } from './io.js'

export const DIFF_USAGE = `usage: iam-policy-diff diff [--repo DIR] [--base REF] [--head REF] [options]
       iam-policy-diff diff OLD.json NEW.json [options]
       iam-policy-diff diff DIR_OLD DIR_NEW [options]
       iam-policy-diff diff --terraform-plan PLAN.json [options]

lists the requests whose decision changed between two versions of IAM policies, with the
statements that decided them

  --repo DIR      git work tree to read (default: the current directory)
  --base REF      the old version (default: HEAD)
  --head REF      the new version (default: the working tree, untracked files included)
  OLD NEW         two policy files, or two directories compared file by file
  --terraform-plan PLAN.json
                  a Terraform plan (\`terraform show -json plan.out > plan.json\`): every
                  policy it changes, before → after, named by resource address

options:
  --config FILE   configuration (default: .github/iam-policy-diff.yml, .yaml or .json on the
                  head side)
  --format F      text (default), markdown (the pull-request comment) or json (schema v1)
  --fail-on W,..  exit 1 when such changes exist: any, broadened, or risk names (public,
                  admin, privilege-escalation, cross-account, permissions-management, write,
                  tagging, read, list), comma-separated; never (default: the configuration's
                  fail-on, else never)
  --no-auto       evaluate only the configured requests, no automatic request matrix
  -h, --help      show this help

exit codes: 0 reviewed, 1 --fail-on matched (a policy file that could not be reviewed counts as
a broadening with any risk), 2 usage error or the review failed (git, configuration)
`

const OPTIONS = {
  repo: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  'terraform-plan': { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'no-auto': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

const FORMATS = ['text', 'markdown', 'json'] as const
type Format = (typeof FORMATS)[number]
const CONFIG_FILES = [
  '.github/iam-policy-diff.yml',
  '.github/iam-policy-diff.yaml',
  '.github/iam-policy-diff.json'
]

interface DiffArguments {
  readonly source: PolicySource
  readonly format: Format
  readonly failOn: FailOn | undefined
  readonly configFile: string | undefined
  readonly noAuto: boolean
}

export async function runDiffCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = await readArguments(args, io)
  if (typeof parsed === 'object' && 'help' in parsed) {
    io.stdout(DIFF_USAGE)
    return 0
  }
  if (typeof parsed === 'string') return usageError(io, parsed)
  const config = await loadConfig(parsed, io)
  if (!config) return 2
  let catalog
  try {
    catalog = loadCatalog()
  } catch (error) {
    io.stderr(`iam-policy-diff diff: ${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
  const report = await review({
    source: parsed.source,
    config,
    catalog,
    toolVersion: packageJson.version
  })
  io.stdout(render(report, parsed.format))
  return exitCode(report, config.failOn, parsed.format, io)
}

async function readArguments(
  args: readonly string[],
  io: CliIo
): Promise<DiffArguments | { readonly help: true } | string> {
  const parsed = parseArguments(args, OPTIONS)
  if (typeof parsed === 'string') return parsed
  const { values, positionals } = parsed
  if (values.help === true) return { help: true }
  const format = values.format ?? 'text'
  if (!(FORMATS as readonly string[]).includes(format))
    return `unknown format \`${format}\`: use text, markdown or json`
  const failOnText = values['fail-on']
  const failOnParsed = failOnText === undefined ? undefined : parseFailOn(failOnText)
  if (failOnParsed?.ok === false) return `--fail-on: ${failOnParsed.message}`
  const failOn = failOnParsed?.value
  const source = await chooseSource(positionals, values, io)
  if (typeof source === 'string') return source
  return {
    source,
    format: format as Format,
    failOn,
    configFile: values.config,
    noAuto: values['no-auto'] === true
  }
}

async function chooseSource(
  positionals: readonly string[],
  values: {
    readonly repo?: string | undefined
    readonly base?: string | undefined
    readonly head?: string | undefined
    readonly 'terraform-plan'?: string | undefined
  },
  io: CliIo
): Promise<PolicySource | string> {
  const plan = values['terraform-plan']
  if (plan !== undefined) {
    if (positionals.length > 0) return '`--terraform-plan` cannot be combined with two paths'
    const given = (['repo', 'base', 'head'] as const).find((name) => values[name] !== undefined)
    if (given !== undefined) return `\`--${given}\` cannot be combined with \`--terraform-plan\``
    if ((await pathKind(resolve(io.cwd, plan))) !== 'file')
      return `cannot read the Terraform plan \`${plan}\`: no such file`
    return planSource({ plan, cwd: io.cwd })
  }
  if (positionals.length === 0) {
    const repo = resolve(io.cwd, values.repo ?? '.')
    return gitSource({ repo, base: values.base ?? 'HEAD', head: values.head })
  }
  if (positionals.length !== 2) return `expected two paths (OLD NEW), got ${positionals.length}`
  const given = (['repo', 'base', 'head'] as const).find((name) => values[name] !== undefined)
  if (given !== undefined) return `\`--${given}\` cannot be combined with two paths`
  const [base = '', head = ''] = positionals
  const kinds = await Promise.all([base, head].map((p) => pathKind(resolve(io.cwd, p))))
  const missing = [base, head].find((_, i) => kinds[i] === 'missing')
  if (missing !== undefined) return `cannot read \`${missing}\`: no such file or directory`
  if (kinds[0] !== kinds[1]) return 'compare two files or two directories, not one of each'
  const options = { base, head, cwd: io.cwd }
  return kinds[0] === 'directory' ? directoryPairSource(options) : filePairSource(options)
}

async function pathKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  const info = await stat(path).catch(() => undefined)
  return info === undefined ? 'missing' : info.isDirectory() ? 'directory' : 'file'
}

/** The configuration, with the command-line overrides; undefined (exit 2) when it is invalid. */
async function loadConfig(args: DiffArguments, io: CliIo): Promise<ReviewConfig | undefined> {
  const found = await findConfig(args, io)
  if (typeof found === 'object' && 'error' in found) {
    io.stderr(`iam-policy-diff diff: ${found.error}\n`)
    return undefined
  }
  let config = DEFAULT_CONFIG
  if (found !== undefined) {
    const parsed = parseConfig(found.text, found.file)
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error')
    for (const d of parsed.diagnostics) io.stderr(`iam-policy-diff diff: ${formatDiagnostic(d)}\n`)
    if (errors.length > 0) return undefined
    config = parsed.config
  }
  return {
    ...config,
    ...(args.failOn === undefined ? {} : { failOn: args.failOn }),
    ...(args.noAuto ? { auto: false } : {})
  }
}

type FoundConfig =
  { readonly file: string; readonly text: string } | { readonly error: string } | undefined

async function findConfig(args: DiffArguments, io: CliIo): Promise<FoundConfig> {
  if (args.configFile !== undefined) {
    try {
      return {
        file: args.configFile,
        text: await readFile(resolve(io.cwd, args.configFile), 'utf8')
      }
    } catch {
      return { error: `cannot read the configuration \`${args.configFile}\`` }
    }
  }
  if (args.source.explicit === true) return undefined
  for (const file of CONFIG_FILES) {
    // the repository is checked by the review itself: a git failure here means no configuration
    const text = await args.source.readFile(file, 'head').catch(() => undefined)
    if (text !== undefined) return { file, text }
  }
  return undefined
}

function render(report: Report, format: Format): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`
    case 'markdown':
      return renderComment(report, {
        marker: '<!-- iam-policy-diff -->',
        fullReportHint: 'run `iam-policy-diff diff --format json`'
      })
    case 'text':
      return renderText(report)
  }
}

/**
 * 2 when the review itself failed (git, nothing reviewed), else 1 when --fail-on matches (a
 * policy file that could not be reviewed counts as a possible broadening), else 0. Problems
 * also go to stderr when stdout carries JSON or Markdown, so that CI logs show them.
 */
function exitCode(report: Report, failOn: FailOn, format: Format, io: CliIo): number {
  const errors: Diagnostic[] = [
    ...report.diagnostics,
    ...report.files.filter((f) => f.outcome === 'error').flatMap((f) => f.diagnostics)
  ].filter((d) => d.severity === 'error')
  if (format !== 'text')
    for (const d of errors) io.stderr(`iam-policy-diff diff: ${formatDiagnostic(d)}\n`)
  if (report.diagnostics.some((d) => d.severity === 'error')) return 2
  return shouldFail(report, failOn) ? 1 : 0
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`iam-policy-diff diff: ${message}\nrun \`iam-policy-diff diff --help\` for usage\n`)
  return 2
}
