// `AWS::Serverless::Function`: SAM builds the function's role from `Policies` (inline
// documents, managed policy names or ARNs, and SAM policy templates), `AssumeRolePolicyDocument`
// and `PermissionsBoundary`, merged after `Globals.Function`. A function with its own `Role`
// gets no generated role, and SAM ignores these properties then. Policy templates
// (`S3ReadPolicy: {BucketName: x}`) expand to documents this tool does not ship: each one is
// reported as unreviewable.
import { quote } from '../../diagnostics/quote.js'
import { escapePointerToken } from '../../policy/located-json.js'
import { valueOf, type LocatedNode } from '../located-tree.js'
import type { Attachment } from '../types.js'
import { policyValue } from './document.js'
import { positionOf } from './resolver.js'
import { propertyDocument, propertyPath, selfTarget, type SourceContext } from './sources.js'

function asList(node: LocatedNode | undefined): readonly LocatedNode[] {
  if (!node) return []
  return node.kind === 'seq' ? node.items : [node]
}

function isIntrinsic(node: LocatedNode): boolean {
  const only = node.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined
  return only !== undefined && (only.key === 'Ref' || only.key.startsWith('Fn::'))
}

export function samFunction(ctx: SourceContext): void {
  const { id, properties } = ctx.resource
  if (valueOf(properties, 'Role') !== undefined) return
  const globals = valueOf(ctx.r.index.globals, 'Function')
  const roleCtx: SourceContext = {
    ...ctx,
    resource: { ...ctx.resource, id: `${id}Role`, type: 'AWS::IAM::Role' }
  }
  const role: Attachment = selfTarget(roleCtx, 'role')
  propertyDocument(ctx, 'AssumeRolePolicyDocument', 'resource', 'trust policy', role)
  const policies = [
    ...asList(valueOf(globals, 'Policies')).map((node, i) => ({
      node,
      at: propertyPath(id, 'Policies', 'Globals', String(i))
    })),
    ...asList(valueOf(properties, 'Policies')).map((node, i) => ({
      node,
      at: propertyPath(id, 'Policies', String(i))
    }))
  ]
  for (const { node, at } of policies) policyEntry(ctx, role, node, at)
  const boundary =
    valueOf(properties, 'PermissionsBoundary') ?? valueOf(globals, 'PermissionsBoundary')
  const policy = ctx.r.resolveString(boundary)
  if (boundary && policy !== undefined) {
    ctx.found.attachments.push({
      relation: 'permissions-boundary',
      to: role,
      policy,
      location: propertyPath(id, 'PermissionsBoundary'),
      position: positionOf(boundary)
    })
  }
}

function policyEntry(
  ctx: SourceContext,
  role: Attachment,
  node: LocatedNode,
  location: string
): void {
  const id = ctx.resource.id
  const isDocument =
    node.kind === 'map' && (valueOf(node, 'Statement') !== undefined || isIntrinsic(node))
  if (
    node.kind === 'scalar' ||
    (isIntrinsic(node) && typeof ctx.r.resolveString(node) === 'string')
  ) {
    const name = ctx.r.resolveString(node) ?? ''
    const arn = name.startsWith('arn:')
      ? name
      : `arn:${ctx.r.facts.partition}:iam::aws:policy/${name}`
    ctx.found.attachments.push({
      relation: 'managed-policy',
      to: role,
      policy: arn,
      location: `${location}/${escapePointerToken(name)}`,
      position: positionOf(node)
    })
    return
  }
  if (isDocument) {
    const index = location.slice(location.lastIndexOf('/') + 1)
    ctx.found.sources.push({
      location,
      name: `${id} › inline policy ${location.includes('/Policies/Globals/') ? 'Globals ' : ''}${index}`,
      kind: 'identity',
      attachedTo: role,
      anchor: node,
      build: (r) => policyValue(r, node, 'Policies')
    })
    return
  }
  const template =
    node.kind === 'map' && node.entries.length === 1 ? node.entries[0]?.key : undefined
  ctx.found.unreviewable.push({
    what: template === undefined ? 'SAM policy entry' : `SAM policy template ${template}`,
    reason:
      template === undefined
        ? 'the entry is neither a policy document, a managed policy nor a policy template'
        : `the definition of ${quote(template)} is not shipped with this tool`,
    fix: 'write the statements out as an inline policy document, or review the transformed template (sam build / sam validate)',
    position: positionOf(node)
  })
}
