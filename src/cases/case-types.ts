// What `iam-policy-diff evaluate` prints for each case (issue 2): `{ id, decision }` for a case
// with one `request`, `{ id, decisions }` for `requests`, `decision: 'Error'` with the
// diagnostics when the case or one of its policies is invalid. `--explain` adds the reason, the
// determining statements and the evaluation issues of every decision.
import type { Severity } from '../diagnostics/codes.js'
import type { DiagnosticCode } from '../diagnostics/codes.js'
import type { DecisionEffect, DecisionReason, EvalIssueCode } from '../engine/types.js'
import type { PolicyKind } from '../policy/model.js'

/** A diagnostic as printed: the file is a case file or a policy label like `case-1:identity[0]`. */
export interface CaseDiagnostic {
  readonly code: DiagnosticCode
  readonly severity: Severity
  readonly message: string
  readonly file: string
  /** 1-based, in the case file (null when the problem has no position) */
  readonly line: number | null
  readonly column: number | null
  /** JSON Pointer relative to `file` (a policy's pointers start at the policy document) */
  readonly pointer: string
  readonly help: string | null
}

/** A statement that determined a decision. */
export interface DeterminingStatement {
  /** the policy label, e.g. `case-1:identity[0]` */
  readonly file: string
  readonly kind: PolicyKind
  readonly statementIndex: number
  readonly sid: string | null
  /** line of the statement in the case file */
  readonly line: number
  readonly pointer: string
}

export interface CaseIssue {
  readonly code: EvalIssueCode
  readonly message: string
  readonly file: string
  readonly statementIndex: number
  readonly sid: string | null
  readonly line: number
}

export interface ExplainedDecision {
  readonly decision: DecisionEffect
  readonly reason: DecisionReason
  readonly determining: readonly DeterminingStatement[]
  readonly issues: readonly CaseIssue[]
}

export interface ErrorResult {
  readonly id: string
  readonly decision: 'Error'
  readonly diagnostics: readonly CaseDiagnostic[]
}

export interface DecisionResult {
  readonly id: string
  readonly decision: DecisionEffect
}

export type ExplainedResult = { readonly id: string } & ExplainedDecision

export interface DecisionsResult {
  readonly id: string
  readonly decisions: readonly DecisionEffect[]
}

export interface ExplainedDecisionsResult {
  readonly id: string
  readonly decisions: readonly ExplainedDecision[]
}

export type CaseResult =
  ErrorResult | DecisionResult | ExplainedResult | DecisionsResult | ExplainedDecisionsResult
