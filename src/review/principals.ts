// Review by principal (docs/ARCHITECTURE.md, "Principals"): the changed files' documents and
// attachments (and, bounded, the other files of the repository that hold a policy they name)
// become a principal model per side (src/principals/model.ts); every role and user whose whole
// identity policy set (group policies included) or boundary differs between base and head is
// reviewed as itself, its ARN the calling principal. A changed document that some principal holds
// is reviewed only that way; a trust policy is reviewed as who can assume its role; what no
// principal holds (resource policies, unattached managed policies, bare policy files) is reviewed
// alone as before.
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { ReviewedFile } from '../diff/build-report.js'
import type { ChangeSubject, DocumentReport, PatchOperation } from '../diff/report.js'
import { extractFile } from '../extract/registry.js'
import { DEFAULT_FACTS, type DeploymentFacts, type Extraction } from '../extract/types.js'
import { parsePolicy } from '../policy/parse.js'
import type { Policy, PolicyKind } from '../policy/model.js'
import {
  buildModel,
  identityLinks,
  attachmentSignature,
  type ModelDocument,
  type ModelFile,
  type PolicyLink,
  type Principal,
  type PrincipalModel
} from '../principals/model.js'
import type { ManagedPolicyDataVersion, ManagedPolicyStore } from '../catalog/managed-policies.js'
import { screenText, type FileFilter } from '../sources/detect.js'
import type { PolicySource, Side } from '../sources/port.js'
import type { LoadedFiles, PolicyFile } from './load-files.js'
import { remapPolicy, SourceLines } from './remap.js'
import { callerKey, DEFAULT_PRINCIPAL, NO_POLICIES, type Caller, type Subject } from './subjects.js'

/** Principals reviewed for one changed policy or group at most; past it: `principals-truncated`. */
export const MAX_PRINCIPALS_PER_CHANGE = 25
/** Unchanged files read at most per side to find the policies and attachments a change names. */
export const MAX_RELATED_READS = 400
/** Unchanged files added to a side's model at most. */
export const MAX_RELATED_FILES = 50

export interface PrincipalPlan {
  /** one per reviewed principal (its `about` names it) */
  readonly subjects: readonly Subject[]
  /** changed units reviewed inside principals (not alone) */
  readonly covered: ReadonlySet<string>
  /** whom a unit reviewed alone is about (trust policy → its role, resource policy → resource) */
  readonly about: ReadonlyMap<string, ChangeSubject>
  /** one unit per principal whose attachments changed (policies, groups, boundary) */
  readonly units: readonly ReviewedFile[]
  /** problems by unit key */
  readonly notes: readonly (readonly [string, Diagnostic])[]
  /** set when an AWS managed policy was looked up */
  readonly managedPolicyData: ManagedPolicyDataVersion | undefined
  /** by unit key: the declared principals a resource-based policy names, as callers */
  readonly callers: ReadonlyMap<string, readonly Caller[]>
}

export interface PrincipalOptions {
  readonly source: PolicySource
  readonly loaded: LoadedFiles
  /** the AWS managed policies, asked for only when an ARN is met */
  readonly managedPolicies: () => ManagedPolicyStore
  readonly facts?: DeploymentFacts
  readonly maxPrincipals?: number
}

interface SideSet {
  readonly identity: Policy[]
  readonly boundary: Policy[]
  readonly names: string[]
  /** AWS managed ARNs the data lacks */
  readonly unknown: string[]
  /** customer managed ARNs no file holds */
  readonly missing: string[]
  /** unit keys of the documents in the set */
  readonly keys: string[]
}

export async function planPrincipals(options: PrincipalOptions): Promise<PrincipalPlan> {
  const { loaded } = options
  const facts = options.facts ?? DEFAULT_FACTS
  const units = new Map(loaded.files.map((f) => [f.key, f]))
  const parser = documentParser(units)
  const changedPaths = new Set(loaded.extracted.map((e) => e.change.path))
  const models = {} as Record<Side, PrincipalModel>
  for (const side of ['base', 'head'] as const) {
    const files: ModelFile[] = []
    for (const e of loaded.extracted) {
      const s = e[side]
      if (s.extraction === undefined || s.text === undefined) continue
      if (!holdsPrincipalData(s.extraction)) continue
      files.push(modelFile(e.change.path, s.text, s.extraction, side, parser))
    }
    if (files.length === 0) {
      models[side] = buildModel([], facts)
      continue
    }
    const related = await relatedFiles(options.source, side, files, changedPaths, loaded.filter)
    for (const { path, text } of related) {
      const extraction = extractFile(path, text, { facts })
      if (holdsPrincipalData(extraction))
        files.push(modelFile(path, text, extraction, side, parser))
    }
    models[side] = buildModel(files, facts)
  }
  return reviewPrincipals(models, units, options, changedPaths)
}

function holdsPrincipalData(x: Extraction): boolean {
  if (x.format === 'policy-json' || x.format === 'unsupported') return false
  return (
    (x.attachments?.length ?? 0) > 0 ||
    x.documents.some((d) => d.attachedTo !== undefined && d.attachedTo.kind !== 'resource')
  )
}

type Parser = (
  path: string,
  text: string,
  doc: Extraction['documents'][number],
  side: Side
) => Policy | undefined

/** Changed documents come from their unit (one Policy per side); others are parsed once. */
function documentParser(units: ReadonlyMap<string, PolicyFile>): Parser {
  const parsed = new Map<string, Policy | undefined>()
  return (path, text, doc, side) => {
    const key = `${path}#${doc.location}`
    const unit = units.get(key)
    if (unit) return unit[side].policy
    const memo = `${key}\0${doc.kind}\0${doc.text}`
    if (parsed.has(memo)) return parsed.get(memo)
    const result = parsePolicy(doc.text, { file: key, kind: doc.kind })
    const policy =
      result.policy === undefined || hasErrors(result.diagnostics)
        ? undefined
        : remapPolicy(result.policy, doc, new SourceLines(text))
    parsed.set(memo, policy)
    return policy
  }
}

function modelFile(
  path: string,
  text: string,
  extraction: Extraction,
  side: Side,
  parse: Parser
): ModelFile {
  const documents: ModelDocument[] = extraction.documents.map((doc) => ({
    key: `${path}#${doc.location}`,
    file: path,
    location: doc.location,
    name: doc.name,
    kind: doc.kind,
    attachedTo: doc.attachedTo,
    policy: parse(path, text, doc, side)
  }))
  return { path, documents, attachments: extraction.attachments ?? [] }
}

/**
 * Unchanged files of the side that mention a policy or principal the change names but does not
 * hold (a customer managed policy by ARN, a Terraform attachment in another file): at most
 * MAX_RELATED_READS read, MAX_RELATED_FILES kept.
 */
async function relatedFiles(
  source: PolicySource,
  side: Side,
  files: readonly ModelFile[],
  changed: ReadonlySet<string>,
  filter: FileFilter
): Promise<{ path: string; text: string }[]> {
  const needles = new Set<string>()
  const held = new Set<string>()
  for (const f of files)
    for (const d of f.documents) {
      if (d.attachedTo?.arn !== undefined) held.add(d.attachedTo.arn)
      if (d.attachedTo?.kind === 'policy') needles.add(lastSegment(d.attachedTo.name))
    }
  for (const f of files)
    for (const a of f.attachments)
      if (
        (a.relation === 'managed-policy' || a.relation === 'permissions-boundary') &&
        !/^arn:[a-z-]+:iam::aws:policy\//.test(a.policy) &&
        !held.has(a.policy)
      )
        needles.add(lastSegment(a.policy))
  const wanted = [...needles].filter((n) => n.length >= 3)
  if (wanted.length === 0) return []
  let listing: string[]
  try {
    listing = await source.listFiles(side)
  } catch {
    return []
  }
  const candidates = listing
    .filter((p) => !changed.has(p) && filter.selects(p) && /\.(ya?ml|json|tf|template)$/i.test(p))
    .sort()
    .slice(0, MAX_RELATED_READS)
  const texts = await Promise.all(
    candidates.map(async (path) => {
      try {
        return { path, text: await source.readFile(path, side) }
      } catch {
        return { path, text: undefined }
      }
    })
  )
  const out: { path: string; text: string }[] = []
  for (const { path, text } of texts) {
    if (text === undefined || screenText(text).kind !== 'text') continue
    if (!wanted.some((n) => text.includes(n))) continue
    out.push({ path, text })
    if (out.length >= MAX_RELATED_FILES) break
  }
  return out
}

function lastSegment(name: string): string {
  const slash = name.lastIndexOf('/')
  const dot = name.startsWith('aws_') ? name.lastIndexOf('.') : -1
  return name.slice(Math.max(slash, dot) + 1)
}

/** The policy objects of a principal's set on one side. */
function sideSet(
  model: PrincipalModel,
  principal: Principal | undefined,
  aws: (arn: string, kind: PolicyKind) => Policy | undefined
): SideSet {
  const set: SideSet = {
    identity: [],
    boundary: [],
    names: [],
    unknown: [],
    missing: [],
    keys: []
  }
  if (!principal) return set
  const take = (link: PolicyLink, kind: PolicyKind, into: Policy[], via?: Principal): void => {
    const name = via ? `group ${via.name} › ${link.name}` : link.name
    if (link.type === 'aws-managed') {
      const policy = aws(link.ref, kind)
      if (policy) into.push(policy)
      else set.unknown.push(link.ref)
      set.names.push(name)
      return
    }
    if (!link.document) {
      set.missing.push(link.ref)
      return
    }
    set.keys.push(link.document.key)
    set.names.push(name)
    if (link.document.policy) into.push(link.document.policy)
  }
  for (const { link, via } of identityLinks(model, principal))
    take(link, 'identity', set.identity, via)
  if (principal.boundary) take(principal.boundary, 'boundary', set.boundary)
  return set
}

function samePolicies(a: readonly Policy[], b: readonly Policy[]): boolean {
  if (a.length !== b.length) return false
  const left = new Set(a)
  return b.every((p) => left.has(p))
}

function reviewPrincipals(
  models: Record<Side, PrincipalModel>,
  units: ReadonlyMap<string, PolicyFile>,
  options: PrincipalOptions,
  changedPaths: ReadonlySet<string>
): PrincipalPlan {
  const limit = options.maxPrincipals ?? MAX_PRINCIPALS_PER_CHANGE
  let store: ManagedPolicyStore | undefined
  const awsPolicies = new Map<string, Policy | undefined>()
  const aws = (arn: string, kind: PolicyKind): Policy | undefined => {
    const key = `${kind}\0${arn}`
    if (awsPolicies.has(key)) return awsPolicies.get(key)
    store ??= options.managedPolicies()
    const found = store.lookup(arn)
    const policy = found && parsePolicy(found.text, { file: found.arn, kind }).policy
    awsPolicies.set(key, policy)
    return policy
  }
  const notes: [string, Diagnostic][] = []
  const about = new Map<string, ChangeSubject>()
  const covered = new Set<string>()
  const attachmentUnits: ReviewedFile[] = []
  const subjects: Subject[] = []
  const ids = [...new Set([...models.base.principals.keys(), ...models.head.principals.keys()])]
  ids.sort()
  // per changed unit (or attachment unit): how many principals reviewed it so far
  const reached = new Map<string, number>()
  const cut = new Map<string, number>()
  for (const id of ids) {
    const base = models.base.principals.get(id)
    const head = models.head.principals.get(id)
    const principal = (head ?? base) as Principal
    const subject: ChangeSubject = {
      kind: principal.kind,
      name: principal.name,
      file: principal.file,
      arn: principal.arn
    }
    const before = sideSet(models.base, base, aws)
    const after = sideSet(models.head, head, aws)
    for (const key of [...before.keys, ...after.keys]) if (units.has(key)) covered.add(key)
    // the trust policy: reviewed alone, about its role and naming its permissions
    const trust = head?.trust ?? base?.trust
    if (trust && units.has(trust.key))
      about.set(trust.key, { ...subject, permissions: [...new Set(after.names)] })
    const members = membersOf(models, principal)
    const attachmentKey = attachmentUnit(
      models,
      base,
      head,
      principal,
      changedPaths,
      attachmentUnits
    )
    const unchanged =
      samePolicies(before.identity, after.identity) &&
      samePolicies(before.boundary, after.boundary) &&
      attachmentKey === undefined
    if (unchanged) continue
    // a group is reviewed through its members; one with no members as itself (a probe user)
    if (principal.kind === 'group' && members.length > 0) continue
    const groupUnits = [...(base?.groups ?? []), ...(head?.groups ?? [])].map((g) =>
      attachmentKeyOf(models, g, changedPaths, attachmentUnits)
    )
    const changedKeys = [...new Set([...after.keys, ...before.keys])].filter((k) => {
      const unit = units.get(k)
      return unit !== undefined
    })
    const files = [
      ...changedKeys,
      ...(attachmentKey ? [attachmentKey] : []),
      ...groupUnits.filter((k): k is string => k !== undefined)
    ]
    if (files.length === 0) continue
    // a unit that cannot be reviewed keeps its own error; its principals are not reviewed
    if (changedKeys.some((k) => units.get(k)?.failed === true)) continue
    const open = files.filter((k) => (reached.get(k) ?? 0) < limit)
    if (open.length === 0) {
      for (const k of files) cut.set(k, (cut.get(k) ?? 0) + 1)
      continue
    }
    for (const k of files) reached.set(k, (reached.get(k) ?? 0) + 1)
    const unknown = [...new Set([...before.unknown, ...after.unknown])]
    if (unknown.length > 0) {
      const message = `${principal.kind} \`${principal.name}\` not reviewed: the AWS managed ${unknown.length === 1 ? 'policy' : 'policies'} ${unknown.map((a) => `\`${a}\``).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the AWS managed policy data`
      for (const k of files) notes.push([k, diagnostic('managed-policy-unknown', { message })])
      continue
    }
    for (const arn of new Set([...before.missing, ...after.missing])) {
      const message = `${principal.kind} \`${principal.name}\` has the policy \`${arn}\`, which no file of the repository holds: reviewed without it`
      for (const k of files) notes.push([k, diagnostic('principal-policy-missing', { message })])
    }
    subjects.push({
      name: undefined,
      about: subject,
      files,
      principal: principal.kind === 'group' ? DEFAULT_PRINCIPAL : principal.arn,
      base: { ...NO_POLICIES, identity: before.identity, boundary: before.boundary },
      head: { ...NO_POLICIES, identity: after.identity, boundary: after.boundary }
    })
  }
  for (const [key, count] of cut) {
    const message = `the change reaches more principals than the ${limit} reviewed: ${count} more ${count === 1 ? 'is' : 'are'} not reviewed, so changes may be missed`
    notes.push([key, diagnostic('principals-truncated', { message })])
  }
  // what no principal holds is reviewed alone: say what it is
  for (const [key, unit] of units) {
    if (covered.has(key) || about.has(key) || unit.document === undefined) continue
    const to = unit.document.attachedTo
    if (to === undefined) continue
    const kind = to.kind === 'resource' ? 'resource' : to.kind === 'policy' ? 'policy' : undefined
    if (kind)
      about.set(key, {
        kind,
        name: to.name,
        file: unit.change.path,
        ...(to.arn === undefined ? {} : { arn: to.arn })
      })
  }
  return {
    subjects,
    covered,
    about,
    units: attachmentUnits,
    notes,
    managedPolicyData: store?.data,
    callers: declaredCallers(models, units, aws)
  }
}

/**
 * For each resource-based policy under review, the roles and users of the sources it names (by
 * ARN, in either version): their requests are then evaluated with their own identity policies
 * and boundary. A caller whose set cannot be built completely (an AWS managed policy the data
 * lacks) keeps the documented assumption instead.
 */
function declaredCallers(
  models: Record<Side, PrincipalModel>,
  units: ReadonlyMap<string, PolicyFile>,
  aws: (arn: string, kind: PolicyKind) => Policy | undefined
): Map<string, Caller[]> {
  const declared = new Map<string, { base?: Principal; head?: Principal }>()
  for (const side of ['base', 'head'] as const)
    for (const p of models[side].principals.values()) {
      const key = (p.kind === 'role' || p.kind === 'user') && callerKey(p.arn)
      if (key) declared.set(key, { ...declared.get(key), [side]: p })
    }
  const out = new Map<string, Caller[]>()
  if (declared.size === 0) return out
  for (const [unitKey, unit] of units) {
    if (unit.kind !== 'resource' || unit.failed) continue
    const named = new Set<string>()
    for (const policy of [unit.base.policy, unit.head.policy])
      for (const st of policy?.statements ?? [])
        for (const entry of st.principal?.entries ?? [])
          if (entry.type === 'AWS') {
            const key = callerKey(entry.value)
            if (key && declared.has(key)) named.add(key)
          }
    const callers: Caller[] = []
    for (const key of [...named].sort()) {
      const found = declared.get(key) ?? {}
      const before = sideSet(models.base, found.base, aws)
      const after = sideSet(models.head, found.head, aws)
      if (before.unknown.length > 0 || after.unknown.length > 0) continue
      callers.push({
        key,
        base: { identity: before.identity, boundary: before.boundary },
        head: { identity: after.identity, boundary: after.boundary }
      })
    }
    if (callers.length > 0) out.set(unitKey, callers)
  }
  return out
}

function membersOf(models: Record<Side, PrincipalModel>, group: Principal): string[] {
  if (group.kind !== 'group') return []
  const out = new Set<string>()
  for (const model of [models.base, models.head])
    for (const p of model.principals.values()) if (p.groups.includes(group.id)) out.add(p.id)
  return [...out]
}

function attachmentKeyOf(
  models: Record<Side, PrincipalModel>,
  id: string,
  changedPaths: ReadonlySet<string>,
  out: ReviewedFile[]
): string | undefined {
  const base = models.base.principals.get(id)
  const head = models.head.principals.get(id)
  const principal = head ?? base
  return principal && attachmentUnit(models, base, head, principal, changedPaths, out)
}

/**
 * The unit that stands for a principal's attachment changes (policies attached or detached,
 * groups, boundary), created once; undefined when they did not change.
 */
function attachmentUnit(
  models: Record<Side, PrincipalModel>,
  base: Principal | undefined,
  head: Principal | undefined,
  principal: Principal,
  changedPaths: ReadonlySet<string>,
  out: ReviewedFile[]
): string | undefined {
  const before = base ? attachmentSignature(models.base, base) : []
  const after = head ? attachmentSignature(models.head, head) : []
  if (before.join('\n') === after.join('\n')) return undefined
  const links = [...(head?.identity ?? []), ...(base?.identity ?? [])]
  const file = changedPaths.has(principal.file)
    ? principal.file
    : (links.map((l) => l.linkedIn).find((p) => changedPaths.has(p)) ?? principal.file)
  const key = `${file}#${principal.name}`
  if (out.some((u) => u.key === key)) return key
  const removed = before.filter((x) => !after.includes(x))
  const added = after.filter((x) => !before.includes(x))
  const patch: PatchOperation[] = [
    ...removed.map((x) => ({ op: 'remove', path: `/attachments/${escape(x)}` })),
    ...added.map((x) => ({ op: 'add', path: '/attachments/-', value: x }))
  ]
  const document: DocumentReport = {
    location: principal.name,
    name: `${principal.name} › attachments`,
    kind: 'identity',
    format: 'principal',
    attachedTo: { kind: principal.kind, name: principal.name, arn: principal.arn },
    placeholders: []
  }
  out.push({
    file,
    key,
    document,
    previousFile: undefined,
    status: base === undefined ? 'added' : head === undefined ? 'deleted' : 'modified',
    policyKind: 'identity',
    diagnostics: [],
    patch,
    failed: false
  })
  return key
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1')
}
