// The JSON the AWS CLI prints for IAM: `get-policy-version`, `get-role`, `get-role-policy`,
// `get-user-policy`, `get-group-policy` and `get-account-authorization-details`. Documents are
// objects (botocore decodes them) or URL-encoded JSON text (as IAM's APIs return them): a
// string is decoded with decodeURIComponent, and its positions all point at the string.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import type { LineIndex } from '../policy/line-index.js'
import { escapePointerToken, parseLocatedJson, type JsonNode } from '../policy/located-json.js'
import type { PolicyKind } from '../policy/model.js'
import { jsonTopLevelKeys } from './json-top-keys.js'
import { positionsUnder } from './json-positions.js'
import type { Attachment, ExtractedDocument, Extractor, PolicyAttachment } from './types.js'

export const AWS_CLI_CLAIM = 20
/** `get-account-authorization-details` of a large account runs to megabytes */
export const AWS_CLI_MAX_BYTES = 16 * 1024 * 1024

const DETAIL_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList']
const OWNER_NAMES = ['RoleName', 'UserName', 'GroupName']

export const awsCliJsonExtractor: Extractor = {
  format: 'aws-cli-json',
  claims(_path, text) {
    const keys = jsonTopLevelKeys(text)
    if (keys === undefined || keys.includes('Statement')) return 0
    const has = (key: string): boolean => keys.includes(key)
    const recognised =
      has('PolicyVersion') ||
      has('Role') ||
      (has('PolicyDocument') && OWNER_NAMES.some(has)) ||
      DETAIL_LISTS.some(has)
    return recognised ? AWS_CLI_CLAIM : 0
  },
  extract(path, text) {
    const json = parseLocatedJson(text, { file: path, maxBytes: AWS_CLI_MAX_BYTES })
    const out = new Collector(path, text, json.lines)
    if (json.root?.kind === 'object') readResponse(out, json.root)
    return {
      format: 'aws-cli-json',
      documents: out.documents,
      unreviewable: [],
      attachments: out.attachments,
      diagnostics: [...json.diagnostics, ...out.diagnostics]
    }
  }
}

type Entries = ReadonlyMap<string, JsonNode>

function fields(node: JsonNode | undefined): Entries {
  const map = new Map<string, JsonNode>()
  if (node?.kind === 'object') {
    for (const entry of node.entries) if (!map.has(entry.key)) map.set(entry.key, entry.value)
  }
  return map
}

function text(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined
}

function items(node: JsonNode | undefined): readonly JsonNode[] {
  return node?.kind === 'array' ? node.items : []
}

function segment(name: string): string {
  return escapePointerToken(name)
}

interface DocumentSpec {
  readonly node: JsonNode
  readonly location: string
  readonly name: string
  readonly kind: PolicyKind
  readonly attachedTo: Attachment | undefined
  /** how the owner is named in messages, e.g. ``role `deploy` `` */
  readonly owner: string
}

class Collector {
  readonly documents: ExtractedDocument[] = []
  readonly diagnostics: Diagnostic[] = []
  readonly attachments: PolicyAttachment[] = []
  private readonly seen = new Map<string, number>()

  constructor(
    private readonly file: string,
    private readonly source: string,
    private readonly lines: LineIndex
  ) {}

  add(spec: DocumentSpec): void {
    const decoded = this.decode(spec)
    if (decoded === undefined) return
    // two documents under one name (a hand-edited file): the location stays unique
    const count = (this.seen.get(spec.location) ?? 0) + 1
    this.seen.set(spec.location, count)
    const location = count === 1 ? spec.location : `${spec.location}~${count}`
    this.documents.push({
      location,
      name: spec.name,
      kind: spec.kind,
      attachedTo: spec.attachedTo,
      text: decoded,
      positionOf: positionsUnder(spec.node, this.lines, { opaque: spec.node.kind === 'string' }),
      placeholders: [],
      diagnostics: []
    })
  }

  attach(
    relation: PolicyAttachment['relation'],
    to: Attachment,
    arn: JsonNode,
    location: string
  ): void {
    if (arn.kind !== 'string') return
    const position = this.lines.position(arn.start)
    this.attachments.push({ relation, to, policy: arn.value, location, position })
  }

  private decode(spec: DocumentSpec): string | undefined {
    const { node } = spec
    if (node.kind === 'object') return this.source.slice(node.start, node.end)
    if (node.kind === 'string') {
      try {
        return decodeURIComponent(node.value)
      } catch {
        this.invalid(
          node,
          `${spec.owner}: ${quote(lastSegment(spec))} is not valid URL-encoded text`
        )
        return undefined
      }
    }
    this.invalid(node, `${spec.owner}: ${quote(lastSegment(spec))} is not a policy document`)
    return undefined
  }

  private invalid(node: JsonNode, message: string): void {
    const span = this.lines.span(node.start, node.end)
    this.diagnostics.push(
      diagnostic('extract-document-invalid', {
        message,
        span,
        file: this.file,
        pointer: node.pointer
      })
    )
  }
}

function lastSegment(spec: DocumentSpec): string {
  return spec.node.pointer.split('/').at(-1) ?? ''
}

function readResponse(out: Collector, root: JsonNode): void {
  const top = fields(root)
  const version = top.get('PolicyVersion')
  if (version !== undefined) readPolicyVersion(out, version)
  const role = top.get('Role')
  if (role !== undefined) {
    readTrust(out, fields(role), 'Role')
    readReferences(out, fields(role), ROLE)
  }
  const inline = top.get('PolicyDocument')
  if (inline !== undefined) readInlineResponse(out, top, inline)
  for (const entry of items(top.get('RoleDetailList'))) readPrincipalDetail(out, entry, ROLE)
  for (const entry of items(top.get('UserDetailList'))) readPrincipalDetail(out, entry, USER)
  for (const entry of items(top.get('GroupDetailList'))) readPrincipalDetail(out, entry, GROUP)
  for (const entry of items(top.get('Policies'))) readManagedPolicy(out, entry)
}

interface PrincipalShape {
  readonly kind: 'role' | 'user' | 'group'
  /** the location prefix and the resource type */
  readonly segment: 'Role' | 'User' | 'Group'
  readonly nameKey: string
  readonly listKey: string
}

const ROLE: PrincipalShape = {
  kind: 'role',
  segment: 'Role',
  nameKey: 'RoleName',
  listKey: 'RolePolicyList'
}
const USER: PrincipalShape = {
  kind: 'user',
  segment: 'User',
  nameKey: 'UserName',
  listKey: 'UserPolicyList'
}
const GROUP: PrincipalShape = {
  kind: 'group',
  segment: 'Group',
  nameKey: 'GroupName',
  listKey: 'GroupPolicyList'
}

function attachment(shape: PrincipalShape, name: string, arn: string | undefined): Attachment {
  const base = { kind: shape.kind, name, type: `AWS::IAM::${shape.segment}` }
  return arn === undefined ? base : { ...base, arn }
}

/** `get-policy-version`: the version shown, whether or not it is the default. */
function readPolicyVersion(out: Collector, version: JsonNode): void {
  const info = fields(version)
  const document = info.get('Document')
  if (document === undefined) return
  const id = text(info.get('VersionId'))
  out.add({
    node: document,
    location: 'PolicyVersion/Document',
    name: id === undefined ? 'managed policy version' : `managed policy version ${id}`,
    kind: 'identity',
    attachedTo: undefined,
    owner: 'policy version'
  })
}

/** `get-role` and each role of the authorization details: the trust policy. */
function readTrust(out: Collector, role: Entries, segmentName: 'Role'): void {
  const document = role.get('AssumeRolePolicyDocument')
  if (document === undefined) return
  const name = text(role.get('RoleName')) ?? '(unnamed)'
  out.add({
    node: document,
    location: `${segmentName}/${segment(name)}/AssumeRolePolicyDocument`,
    name: `role ${name} › trust policy`,
    kind: 'resource',
    attachedTo: attachment(ROLE, name, text(role.get('Arn'))),
    owner: `role ${quote(name)}`
  })
}

/** `get-role-policy`, `get-user-policy`, `get-group-policy`. */
function readInlineResponse(out: Collector, top: Entries, document: JsonNode): void {
  const shape = [ROLE, USER, GROUP].find((s) => top.has(s.nameKey)) ?? ROLE
  const owner = text(top.get(shape.nameKey)) ?? '(unnamed)'
  readInline(out, shape, owner, undefined, text(top.get('PolicyName')) ?? '(unnamed)', document)
}

function readInline(
  out: Collector,
  shape: PrincipalShape,
  owner: string,
  arn: string | undefined,
  policyName: string,
  document: JsonNode
): void {
  out.add({
    node: document,
    location: `${shape.segment}/${segment(owner)}/Policies/${segment(policyName)}`,
    name: `${shape.kind} ${owner} › inline policy ${policyName}`,
    kind: 'identity',
    attachedTo: attachment(shape, owner, arn),
    owner: `${shape.kind} ${quote(owner)}: inline policy ${quote(policyName)}`
  })
}

function readPrincipalDetail(out: Collector, node: JsonNode, shape: PrincipalShape): void {
  const detail = fields(node)
  const owner = text(detail.get(shape.nameKey)) ?? '(unnamed)'
  const arn = text(detail.get('Arn'))
  if (shape === ROLE) readTrust(out, detail, 'Role')
  readReferences(out, detail, shape)
  for (const entry of items(detail.get(shape.listKey))) {
    const policy = fields(entry)
    const document = policy.get('PolicyDocument')
    if (document === undefined) continue
    readInline(out, shape, owner, arn, text(policy.get('PolicyName')) ?? '(unnamed)', document)
  }
}

/** A managed policy of the authorization details: only its default version is in force. */
function readManagedPolicy(out: Collector, node: JsonNode): void {
  const policy = fields(node)
  const name = text(policy.get('PolicyName')) ?? '(unnamed)'
  const arn = text(policy.get('Arn'))
  for (const entry of items(policy.get('PolicyVersionList'))) {
    const version = fields(entry)
    const isDefault = version.get('IsDefaultVersion')
    if (isDefault?.kind !== 'boolean' || !isDefault.value) continue
    const document = version.get('Document')
    if (document === undefined) continue
    const base = { kind: 'policy' as const, name, type: 'AWS::IAM::ManagedPolicy' }
    out.add({
      node: document,
      location: `Policy/${segment(name)}/DefaultVersion`,
      name: `managed policy ${name} › default version`,
      kind: 'identity',
      attachedTo: arn === undefined ? base : { ...base, arn },
      owner: `managed policy ${quote(name)}`
    })
  }
}

/** `AttachedManagedPolicies` and `PermissionsBoundary`: attachments by ARN. */
function readReferences(out: Collector, detail: Entries, shape: PrincipalShape): void {
  const owner = text(detail.get(shape.nameKey)) ?? '(unnamed)'
  const to = attachment(shape, owner, text(detail.get('Arn')))
  const prefix = `${shape.segment}/${segment(owner)}`
  for (const entry of items(detail.get('AttachedManagedPolicies'))) {
    const arn = fields(entry).get('PolicyArn')
    if (arn?.kind !== 'string') continue
    out.attach('managed-policy', to, arn, `${prefix}/AttachedManagedPolicies/${segment(arn.value)}`)
  }
  const boundary = fields(detail.get('PermissionsBoundary')).get('PermissionsBoundaryArn')
  if (boundary !== undefined) {
    out.attach('permissions-boundary', to, boundary, `${prefix}/PermissionsBoundary`)
  }
  // a user's groups, by name (`member-of`)
  if (shape === USER) {
    for (const group of items(detail.get('GroupList'))) {
      if (group.kind !== 'string') continue
      out.attach('member-of', to, group, `${prefix}/GroupList/${segment(group.value)}`)
    }
  }
}
