// Condition blocks (IAM-SEMANTICS §2, §4): `{ operator: { key: value | [values] } }` becomes one
// ConditionClause per operator/key pair. Unknown operators, `NullIfExists` and values that do not
// fit the operator's family make the policy invalid (§2: they change meaning if read leniently).
import { quote } from '../diagnostics/quote.js'
import { suggest } from '../diagnostics/suggest.js'
import { operatorNames, parseOperatorName, type ParsedOperator } from './condition-operators.js'
import type { JsonEntry } from './located-json.js'
import type { ConditionClause } from './model.js'
import { conditionValues, type ConditionValue } from './normalize.js'
import { describeNode, didYouMean, keyOf, type PolicyContext } from './validate-context.js'
import { checkConditionValue, holdsPolicyVariable } from './values.js'

const QUALIFIERS = ['ForAllValues', 'ForAnyValue']
const OPERATOR_NAMES = operatorNames()

export function readConditions(
  ctx: PolicyContext,
  entry: JsonEntry | undefined
): ConditionClause[] {
  if (!entry) return []
  const node = entry.value
  if (node.kind !== 'object') {
    const message = `\`Condition\` must be an object, not ${describeNode(node)}`
    ctx.report('condition-not-object', node, message)
    return []
  }
  return node.entries.flatMap((block) => readOperatorBlock(ctx, block))
}

function readOperatorBlock(ctx: PolicyContext, block: JsonEntry): ConditionClause[] {
  const operator = readOperator(ctx, block)
  const node = block.value
  if (node.kind !== 'object') {
    const message = `operator ${quote(block.key)} must map condition keys to values, not ${describeNode(node)}`
    ctx.report('condition-not-object', node, message)
    return []
  }
  const clauses: ConditionClause[] = []
  for (const keyEntry of node.entries) {
    const keyOk = checkKey(ctx, keyEntry)
    const values = conditionValues(ctx, keyEntry)
    if (!operator || !values) continue
    const valuesOk = checkValues(ctx, block.key, operator, values)
    if (!keyOk || !valuesOk) continue
    clauses.push({
      operator: block.key,
      qualifier: operator.qualifier,
      base: operator.info.name,
      ifExists: operator.ifExists,
      key: keyEntry.key,
      values: values.map((v) => v.text),
      pointer: ctx.pointer(keyEntry.value)
    })
  }
  return clauses
}

function readOperator(ctx: PolicyContext, block: JsonEntry): ParsedOperator | undefined {
  const parsed = parseOperatorName(block.key)
  if (parsed.kind === 'ok') return parsed.operator
  if (parsed.reason === 'null-ifexists') {
    const message = `invalid condition operator ${quote(block.key)}: \`Null\` takes no \`IfExists\` suffix`
    ctx.report('condition-operator-null-ifexists', keyOf(block), message)
  } else {
    const help = didYouMean(suggestOperator(block.key))
    ctx.report(
      'condition-operator-unknown',
      keyOf(block),
      `unknown condition operator ${quote(block.key)}`,
      help
    )
  }
  return undefined
}

/** Nearest valid spelling, fixing the set qualifier and the base operator separately. */
export function suggestOperator(name: string): string | undefined {
  const colon = name.indexOf(':')
  let prefix = ''
  let rest = name
  if (colon >= 0) {
    const qualifier = name.slice(0, colon)
    const fixed = QUALIFIERS.includes(qualifier)
      ? qualifier
      : suggest(qualifier, QUALIFIERS, { ignoreCase: true })
    if (fixed === undefined) return undefined
    prefix = `${fixed}:`
    rest = name.slice(colon + 1)
  }
  const base = OPERATOR_NAMES.includes(rest)
    ? rest
    : suggest(rest, OPERATOR_NAMES, { ignoreCase: true })
  const candidate = base === undefined ? undefined : `${prefix}${base}`
  return candidate === name ? undefined : candidate
}

function checkKey(ctx: PolicyContext, keyEntry: JsonEntry): boolean {
  if (keyEntry.key.trim() !== '') return true
  ctx.report('condition-key-invalid', keyOf(keyEntry), 'condition keys must not be empty')
  return false
}

function checkValues(
  ctx: PolicyContext,
  operatorName: string,
  operator: ParsedOperator,
  values: readonly ConditionValue[]
): boolean {
  let ok = true
  const substituted = ctx.variables && operator.info.variables
  for (const value of values) {
    // a value holding a policy variable is checked when evaluated (§4.6): one that resolves to
    // no value of the family matches nothing
    if (substituted && holdsPolicyVariable(value.text)) continue
    const problem = checkConditionValue(operator.info.family, value.text)
    if (problem === undefined) continue
    const message = `invalid value ${quote(value.text)} for ${quote(operatorName)}: ${problem}`
    ctx.report('condition-value-invalid', value.node, message)
    ok = false
  }
  return ok
}
