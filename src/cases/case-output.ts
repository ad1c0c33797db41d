// Turns engine decisions and diagnostics into the printed case results (case-types.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { Decision, EvalIssue, StatementRef } from '../engine/types.js'
import type {
  CaseDiagnostic,
  CaseIssue,
  CaseResult,
  DeterminingStatement,
  ExplainedDecision
} from './case-types.js'

export function errorResult(id: string, diagnostics: readonly Diagnostic[]): CaseResult {
  return { id, decision: 'Error', diagnostics: diagnostics.map(caseDiagnostic) }
}

export function decisionResult(
  id: string,
  many: boolean,
  decisions: readonly Decision[],
  explain: boolean
): CaseResult {
  if (many) {
    return explain
      ? { id, decisions: decisions.map(explained) }
      : { id, decisions: decisions.map((d) => d.effect) }
  }
  const [decision] = decisions
  if (decision === undefined) throw new Error('a single-request case produced no decision')
  return explain ? { id, ...explained(decision) } : { id, decision: decision.effect }
}

export function caseDiagnostic(d: Diagnostic): CaseDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file ?? '',
    line: d.span?.line ?? null,
    column: d.span?.column ?? null,
    pointer: d.pointer,
    help: d.help ?? null
  }
}

function explained(decision: Decision): ExplainedDecision {
  return {
    decision: decision.effect,
    reason: decision.reason,
    determining: decision.determining.map(statement),
    issues: decision.issues.map(issue)
  }
}

function statement(ref: StatementRef): DeterminingStatement {
  return {
    file: ref.file,
    kind: ref.policyKind,
    statementIndex: ref.statementIndex,
    sid: ref.sid ?? null,
    line: ref.line,
    pointer: ref.pointer
  }
}

function issue(item: EvalIssue): CaseIssue {
  return {
    code: item.code,
    message: item.message,
    file: item.statement.file,
    statementIndex: item.statement.statementIndex,
    sid: item.statement.sid ?? null,
    line: item.statement.line
  }
}
