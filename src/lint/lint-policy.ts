// Static warnings on one parsed policy document (docs/DIAGNOSTICS.md, "Statements that never
// apply"): the findings of never-applies.ts, located in the document's text. The text is parsed
// again only when there is something to locate (rare), so a clean policy costs one pass over
// its statements.
import type { ActionCatalog } from '../catalog/catalog.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import { parseLocatedJson, type JsonNode } from '../policy/located-json.js'
import type { LineIndex } from '../policy/line-index.js'
import type { Policy, Statement } from '../policy/model.js'
import { neverAppliesFindings, type Finding } from './never-applies.js'

/**
 * Warnings for `policy`, parsed from `text`: pointers relative to the document, spans in `text`
 * (a caller that extracted the document from a larger file maps them back by pointer).
 */
export function lintPolicy(policy: Policy, text: string, catalog: ActionCatalog): Diagnostic[] {
  const findings = neverAppliesFindings(policy, catalog)
  if (findings.length === 0) return []
  const json = parseLocatedJson(text, { file: policy.file })
  const nodes = json.root === undefined ? new Map<string, JsonNode>() : indexNodes(json.root)
  return findings.map((f) => toDiagnostic(f, policy.file, nodes, json.lines))
}

function toDiagnostic(
  finding: Finding,
  file: string,
  nodes: ReadonlyMap<string, JsonNode>,
  lines: LineIndex
): Diagnostic {
  const pointer = targetPointer(finding, nodes)
  const node = nodes.get(pointer)
  return diagnostic(finding.code, {
    message: `${statementName(finding.statement)} ${finding.message}`,
    pointer,
    file,
    span: node === undefined ? finding.statement.span : lines.span(node.start, node.end)
  })
}

/** `statement `ReadAll`` or `statement 2` (as validation messages name statements). */
function statementName(statement: Statement): string {
  return statement.sid === undefined
    ? `statement ${statement.index}`
    : `statement ${quote(statement.sid)}`
}

/** The pointer of an `Action`/`Resource` entry: the element itself when it is one string. */
function targetPointer(finding: Finding, nodes: ReadonlyMap<string, JsonNode>): string {
  const { target, statement } = finding
  if ('pointer' in target) return target.pointer
  const name = target.element === 'Action' ? 'Action' : 'Resource'
  const element = `${statement.pointer}/${name}`
  if (target.index < 0 || nodes.get(element)?.kind !== 'array') return element
  return `${element}/${target.index}`
}

/** Every node by its pointer (iterative: the tree may be deep). */
function indexNodes(root: JsonNode): Map<string, JsonNode> {
  const nodes = new Map<string, JsonNode>()
  const stack: JsonNode[] = [root]
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    nodes.set(node.pointer, node)
    if (node.kind === 'object') for (const entry of node.entries) stack.push(entry.value)
    else if (node.kind === 'array') stack.push(...node.items)
  }
  return nodes
}
