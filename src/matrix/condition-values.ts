// Candidate context values for one condition clause, per operator family (IAM-SEMANTICS §4.2):
// each literal value, a value outside them all, numeric/date boundaries (equal, just below, just
// above), addresses inside and outside each CIDR. Whether a value makes the clause true is left
// to the engine: witness-contexts.ts evaluates every candidate with the compiled condition.
import { parseOperatorName, type OperatorInfo } from '../policy/condition-operators.js'
import type { ConditionClause } from '../policy/model.js'
import { parseDate, parseNumber } from '../policy/values.js'
import { parseTemplate } from '../engine/variables.js'
import { compileGlob, parseGlob, type GlobPart } from '../engine/wildcard.js'
import { splitArn } from '../policy/arn.js'
import { REAL_NAMES, arnGlob, arnMatcher, findArnWitness } from './arn-witness.js'
import { findGlobWitness } from './glob-witness.js'
import { ipWitnesses } from './ip-witness.js'
import { ALWAYS_PRESENT } from './realize.js'
import type { KeyAvailability } from './key-availability.js'
import {
  OUTSIDER_ACCOUNT,
  SAMPLE_TEXT,
  accountsIn,
  freeAccount,
  variableSpelling,
  sampleUserId,
  type Samples
} from './samples.js'

export interface ClauseValues {
  /** candidate single values for the clause's key (absence is always a candidate elsewhere) */
  readonly values: readonly string[]
  /** variable values the candidates assume, canonical key case */
  readonly bindings: Readonly<Record<string, string>>
}

interface Resolved {
  /** glob parts with variables substituted (wildcards only for Like/Arn operators) */
  readonly parts: readonly GlobPart[]
  readonly text: string
}

const OTHER = 'other'
/** Keys whose values are ARNs in real requests (the global condition keys page). */
const ARN_KEYS = new Set(['aws:principalarn', 'aws:sourcearn'])
/** Real regions, as witnesses outside a clause's regions (a regional resource moves with them). */
const OTHER_REGIONS = ['us-east-1', 'eu-central-1']
/** The region an ARN witness is moved to, to tell a region wildcard from a pinned region. */
const MOVED_REGION = 'eu-central-1'
/** The partition an ARN witness is moved to, to tell `arn:*:` from `arn:aws:`. */
const MOVED_PARTITION = 'aws-us-gov'
/** Keys whose values are twelve-digit account IDs in real requests. */
const ACCOUNT_KEYS = new Set(['aws:resourceaccount', 'aws:principalaccount', 'aws:sourceaccount'])
const OTHER_BINARY = 'b3RoZXI='
/** aws:PrincipalType values of IAM callers (the global condition keys page). */
const PRINCIPAL_TYPES = ['Account', 'User', 'AssumedRole', 'FederatedUser']

const partsText = (parts: readonly GlobPart[]): string =>
  parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? '*' : '?')).join('')

/** Policy values with their variables replaced by sample values; unresolvable ones dropped. */
function resolveValues(
  clause: ConditionClause,
  wildcards: boolean,
  variables: boolean,
  env: { samples: Samples; keys: KeyAvailability; bindings: Record<string, string> }
): Resolved[] {
  const out: Resolved[] = []
  next: for (const value of clause.values) {
    const template = parseTemplate(value, { variables, wildcards })
    const parts: GlobPart[] = []
    // the same value as a request without the sampled keys reads it: their defaults (§4.6)
    const byDefault: GlobPart[] = []
    let defaulted = false
    for (const part of template.parts) {
      if (part.kind !== 'variable') {
        parts.push(part)
        byDefault.push(part)
        continue
      }
      const derived = env.samples.derived(part.key)
      let text = derived
      if (text === undefined && env.keys.has(part.key) && !env.samples.absent(part.key)) {
        text = env.samples.value(part.key)
        env.bindings[variableSpelling(value, part.key)] = text
        if (part.defaultValue !== undefined) defaulted = true
      }
      const fallback = derived ?? part.defaultValue ?? text
      text ??= part.defaultValue
      if (text === undefined) continue next // never resolves for this action: never matches
      parts.push({ kind: 'text', text })
      if (fallback !== undefined) byDefault.push({ kind: 'text', text: fallback })
    }
    out.push({ parts, text: partsText(parts) })
    if (defaulted) out.push({ parts: byDefault, text: partsText(byDefault) })
  }
  return out
}

/**
 * The spellings of the keys whose variables have a default in the clause's values and that the
 * sample fills (so a context without them reads the default).
 */
export function defaultedKeys(
  clause: ConditionClause,
  variables: boolean,
  samples: Samples,
  keys: KeyAvailability
): string[] {
  if (!variables) return []
  const out: string[] = []
  for (const value of clause.values) {
    if (!value.includes('${')) continue
    for (const part of parseTemplate(value, { variables, wildcards: true }).parts) {
      if (part.kind !== 'variable' || part.defaultValue === undefined) continue
      if (samples.derived(part.key) !== undefined || !keys.has(part.key)) continue
      if (samples.absent(part.key)) continue
      out.push(variableSpelling(value, part.key))
    }
  }
  return out
}

const swapCase = (text: string): string =>
  [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('')

/**
 * A value of its type for the typed global keys a `Null` test asks to be present (the global
 * condition keys page): `aws:MultiFactorAuthPresent: example` is no request's.
 */
const PRESENT_SAMPLES: Readonly<Record<string, string>> = {
  'aws:multifactorauthpresent': 'true',
  'aws:multifactorauthage': '0',
  'aws:viaawsservice': 'false',
  'aws:assumedroot': 'true',
  'aws:tokenissuetime': '2025-12-31T23:00:00Z',
  'aws:sourceip': '192.0.2.1',
  'aws:vpcsourceip': '10.0.0.1'
}

/** A user's and a role session's aws:userid (samples.ts). */
const USER_IDS: readonly string[] = [
  sampleUserId('user', undefined, '') ?? '',
  sampleUserId('role', undefined, '') ?? ''
]

/** AWS Regions a partition's requests can name (arn-witness.ts), for aws:RequestedRegion. */
const REGIONS: readonly string[] = REAL_NAMES[3] ?? []
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d$/

/**
 * Real Regions for a clause on aws:RequestedRegion: for each value, the first two Regions it
 * matches (one besides the value itself for `us-*`), and the first Region no value matches.
 */
function regionValues(info: OperatorInfo, values: readonly Resolved[]): string[] {
  const like = info.name.includes('Like')
  const ignoreCase = info.name.includes('IgnoreCase')
  const matchers = values.map((v) =>
    compileGlob(like ? v.parts : [{ kind: 'text', text: v.text }], { ignoreCase })
  )
  // the Regions the values name, also those beyond the list (`ap-southeast-2`)
  const out = values.map((v) => v.text).filter((text) => REGION_NAME.test(text))
  for (const matches of matchers) out.push(...REGIONS.filter((r) => matches(r)).slice(0, 2))
  const outside = REGIONS.find((r) => !matchers.some((matches) => matches(r)))
  if (outside !== undefined) out.push(outside)
  return out
}

function stringValues(info: OperatorInfo, values: readonly Resolved[]): string[] {
  const like = info.name.includes('Like')
  const ignoreCase = info.name.includes('IgnoreCase')
  const globs = values.map((v) => (like ? v.parts : [{ kind: 'text', text: v.text } as const]))
  const out: string[] = []
  for (const glob of globs) {
    const inside = findGlobWitness([glob], [], { ignoreCase: false, fills: [SAMPLE_TEXT, OTHER] })
    if (inside !== undefined) out.push(inside)
    if (ignoreCase && inside !== undefined) out.push(swapCase(inside))
    // pairwise differences between patterns of one clause
    if (like && globs.length <= 8) {
      for (const other of globs) {
        if (other === glob) continue
        const diff = findGlobWitness([glob], [other], {
          ignoreCase: false,
          fills: [SAMPLE_TEXT, OTHER]
        })
        if (diff !== undefined) out.push(diff)
      }
    }
  }
  const outside = findGlobWitness([], globs, { ignoreCase, fills: [OTHER, SAMPLE_TEXT] })
  if (outside !== undefined) out.push(outside)
  return out
}

/**
 * ARN values: one inside each pattern, the same ARN moved to another region and to another
 * account where the pattern still admits it, the differences between two patterns of the clause,
 * and one outside them all. The variants matter across a change: a pattern widened from
 * `…:us-east-1:111122223333:*` to `…:*:111122223333:*` or `…:*:*:*` is first filled with the
 * same region and account as before, and only the moved ARN tells the two apart.
 */
function arnValues(values: readonly Resolved[], samples: Samples): string[] {
  const out: string[] = []
  const globs = values
    .map((v) => arnGlob(v.parts))
    .filter((g): g is Exclude<typeof g, undefined | 'any'> => g !== undefined && g !== 'any')
  for (const glob of globs) {
    const inside = findArnWitness([glob], [], { account: samples.account })
    if (inside === undefined) continue
    out.push(inside)
    const matches = arnMatcher(glob)
    for (const moved of movedArns(inside)) if (matches(moved)) out.push(moved)
    // pairwise differences between patterns of one clause (as for the string operators)
    if (globs.length <= 8) {
      for (const other of globs) {
        if (other === glob) continue
        const diff = findArnWitness([glob], [other], { account: samples.account })
        if (diff !== undefined) out.push(diff)
      }
    }
  }
  const anyArn = arnGlob(parseGlob('arn:*:*:*:*:*'))
  if (anyArn !== undefined) {
    const outside = findArnWitness([anyArn], globs, { account: OUTSIDER_ACCOUNT })
    if (outside !== undefined) out.push(outside)
  }
  return out
}

/**
 * For aws:PrincipalArn, ARNs a caller has (IAM-SEMANTICS §6): the root, a user and a role of
 * each account the clause names, the subject's and an outsider's: of each kind, the first each
 * value matches and the first no value matches. A pattern widened from `…:user/*` to `…:*`
 * needs a role there, which the generic ARN witnesses (`…:example`) are not.
 */
function principalArnValues(
  clause: ConditionClause,
  values: readonly Resolved[],
  samples: Samples,
  matcherOf: (value: Resolved) => (text: string) => boolean
): string[] {
  if (clause.key.toLowerCase() !== 'aws:principalarn') return []
  const accounts = new Set([
    ...clause.values.flatMap(accountsIn),
    samples.account,
    freeAccount(new Set(clause.values.flatMap(accountsIn)))
  ])
  const kinds = ['root', `user/${SAMPLE_TEXT}`, `role/${SAMPLE_TEXT}`]
  const ofKind = kinds.map((kind) => [...accounts].map((a) => `arn:aws:iam::${a}:${kind}`))
  const matchers = values.map(matcherOf)
  const out: string[] = []
  // the root decides alike under every policy (root-user): a user and a role matter most
  for (const matches of matchers)
    for (const arns of ofKind) {
      const inside = arns.find((arn) => matches(arn))
      if (inside !== undefined) out.push(inside)
    }
  for (const arns of ofKind) {
    const outside = arns.find((arn) => !matchers.some((matches) => matches(arn)))
    if (outside !== undefined) out.push(outside)
  }
  return out
}

/**
 * The ARN in another real region, in another account and in another partition (parts left
 * empty stay empty). The partition moves alone: one policy deployed to several partitions (a
 * template for the commercial Regions and GovCloud) grants more where its pattern opens it.
 */
function movedArns(arn: string): string[] {
  const parts = splitArn(arn)
  if (parts === undefined) return []
  const { partition, service, region, account, resource } = parts
  const join = (p: string, r: string, a: string): string =>
    `arn:${p}:${service}:${r}:${a}:${resource}`
  const out: string[] = []
  if (region !== '') {
    const moved = region === MOVED_REGION ? (OTHER_REGIONS[0] ?? region) : MOVED_REGION
    out.push(join(partition, moved, account))
  }
  if (account !== '')
    out.push(join(partition, region, account === OUTSIDER_ACCOUNT ? account : OUTSIDER_ACCOUNT))
  out.push(join(partition === MOVED_PARTITION ? 'aws' : MOVED_PARTITION, region, account))
  return out.filter((moved) => moved !== arn)
}

function numericValues(values: readonly string[]): string[] {
  return values.flatMap((v) => {
    const n = parseNumber(v)
    return n === undefined ? [] : [v, String(n - 1), String(n + 1)]
  })
}

function isoDate(ms: number): string | undefined {
  const d = new Date(ms)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}

function dateValues(values: readonly string[]): string[] {
  return values.flatMap((v) => {
    if (/^\d+$/.test(v) && v.length !== 4) {
      const seconds = Number(v)
      return [v, String(seconds - 1), String(seconds + 1)]
    }
    const ms = parseDate(v)
    if (ms === undefined) return []
    const around = [isoDate(ms - 1000), isoDate(ms + 1000)].filter((x) => x !== undefined)
    return [v, ...around]
  })
}

function familyValues(
  info: OperatorInfo,
  clause: ConditionClause,
  resolved: () => Resolved[],
  samples: Samples
): string[] {
  switch (info.family) {
    case 'string':
      // an ARN-valued key under a string operator still needs ARNs a real request can carry
      // (a twelve-digit account, realize.ts), besides the plain string witnesses
      // (a twelve-digit account, realize.ts), besides the plain string witnesses; an
      // account-valued key needs a real other account as its outside value
      if (ARN_KEYS.has(clause.key.toLowerCase()))
        return [
          ...arnValues(resolved(), samples),
          ...stringValues(info, resolved()),
          ...principalArnValues(clause, resolved(), samples, (v) =>
            compileGlob(v.parts, { ignoreCase: info.name.includes('IgnoreCase') })
          )
        ]
      if (ACCOUNT_KEYS.has(clause.key.toLowerCase()))
        return [
          ...stringValues(info, resolved()),
          samples.account,
          OUTSIDER_ACCOUNT,
          // an account the clause does not name, when it names the outsider's
          freeAccount(new Set(clause.values.flatMap(accountsIn)))
        ]
      // the principal types AWS sends: a witness of one moves the caller to a principal of it
      if (clause.key.toLowerCase() === 'aws:principaltype')
        return [...stringValues(info, resolved()), ...PRINCIPAL_TYPES]
      // a role ID as a session sends it (`AROA…:session`): a bare one is no caller's (realize.ts)
      // and an ID of each kind, which moves the caller to a user or a role session (realize.ts):
      // `AIDA*` removed lets role sessions in
      if (clause.key.toLowerCase() === 'aws:userid')
        return [
          ...stringValues(info, resolved()).map((id) =>
            /^AROA[^:]*$/.test(id) ? `${id}:${SAMPLE_TEXT}` : id
          ),
          ...USER_IDS
        ]
      // Region names: the sample fills of `us-*` (`usexample`) are no Region, and realize.ts
      // drops them
      if (clause.key.toLowerCase() === 'aws:requestedregion')
        return [...regionValues(info, resolved()), ...OTHER_REGIONS]
      return stringValues(info, resolved())
    case 'arn':
      return [
        ...arnValues(resolved(), samples),
        ...principalArnValues(clause, resolved(), samples, (v) => {
          const glob = arnGlob(v.parts)
          return glob === undefined ? () => false : glob === 'any' ? () => true : arnMatcher(glob)
        })
      ]
    case 'numeric':
      return numericValues(clause.values)
    case 'date':
      return dateValues(clause.values)
    case 'bool':
      return ['true', 'false']
    case 'binary':
      return [...clause.values, OTHER_BINARY]
    case 'ip':
      return clause.values.flatMap(ipWitnesses)
    case 'null':
      // a key AWS always sends is present when left out (realize.ts): a sample value would
      // only move the caller, or be one no request carries (`aws:SecureTransport=example`)
      if (ALWAYS_PRESENT.has(clause.key.toLowerCase())) return []
      // the caller's account: another value moves the caller (realize.ts)
      if (clause.key.toLowerCase() === 'kms:calleraccount') return [samples.account]
      return [PRESENT_SAMPLES[clause.key.toLowerCase()] ?? SAMPLE_TEXT]
  }
}

/** Candidate values for one clause (duplicates removed, first occurrence kept). */
export function clauseValues(
  clause: ConditionClause,
  variables: boolean,
  samples: Samples,
  keys: KeyAvailability
): ClauseValues {
  const parsed = parseOperatorName(clause.base)
  if (parsed.kind !== 'ok') return { values: [OTHER], bindings: {} }
  const { info } = parsed.operator
  const bindings: Record<string, string> = {}
  const wildcards = info.family === 'arn' || info.name.includes('Like')
  const resolved = (): Resolved[] =>
    resolveValues(clause, wildcards, variables && info.variables, { samples, keys, bindings })
  const values = familyValues(info, clause, resolved, samples)
  return { values: [...new Set(values)], bindings }
}
