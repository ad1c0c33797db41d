// Reads the `policies` object of a case into a PolicySet (IAM-SEMANTICS §6). Every document is
// parsed in place with parsePolicyNode, so its diagnostics carry positions in the case file and
// a label such as `case-1:identity[0]` or `case-1:scp[1][0]`; the slot decides the policy kind.
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicySet } from '../engine/types.js'
import type { JsonNode } from '../policy/located-json.js'
import type { Policy, PolicyKind } from '../policy/model.js'
import { parsePolicyNode } from '../policy/parse.js'
import { describe, quote, type CaseReader } from './case-reader.js'

const SLOTS = ['identity', 'resource', 'boundary', 'scp', 'rcp', 'session'] as const

export interface ReadPolicies {
  /** undefined when a document or the `policies` object itself is invalid */
  readonly set: PolicySet | undefined
  /** the parser's diagnostics for every document (errors and warnings) */
  readonly diagnostics: readonly Diagnostic[]
}

class SlotParser {
  readonly diagnostics: Diagnostic[] = []
  failed = false

  constructor(
    private readonly reader: CaseReader,
    private readonly caseId: string
  ) {}

  document(node: JsonNode, kind: PolicyKind, label: string): Policy | undefined {
    const file = `${this.caseId}:${label}`
    const { policy, diagnostics } = parsePolicyNode(node, this.reader.lines, { file, kind })
    this.diagnostics.push(...diagnostics)
    if (policy === undefined || hasErrors(diagnostics)) this.failed = true
    return policy
  }

  /** `[doc, ...]` */
  list(node: JsonNode, kind: PolicyKind, label: string): Policy[] {
    if (node.kind !== 'array') {
      this.structure(
        node,
        `\`${label}\` must be an array of policy documents, not ${describe(node)}`
      )
      return []
    }
    return present(node.items.map((item, i) => this.document(item, kind, `${label}[${i}]`)))
  }

  /** `[level, ...]`, a level being one document or an array of documents (§6) */
  levels(node: JsonNode, kind: 'scp' | 'rcp'): Policy[][] {
    if (node.kind !== 'array') {
      this.structure(
        node,
        `\`${kind}\` must be an array of levels (root first), not ${describe(node)}`
      )
      return []
    }
    return node.items.map((level, i) =>
      level.kind === 'array'
        ? this.list(level, kind, `${kind}[${i}]`)
        : present([this.document(level, kind, `${kind}[${i}]`)])
    )
  }

  /** one document, or null / absent for none */
  optional(node: JsonNode, kind: PolicyKind): Policy | undefined {
    return node.kind === 'null' ? undefined : this.document(node, kind, kind)
  }

  structure(node: JsonNode, message: string): void {
    this.failed = true
    this.reader.problem(node, `case ${quote(this.caseId)}: policies: ${message}`)
  }
}

export function readPolicies(
  reader: CaseReader,
  node: JsonNode | undefined,
  caseId: string
): ReadPolicies {
  const slots = new SlotParser(reader, caseId)
  if (node === undefined) return { set: { identity: [] }, diagnostics: [] }
  if (node.kind !== 'object') {
    slots.structure(node, `must be an object, not ${describe(node)}`)
    return { set: undefined, diagnostics: [] }
  }
  const before = reader.diagnostics.length
  const byKey = reader.members(node)
  reader.unknownKeys(byKey, SLOTS, `case ${quote(caseId)}: policies`)
  const at = (key: (typeof SLOTS)[number]): JsonNode | undefined => byKey.get(key)?.value
  const identity = at('identity')
  const resource = at('resource')
  const boundary = at('boundary')
  const session = at('session')
  const scp = at('scp')
  const rcp = at('rcp')
  const set: PolicySet = {
    identity: identity ? slots.list(identity, 'identity', 'identity') : [],
    resource: resource ? slots.optional(resource, 'resource') : undefined,
    boundary: boundary ? slots.list(boundary, 'boundary', 'boundary') : undefined,
    session: session ? slots.optional(session, 'session') : undefined,
    scp: scp ? slots.levels(scp, 'scp') : undefined,
    rcp: rcp ? slots.levels(rcp, 'rcp') : undefined
  }
  const ok = !slots.failed && reader.diagnostics.length === before
  return { set: ok ? set : undefined, diagnostics: slots.diagnostics }
}

function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined)
}
