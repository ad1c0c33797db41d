// ForAllValues / ForAnyValue / …IfExists / Null and the missing-key rules (IAM-SEMANTICS §4.3,
// §4.4), applied the same way to every family. Negated operators are NOT(any positive match)
// per request value (§4.1). Every documented choice sits in one named function below.
import type { ConditionClause, SetQualifier } from '../../policy/model.js'
import { parseBool } from '../../policy/values.js'
import type { ContextValue, PreparedContext } from '../context.js'
import type { CompiledCondition, CompiledValues, IssueSink, PolicyValues } from './operator.js'

/** §4.3 / §4.4: the condition's value when the key is absent from the context. */
export function absentKeyResult(
  qualifier: SetQualifier | undefined,
  ifExists: boolean,
  negated: boolean
): boolean {
  if (ifExists) return true
  if (qualifier === 'ForAllValues') return true
  if (qualifier === 'ForAnyValue') return false
  return negated
}

/** §4.4: the condition's value when the key is an empty list (`[]`) under a set qualifier. */
export function emptyListResult(qualifier: SetQualifier): boolean {
  return qualifier === 'ForAllValues'
}

/**
 * [UNCERTAIN] §4.4: a multivalued context value (any array, even `[]` or one element) met by an
 * operator without ForAllValues/ForAnyValue makes the condition false, negated or not.
 */
export function multivaluedWithoutQualifierResult(): boolean {
  return false
}

/**
 * [UNCERTAIN] §4.5: a request value the family cannot read (non-numeric for Numeric…) fails its
 * comparison: it satisfies neither the operator nor its negation.
 */
export function unparsableValueResult(): boolean {
  return false
}

/** [UNCERTAIN] §4.4: for Null, an empty list counts as absent. */
export function isAbsentForNull(value: ContextValue | undefined): boolean {
  return value === undefined || value.values.length === 0
}

const MAX_QUOTED = 120

/** A user value for a one-line message: control characters escaped, long values cut. */
export function quoteValue(text: string): string {
  const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text
  // eslint-disable-next-line no-control-regex -- a fixed pattern that finds control characters
  return `\`${cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\``
}

export interface ValueClause {
  readonly clause: ConditionClause
  readonly negated: boolean
  readonly values: CompiledValues
  /** what a request value must be ("a number"), for messages */
  readonly expects: string
}

class ValueCondition implements CompiledCondition {
  private readonly key: string
  private readonly label: string

  constructor(private readonly spec: ValueClause) {
    this.key = spec.clause.key.toLowerCase()
    this.label = `condition ${quoteValue(spec.clause.operator)} ${quoteValue(spec.clause.key)}`
  }

  evaluate(context: PreparedContext, issues: IssueSink): boolean {
    const { clause } = this.spec
    const value = context.get(this.key)
    if (value === undefined)
      return absentKeyResult(clause.qualifier, clause.ifExists, this.spec.negated)
    if (clause.qualifier === undefined) {
      if (value.multi) {
        issues(
          'multivalued-without-qualifier',
          `${this.label}: the context value is a list but the operator has no \`ForAllValues:\` or \`ForAnyValue:\` qualifier: the condition is false`
        )
        return multivaluedWithoutQualifierResult()
      }
      const policy = this.spec.values.bind(context, issues, this.label)
      return this.ok(value.values[0] ?? '', issues, policy)
    }
    if (value.values.length === 0) return emptyListResult(clause.qualifier)
    const policy = this.spec.values.bind(context, issues, this.label)
    const all = clause.qualifier === 'ForAllValues'
    for (let i = 0; i < value.values.length; i++) {
      if (this.ok(value.values[i] ?? '', issues, policy) !== all) return !all
    }
    return all
  }

  /** ok(r) of §4.4: the base operator on one request value (OR, or NOR when negated). */
  private ok(requestValue: string, issues: IssueSink, policy: PolicyValues): boolean {
    const verdict = policy.test(requestValue)
    if (verdict === 'unparsable') {
      issues(
        'context-value-unparsable',
        `${this.label}: context value ${quoteValue(requestValue)} is not ${this.spec.expects}: the comparison is false`
      )
      return unparsableValueResult()
    }
    return this.spec.negated ? verdict === 'no-match' : verdict === 'match'
  }
}

export function compileValueCondition(spec: ValueClause): CompiledCondition {
  return new ValueCondition(spec)
}

/**
 * Null (§4.2, §4.3): "true" holds when the key is absent, "false" when it is present; several
 * values are ORed. Set qualifiers do not change an existence test, so they are ignored.
 */
export function compileNullCondition(clause: ConditionClause): CompiledCondition {
  const key = clause.key.toLowerCase()
  const wanted = clause.values.map(parseBool)
  const whenAbsent = wanted.includes(true)
  const whenPresent = wanted.includes(false)
  return {
    evaluate: (context) => (isAbsentForNull(context.get(key)) ? whenAbsent : whenPresent)
  }
}
