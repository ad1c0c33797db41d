// The table of condition operators IAM accepts (IAM-SEMANTICS §4.2): names, families, whether
// negated, and whether policy variables are substituted in their values. Pure data shared by
// the validator (policy/) and the engine (engine/conditions/); semantics live in the engine.

export type OperatorFamily =
  'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null'

export interface OperatorInfo {
  readonly name: string
  readonly family: OperatorFamily
  /** negated operators: true when the value matches none of the policy values (§4.1) */
  readonly negated: boolean
  /** policy variables are substituted in values (§4.6) */
  readonly variables: boolean
}

const op = (
  name: string,
  family: OperatorFamily,
  negated: boolean,
  variables: boolean
): OperatorInfo => ({
  name,
  family,
  negated,
  variables
})

export const OPERATORS: readonly OperatorInfo[] = [
  op('StringEquals', 'string', false, true),
  op('StringNotEquals', 'string', true, true),
  op('StringEqualsIgnoreCase', 'string', false, true),
  op('StringNotEqualsIgnoreCase', 'string', true, true),
  op('StringLike', 'string', false, true),
  op('StringNotLike', 'string', true, true),
  op('NumericEquals', 'numeric', false, false),
  op('NumericNotEquals', 'numeric', true, false),
  op('NumericLessThan', 'numeric', false, false),
  op('NumericLessThanEquals', 'numeric', false, false),
  op('NumericGreaterThan', 'numeric', false, false),
  op('NumericGreaterThanEquals', 'numeric', false, false),
  op('DateEquals', 'date', false, false),
  op('DateNotEquals', 'date', true, false),
  op('DateLessThan', 'date', false, false),
  op('DateLessThanEquals', 'date', false, false),
  op('DateGreaterThan', 'date', false, false),
  op('DateGreaterThanEquals', 'date', false, false),
  // Bool + variables: the docs conflict (§7.2); the current condition operators page (R16)
  // lists Boolean among the operators that support policy variables, so we substitute.
  op('Bool', 'bool', false, true),
  op('BinaryEquals', 'binary', false, false),
  op('IpAddress', 'ip', false, false),
  op('NotIpAddress', 'ip', true, false),
  op('ArnEquals', 'arn', false, true),
  op('ArnLike', 'arn', false, true),
  op('ArnNotEquals', 'arn', true, true),
  op('ArnNotLike', 'arn', true, true),
  op('Null', 'null', false, false)
]

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]))

export interface ParsedOperator {
  readonly qualifier: 'ForAllValues' | 'ForAnyValue' | undefined
  readonly info: OperatorInfo
  readonly ifExists: boolean
}

export type OperatorParse =
  | { readonly kind: 'ok'; readonly operator: ParsedOperator }
  | { readonly kind: 'error'; readonly reason: 'unknown' | 'null-ifexists' }

/**
 * Splits `ForAnyValue:StringLikeIfExists` into its parts. Operator names are case-sensitive
 * ([UNCERTAIN] §4.1: we accept only the documented spelling).
 */
export function parseOperatorName(name: string): OperatorParse {
  let rest = name
  let qualifier: ParsedOperator['qualifier']
  for (const q of ['ForAllValues', 'ForAnyValue'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q
      rest = rest.slice(q.length + 1)
    }
  }
  const ifExists = rest.endsWith('IfExists')
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest
  const info = BY_NAME.get(base)
  if (!info) return { kind: 'error', reason: 'unknown' }
  if (ifExists && info.family === 'null') return { kind: 'error', reason: 'null-ifexists' }
  return { kind: 'ok', operator: { qualifier, info, ifExists } }
}

/** Every accepted spelling without qualifier, for "did you mean" suggestions. */
export function operatorNames(): string[] {
  return OPERATORS.flatMap((o) => (o.family === 'null' ? [o.name] : [o.name, `${o.name}IfExists`]))
}
