// The sections of a decoded template that resolution looks things up in.
import { valueOf, type LocatedNode } from '../located-tree.js'

export interface ResourceEntry {
  readonly id: string
  readonly type: string
  readonly node: LocatedNode
  readonly properties: LocatedNode | undefined
  /** the resource's own `Condition`, when it names one */
  readonly condition: string | undefined
}

export interface TemplateIndex {
  readonly root: LocatedNode
  readonly parameters: ReadonlyMap<string, LocatedNode>
  readonly mappings: LocatedNode | undefined
  readonly conditions: ReadonlyMap<string, LocatedNode>
  readonly resources: ReadonlyMap<string, ResourceEntry>
  readonly globals: LocatedNode | undefined
  readonly sam: boolean
}

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31'

function section(root: LocatedNode, key: string): Map<string, LocatedNode> {
  const node = valueOf(root, key)
  const map = new Map<string, LocatedNode>()
  if (node?.kind === 'map')
    for (const e of node.entries) if (!map.has(e.key)) map.set(e.key, e.value)
  return map
}

export function isSam(root: LocatedNode): boolean {
  const transform = valueOf(root, 'Transform')
  const values = transform?.kind === 'seq' ? transform.items : transform ? [transform] : []
  return values.some((v) => v.kind === 'scalar' && v.value === SAM_TRANSFORM)
}

function literal(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined
}

export function indexTemplate(root: LocatedNode): TemplateIndex {
  const resources = new Map<string, ResourceEntry>()
  for (const [id, node] of section(root, 'Resources')) {
    const type = literal(valueOf(node, 'Type')) ?? ''
    const properties = valueOf(node, 'Properties')
    resources.set(id, {
      id,
      type,
      node,
      properties,
      condition: literal(valueOf(node, 'Condition'))
    })
  }
  const sam = isSam(root)
  if (sam) addImplicitRoles(resources)
  return {
    root,
    parameters: section(root, 'Parameters'),
    mappings: valueOf(root, 'Mappings'),
    conditions: section(root, 'Conditions'),
    resources,
    globals: valueOf(root, 'Globals'),
    sam
  }
}

/** SAM creates `<Function>Role` for a function without `Role`; templates may refer to it. */
function addImplicitRoles(resources: Map<string, ResourceEntry>): void {
  for (const r of [...resources.values()]) {
    if (r.type !== 'AWS::Serverless::Function' && r.type !== 'AWS::Serverless::StateMachine') {
      continue
    }
    if (valueOf(r.properties, 'Role') !== undefined) continue
    const id = `${r.id}Role`
    if (resources.has(id)) continue
    resources.set(id, {
      id,
      type: 'AWS::IAM::Role',
      node: r.node,
      properties: undefined,
      condition: r.condition
    })
  }
}
