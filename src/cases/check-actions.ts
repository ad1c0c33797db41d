// With a catalogue, a request action that IAM does not know (a typo such as `s3:GetObjekt`) makes
// the case an Error instead of a silent ImplicitDeny, or worse an Allow through `s3:*`.
import type { ActionCatalog } from '../catalog/catalog.js'
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { suggest } from '../diagnostics/suggest.js'
import type { LineIndex } from '../policy/line-index.js'
import type { JsonNode } from '../policy/located-json.js'
import { quote } from './case-reader.js'

export function unknownActions(
  catalog: ActionCatalog,
  caseNode: JsonNode,
  lines: LineIndex,
  file: string
): Diagnostic[] {
  const found: Diagnostic[] = []
  for (const node of actionNodes(caseNode)) {
    if (node.kind !== 'string' || catalog.action(node.value) !== undefined) continue
    const near = nearest(catalog, node.value)
    const d = diagnostic('action-unknown', {
      message: `request action ${quote(node.value)} is not in the iam action catalogue`,
      pointer: node.pointer,
      span: lines.span(node.start, node.end),
      file,
      help: near === undefined ? undefined : `did you mean ${quote(near)}?`
    })
    // in a policy an unknown action is a warning; as the request itself it cannot be decided
    found.push({ ...d, severity: 'error' })
  }
  return found
}

function nearest(catalog: ActionCatalog, action: string): string | undefined {
  const colon = action.indexOf(':')
  const service = colon < 0 ? action : action.slice(0, colon)
  const names = catalog.actionsOf(service.toLowerCase()).map((a) => a.name)
  if (names.length > 0) return suggest(action, names, { ignoreCase: true })
  const prefix = suggest(service, catalog.services, { ignoreCase: true })
  return prefix === undefined ? undefined : `${prefix}:${action.slice(colon + 1)}`
}

/** The `action` nodes of `request` and of every item of `requests`. */
function actionNodes(caseNode: JsonNode): JsonNode[] {
  if (caseNode.kind !== 'object') return []
  const requests: JsonNode[] = []
  for (const entry of caseNode.entries) {
    if (entry.key === 'request') requests.push(entry.value)
    if (entry.key === 'requests' && entry.value.kind === 'array')
      requests.push(...entry.value.items)
  }
  return requests.flatMap((request) =>
    request.kind === 'object'
      ? request.entries.filter((e) => e.key === 'action').map((e) => e.value)
      : []
  )
}
