// compileCondition: one Condition clause (`operator: { key: values }`) → a matcher compiled
// once (IAM-SEMANTICS §4). Policy values are parsed here, never during evaluation.
import { parseOperatorName } from '../../policy/condition-operators.js'
import type { ConditionClause } from '../../policy/model.js'
import { compileNullCondition, compileValueCondition } from './modifiers.js'
import type { CompiledCondition } from './operator.js'
import { OPERATOR_REGISTRY } from './operator.js'

export { DISCARD_ISSUES } from './modifiers.js'
export type { CompiledCondition, IssueSink } from './operator.js'

/**
 * `variables`: the policy has Version 2012-10-17 (§4.6). The clause is assumed valid (the parser
 * rejected unknown operators and bad values); a broken invariant throws.
 */
export function compileCondition(
  clause: ConditionClause,
  options: { variables: boolean }
): CompiledCondition {
  const parsed = parseOperatorName(clause.base)
  if (parsed.kind !== 'ok') throw new Error(`unknown condition operator ${clause.operator}`)
  const { info } = parsed.operator
  if (info.family === 'null') return compileNullCondition(clause)
  const operator = OPERATOR_REGISTRY[info.family]
  const values = operator.compile(info, clause.values, options.variables && info.variables)
  return compileValueCondition({
    clause,
    negated: info.negated,
    values,
    expects: operator.expects
  })
}
