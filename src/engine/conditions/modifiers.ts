// ForAllValues / ForAnyValue / …IfExists / Null and the missing-key rules (IAM-SEMANTICS §4.3,
// §4.4), applied the same way to every family. Negated operators are NOT(any positive match)
// per request value (§4.1). Every documented choice sits in one named function below.
import type { ConditionClause, SetQualifier } from '../../policy/model.js'
import { parseBool } from '../../policy/values.js'
import { getLowercase, type ContextValue, type PreparedContext } from '../context.js'
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

/**
 * The sink of the fast path, which only decides: conditions recognise it and skip building
 * messages nobody reads. Explanations pass a collecting sink.
 */
export const DISCARD_ISSUES: IssueSink = () => undefined

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
  // flat copies of the clause: evaluation reads them for every statement of every request
  private readonly key: string
  /** for messages only: built on first use (most conditions never report anything) */
  private labelText: string | undefined = undefined
  private readonly qualifier: SetQualifier | undefined
  private readonly whenAbsent: boolean
  private readonly negated: boolean
  private readonly fixed: PolicyValues | undefined

  constructor(private readonly spec: ValueClause) {
    this.key = spec.clause.key.toLowerCase()
    this.qualifier = spec.clause.qualifier
    this.whenAbsent = absentKeyResult(spec.clause.qualifier, spec.clause.ifExists, spec.negated)
    this.negated = spec.negated
    this.fixed = spec.values.fixed
  }

  evaluate(context: PreparedContext, issues: IssueSink): boolean {
    const value = getLowercase(context, this.key)
    if (value === undefined) return this.whenAbsent
    const qualifier = this.qualifier
    if (qualifier === undefined) {
      if (value.multi) {
        if (issues !== DISCARD_ISSUES) {
          issues(
            'multivalued-without-qualifier',
            `${this.label}: the context value is a list but the operator has no \`ForAllValues:\` or \`ForAnyValue:\` qualifier: the condition is false`
          )
        }
        return multivaluedWithoutQualifierResult()
      }
      return this.ok(value, 0, issues, this.fixed ?? this.bind(context, issues))
    }
    const count = value.values.length
    if (count === 0) return emptyListResult(qualifier)
    const policy = this.fixed ?? this.bind(context, issues)
    const all = qualifier === 'ForAllValues'
    for (let i = 0; i < count; i++) {
      if (this.ok(value, i, issues, policy) !== all) return !all
    }
    return all
  }

  private get label(): string {
    const { operator, key } = this.spec.clause
    return (this.labelText ??= `condition ${quoteValue(operator)} ${quoteValue(key)}`)
  }

  private bind(context: PreparedContext, issues: IssueSink): PolicyValues {
    return this.spec.values.bind(context, issues, this.label)
  }

  /** ok(r) of §4.4: the base operator on one request value (OR, or NOR when negated). */
  private ok(value: ContextValue, index: number, issues: IssueSink, policy: PolicyValues): boolean {
    const verdict = policy.test(value, index)
    if (verdict === 'unparsable') {
      if (issues !== DISCARD_ISSUES) {
        issues(
          'context-value-unparsable',
          `${this.label}: context value ${quoteValue(value.values[index] ?? '')} is not ${this.spec.expects}: the comparison is false`
        )
      }
      return unparsableValueResult()
    }
    return this.negated ? verdict === 'no-match' : verdict === 'match'
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
    evaluate: (context) => (isAbsentForNull(getLowercase(context, key)) ? whenAbsent : whenPresent)
  }
}
