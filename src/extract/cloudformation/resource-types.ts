// One handler per resource type that holds IAM policies (docs/SOURCES.md lists them).
import type { PolicyKind } from '../../policy/model.js'
import { valueOf } from '../located-tree.js'
import type { Attachment } from '../types.js'
import { eventBusPolicy, lambdaPermission } from './built.js'
import {
  appliesTo,
  groupsOf,
  inlinePolicies,
  propertyDocument,
  propertyPath,
  referencedPolicies,
  selfTarget,
  userToGroupAddition,
  type SourceContext
} from './sources.js'
import { samFunction } from './sam.js'

type Handler = (ctx: SourceContext) => void

function principalHolder(kind: 'role' | 'user' | 'group'): Handler {
  return (ctx) => {
    const target = selfTarget(ctx, kind)
    if (kind === 'role') {
      propertyDocument(ctx, 'AssumeRolePolicyDocument', 'resource', 'trust policy', target)
    }
    inlinePolicies(ctx, target)
    referencedPolicies(ctx, target)
    if (kind === 'user') groupsOf(ctx, target)
  }
}

function standalonePolicy(label: string): Handler {
  return (ctx) => {
    const name = ctx.r.resolveString(valueOf(ctx.resource.properties, 'PolicyName'))
    const shown = name === undefined ? label : `${label} ${name}`
    propertyDocument(ctx, 'PolicyDocument', 'identity', shown, selfTarget(ctx, 'policy'))
    appliesTo(ctx, propertyPath(ctx.resource.id, 'PolicyDocument'))
  }
}

/** `AWS::IAM::RolePolicy` and kin: one inline policy of a principal named by a property. */
function principalPolicy(kind: 'role' | 'user' | 'group', property: string): Handler {
  return (ctx) => {
    const owner = ctx.r.resolveString(valueOf(ctx.resource.properties, property)) ?? ''
    const name = ctx.r.resolveString(valueOf(ctx.resource.properties, 'PolicyName')) ?? ''
    const target: Attachment = { kind, name: owner }
    propertyDocument(ctx, 'PolicyDocument', 'identity', `inline policy ${name} of ${owner}`, target)
  }
}

/** A resource policy on the resource itself (`KeyPolicy` of a key). */
function ownPolicy(property: string, label = 'resource policy'): Handler {
  return (ctx) => propertyDocument(ctx, property, 'resource', label, selfTarget(ctx, 'resource'))
}

/** A policy resource naming its target by a property (`Bucket`, `Queues`, `SecretId`). */
function targetPolicy(
  property: string,
  target: string,
  arn?: (name: string, ctx: SourceContext) => string
): Handler {
  return (ctx) => {
    const node = valueOf(ctx.resource.properties, target)
    const value = node && ctx.r.resolve(node)
    const first = value?.t === 'array' ? value.items[0] : value
    const name = first?.t === 'scalar' && first.value !== null ? String(first.value) : ''
    const attached: Attachment = arn
      ? { kind: 'resource', name, arn: arn(name, ctx) }
      : { kind: 'resource', name }
    propertyDocument(ctx, property, 'resource', 'resource policy', attached)
  }
}

function bucketArn(name: string, ctx: SourceContext): string {
  return name.startsWith('arn:') ? name : `arn:${ctx.r.facts.partition}:s3:::${name}`
}

function queueArn(url: string, ctx: SourceContext): string {
  const match = /^https:\/\/sqs\.([^./]+)\.[^/]+\/([^/]+)\/([^/]+)$/.exec(url)
  if (!match) return url
  return `arn:${ctx.r.facts.partition}:sqs:${match[1]}:${match[2]}:${match[3]}`
}

const organizationPolicy: Handler = (ctx) => {
  const type = ctx.r.resolveString(valueOf(ctx.resource.properties, 'Type'))
  const kinds: Record<string, PolicyKind> = {
    SERVICE_CONTROL_POLICY: 'scp',
    RESOURCE_CONTROL_POLICY: 'rcp'
  }
  const kind = type === undefined ? undefined : kinds[type]
  if (!kind) return
  const label = kind === 'scp' ? 'service control policy' : 'resource control policy'
  propertyDocument(ctx, 'Content', kind, label, { kind: 'organization', name: ctx.resource.id })
}

const permission: Handler = (ctx) => {
  const properties = ctx.resource.properties
  if (!properties) return
  const fn = ctx.r.resolveString(valueOf(properties, 'FunctionName')) ?? ''
  ctx.found.sources.push({
    location: propertyPath(ctx.resource.id),
    name: `${ctx.resource.id} › lambda permission`,
    kind: 'resource',
    attachedTo: { kind: 'resource', name: fn, type: 'AWS::Lambda::Function' },
    anchor: properties,
    build: (r) => lambdaPermission(r, properties)
  })
}

const busPolicy: Handler = (ctx) => {
  const properties = ctx.resource.properties
  if (!properties) return
  const bus = ctx.r.resolveString(valueOf(properties, 'EventBusName')) ?? 'default'
  const f = ctx.r.facts
  const arn = bus.startsWith('arn:')
    ? bus
    : `arn:${f.partition}:events:${f.region}:${f.accountId}:event-bus/${bus}`
  ctx.found.sources.push({
    location: propertyPath(ctx.resource.id),
    name: `${ctx.resource.id} › event bus policy`,
    kind: 'resource',
    attachedTo: { kind: 'resource', name: bus, type: 'AWS::Events::EventBus', arn },
    anchor: properties,
    build: (r) => eventBusPolicy(r, properties, arn)
  })
}

export const HANDLERS: Readonly<Record<string, Handler>> = {
  'AWS::IAM::Role': principalHolder('role'),
  'AWS::IAM::User': principalHolder('user'),
  'AWS::IAM::Group': principalHolder('group'),
  'AWS::IAM::Policy': standalonePolicy('policy'),
  'AWS::IAM::ManagedPolicy': standalonePolicy('managed policy'),
  'AWS::IAM::RolePolicy': principalPolicy('role', 'RoleName'),
  'AWS::IAM::UserPolicy': principalPolicy('user', 'UserName'),
  'AWS::IAM::GroupPolicy': principalPolicy('group', 'GroupName'),
  'AWS::IAM::UserToGroupAddition': userToGroupAddition,
  'AWS::S3::BucketPolicy': targetPolicy('PolicyDocument', 'Bucket', bucketArn),
  'AWS::SQS::QueuePolicy': targetPolicy('PolicyDocument', 'Queues', queueArn),
  'AWS::SNS::TopicPolicy': targetPolicy('PolicyDocument', 'Topics', (name) => name),
  'AWS::SecretsManager::ResourcePolicy': targetPolicy('ResourcePolicy', 'SecretId', (n) => n),
  'AWS::Logs::ResourcePolicy': (ctx) =>
    propertyDocument(ctx, 'PolicyDocument', 'resource', 'logs resource policy', undefined),
  'AWS::KMS::Key': ownPolicy('KeyPolicy', 'key policy'),
  'AWS::Events::EventBus': ownPolicy('Policy', 'event bus policy'),
  'AWS::Events::EventBusPolicy': busPolicy,
  'AWS::ECR::Repository': ownPolicy('RepositoryPolicyText', 'repository policy'),
  'AWS::EFS::FileSystem': ownPolicy('FileSystemPolicy', 'file system policy'),
  'AWS::OpenSearchService::Domain': ownPolicy('AccessPolicies', 'access policy'),
  'AWS::Elasticsearch::Domain': ownPolicy('AccessPolicies', 'access policy'),
  'AWS::S3::AccessPoint': ownPolicy('Policy', 'access point policy'),
  'AWS::ApiGateway::RestApi': ownPolicy('Policy', 'api policy'),
  'AWS::Lambda::Permission': permission,
  'AWS::Organizations::Policy': organizationPolicy,
  'AWS::SSO::PermissionSet': (ctx) =>
    propertyDocument(ctx, 'InlinePolicy', 'identity', 'inline policy', selfTarget(ctx, 'policy')),
  'AWS::Serverless::Function': samFunction
}
