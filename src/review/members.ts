// Configured subjects: files that apply together (a role's identity policies and its boundary,
// an account's SCP levels). A subject is evaluated when one of its files changed; its unchanged
// members are read from each side too, so the combination is what gets compared.
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { SubjectSpec } from '../config/types.js'
import { parsePolicy } from '../policy/parse.js'
import type { Policy, PolicyKind } from '../policy/model.js'
import { compileGlobs, type PathMatcher } from '../sources/detect.js'
import { SourceError, type PolicySource, type Side } from '../sources/port.js'
import type { PolicyFile } from './load-files.js'
import { DEFAULT_PRINCIPAL, NO_POLICIES, type SidePolicies, type Subject } from './subjects.js'

interface Role {
  readonly kind: PolicyKind
  readonly matches: PathMatcher
  /** organisation level for scp/rcp */
  readonly level: number
}

function rolesOf(spec: SubjectSpec): Role[] {
  const role = (kind: PolicyKind, globs: readonly string[], level = 0): Role => ({
    kind,
    matches: compileGlobs(globs),
    level
  })
  return [
    role('identity', spec.identity),
    role('resource', spec.resource),
    role('boundary', spec.boundary),
    role('session', spec.session),
    ...spec.scp.map((globs, level) => role('scp', globs, level)),
    ...spec.rcp.map((globs, level) => role('rcp', globs, level))
  ]
}

/** The kind the first subject that names `path` gives it, if any. */
export function subjectRoleKind(
  specs: readonly SubjectSpec[]
): (path: string) => PolicyKind | undefined {
  const roles = specs.flatMap(rolesOf)
  return (path) => roles.find((r) => r.matches(path))?.kind
}

export interface SubjectPlan {
  readonly subjects: readonly Subject[]
  /** changed files evaluated inside a subject (not alone) */
  readonly covered: ReadonlySet<string>
  /** problems per changed file (its subject could not be evaluated) */
  readonly fileDiagnostics: ReadonlyMap<string, readonly Diagnostic[]>
}

export async function planSubjects(
  specs: readonly SubjectSpec[],
  source: PolicySource,
  files: readonly PolicyFile[]
): Promise<SubjectPlan> {
  const subjects: Subject[] = []
  const covered = new Set<string>()
  const fileDiagnostics = new Map<string, Diagnostic[]>()
  const active = specs.filter((spec) => changedMembers(rolesOf(spec), files).length > 0)
  const loader = memberLoader(source, files)
  for (const spec of active) {
    const members = changedMembers(rolesOf(spec), files)
    for (const file of members) covered.add(file.key)
    const planned = await planSubject(spec, members, loader)
    if ('subject' in planned) {
      if (planned.subject.files.length > 0) subjects.push(planned.subject)
      continue
    }
    for (const file of members) {
      const list = fileDiagnostics.get(file.key) ?? []
      fileDiagnostics.set(file.key, [...list, { ...planned.problem, file: file.change.path }])
    }
  }
  return { subjects, covered, fileDiagnostics }
}

async function planSubject(
  spec: SubjectSpec,
  members: readonly PolicyFile[],
  loader: MemberLoader
): Promise<{ subject: Subject } | { problem: Diagnostic }> {
  const roles = rolesOf(spec)
  try {
    const base = await sidePolicies(roles, 'base', loader)
    const head = await sidePolicies(roles, 'head', loader)
    const files = members.filter((f) => !f.failed).map((f) => f.key)
    const principal = spec.principal ?? DEFAULT_PRINCIPAL
    return { subject: { name: spec.name, files, principal, base, head } }
  } catch (error) {
    const found =
      error instanceof SubjectProblem || error instanceof SourceError ? error.diagnostic : undefined
    if (!found) throw error
    return {
      problem: { ...found, message: `subject \`${spec.name}\` not evaluated: ${found.message}` }
    }
  }
}

/** Subjects combine bare policy files; documents inside templates are reviewed alone. */
function changedMembers(roles: readonly Role[], files: readonly PolicyFile[]): PolicyFile[] {
  return files.filter(
    (f) =>
      f.document === undefined &&
      roles.some((r) => r.matches(f.change.path) || r.matches(f.base.path))
  )
}

class SubjectProblem extends Error {
  readonly diagnostic: Diagnostic
  constructor(options: { diagnostic: Diagnostic }) {
    super(options.diagnostic.message)
    this.diagnostic = options.diagnostic
  }
}

function problem(message: string): SubjectProblem {
  return new SubjectProblem({ diagnostic: diagnostic('config-invalid', { message }) })
}

async function sidePolicies(
  roles: readonly Role[],
  side: Side,
  load: MemberLoader
): Promise<SidePolicies> {
  const all = await load.list(side)
  const of = async (role: Role): Promise<Policy[]> => {
    const paths = all.filter((p) => role.matches(p))
    const policies = await Promise.all(paths.map((p) => load.policy(p, side, role.kind)))
    return policies.filter((p): p is Policy => p !== undefined)
  }
  const single = async (role: Role | undefined): Promise<Policy | undefined> => {
    const found = role === undefined ? [] : await of(role)
    if (found.length > 1) {
      throw problem(
        `several ${role?.kind ?? ''} policies match on the ${side} side: ${found.map((p) => `\`${p.file}\``).join(', ')}`
      )
    }
    return found[0]
  }
  const levels = async (kind: PolicyKind): Promise<Policy[][]> =>
    (await Promise.all(roles.filter((r) => r.kind === kind).map(of))).filter(
      (level) => level.length > 0
    )
  const byKind = (kind: PolicyKind): Role | undefined => roles.find((r) => r.kind === kind)
  const list = async (role: Role | undefined): Promise<Policy[]> =>
    role === undefined ? [] : of(role)
  return {
    ...NO_POLICIES,
    identity: await list(byKind('identity')),
    resource: await single(byKind('resource')),
    boundary: await list(byKind('boundary')),
    session: await single(byKind('session')),
    scp: await levels('scp'),
    rcp: await levels('rcp')
  }
}

interface MemberLoader {
  list(side: Side): Promise<string[]>
  policy(path: string, side: Side, kind: PolicyKind): Promise<Policy | undefined>
}

/** Reads and parses members once; the same text on both sides gives the same Policy object. */
function memberLoader(source: PolicySource, files: readonly PolicyFile[]): MemberLoader {
  const listings = new Map<Side, Promise<string[]>>()
  const parsed = new Map<string, Policy>()
  const texts = new Map<string, string | undefined>()
  for (const f of files) {
    texts.set(`base\0${f.base.path}`, f.base.text)
    texts.set(`head\0${f.head.path}`, f.head.text)
  }
  const read = async (path: string, side: Side): Promise<string | undefined> => {
    const key = `${side}\0${path}`
    if (!texts.has(key)) texts.set(key, await source.readFile(path, side))
    return texts.get(key)
  }
  return {
    list: (side) => {
      let listing = listings.get(side)
      if (!listing) listings.set(side, (listing = source.listFiles(side)))
      return listing
    },
    policy: async (path, side, kind) => {
      const text = await read(path, side)
      if (text === undefined) return undefined
      const key = `${kind}\0${path}\0${text}`
      const known = parsed.get(key)
      if (known) return known
      const result = parsePolicy(text, { file: path, kind })
      if (!result.policy || hasErrors(result.diagnostics)) {
        const first =
          result.diagnostics.find((d) => d.severity === 'error')?.message ?? 'unknown problem'
        throw problem(`\`${path}\` (${side} side) is not a valid ${kind} policy: ${first}`)
      }
      parsed.set(key, result.policy)
      return result.policy
    }
  }
}
