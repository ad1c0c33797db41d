// Terraform's JSON configuration syntax (`.tf.json`, what CDK for Terraform synthesizes) read
// into the same syntax tree as the native syntax (hcl-ast.ts), so one evaluator serves both.
// Rules of the JSON syntax (Terraform, "JSON Configuration Syntax"):
// - the root object's properties are blocks by type: `resource` and `data` take two labels
//   (type, name), `module`, `variable`, `output` and `provider` one, `locals` and `terraform`
//   none; at each label level, and for the body itself, an array stands for several blocks;
// - inside a body a property is an argument, or a nested block when the block type has one of
//   that name; the JSON cannot tell them apart without the provider's schema, so the nested block
//   types that the policies read are listed here (policy-document `statement`, `principals`,
//   `not_principals`, `condition`; `inline_policy`; `dynamic` and its `content`);
// - a string is a template (`"${var.x}"`), except a variable's `default`, which is literal;
// - a property named `//` is a comment.
// Positions: every node keeps the position of the JSON value it comes from (an expression inside
// a string is placed at its string).
import type { Pos, Attribute, Block, Body, Expr, ObjectItem, TemplatePart } from './hcl-ast.js'
import { HCL_MAX_BYTES, parseTemplateText, type ParsedHcl } from './hcl-parse.js'
import { parseLocatedJson, type JsonNode, type JsonObject } from '../../policy/located-json.js'
import type { LineIndex } from '../../policy/line-index.js'

/** Labels each top-level block type takes. */
const LABELS: Readonly<Record<string, number>> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0
}

/** Nested block types of the resources the policies are read from (everything else: arguments). */
const NESTED_BLOCKS: ReadonlySet<string> = new Set([
  'statement',
  'principals',
  'not_principals',
  'condition',
  'inline_policy',
  'dynamic',
  'content',
  'lifecycle'
])

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly node: JsonNode
  ) {
    super(message)
  }
}

/**
 * The text to search with a regular expression (`var.`, `"module"`): for JSON, with its escapes
 * decoded, since `"${\u0076ar.x}"` means `var.x` to Terraform. Other texts as they are.
 */
export function searchableText(path: string, text: string): string {
  if (!path.toLowerCase().endsWith('.json') || !text.includes('\\')) return text
  try {
    return JSON.stringify(JSON.parse(text) as unknown)
  } catch {
    return text
  }
}

/** Parses a `.tf.json` file; the same shape as parseHcl's result. */
export function parseTerraformJson(text: string): ParsedHcl {
  const json = parseLocatedJson(text, { maxBytes: HCL_MAX_BYTES })
  const { lines } = json
  const fatal = json.diagnostics.find((d) => d.severity === 'error')
  if (json.root === undefined || fatal !== undefined) {
    const span = fatal?.span
    const at = span
      ? { start: span.start, end: span.end, line: span.line, column: span.column }
      : { start: 0, end: 0, line: 1, column: 1 }
    return { body: undefined, error: { message: fatal?.message ?? 'not JSON', at }, lines }
  }
  try {
    const root = json.root
    if (root.kind !== 'object') throw new JsonSyntaxError('the root must be an object', root)
    return { body: rootBody(root, lines), error: undefined, lines }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    return { body: undefined, error: { message: error.message, at: pos(error.node, lines) }, lines }
  }
}

function pos(node: JsonNode, lines: LineIndex): Pos {
  const { line, column } = lines.position(node.start)
  return { start: node.start, end: node.end, line, column }
}

function rootBody(root: JsonObject, lines: LineIndex): Body {
  const items: (Attribute | Block)[] = []
  for (const entry of root.entries) {
    if (entry.key === '//') continue
    const labels = LABELS[entry.key]
    // other top-level types (moved, import, check…) hold no policy
    if (labels === undefined) continue
    items.push(...labelled(entry.key, entry.value, labels, [], lines))
  }
  return { items }
}

/** The blocks of `type` under `node`, which holds `labels` more label levels. */
function labelled(
  type: string,
  node: JsonNode,
  labels: number,
  given: readonly string[],
  lines: LineIndex
): Block[] {
  if (node.kind === 'array')
    return node.items.flatMap((item) => labelled(type, item, labels, given, lines))
  if (node.kind !== 'object') {
    throw new JsonSyntaxError(`\`${[type, ...given].join('.')}\` must be an object`, node)
  }
  if (labels === 0)
    return [
      { kind: 'block', type, labels: given, body: body(node, type, lines), at: pos(node, lines) }
    ]
  return node.entries
    .filter((entry) => entry.key !== '//')
    .flatMap((entry) => labelled(type, entry.value, labels - 1, [...given, entry.key], lines))
}

/** A block's body: nested blocks for the known block types, arguments otherwise. */
function body(node: JsonObject, type: string, lines: LineIndex): Body {
  const items: (Attribute | Block)[] = []
  for (const entry of node.entries) {
    if (entry.key === '//') continue
    if (type === 'locals' || !NESTED_BLOCKS.has(entry.key)) {
      const literal = type === 'variable' && entry.key === 'default'
      items.push({
        kind: 'attribute',
        name: entry.key,
        expr: expression(entry.value, lines, literal),
        at: pos(entry.value, lines)
      })
    } else if (entry.key === 'dynamic') {
      // `dynamic "statement" { … }`: one label, the generated block type
      items.push(...labelled('dynamic', entry.value, 1, [], lines))
    } else items.push(...labelled(entry.key, entry.value, 0, [], lines))
  }
  return { items }
}

/** A JSON value as an expression: strings are templates unless `literal`. */
function expression(node: JsonNode, lines: LineIndex, literal = false): Expr {
  const at = pos(node, lines)
  switch (node.kind) {
    case 'string':
      return { k: 'template', parts: literal ? [text(node.value)] : template(node, at), at }
    case 'number':
    case 'boolean':
      return { k: 'literal', value: node.value, at }
    case 'null':
      return { k: 'literal', value: null, at }
    case 'array':
      return { k: 'tuple', items: node.items.map((item) => expression(item, lines, literal)), at }
    case 'object': {
      // property names are templates too (`{"${local.key}": …}`), except in a literal
      const items: ObjectItem[] = node.entries.map((entry) => {
        const keyAt = pos(entry.value, lines)
        const parts = literal ? [text(entry.key)] : keyTemplate(entry.key, keyAt, entry.value)
        const plain = parts.length === 1 && parts[0]?.k === 'text'
        return {
          key: { k: 'template', parts, at: keyAt },
          name: plain ? entry.key : undefined,
          value: expression(entry.value, lines, literal)
        }
      })
      return { k: 'object', items, at }
    }
  }
}

const text = (value: string): TemplatePart => ({ k: 'text', value })

function keyTemplate(key: string, at: Pos, node: JsonNode): TemplatePart[] {
  return template(
    { kind: 'string', value: key, start: node.start, end: node.end, pointer: node.pointer },
    at
  )
}

function template(node: Extract<JsonNode, { kind: 'string' }>, at: Pos): TemplatePart[] {
  if (!node.value.includes('${') && !node.value.includes('%{')) return [text(node.value)]
  const parsed = parseTemplateText(node.value)
  if (parsed.parts === undefined) {
    throw new JsonSyntaxError(`invalid template: ${parsed.error ?? 'syntax error'}`, node)
  }
  return parsed.parts.map((part) =>
    part.k === 'interp' ? { k: 'interp', expr: placed(part.expr, at) } : part
  )
}

/** The expression with every position set to `at` (its string's: offsets inside differ). */
function placed(expr: Expr, at: Pos): Expr {
  switch (expr.k) {
    case 'literal':
      return { ...expr, at }
    case 'template':
      return {
        k: 'template',
        parts: expr.parts.map((p) =>
          p.k === 'interp' ? { k: 'interp', expr: placed(p.expr, at) } : p
        ),
        at
      }
    case 'tuple':
      return { ...expr, items: expr.items.map((e) => placed(e, at)), at }
    case 'object':
      return {
        ...expr,
        items: expr.items.map((i) => ({
          ...i,
          key: placed(i.key, at),
          value: placed(i.value, at)
        })),
        at
      }
    case 'ref':
      return { ...expr, steps: expr.steps.map((s) => placedStep(s, at)), at }
    case 'traverse':
      return {
        ...expr,
        target: placed(expr.target, at),
        steps: expr.steps.map((s) => placedStep(s, at)),
        at
      }
    case 'call':
      return { ...expr, args: expr.args.map((e) => placed(e, at)), at }
    case 'cond':
      return {
        ...expr,
        test: placed(expr.test, at),
        yes: placed(expr.yes, at),
        no: placed(expr.no, at),
        at
      }
    case 'op':
      return { ...expr, args: expr.args.map((e) => placed(e, at)), at }
    case 'for':
      return {
        ...expr,
        collection: placed(expr.collection, at),
        key: expr.key && placed(expr.key, at),
        value: placed(expr.value, at),
        when: expr.when && placed(expr.when, at),
        at
      }
  }
}

function placedStep(
  step: Extract<Expr, { k: 'ref' }>['steps'][number],
  at: Pos
): Extract<Expr, { k: 'ref' }>['steps'][number] {
  return step.t === 'index' ? { t: 'index', key: placed(step.key, at) } : step
}
