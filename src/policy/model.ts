// The normalised policy model: what the parser produces and the engine consumes. Every
// string-or-array element is an array, `Statement` is always an array, operator names are
// split into their parts, and every statement keeps where it came from (pointer + span).
import type { Span } from '../diagnostics/diagnostic.js'

/** Where a policy is attached; decides validation rules and its place in the decision logic. */
export type PolicyKind = 'identity' | 'resource' | 'boundary' | 'session' | 'scp' | 'rcp'

export const POLICY_KINDS: readonly PolicyKind[] = [
  'identity',
  'resource',
  'boundary',
  'session',
  'scp',
  'rcp'
]

export type PolicyVersion = '2012-10-17' | '2008-10-17'

export interface Policy {
  /** file name (or case id / synthetic name) shown to users */
  readonly file: string
  readonly kind: PolicyKind
  /** undefined when the document has no Version element (policy variables are then literal) */
  readonly version: PolicyVersion | undefined
  readonly id?: string
  readonly statements: readonly Statement[]
}

/** `Action` or `NotAction` (likewise for resources): `negated` is true for the Not form. */
export interface MatchList {
  readonly negated: boolean
  /** values as written (action case is kept; matching is case-insensitive) */
  readonly values: readonly string[]
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser'

export interface PrincipalEntry {
  readonly type: PrincipalType
  /** as written; `"*"` as a whole Principal becomes { type: 'AWS', value: '*' } */
  readonly value: string
}

export interface PrincipalList {
  readonly negated: boolean
  readonly entries: readonly PrincipalEntry[]
}

export type SetQualifier = 'ForAllValues' | 'ForAnyValue'

/** One `operator: { key: values }` pair of a Condition block. */
export interface ConditionClause {
  /** the operator exactly as written, e.g. `ForAnyValue:StringNotEqualsIfExists` */
  readonly operator: string
  readonly qualifier: SetQualifier | undefined
  /** base operator without qualifier or IfExists, e.g. `StringNotEquals` */
  readonly base: string
  readonly ifExists: boolean
  /** the key as written (matching is case-insensitive) */
  readonly key: string
  /** policy values as strings (JSON booleans → "true"/"false", numbers → their text) */
  readonly values: readonly string[]
  readonly pointer: string
}

export interface Statement {
  /** position in the Statement array (0 when Statement was a single object) */
  readonly index: number
  readonly sid: string | undefined
  readonly effect: 'Allow' | 'Deny'
  readonly action: MatchList
  /** undefined only in resource-based policies that omit it (applies to the attached resource) */
  readonly resource: MatchList | undefined
  /** undefined outside resource-based policies */
  readonly principal: PrincipalList | undefined
  readonly conditions: readonly ConditionClause[]
  /** JSON Pointer of the statement object, e.g. `/Statement/2` (or `/Statement` when single) */
  readonly pointer: string
  readonly span: Span
}

export interface ParseOptions {
  /** file name used in diagnostics and statement references */
  readonly file: string
  /** the policy's kind; 'auto' = resource when any statement has Principal/NotPrincipal, else identity */
  readonly kind: PolicyKind | 'auto'
}
