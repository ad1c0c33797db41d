// What a `.tf` file takes from the rest of its module: the other files of its folder, on the same
// side of the change, read through the caller's `readSibling` / `listFolder` (never outside the
// repository, never the network). Two things resolve `var.x`:
//
// - values set in the folder's `.tfvars` files, in Terraform's order (`terraform.tfvars`, then
//   `terraform.tfvars.json`, then `*.auto.tfvars` / `*.auto.tfvars.json` by name, a later file
//   winning); other `*.tfvars` files (passed with `-var-file`) count when every one that sets the
//   variable agrees, else the variable is a placeholder and the policy not fully reviewed;
// - the literal `default` of a `variable` block in another `.tf` file of the folder
//   (`variables.tf`), when the file itself does not declare it.
//
// Values read from another file take the position of the reference (the report points at the
// policy, in the reviewed file). Parsed siblings are cached per `readSibling` function, so a
// review of many files of one module parses each sibling once per side.
import { parseLocatedJson } from '../../policy/located-json.js'
import type { PlaceholderLog } from '../cloudformation/placeholders.js'
import type { ExtractOptions, SourcePosition } from '../types.js'
import { attribute, type Body, type Expr } from './hcl-ast.js'
import { parseHcl, type ParsedHcl } from './hcl-parse.js'
import { parseTerraformJson, searchableText } from './json-syntax.js'
import { Evaluator, EMPTY_SCOPE } from './evaluate.js'
import { fromJson, relocate } from './functions.js'
import { indexModule, type ModuleIndex } from './module-index.js'
import { plain, type TfValue } from './values.js'

type At = SourcePosition | undefined

export interface ModuleVariables {
  /** the value a `.tfvars` file of the folder gives `var.<name>` (wins over every default) */
  readonly set: (name: string, at: At) => TfValue | undefined
  /** the `default` of `variable "<name>"` declared in another `.tf` file of the folder */
  readonly declared: (name: string, at: At) => TfValue | undefined
  /** `local.<name>` declared in another `.tf` file of the folder (`locals.tf`) */
  readonly local: (name: string, at: At) => TfValue | undefined
}

export interface ModuleHooks {
  readonly log: PlaceholderLog
  readonly gap: (what: string, reason: string, at: At) => void
}

/** A variable-definitions file, parsed once. */
type Parsed =
  | { readonly kind: 'hcl'; readonly text: string; readonly parsed: ParsedHcl; index?: ModuleIndex }
  | { readonly kind: 'json'; readonly values: ReadonlyMap<string, TfValue> }
  | { readonly kind: 'none' }

const cache = new WeakMap<object, Map<string, Parsed>>()
const MAX_SIBLING_BYTES = 1024 * 1024
const MAX_FILES = 200

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Whether Terraform loads the file on its own (no `-var-file`). */
export function isAutoVarFile(name: string): boolean {
  return (
    name === 'terraform.tfvars' ||
    name === 'terraform.tfvars.json' ||
    name.endsWith('.auto.tfvars') ||
    name.endsWith('.auto.tfvars.json')
  )
}

export function isVarFile(name: string): boolean {
  return name.endsWith('.tfvars') || name.endsWith('.tfvars.json')
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Terraform's loading order of the automatic files: the last one sets the value. */
function autoOrder(names: readonly string[]): string[] {
  const rank = (n: string): number =>
    n === 'terraform.tfvars' ? 0 : n === 'terraform.tfvars.json' ? 1 : 2
  return [...names].sort((a, b) => rank(a) - rank(b) || compare(a, b))
}

export function moduleVariables(
  path: string,
  options: ExtractOptions,
  hooks: ModuleHooks
): ModuleVariables | undefined {
  const { readSibling, listFolder } = options
  if (readSibling === undefined || listFolder === undefined) return undefined
  let files: readonly string[]
  try {
    files = listFolder(folderOf(path))
  } catch {
    return undefined
  }
  const siblings = files.filter((f) => f !== path && folderOf(f) === folderOf(path))
  const varFiles = siblings.filter((f) => isVarFile(nameOf(f))).slice(0, MAX_FILES)
  const auto = autoOrder(varFiles.filter((f) => isAutoVarFile(nameOf(f))).map(nameOf))
    .reverse()
    .map((n) => `${folderOf(path) === '' ? '' : `${folderOf(path)}/`}${n}`)
  const manual = varFiles.filter((f) => !isAutoVarFile(nameOf(f))).sort(compare)
  const declaring = siblings
    .filter((f) => f.endsWith('.tf') || f.endsWith('.tf.json'))
    .slice(0, MAX_FILES)
  let parsedFiles = cache.get(readSibling)
  if (parsedFiles === undefined) cache.set(readSibling, (parsedFiles = new Map<string, Parsed>()))
  const memo = parsedFiles
  const load = (file: string): Parsed => {
    let found = memo.get(file)
    if (found === undefined) memo.set(file, (found = parseFile(file, readSibling)))
    return found
  }
  // one evaluator per sibling file and purpose: defaults alone (literal), or locals in their file
  const evaluatorOf = (
    cache: Map<string, Evaluator>,
    file: string,
    parsed: Extract<Parsed, { kind: 'hcl' }>,
    index: ModuleIndex,
    module: ModuleVariables | undefined
  ): Evaluator => {
    let ev = cache.get(file)
    if (ev === undefined) {
      ev = new Evaluator({
        text: parsed.text,
        file,
        index,
        facts: options.facts,
        log: hooks.log,
        lines: parsed.parsed.lines,
        readSibling: undefined,
        module,
        policyDocument: () => undefined
      })
      cache.set(file, ev)
    }
    return ev
  }
  const evaluators = new Map<string, Evaluator>()
  const valueIn = (file: string, name: string, attr: 'value' | 'default'): TfValue | undefined => {
    const parsed = load(file)
    if (parsed.kind === 'none') return undefined
    if (parsed.kind === 'json') return parsed.values.get(name)
    const body = parsed.parsed.body
    if (body === undefined) return undefined
    parsed.index ??= indexModule(body)
    const expr =
      attr === 'value' ? tfvarsAttribute(body, name) : variableDefault(parsed.index, name)
    if (expr === undefined) return undefined
    const ev = evaluatorOf(evaluators, file, parsed, EMPTY_INDEX, undefined)
    const value = ev.evaluate(expr, EMPTY_SCOPE)
    return value.t === 'null' || value.t === 'unknown' ? undefined : value
  }
  // a sibling's locals are evaluated in their own file, with this module's variables and the
  // other files' locals (each evaluator guards its own cycles; a cycle across files ends as an
  // unknown when it comes back to a name in progress)
  const localEvaluators = new Map<string, Evaluator>()
  const localIn = (file: string, name: string): TfValue | undefined => {
    const parsed = load(file)
    if (parsed.kind !== 'hcl' || parsed.parsed.body === undefined) return undefined
    parsed.index ??= indexModule(parsed.parsed.body)
    const index = parsed.index
    const local = index.locals.get(name)
    if (local === undefined) return undefined
    const ev = evaluatorOf(localEvaluators, file, parsed, index, api)
    const value = ev.evaluate(
      { k: 'ref', root: 'local', steps: [{ t: 'attr', name }], at: local.at },
      EMPTY_SCOPE
    )
    return value.t === 'null' ? undefined : value
  }
  const named = (value: TfValue, name: string, from: string, at: At): TfValue => {
    if (value.t === 'string' && value.value !== '' && value.opaque !== true)
      hooks.log.add(value.value, `variable \`${name}\` (${from})`, 'parameter')
    return relocate(value, at)
  }
  const api: ModuleVariables = {
    set(name, at) {
      for (const file of auto) {
        const value = valueIn(file, name, 'value')
        if (value !== undefined) return named(value, name, nameOf(file), at)
      }
      const given = manual
        .map((file) => ({ file, value: valueIn(file, name, 'value') }))
        .filter((g): g is { file: string; value: TfValue } => g.value !== undefined)
      const [first] = given
      if (first === undefined) return undefined
      const same = JSON.stringify(plain(first.value))
      if (given.every((g) => JSON.stringify(plain(g.value)) === same))
        return named(first.value, name, given.map((g) => nameOf(g.file)).join(', '), at)
      const list = given.map((g) => `\`${nameOf(g.file)}\``).join(', ')
      hooks.gap(
        `\`var.${name}\``,
        `the variable is set differently in ${list} (passed with \`-var-file\`): which one applies is known only when Terraform runs`,
        at
      )
      return {
        t: 'unknown',
        token: hooks.log.opaque(
          'terraform-var',
          name,
          `variable \`${name}\` (differs between ${list})`,
          'parameter'
        ),
        at
      }
    },
    declared(name, at) {
      for (const file of declaring) {
        const value = valueIn(file, name, 'default')
        if (value !== undefined) return named(value, name, `default in ${nameOf(file)}`, at)
      }
      return undefined
    },
    local(name, at) {
      for (const file of declaring) {
        const value = localIn(file, name)
        if (value !== undefined) return relocate(value, at)
      }
      return undefined
    }
  }
  return api
}

const EMPTY_INDEX: ModuleIndex = {
  variables: new Map(),
  locals: new Map(),
  resources: new Map(),
  data: new Map()
}

function tfvarsAttribute(body: Body, name: string): Expr | undefined {
  return attribute(body, name)?.expr
}

function variableDefault(index: ModuleIndex, name: string): Expr | undefined {
  const block = index.variables.get(name)
  return block && attribute(block.body, 'default')?.expr
}

function parseFile(file: string, read: (path: string) => string | undefined): Parsed {
  let text: string | undefined
  try {
    text = read(file)
  } catch {
    text = undefined
  }
  if (text === undefined || text.length > MAX_SIBLING_BYTES) return { kind: 'none' }
  if (file.endsWith('.tf.json')) {
    if (!/"(?:variable|locals)"\s*:/.test(searchableText(file, text))) return { kind: 'none' }
    const parsed = parseTerraformJson(text)
    return parsed.body === undefined ? { kind: 'none' } : { kind: 'hcl', text, parsed }
  }
  if (file.endsWith('.json')) {
    const parsed = parseLocatedJson(text)
    const root = parsed.root
    if (root?.kind !== 'object' || parsed.diagnostics.some((d) => d.severity === 'error'))
      return { kind: 'none' }
    const values = new Map<string, TfValue>()
    for (const e of root.entries) values.set(e.key, fromJson(e.value, undefined))
    return { kind: 'json', values }
  }
  // a `.tf` file is parsed only when it declares variables or locals (the cheap test first)
  if (file.endsWith('.tf') && !/\bvariable\s+"|\blocals\s*\{/.test(text)) return { kind: 'none' }
  const parsed = parseHcl(text)
  return parsed.body === undefined ? { kind: 'none' } : { kind: 'hcl', text, parsed }
}
