// Serverless Framework variables (`${self:custom.x}`, `${opt:stage}`, `${env:X}`, `${sls:stage}`,
// `${ssm:/p}`, `${file(./x.yml):k}`, `${cf:stack.out}`, `${s3:b/k}`, `${param:x}`, `${aws:accountId}`)
// on a located tree. `${self:…}` is followed when the value is written in the file (bounded:
// 10 levels, cycles stop); `${aws:accountId}` / `${aws:region}` become the deployment facts;
// every other source is known only at deploy time and becomes a stable opaque token recorded as
// a placeholder. IAM policy variables (`${aws:username}`) are not serverless variables: they are
// left for IAM. Nothing here reads the environment, files or the network.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import type { LocatedNode, LocatedScalar } from './located-tree.js'
import { isIamVariableBody } from './sniff-template.js'
import type { DeploymentFacts, Placeholder } from './types.js'

export const MAX_VARIABLE_DEPTH = 10
const TOKEN_PREFIX = 'iam-policy-diff'
const SOURCES = ['self', 'opt', 'env', 'sls', 'ssm', 'file', 'cf', 's3', 'git', 'param'].concat([
  'strToBool',
  'aws'
])

/** Opaque tokens and the facts substituted, one entry per distinct value. */
export class Placeholders {
  private readonly byValue = new Map<string, Placeholder>()
  private readonly byStands = new Map<string, string>()

  fact(value: string, stands: string): string {
    if (!this.byValue.has(value)) this.byValue.set(value, { value, stands, kind: 'pseudo' })
    return value
  }

  /** `iam-policy-diff.<what>.<name>`: never `${`, `*` or `?`; distinct per expression. */
  opaque(what: string, name: string, stands: string): string {
    const known = this.byStands.get(stands)
    if (known !== undefined) return known
    const kept = name.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 64) || 'unnamed'
    let token = `${TOKEN_PREFIX}.${what}.${kept}`
    for (let n = 2; this.byValue.has(token); n++) token = `${TOKEN_PREFIX}.${what}.${kept}-${n}`
    this.byValue.set(token, { value: token, stands, kind: 'opaque' })
    this.byStands.set(stands, token)
    return token
  }

  isToken(text: string): boolean {
    return text.startsWith(`${TOKEN_PREFIX}.`) && this.byValue.get(text)?.kind === 'opaque'
  }

  /** `arn:<partition>:iam-policy-diff:::<what>/<name>`: a token where an ARN is required. */
  asArn(token: string, partition: string): string {
    const rest = token.slice(TOKEN_PREFIX.length + 1)
    const dot = rest.indexOf('.')
    const arn = `arn:${partition}:${TOKEN_PREFIX}:::${rest.slice(0, dot)}/${rest.slice(dot + 1)}`
    const placeholder = this.byValue.get(token)
    if (placeholder !== undefined && !this.byValue.has(arn)) {
      this.byValue.set(arn, { ...placeholder, value: arn })
    }
    return arn
  }

  usedIn(text: string): Placeholder[] {
    return [...this.byValue.values()]
      .filter((p) => text.includes(p.value))
      .sort((a, b) => a.value.localeCompare(b.value))
  }
}

export interface VariableContext {
  readonly file: string
  readonly root: LocatedNode | undefined
  readonly facts: DeploymentFacts
  readonly placeholders: Placeholders
  readonly diagnostics: Diagnostic[]
}

/** The node with its serverless variables resolved; positions are kept (a followed `${self:}` has the referenced value's). */
export function resolveVariables(
  node: LocatedNode,
  ctx: VariableContext,
  stack: readonly string[] = []
): LocatedNode {
  switch (node.kind) {
    case 'map':
      return {
        ...node,
        entries: node.entries.map((e) => ({ ...e, value: resolveVariables(e.value, ctx, stack) }))
      }
    case 'seq':
      return { ...node, items: node.items.map((item) => resolveVariables(item, ctx, stack)) }
    case 'scalar':
      if (typeof node.value !== 'string' || !node.value.includes('${')) return node
      return resolveScalar(node, node.value, ctx, stack)
  }
}

const WHOLE_SELF = /^\$\{\s*self:([^${},\s]+)\s*\}$/
const INNERMOST = /\$\{([^${}]*)\}/g

function resolveScalar(
  node: LocatedScalar,
  value: string,
  ctx: VariableContext,
  stack: readonly string[]
): LocatedNode {
  const whole = WHOLE_SELF.exec(value)
  if (whole?.[1] !== undefined) {
    const target = follow(whole[1], node, ctx, stack)
    if (target !== undefined) return target
  }
  return { ...node, value: resolveText(value, node, ctx, stack) }
}

/** The value at a `self:` address, resolved; undefined (with a warning) on a cycle or depth. */
function follow(
  address: string,
  at: LocatedNode,
  ctx: VariableContext,
  stack: readonly string[]
): LocatedNode | undefined {
  const target = lookup(ctx.root, address)
  if (target === undefined) return undefined
  if (stack.includes(address) || stack.length >= MAX_VARIABLE_DEPTH) {
    const message = `serverless variable ${quote(`\${self:${address}}`)} refers to itself or nests more than ${MAX_VARIABLE_DEPTH} levels`
    const span = { start: at.start, end: at.end, line: at.line, column: at.column }
    ctx.diagnostics.push(diagnostic('serverless-variable-limit', { message, span, file: ctx.file }))
    return undefined
  }
  return resolveVariables(target, ctx, [...stack, address])
}

/** `custom.tables.0.name` → the node at that path (dots between keys, digits index lists). */
export function lookup(root: LocatedNode | undefined, address: string): LocatedNode | undefined {
  let node = root
  for (const key of address.split('.')) {
    if (node === undefined) return undefined
    if (node.kind === 'map') node = node.entries.find((e) => e.key === key)?.value
    else if (node.kind === 'seq' && /^\d{1,6}$/.test(key)) node = node.items[Number(key)]
    else return undefined
  }
  return node
}

/** Substitutes innermost `${…}` first, for at most MAX_VARIABLE_DEPTH passes. */
function resolveText(
  value: string,
  at: LocatedNode,
  ctx: VariableContext,
  stack: readonly string[]
): string {
  const kept: string[] = []
  const protect = (text: string): string => `\uE000${kept.push(text) - 1}\uE001`
  let text = value.replaceAll('\uE000', '\uFFFD')
  for (let pass = 0; pass < MAX_VARIABLE_DEPTH && text.includes('${'); pass++) {
    const next = text.replace(INNERMOST, (match, body: string) => {
      const resolved = resolveOne(body.trim(), at, ctx, stack)
      return resolved === undefined ? protect(match) : resolved
    })
    if (next === text) break
    text = next
  }
  // what is left has unbalanced braces or nests too deeply: one token for the rest
  if (text.includes('${')) {
    const open = text.indexOf('${')
    text =
      text.slice(0, open) + ctx.placeholders.opaque('serverless', 'unresolved', text.slice(open))
  }
  return text.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '')
}

/** The text for one variable body, or undefined to leave it (an IAM variable, or not serverless). */
function resolveOne(
  body: string,
  at: LocatedNode,
  ctx: VariableContext,
  stack: readonly string[]
): string | undefined {
  const { address, fallback } = splitFallback(body)
  // a source is lower camel case, then `:` (never `::`, which is CloudFormation's `AWS::Region`)
  const source = /^([a-z][A-Za-z0-9]*)(?:\([^)]*\))?(?::(?!:)|$)/.exec(address)?.[1]
  if (source === 'aws') {
    const key = address.slice(4).trim()
    if (key === 'accountId') return ctx.placeholders.fact(ctx.facts.accountId, '${aws:accountId}')
    if (key === 'region') return ctx.placeholders.fact(ctx.facts.region, '${aws:region}')
    if (isIamVariableBody(body)) return undefined
  }
  if (source === undefined || !SOURCES.includes(source)) return undefined
  if (source === 'self') {
    const target = follow(address.slice(5).trim(), at, ctx, stack)
    if (target?.kind === 'scalar' && target.value !== null) return String(target.value)
    if (target === undefined && fallback !== undefined) return fallback
  }
  const name = address.replace(/^[^:]*:?/, '') || address
  return ctx.placeholders.opaque(`serverless-${source}`, name, `\${${body}}`)
}

/** `opt:stage, 'dev'` → address `opt:stage`, fallback `dev` (a quoted literal or a number). */
function splitFallback(body: string): { address: string; fallback: string | undefined } {
  const comma = body.indexOf(',')
  if (comma < 0) return { address: body, fallback: undefined }
  const address = body.slice(0, comma).trim()
  const rest = body.slice(comma + 1).trim()
  const literal = /^(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false))$/.exec(rest)
  return { address, fallback: literal ? (literal[1] ?? literal[2] ?? literal[3]) : undefined }
}
