// The principal model of one side (docs/ARCHITECTURE.md, "Principals"): from the documents and
// attachments the extraction stage found, the roles, users and groups; each one's inline
// policies, attached customer managed policies (by ARN or by a standalone policy's `Roles`/
// `Users`/`Groups`), AWS managed policies by ARN, trust policy, permissions boundary, and group
// membership. Pure: files in, model out; AWS managed documents are resolved by the caller.
//
// Sources name the same principal in several ways (a CloudFormation logical ID, its `RoleName`
// through `!Ref`, its ARN; a Terraform address or a literal name; an IAM name in CLI output), so
// every principal keeps aliases: its name, its ARN and the ARN's last segment (the IAM name). A
// reference resolves through them; one that resolves to nothing is a principal of its own (e.g. a
// role created in another stack).
import type { Attachment, PolicyAttachment } from '../extract/types.js'
import type { Policy, PolicyKind } from '../policy/model.js'

export type PrincipalKind = 'role' | 'user' | 'group'

const PRINCIPAL_KINDS: ReadonlySet<string> = new Set(['role', 'user', 'group'])

/** One policy document of a side. */
export interface ModelDocument {
  /** unit key: the path, `#`, the location (`Policy.file` of its statements) */
  readonly key: string
  readonly file: string
  readonly location: string
  /** human name, e.g. `DeployRole › inline policy s3-write` */
  readonly name: string
  readonly kind: PolicyKind
  readonly attachedTo: Attachment | undefined
  /** undefined when the document is invalid on this side */
  readonly policy: Policy | undefined
}

export interface ModelFile {
  readonly path: string
  readonly documents: readonly ModelDocument[]
  readonly attachments: readonly PolicyAttachment[]
}

/** One policy in a principal's set: a document of the sources, or an ARN to resolve. */
export interface PolicyLink {
  /** `inline`, `managed` (customer managed, found or not), `aws-managed` (by ARN) */
  readonly type: 'inline' | 'managed' | 'aws-managed'
  /** the document's unit key, or the ARN as written */
  readonly ref: string
  /** human name: `inline policy s3-write`, `managed policy WriteReports`, `ReadOnlyAccess` */
  readonly name: string
  /** the document, when the sources hold it */
  readonly document: ModelDocument | undefined
  /** the file that links it (the attachment's or the document's) */
  readonly linkedIn: string
  /** linked by the policy's own `Roles`/`Users`/`Groups` (its unit shows it added or removed) */
  readonly fromPolicy?: boolean
}

export interface Principal {
  /** `role:DeployRole`: unique in the model */
  readonly id: string
  readonly kind: PrincipalKind
  /** the template logical ID, Terraform address or IAM name, as first declared */
  readonly name: string
  /** the file that declares it (or first names it) */
  readonly file: string
  /** its ARN (placeholders where the account is unknown) */
  readonly arn: string
  readonly identity: readonly PolicyLink[]
  /** group ids (users only) */
  readonly groups: readonly string[]
  readonly boundary: PolicyLink | undefined
  readonly trust: ModelDocument | undefined
}

export interface PrincipalModel {
  readonly principals: ReadonlyMap<string, Principal>
  /** the principals whose set holds a document (by unit key), groups' members included */
  readonly holders: ReadonlyMap<string, readonly string[]>
}

export interface ModelFacts {
  readonly partition: string
  readonly accountId: string
}

interface Draft {
  id: string
  kind: PrincipalKind
  name: string
  file: string
  arn: string | undefined
  identity: PolicyLink[]
  groups: string[]
  boundary: PolicyLink | undefined
  trust: ModelDocument | undefined
}

/** The last path segment of an ARN (`…:role/path/deploy` → `deploy`). */
function arnName(arn: string): string | undefined {
  if (!arn.startsWith('arn:')) return undefined
  const resource = arn.split(':').slice(5).join(':')
  const slash = resource.lastIndexOf('/')
  return slash < 0 ? undefined : resource.slice(slash + 1)
}

/** A Terraform address's name (`aws_iam_role.deploy` → `deploy`), else the name itself. */
function shortName(name: string): string {
  const match = /^aws_iam_(?:role|user|group|policy)\.([^.[]+)/.exec(name)
  return match?.[1] ?? name
}

/**
 * Where a source's own names mean something: a template's logical IDs in that template, a
 * Terraform address in its module (the folder), an IAM name of an AWS CLI snapshot in that
 * snapshot. Two templates that both name a role `DeployRole`, or two modules that both declare
 * `aws_iam_role.app`, declare two roles: their policies must never be merged.
 */
function scopeOf(file: string): string {
  if (!/\.tf(\.json)?$/.test(file)) return file
  const slash = file.lastIndexOf('/')
  return slash < 0 ? '' : file.slice(0, slash)
}

export function buildModel(files: readonly ModelFile[], facts: ModelFacts): PrincipalModel {
  const sorted = [...files].sort((a, b) => compareText(a.path, b.path))
  const drafts = new Map<string, Draft>()
  const aliases = new Map<string, string>()
  // names and ARNs alike are scoped: a placeholder ARN built from a logical ID or an address
  // is no more global than the name it was built from
  let scope = ''
  const alias = (kind: string, key: string | undefined): string | undefined =>
    key === undefined ? undefined : aliases.get(`${scope}\0${kind}\0${key}`)
  const addAlias = (kind: string, key: string | undefined, id: string): void => {
    const scoped = `${scope}\0${kind}\0${key ?? ''}`
    if (key !== undefined && key !== '' && !aliases.has(scoped)) aliases.set(scoped, id)
  }
  const register = (target: Attachment, file: string): Draft => {
    const kind = target.kind as PrincipalKind
    let id = `${kind}:${target.name}`
    for (let n = 2; drafts.has(id); n++) id = `${kind}:${target.name} (${n})`
    const draft: Draft = {
      id,
      kind,
      name: target.name,
      file,
      arn: target.arn,
      identity: [],
      groups: [],
      boundary: undefined,
      trust: undefined
    }
    drafts.set(id, draft)
    for (const key of [target.name, target.arn, target.arn && arnName(target.arn)])
      addAlias(kind, key, id)
    return draft
  }
  const find = (kind: string, name: string, arn?: string): Draft | undefined => {
    const id =
      alias(kind, arn) ??
      alias(kind, name) ??
      alias(kind, arnName(name)) ??
      alias(kind, shortName(name))
    return id === undefined ? undefined : drafts.get(id)
  }
  const resolve = (target: Attachment, file: string): Draft => {
    const found = find(target.kind, target.name, target.arn)
    if (found) {
      if (found.arn === undefined && target.arn !== undefined) {
        found.arn = target.arn
        addAlias(found.kind, target.arn, found.id)
        addAlias(found.kind, arnName(target.arn), found.id)
      }
      return found
    }
    return register(target, file)
  }
  // pass 1: principals the sources declare (a resource of the principal's own type, with an ARN)
  for (const file of sorted) {
    scope = scopeOf(file.path)
    const targets = [
      ...file.documents.map((d) => d.attachedTo),
      ...file.attachments.map((a) => a.to)
    ]
    for (const t of targets)
      if (t && PRINCIPAL_KINDS.has(t.kind) && t.arn !== undefined && !find(t.kind, t.name, t.arn))
        register(t, file.path)
  }
  // customer managed policies (and standalone policies) by ARN, name and location
  const policies = new Map<string, ModelDocument>()
  for (const file of sorted)
    for (const doc of file.documents) {
      if (doc.attachedTo?.kind !== 'policy' || doc.kind !== 'identity') continue
      const { arn, name } = doc.attachedTo
      const where = scopeOf(file.path)
      for (const key of [arn, arn && arnName(arn), name, shortName(name)])
        if (key !== undefined && !policies.has(`${where}\0${key}`))
          policies.set(`${where}\0${key}`, doc)
    }
  const managedLink = (ref: string, linkedIn: string): PolicyLink => {
    const aws = /^arn:[a-z-]+:iam::aws:policy\//.test(ref)
    const document = aws
      ? undefined
      : (policies.get(`${scope}\0${ref}`) ??
        policies.get(`${scope}\0${arnName(ref) ?? '\0'}`) ??
        policies.get(`${scope}\0${shortName(ref)}`))
    return {
      type: aws ? 'aws-managed' : 'managed',
      ref: document?.key ?? ref,
      name: aws
        ? `AWS managed policy ${arnName(ref) ?? ref}`
        : `managed policy ${document?.attachedTo?.name ?? arnName(ref) ?? ref}`,
      document,
      linkedIn
    }
  }
  // pass 2: inline policies, trust policies, attachments, memberships
  for (const file of sorted) {
    scope = scopeOf(file.path)
    for (const doc of file.documents) {
      const to = doc.attachedTo
      if (!to || !PRINCIPAL_KINDS.has(to.kind)) continue
      const draft = resolve(to, file.path)
      if (doc.kind === 'resource' && draft.kind === 'role') draft.trust ??= doc
      else if (doc.kind === 'identity')
        draft.identity.push({
          type: 'inline',
          ref: doc.key,
          name: inlineName(doc),
          document: doc,
          linkedIn: file.path
        })
    }
    const byLocation = new Map(file.documents.map((d) => [d.location, d]))
    for (const a of file.attachments) {
      if (!PRINCIPAL_KINDS.has(a.to.kind)) continue
      const draft = resolve(a.to, file.path)
      switch (a.relation) {
        case 'managed-policy':
          draft.identity.push(managedLink(a.policy, file.path))
          break
        case 'permissions-boundary':
          draft.boundary = managedLink(a.policy, file.path)
          break
        case 'applies-to': {
          const doc = byLocation.get(a.policy)
          if (doc)
            draft.identity.push({
              type: 'managed',
              ref: doc.key,
              name: `managed policy ${doc.attachedTo?.name ?? doc.name}`,
              document: doc,
              linkedIn: file.path,
              fromPolicy: true
            })
          break
        }
        case 'member-of': {
          if (draft.kind !== 'user') break
          const group = resolve({ kind: 'group', name: a.policy }, file.path)
          if (!draft.groups.includes(group.id)) draft.groups.push(group.id)
          break
        }
      }
    }
  }
  const principals = new Map<string, Principal>()
  for (const d of drafts.values()) {
    principals.set(d.id, {
      id: d.id,
      kind: d.kind,
      name: d.name,
      file: d.file,
      arn: d.arn ?? placeholderArn(d.kind, d.name, facts),
      identity: dedupe(d.identity),
      groups: [...d.groups].sort(compareText),
      boundary: d.boundary,
      trust: d.trust
    })
  }
  return { principals, holders: holdersOf(principals) }
}

function inlineName(doc: ModelDocument): string {
  const at = doc.name.lastIndexOf('› ')
  return at < 0 ? doc.name : doc.name.slice(at + 2)
}

function dedupe(links: readonly PolicyLink[]): PolicyLink[] {
  const seen = new Set<string>()
  return links.filter((l) => !seen.has(l.ref) && seen.add(l.ref) !== undefined)
}

/** `arn:aws:iam::123456789012:role/deploy`: the deployment account and the principal's name. */
function placeholderArn(kind: PrincipalKind, name: string, facts: ModelFacts): string {
  const plain = shortName(name).replace(/[^\w+=,.@-]/g, '_')
  return `arn:${facts.partition}:iam::${facts.accountId}:${kind}/${plain}`
}

/** Every policy of a principal's identity set: its own, then each group's (users). */
export function identityLinks(
  model: PrincipalModel,
  principal: Principal
): { link: PolicyLink; via: Principal | undefined }[] {
  const own = principal.identity.map((link) => ({ link, via: undefined }))
  const groups = principal.groups.flatMap((id) => {
    const group = model.principals.get(id)
    return group ? group.identity.map((link) => ({ link, via: group })) : []
  })
  return [...own, ...groups]
}

function holdersOf(principals: ReadonlyMap<string, Principal>): Map<string, string[]> {
  const holders = new Map<string, string[]>()
  const add = (key: string, id: string): void => {
    const list = holders.get(key) ?? []
    if (!list.includes(id)) list.push(id)
    holders.set(key, list)
  }
  const model = { principals, holders }
  for (const p of principals.values()) {
    for (const { link } of identityLinks(model, p)) add(link.ref, p.id)
    if (p.boundary) add(p.boundary.ref, p.id)
    if (p.trust) add(p.trust.key, p.id)
  }
  return holders
}

/**
 * What a principal's attachments are, as comparable strings: a change between base and head
 * (a policy attached or detached, a group joined or left, a boundary set) is reviewed even when
 * no document changed.
 */
export function attachmentSignature(model: PrincipalModel, principal: Principal): string[] {
  const groupName = (id: string): string => model.principals.get(id)?.name ?? id
  return [
    // inline policies are documents of their own: their units show them added or removed
    ...principal.identity.filter((l) => l.type !== 'inline' && !l.fromPolicy).map((l) => l.name),
    ...principal.groups.map((g) => `group ${groupName(g)}`),
    ...(principal.boundary ? [`boundary ${principal.boundary.name}`] : [])
  ].sort(compareText)
}

export function isPrincipalKind(kind: string): kind is PrincipalKind {
  return PRINCIPAL_KINDS.has(kind)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
