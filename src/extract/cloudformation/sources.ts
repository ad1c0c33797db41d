// Where each resource type keeps policy documents (CloudFormation resource reference; cfn-lint's
// IAM rules and cfn-policy-validator's parsers list the same properties). A source resolves its
// document lazily, so the extractor can resolve it once per condition assumption.
import { escapePointerToken } from '../../policy/located-json.js'
import type { PolicyKind } from '../../policy/model.js'
import { valueOf, type LocatedNode } from '../located-tree.js'
import type { Attachment, PolicyAttachment, Unreviewable } from '../types.js'
import { fillPattern, shapeOf } from './arn-table.js'
import { policyValue } from './document.js'
import { getEntry, parseEmbeddedJson, scalarText, type RNode } from './resolved.js'
import { positionOf, type Resolver } from './resolver.js'
import type { ResourceEntry } from './template-index.js'

export interface DocumentSource {
  readonly location: string
  readonly name: string
  readonly kind: PolicyKind
  readonly attachedTo: Attachment | undefined
  readonly anchor: LocatedNode
  readonly build: (r: Resolver) => RNode | undefined
}

export interface Findings {
  readonly sources: DocumentSource[]
  readonly attachments: PolicyAttachment[]
  readonly unreviewable: Unreviewable[]
}

export interface SourceContext {
  readonly resource: ResourceEntry
  /** resolves names and attachments (the resource's own condition assumed true) */
  readonly r: Resolver
  readonly found: Findings
}

export function propertyPath(id: string, ...steps: string[]): string {
  return ['Resources', id, 'Properties', ...steps].map(escapePointerToken).join('/')
}

/** The resource as an attachment target: its logical ID, type and placeholder ARN. */
export function selfTarget(ctx: SourceContext, kind: Attachment['kind']): Attachment {
  const { id, type } = ctx.resource
  const shape = shapeOf(type)
  const pattern =
    shape?.attributes['Arn'] ?? (shape?.ref.startsWith('arn:') ? shape.ref : undefined)
  const arn = pattern && fillPattern(pattern, { ...ctx.r.nameOf(id), facts: ctx.r.facts })
  return arn === undefined ? { kind, name: id, type } : { kind, name: id, type, arn }
}

/** A document held by one property of the resource (`PolicyDocument`, `KeyPolicy`, …). */
export function propertyDocument(
  ctx: SourceContext,
  property: string,
  kind: PolicyKind,
  label: string,
  attachedTo: Attachment | undefined
): void {
  const node = valueOf(ctx.resource.properties, property)
  if (!node) return
  ctx.found.sources.push({
    location: propertyPath(ctx.resource.id, property),
    name: `${ctx.resource.id} › ${label}`,
    kind,
    attachedTo,
    anchor: node,
    build: (r) => policyValue(r, node, property)
  })
}

/** `Policies: [{PolicyName, PolicyDocument}]` of roles, users and groups, keyed by name. */
export function inlinePolicies(ctx: SourceContext, target: Attachment): void {
  const list = valueOf(ctx.resource.properties, 'Policies')
  if (list?.kind !== 'seq') return
  const used = new Map<string, number>()
  list.items.forEach((item, index) => {
    const document = valueOf(item, 'PolicyDocument')
    if (!document) {
      conditionalPolicies(ctx, target, item, used)
      return
    }
    const named = ctx.r.resolveString(valueOf(item, 'PolicyName')) ?? `#${index}`
    const count = (used.get(named) ?? 0) + 1
    used.set(named, count)
    const key = count > 1 ? `${named}#${count}` : named
    ctx.found.sources.push({
      location: propertyPath(ctx.resource.id, 'Policies', key, 'PolicyDocument'),
      name: `${ctx.resource.id} › inline policy ${key}`,
      kind: 'identity',
      attachedTo: target,
      anchor: document,
      build: (r) => policyValue(r, document, 'PolicyDocument')
    })
  })
}

/**
 * An item `!If [Cond, {PolicyName, PolicyDocument}, !Ref AWS::NoValue]` of `Policies`: one
 * document per policy name its branches hold, present in the variants where the condition
 * picks it (the extractor splits on the condition like any other `Fn::If`).
 */
function conditionalPolicies(
  ctx: SourceContext,
  target: Attachment,
  item: LocatedNode,
  used: Map<string, number>
): void {
  const branches = valueOf(item, 'Fn::If')
  if (item.kind !== 'map' || item.entries.length !== 1 || branches?.kind !== 'seq') return
  const names = new Map<string, LocatedNode>()
  for (const branch of branches.items.slice(1, 3)) {
    const document = valueOf(branch, 'PolicyDocument')
    const name = ctx.r.resolveString(valueOf(branch, 'PolicyName'))
    if (document && name !== undefined && !names.has(name)) names.set(name, document)
  }
  for (const [name, anchor] of names) {
    const count = (used.get(name) ?? 0) + 1
    used.set(name, count)
    const key = count > 1 ? `${name}#${count}` : name
    ctx.found.sources.push({
      location: propertyPath(ctx.resource.id, 'Policies', key, 'PolicyDocument'),
      name: `${ctx.resource.id} › inline policy ${key}`,
      kind: 'identity',
      attachedTo: target,
      anchor,
      build: (r) => {
        const chosen = r.resolve(item)
        if (scalarText(getEntry(chosen, 'PolicyName')) !== name) return undefined
        const value = getEntry(chosen, 'PolicyDocument')
        if (value?.t === 'scalar' && typeof value.value === 'string')
          return parseEmbeddedJson(value.value, value.at).value
        return value?.t === 'object' ? value : undefined
      }
    })
  }
}

/** `ManagedPolicyArns` and `PermissionsBoundary`: attachments by reference. */
export function referencedPolicies(ctx: SourceContext, target: Attachment): void {
  const { id, properties } = ctx.resource
  const arns = valueOf(properties, 'ManagedPolicyArns')
  const resolved = arns && ctx.r.resolve(arns)
  if (resolved?.t === 'array') {
    resolved.items.forEach((item, index) => {
      if (item.t !== 'scalar' || item.value === null) return
      ctx.found.attachments.push({
        relation: 'managed-policy',
        to: target,
        policy: String(item.value),
        location: propertyPath(id, 'ManagedPolicyArns', String(item.value)),
        position: item.at ?? (arns ? positionOf(arns) : undefined)
      })
      void index
    })
  }
  const boundary = valueOf(properties, 'PermissionsBoundary')
  const policy = ctx.r.resolveString(boundary)
  if (boundary && policy !== undefined) {
    ctx.found.attachments.push({
      relation: 'permissions-boundary',
      to: target,
      policy,
      location: propertyPath(id, 'PermissionsBoundary'),
      position: positionOf(boundary)
    })
  }
}

/** A user's `Groups`: the groups it is a member of (`member-of`, the group as resolved). */
export function groupsOf(ctx: SourceContext, user: Attachment): void {
  const node = valueOf(ctx.resource.properties, 'Groups')
  const value = node && ctx.r.resolve(node)
  if (value?.t !== 'array') return
  for (const item of value.items) {
    if (item.t !== 'scalar' || item.value === null) continue
    const group = String(item.value)
    ctx.found.attachments.push({
      relation: 'member-of',
      to: user,
      policy: group,
      location: `${propertyPath(ctx.resource.id, 'Groups')}/${escapePointerToken(group)}`,
      position: item.at
    })
  }
}

/** `AWS::IAM::UserToGroupAddition`: `Users` become members of `GroupName`. */
export function userToGroupAddition(ctx: SourceContext): void {
  const group = ctx.r.resolveString(valueOf(ctx.resource.properties, 'GroupName'))
  const node = valueOf(ctx.resource.properties, 'Users')
  const value = node && ctx.r.resolve(node)
  if (group === undefined || value?.t !== 'array') return
  for (const item of value.items) {
    if (item.t !== 'scalar' || item.value === null) continue
    const user = String(item.value)
    ctx.found.attachments.push({
      relation: 'member-of',
      to: { kind: 'user', name: user },
      policy: group,
      location: `${propertyPath(ctx.resource.id, 'Users')}/${escapePointerToken(user)}`,
      position: item.at
    })
  }
}

/** A standalone policy's `Roles`, `Users`, `Groups`: whom the document applies to. */
export function appliesTo(ctx: SourceContext, documentLocation: string): void {
  const kinds = [
    ['Roles', 'role'],
    ['Users', 'user'],
    ['Groups', 'group']
  ] as const
  for (const [property, kind] of kinds) {
    const node = valueOf(ctx.resource.properties, property)
    const value = node && ctx.r.resolve(node)
    if (value?.t !== 'array') continue
    for (const item of value.items) {
      if (item.t !== 'scalar' || item.value === null) continue
      const name = String(item.value)
      ctx.found.attachments.push({
        relation: 'applies-to',
        to: { kind, name },
        policy: documentLocation,
        location: `${propertyPath(ctx.resource.id, property)}/${escapePointerToken(name)}`,
        position: item.at
      })
    }
  }
}
