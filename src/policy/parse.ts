// Policy text → normalised Policy (STYLE habit 5: located JSON → validation + normalisation).
// Never throws on user input; the policy is returned only when there is no error diagnostic, so
// an invalid document is reported and never evaluated "best effort" (IAM-SEMANTICS §2).
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { LineIndex } from './line-index.js'
import { parseLocatedJson, type JsonNode } from './located-json.js'
import type { ParseOptions, Policy, PolicyKind, Statement } from './model.js'
import { members } from './normalize.js'
import { describeNode, PolicyContext } from './validate-context.js'
import { reportDuplicateKeys, validateDocument } from './validate-document.js'
import { validateStatement, type SidRegistry } from './validate-statement.js'

export interface ParseResult {
  /** present only when there are no error-severity diagnostics */
  readonly policy?: Policy
  readonly diagnostics: Diagnostic[]
}

/** Parses a whole policy file (limits: docs/DIAGNOSTICS.md, `json-too-large`, `json-too-deep`). */
export function parsePolicy(text: string, options: ParseOptions): ParseResult {
  const json = parseLocatedJson(text, { file: options.file })
  if (!json.root) return { diagnostics: json.diagnostics }
  // duplicate keys were reported by the JSON layer; the policy is invalid either way
  const result = parseTree(json.root, json.lines, options, false)
  const diagnostics = [...json.diagnostics, ...result.diagnostics]
  if (!result.policy || hasErrors(diagnostics)) return { diagnostics }
  return { policy: result.policy, diagnostics }
}

/**
 * Parses a policy that is a sub-tree of a larger JSON document (e.g. a case file). Pointers are
 * relative to the policy; spans are positions in the larger text. Duplicate keys inside the
 * sub-tree are reported here (`json-duplicate-key`), so callers need not map them.
 */
export function parsePolicyNode(
  node: JsonNode,
  lines: LineIndex,
  options: ParseOptions
): ParseResult {
  return parseTree(node, lines, options, true)
}

function parseTree(
  node: JsonNode,
  lines: LineIndex,
  options: ParseOptions,
  checkDuplicates: boolean
): ParseResult {
  const kind = options.kind === 'auto' ? inferKind(node) : options.kind
  const ctx = new PolicyContext(lines, options.file, kind, node.pointer)
  if (checkDuplicates) reportDuplicateKeys(ctx, node)
  if (node.kind !== 'object') {
    const message = `a policy must be a JSON object, not ${describeNode(node)}`
    ctx.report('policy-not-object', node, message)
    return { diagnostics: ctx.diagnostics }
  }
  const header = validateDocument(ctx, node)
  ctx.variables = header.version === '2012-10-17'
  const sids: SidRegistry = new Map()
  const statements: Statement[] = []
  for (const statement of header.statements) {
    const parsed = validateStatement(ctx, statement, sids)
    if (parsed) statements.push(parsed)
  }
  if (ctx.errorCount() > 0) return { diagnostics: ctx.diagnostics }
  const policy: Policy = {
    file: options.file,
    kind,
    version: header.version,
    ...(header.id === undefined ? {} : { id: header.id }),
    statements
  }
  return { policy, diagnostics: ctx.diagnostics }
}

/** 'auto': a resource-based policy when any statement names Principal or NotPrincipal. */
function inferKind(node: JsonNode): PolicyKind {
  if (node.kind !== 'object') return 'identity'
  const statement = members(node).get('Statement')?.value
  const items = statement?.kind === 'array' ? statement.items : statement ? [statement] : []
  const named = items.some(
    (item) =>
      item.kind === 'object' &&
      item.entries.some((e) => e.key === 'Principal' || e.key === 'NotPrincipal')
  )
  return named ? 'resource' : 'identity'
}

/** An object with a `Statement` key: how sources recognise policy documents. */
export function looksLikePolicy(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.hasOwn(value, 'Statement')
  )
}
