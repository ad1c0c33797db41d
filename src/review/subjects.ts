// What a changed file is evaluated against (docs/REPORT.md "What each file is evaluated
// against"). A file alone, or a configured subject combining files, becomes one policy set per
// side. The parts a repository does not hold are filled by two documented assumptions, shown in
// no report as deciding statements:
//
// - no identity policy in the subject (a resource policy, boundary, SCP, RCP or session policy
//   alone): the principal's own identity policies are assumed to allow everything, so the file's
//   own effect shows. For a resource-based policy this holds only for callers from another
//   account; a caller in the resource's account gets no identity policy, so that the resource
//   policy's own grants show (in one account a resource policy grants without identity help).
// - no resource policy in the subject: the resource is assumed to carry a policy that delegates
//   to the principal's account (`Principal: {"AWS": "arn:aws:iam::ACCOUNT:root"}`), which grants
//   nothing by itself but lets the identity side decide for cross-account resources and for
//   resources whose policy must allow (role trust policies, KMS keys).
//
// A side without the file (added or deleted) holds no policy of that role: for an identity or
// resource policy every request is an implicit deny there; for a boundary, SCP, RCP or session
// policy that side simply has no such guardrail.
import {
  compilePolicySet,
  type CompiledPolicySet,
  type PreparedRequest
} from '../engine/evaluate.js'
import type { PolicySet } from '../engine/types.js'
import type { ProbeRequestLike, SideSelector } from '../diff/diff.js'
import type { ChangeSubject } from '../diff/report.js'
import type { Policy, PolicyKind, Statement } from '../policy/model.js'
import { splitArn } from '../policy/arn.js'

/** The probe principal for files reviewed alone: an IAM user, so `${aws:username}` resolves. */
export const DEFAULT_PRINCIPAL = 'arn:aws:iam::123456789012:user/iam-policy-diff-probe'
export const ASSUMED_IDENTITY_FILE = '(assumed) identity policy allowing everything'
export const ASSUMED_RESOURCE_FILE = '(assumed) resource policy delegating to the account'

/** One side's policies of a subject, by the role they play. */
export interface SidePolicies {
  readonly identity: readonly Policy[]
  readonly resource: Policy | undefined
  readonly boundary: readonly Policy[]
  readonly session: Policy | undefined
  /** organisation levels, root first */
  readonly scp: readonly (readonly Policy[])[]
  readonly rcp: readonly (readonly Policy[])[]
}

export interface Subject {
  /** the configured subject's name; undefined for a file reviewed alone */
  readonly name: string | undefined
  /** the principal, resource or policy the subject is (src/review/principals.ts) */
  readonly about?: ChangeSubject
  /** the changed files it covers */
  readonly files: readonly string[]
  readonly principal: string
  readonly base: SidePolicies
  readonly head: SidePolicies
  /**
   * A resource-based policy's callers that the sources declare (a role or user of the same
   * template or module it names): their requests are evaluated with their own identity
   * policies and boundary instead of the assumed identity policy (src/review/principals.ts).
   */
  readonly callers?: readonly Caller[]
}

/** A principal of the sources, as a caller of a resource-based policy. */
export interface Caller {
  /** `role:ACCOUNT:NAME` or `user:ACCOUNT:NAME` (callerKey) */
  readonly key: string
  readonly base: { readonly identity: readonly Policy[]; readonly boundary: readonly Policy[] }
  readonly head: { readonly identity: readonly Policy[]; readonly boundary: readonly Policy[] }
}

/** The key of a role or user ARN (paths left out: a role session names no path). */
export function callerKey(arn: string): string | undefined {
  const parts = splitArn(arn)
  if (parts?.service !== 'iam') return undefined
  const match = /^(role|user)\/(?:.*\/)?([^/]+)$/.exec(parts.resource)
  return match ? `${match[1]}:${parts.account}:${match[2]}` : undefined
}

/** The declared caller a request comes from, if any. */
function callerOf(subject: Subject, request: PreparedRequest): Caller | undefined {
  if (subject.callers === undefined || subject.callers.length === 0) return undefined
  const p = request.principal
  const key =
    p.kind === 'role' && p.roleKey !== undefined
      ? `role:${p.roleKey}`
      : p.kind === 'user' && p.account !== undefined && p.name !== undefined
        ? `user:${p.account}:${p.name}`
        : undefined
  return key === undefined ? undefined : subject.callers.find((c) => c.key === key)
}

export const NO_POLICIES: SidePolicies = {
  identity: [],
  resource: undefined,
  boundary: [],
  session: undefined,
  scp: [],
  rcp: []
}

/** The policies of a file reviewed alone, placed by its kind. */
export function sideOf(kind: PolicyKind, policy: Policy | undefined): SidePolicies {
  if (policy === undefined) return NO_POLICIES
  switch (kind) {
    case 'identity':
      return { ...NO_POLICIES, identity: [policy] }
    case 'resource':
      return { ...NO_POLICIES, resource: policy }
    case 'boundary':
      return { ...NO_POLICIES, boundary: [policy] }
    case 'session':
      return { ...NO_POLICIES, session: policy }
    case 'scp':
      return { ...NO_POLICIES, scp: [[policy]] }
    case 'rcp':
      return { ...NO_POLICIES, rcp: [[policy]] }
  }
}

function hasIdentity(subject: Subject): boolean {
  return subject.base.identity.length > 0 || subject.head.identity.length > 0
}

function hasResource(subject: Subject): boolean {
  return subject.base.resource !== undefined || subject.head.resource !== undefined
}

/** Which assumptions a request needs; each combination is one compiled set per side. */
interface Assumptions {
  readonly allowingIdentity: boolean
  readonly delegatingResource: boolean
}

function assumptionsFor(subject: Subject, request: PreparedRequest): Assumptions {
  const identity = hasIdentity(subject) || callerOf(subject, request) !== undefined
  const resource = hasResource(subject)
  // a caller of the resource's account probed as holding permissions of its own (generate.ts)
  const permitted = (request.request as ProbeRequestLike).permitted === true
  return {
    allowingIdentity: !identity && (!resource || request.crossAccount || permitted),
    // it grants nothing in the account itself unless the resource policy is mandatory, so it is
    // left out there: the decisions are the same, and evaluation is cheaper
    delegatingResource: !resource && (request.crossAccount || request.mandatory)
  }
}

/** The policy set a request is evaluated against on one side, assumptions included. */
export function policySetFor(
  subject: Subject,
  side: 'base' | 'head',
  request: PreparedRequest
): PolicySet {
  return assumedSet(subject, side, assumptionsFor(subject, request), callerOf(subject, request))
}

function assumedSet(
  subject: Subject,
  side: 'base' | 'head',
  assume: Assumptions,
  caller?: Caller
): PolicySet {
  const own = subject[side]
  const account = splitArn(subject.principal)?.account
  const delegating =
    assume.delegatingResource && account !== undefined
      ? delegatingResourcePolicy(account)
      : undefined
  return {
    identity: caller
      ? [...own.identity, ...caller[side].identity]
      : assume.allowingIdentity
        ? [ALLOW_ALL_IDENTITY]
        : own.identity,
    resource: own.resource ?? delegating,
    boundary: caller ? [...own.boundary, ...caller[side].boundary] : own.boundary,
    session: own.session,
    scp: own.scp,
    rcp: own.rcp
  }
}

/**
 * The policies the request matrix is derived from: the subject's own, plus the assumed identity
 * policy when the subject is only a guardrail, so that every action the guardrail could stop
 * (or stops no more) is probed, not only the ones it names. Undefined when the side has none.
 */
export function matrixSet(subject: Subject, side: 'base' | 'head'): PolicySet | undefined {
  const declared = subject.callers ?? []
  const own =
    declared.length === 0
      ? subject[side]
      : {
          // the callers' policies shape the requests too (their conditions, their denies)
          ...subject[side],
          identity: [...subject[side].identity, ...declared.flatMap((c) => c[side].identity)],
          boundary: [...subject[side].boundary, ...declared.flatMap((c) => c[side].boundary)]
        }
  if (!hasIdentity(subject) && declared.length === 0 && !hasResource(subject))
    return { ...own, identity: [ALLOW_ALL_IDENTITY] }
  const empty =
    own.identity.length === 0 &&
    own.resource === undefined &&
    own.boundary.length === 0 &&
    own.session === undefined &&
    own.scp.length === 0 &&
    own.rcp.length === 0
  return empty ? undefined : { ...own }
}

/** Compiled sets per side and combination of assumptions, compiled when first needed. */
export function sideSelectors(subject: Subject): { base: SideSelector; head: SideSelector } {
  const selector = (side: 'base' | 'head'): SideSelector => {
    const compiled = new Map<string, CompiledPolicySet>()
    return (request) => {
      const assume = assumptionsFor(subject, request)
      const caller = callerOf(subject, request)
      const slot = `${caller?.key ?? ''}|${assume.allowingIdentity ? 2 : 0}${assume.delegatingResource ? 1 : 0}`
      let set = compiled.get(slot)
      if (set === undefined) {
        set = compilePolicySet(assumedSet(subject, side, assume, caller))
        compiled.set(slot, set)
      }
      return set
    }
  }
  return { base: selector('base'), head: selector('head') }
}

export const HIDDEN_FILES: ReadonlySet<string> = new Set([
  ASSUMED_IDENTITY_FILE,
  ASSUMED_RESOURCE_FILE
])

const NOWHERE = { start: 0, end: 0, line: 1, column: 1 }

function syntheticStatement(init: Pick<Statement, 'principal'>): Statement {
  return {
    index: 0,
    sid: undefined,
    effect: 'Allow',
    action: { negated: false, values: ['*'] },
    resource: { negated: false, values: ['*'] },
    principal: init.principal,
    conditions: [],
    pointer: '/Statement/0',
    span: NOWHERE
  }
}

const ALLOW_ALL_IDENTITY: Policy = {
  file: ASSUMED_IDENTITY_FILE,
  kind: 'identity',
  version: '2012-10-17',
  statements: [syntheticStatement({ principal: undefined })]
}

const delegating = new Map<string, Policy>()

/** One Policy object per account, so the engine compiles it once. */
function delegatingResourcePolicy(account: string): Policy {
  let policy = delegating.get(account)
  if (policy === undefined) {
    const principal = {
      negated: false,
      entries: [{ type: 'AWS' as const, value: `arn:aws:iam::${account}:root` }]
    }
    policy = {
      file: ASSUMED_RESOURCE_FILE,
      kind: 'resource',
      version: '2012-10-17',
      statements: [syntheticStatement({ principal })]
    }
    delegating.set(account, policy)
  }
  return policy
}
