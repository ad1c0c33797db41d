// The interface every condition-operator family implements, and the registry by family
// (STYLE habit 7). A family compiles the policy values of one clause once; evaluation then
// tests request values against them. Qualifiers, IfExists, missing keys and negation are
// applied uniformly in modifiers.ts, so a family only answers "does any policy value match?".
import type { OperatorFamily, OperatorInfo } from '../../policy/condition-operators.js'
import type { ContextValue, PreparedContext } from '../context.js'
import type { EvalIssueCode } from '../types.js'
import { ARN_OPERATOR } from './arn.js'
import { BINARY_OPERATOR, BOOL_OPERATOR } from './bool.js'
import { DATE_OPERATOR } from './date.js'
import { IP_OPERATOR } from './ip.js'
import { NUMERIC_OPERATOR } from './numeric.js'
import { STRING_OPERATOR } from './string.js'

export type IssueSink = (code: EvalIssueCode, message: string) => void

/**
 * One request value against the clause's policy values: some value matched, none did, or the
 * request value cannot be read for this family (§4.5).
 */
export type Verdict = 'match' | 'no-match' | 'unparsable'

/**
 * Policy values ready to test request values, one at a time: `value.values[index]`. The value
 * itself is passed so families can use its cached parsed forms (parsed-value.ts).
 */
export interface PolicyValues {
  test(value: ContextValue, index: number): Verdict
}

/** Compiled policy values of one clause. */
export interface CompiledValues {
  /** the values when they hold no policy variable (bind would always return them) */
  readonly fixed: PolicyValues | undefined
  /**
   * The values for this context. Static values return the same object every time; values
   * with policy variables are resolved here (an unresolvable one never matches, §4.6) and
   * report 'variable-unresolved' through `issues`.
   */
  bind(context: PreparedContext, issues: IssueSink, label: string): PolicyValues
}

export interface ConditionOperator {
  readonly family: OperatorFamily
  /** what a request value must be, for 'context-value-unparsable' messages ("a number") */
  readonly expects: string
  /** `variables`: the policy has Version 2012-10-17 and the operator substitutes variables */
  compile(info: OperatorInfo, values: readonly string[], variables: boolean): CompiledValues
}

/** Families that compare request values (Null only checks existence: modifiers.ts). */
export type ValueFamily = Exclude<OperatorFamily, 'null'>

export const OPERATOR_REGISTRY: Readonly<Record<ValueFamily, ConditionOperator>> = {
  string: STRING_OPERATOR,
  numeric: NUMERIC_OPERATOR,
  date: DATE_OPERATOR,
  bool: BOOL_OPERATOR,
  binary: BINARY_OPERATOR,
  ip: IP_OPERATOR,
  arn: ARN_OPERATOR
}

export interface CompiledCondition {
  evaluate(context: PreparedContext, issues: IssueSink): boolean
}
