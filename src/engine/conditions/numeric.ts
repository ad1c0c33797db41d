// Numeric* operators (IAM-SEMANTICS §4.2): integers or decimals compared by value (`10.0` =
// `10`), exactly even past double precision. No policy variables (§4.6). Request values are
// parsed once per request.
import type { OperatorInfo } from '../../policy/condition-operators.js'
import { compareDecimalText, EXACT_DOUBLE_DIGITS, scanNumber } from '../../policy/values.js'
import type { ConditionOperator, PolicyValues } from './operator.js'
import { numbersOf } from './parsed-value.js'

/** Whether `request ⋄ policy` holds, given sign(request − policy). */
export type Comparison = (sign: number) => boolean

/** The comparison an operator name asks for (shared with Date*: same suffixes). */
export function comparisonFor(info: OperatorInfo): Comparison {
  const suffix = info.name.replace(/^(?:Numeric|Date)/, '')
  switch (suffix) {
    case 'LessThan':
      return (s) => s < 0
    case 'LessThanEquals':
      return (s) => s <= 0
    case 'GreaterThan':
      return (s) => s > 0
    case 'GreaterThanEquals':
      return (s) => s >= 0
    // NotEquals is the negation of Equals, applied by modifiers.ts (§4.1)
    case 'Equals':
    case 'NotEquals':
      return (s) => s === 0
    default:
      throw new Error(`no comparison for operator ${info.name}`)
  }
}

interface PolicyNumber {
  readonly text: string
  readonly value: number
  /** few enough digits for the double comparison to be exact */
  readonly exact: boolean
}

export const NUMERIC_OPERATOR: ConditionOperator = {
  family: 'numeric',
  expects: 'a number',
  compile(info, values) {
    const holds = comparisonFor(info)
    const numbers: PolicyNumber[] = []
    for (const text of values) {
      const digits = scanNumber(text)
      // the parser rejected non-numbers; any that slipped through never match
      if (digits >= 0) {
        numbers.push({ text, value: Number(text), exact: digits <= EXACT_DOUBLE_DIGITS })
      }
    }
    const tester: PolicyValues = {
      test(value, index) {
        const parsed = numbersOf(value)
        const digits = parsed[2 * index + 1] ?? -1
        if (digits < 0) return 'unparsable'
        const number = parsed[2 * index] ?? NaN
        const exact = digits <= EXACT_DOUBLE_DIGITS
        for (let i = 0; i < numbers.length; i++) {
          const n = numbers[i]
          if (n === undefined) continue
          const sign =
            exact && n.exact
              ? Math.sign(number - n.value)
              : compareDecimalText(value.values[index] ?? '', n.text)
          if (holds(sign)) return 'match'
        }
        return 'no-match'
      }
    }
    return { fixed: tester, bind: () => tester }
  }
}
