// The Terraform functions the extractor computes (pure ones over known values, and `file` /
// `templatefile` through the optional sibling reader); any other call is a placeholder.
import { parseLocatedJson, type JsonNode } from '../../policy/located-json.js'
import type { SourcePosition } from '../types.js'
import type { Expr } from './hcl-ast.js'
import { parseTemplateText } from './hcl-parse.js'
import { EMPTY_SCOPE, MAX_STRING, type Evaluator, type Scope } from './evaluate.js'
import { elements } from './operators.js'
import { asText, isKnown, tfString, type TfValue } from './values.js'

type Call = Extract<Expr, { k: 'call' }>
type At = SourcePosition | undefined
type Fn = (args: TfValue[], at: At) => TfValue | undefined

function text(v: TfValue | undefined): string | undefined {
  if (v === undefined || !isKnown(v) || v.t === 'list' || v.t === 'map') return undefined
  return asText(v)
}

function list(v: TfValue | undefined): TfValue[] | undefined {
  if (v?.t === 'list') return [...v.items]
  return undefined
}

export function fromJson(node: JsonNode, at: At): TfValue {
  switch (node.kind) {
    case 'object':
      return {
        t: 'map',
        entries: node.entries.map((e) => ({ key: e.key, value: fromJson(e.value, at) })),
        at
      }
    case 'array':
      return { t: 'list', items: node.items.map((i) => fromJson(i, at)), at }
    case 'string':
      return tfString(node.value, at)
    case 'number':
      return { t: 'number', value: node.value, at }
    case 'boolean':
      return { t: 'bool', value: node.value, at }
    default:
      return { t: 'null', at }
  }
}

function flatten(items: readonly TfValue[]): TfValue[] {
  return items.flatMap((i) => (i.t === 'list' ? flatten(i.items) : [i]))
}

function distinct(items: readonly TfValue[]): TfValue[] {
  const seen = new Set<string>()
  return items.filter((i) => {
    const key = JSON.stringify([i.t, asText(i) ?? JSON.stringify(i)])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const str =
  (f: (s: string) => string): Fn =>
  (args, at) => {
    const s = text(args[0])
    return s === undefined ? undefined : tfString(f(s), at)
  }
const same: Fn = (args) => args[0]

const FUNCTIONS: Readonly<Record<string, Fn>> = {
  jsonencode: (args, at) => (args[0] ? { t: 'json', doc: args[0], at } : undefined),
  jsondecode: (args, at) => {
    const [v] = args
    if (v?.t === 'json') return v.doc
    const s = text(v)
    const parsed = s === undefined ? undefined : parseLocatedJson(s)
    if (!parsed?.root || parsed.diagnostics.some((d) => d.severity === 'error')) return undefined
    return fromJson(parsed.root, v?.at ?? at)
  },
  concat: (args, at) => {
    const lists = args.map(list)
    return lists.every((l) => l !== undefined) ? { t: 'list', items: lists.flat(), at } : undefined
  },
  merge: (args, at) => {
    if (!args.every((a) => a.t === 'map')) return undefined
    const entries = new Map<string, TfValue>()
    for (const a of args) if (a.t === 'map') for (const e of a.entries) entries.set(e.key, e.value)
    return { t: 'map', entries: [...entries].map(([key, value]) => ({ key, value })), at }
  },
  flatten: (args, at) => {
    const l = list(args[0])
    return l && { t: 'list', items: flatten(l), at }
  },
  distinct: (args, at) => {
    const l = list(args[0])
    return l && { t: 'list', items: distinct(l), at }
  },
  toset: (args, at) => {
    const l = list(args[0])
    return l && { t: 'list', items: distinct(l), at }
  },
  tolist: same,
  tomap: same,
  tostring: same,
  compact: (args, at) => {
    const l = list(args[0])
    return (
      l && {
        t: 'list',
        items: l.filter((i) => !(i.t === 'string' && i.value === '') && i.t !== 'null'),
        at
      }
    )
  },
  join: (args, at) => {
    const sep = text(args[0])
    const l = list(args[1])
    const parts = l?.map(asText)
    if (sep === undefined || parts === undefined || parts.some((p) => p === undefined))
      return undefined
    const joined = parts.join(sep)
    return joined.length > MAX_STRING
      ? undefined
      : tfString(
          joined,
          at,
          l?.some((i) => !isKnown(i))
        )
  },
  split: (args, at) => {
    const sep = text(args[0])
    const s = text(args[1])
    if (sep === undefined || s === undefined || sep === '') return undefined
    return { t: 'list', items: s.split(sep).map((p) => tfString(p, at)), at }
  },
  lower: str((s) => s.toLowerCase()),
  upper: str((s) => s.toUpperCase()),
  trimspace: str((s) => s.trim()),
  replace: (args, at) => {
    const [s, from, to] = args.map(text)
    if (s === undefined || from === undefined || to === undefined || from === '') return undefined
    if (from.startsWith('/') && from.endsWith('/')) return undefined
    return tfString(s.split(from).join(to), at)
  },
  format: (args, at) => {
    const spec = text(args[0])
    if (spec === undefined || /%[^sd%]/.test(spec)) return undefined
    let n = 1
    const out = spec.replace(/%([sd%])/g, (_, c: string) =>
      c === '%' ? '%' : (text(args[n++]) ?? '\u0000')
    )
    return out.includes('\u0000') ? undefined : tfString(out, at)
  },
  length: (args, at) => {
    const items = args[0] && elements(args[0])
    const s = args[0]?.t === 'string' ? text(args[0]) : undefined
    const n = items?.length ?? s?.length
    return n === undefined ? undefined : { t: 'number', value: n, at }
  },
  lookup: (args) => {
    const [m, k, fallback] = args
    const key = text(k)
    if (m?.t !== 'map' || key === undefined) return undefined
    return m.entries.find((e) => e.key === key)?.value ?? fallback
  },
  element: (args) => {
    const l = list(args[0])
    const i = args[1]
    if (!l || l.length === 0 || i?.t !== 'number') return undefined
    return l[((i.value % l.length) + l.length) % l.length]
  },
  coalesce: (args) => args.find((a) => a.t !== 'null' && !(a.t === 'string' && a.value === '')),
  try: (args) => args.find((a) => a.t !== 'unknown')
}

/** Evaluates a function call; unknown (a placeholder) when it cannot be computed. */
export function callFunction(ev: Evaluator, expr: Call, scope: Scope): TfValue {
  const at = ev.at(expr.at)
  const opaque = (): TfValue =>
    ev.unknown('terraform-function', ev.source(expr.at), `\`${ev.source(expr.at)}\``, at)
  if (expr.name === 'file' || expr.name === 'templatefile') return sibling(ev, expr, scope)
  let args = expr.args.map((a) => ev.evaluate(a, scope))
  if (expr.expand) {
    const last = args.at(-1)
    if (last?.t !== 'list') return opaque()
    args = [...args.slice(0, -1), ...last.items]
  }
  const fn = Object.hasOwn(FUNCTIONS, expr.name) ? FUNCTIONS[expr.name] : undefined
  const lenient = expr.name === 'jsonencode' || expr.name === 'try' || expr.name === 'lookup'
  if (!fn || (!lenient && args.some((a) => a.t === 'unknown'))) return opaque()
  return fn(args, at) ?? opaque()
}

/** `a/b/../c` relative to the file's folder; undefined when it leaves the repository. */
export function siblingPath(file: string, relative: string): string | undefined {
  if (relative.startsWith('/') || relative.startsWith('~') || /^[A-Za-z]:/.test(relative))
    return undefined
  const parts = file.split('/').slice(0, -1)
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}

function sibling(ev: Evaluator, expr: Call, scope: Scope): TfValue {
  const at = ev.at(expr.at)
  const [pathArg, varsArg] = expr.args
  const where = pathArg && ev.evaluate(pathArg, scope)
  const relative = where && text(where)
  const shown = relative ?? ev.source(pathArg?.at ?? expr.at)
  const unknown = (reason: string): TfValue => {
    ev.gap(`\`${expr.name}("${shown}")\``, reason, at)
    return ev.unknown(`terraform-${expr.name}`, shown, `\`${ev.source(expr.at)}\``, at)
  }
  if (relative === undefined) return unknown('the file name is not known from the code')
  const path = siblingPath(ev.o.file, relative.replace(/^\.\//, ''))
  if (path === undefined) return unknown('the file is outside the repository')
  if (ev.o.readSibling === undefined)
    return unknown('the policy is in another file, which this review does not read')
  let content: string | undefined
  try {
    content = ev.o.readSibling(path)
  } catch {
    content = undefined
  }
  if (content === undefined) return unknown(`\`${path}\` is not in the repository`)
  if (expr.name === 'file') return tfString(content, at)
  const parsed = parseTemplateText(content)
  if (!parsed.parts) return unknown(`\`${path}\` is not a valid template: ${parsed.error ?? ''}`)
  const vars = varsArg ? ev.evaluate(varsArg, scope) : { t: 'map' as const, entries: [], at }
  if (vars.t !== 'map') return unknown('the template variables are not known from the code')
  const inner = new Map(EMPTY_SCOPE)
  for (const e of vars.entries) inner.set(e.key, e.value)
  const template: Expr = { k: 'template', parts: parsed.parts, at: expr.at }
  return relocate(ev.evaluate(template, inner), at)
}

/** Values computed from another file take the position of the call. */
export function relocate(v: TfValue, at: At): TfValue {
  switch (v.t) {
    case 'list':
      return { ...v, at, items: v.items.map((i) => relocate(i, at)) }
    case 'map':
      return {
        ...v,
        at,
        entries: v.entries.map((e) => ({ key: e.key, value: relocate(e.value, at) }))
      }
    case 'json':
      return { ...v, at, doc: relocate(v.doc, at) }
    default:
      return { ...v, at }
  }
}
