// Test helper (not a test file): builds a ConditionClause from an operator as written and runs
// it against a context, collecting issue codes.
import type { SetQualifier } from '../../../src/policy/model.js'
import type { ConditionClause } from '../../../src/policy/model.js'
import { prepareContext } from '../../../src/engine/context.js'
import type { ContextInput, EvalIssueCode } from '../../../src/engine/types.js'
import { compileCondition } from '../../../src/engine/conditions/index.js'

export type Context = Record<string, ContextInput> | undefined

export function clause(operator: string, key: string, values: string | string[]): ConditionClause {
  let rest = operator
  let qualifier: SetQualifier | undefined
  for (const q of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q
      rest = rest.slice(q.length + 1)
    }
  }
  const ifExists = rest.endsWith('IfExists')
  return {
    operator,
    qualifier,
    base: ifExists ? rest.slice(0, -'IfExists'.length) : rest,
    ifExists,
    key,
    values: typeof values === 'string' ? [values] : values,
    pointer: `/Statement/0/Condition/${operator}/${key}`
  }
}

export interface Outcome {
  readonly result: boolean
  readonly issues: EvalIssueCode[]
  readonly messages: string[]
}

export function runCondition(
  operator: string,
  key: string,
  values: string | string[],
  context: Context,
  options: { variables: boolean } = { variables: true }
): Outcome {
  const condition = compileCondition(clause(operator, key, values), options)
  const issues: EvalIssueCode[] = []
  const messages: string[] = []
  const result = condition.evaluate(prepareContext(context), (code, message) => {
    issues.push(code)
    messages.push(message)
  })
  return { result, issues, messages }
}

/** A table row: spec section, operator, key, policy values, context, expected result, issues. */
export type Row = readonly [
  section: string,
  operator: string,
  key: string,
  values: string | string[],
  context: Context,
  expected: boolean,
  issues?: EvalIssueCode[]
]

export function rowName(row: Row): string {
  const [section, operator, key, values, context, expected] = row
  return `${section}: ${operator} ${key}=${JSON.stringify(values)} ctx=${JSON.stringify(context)} → ${expected}`
}
