// Date* operators (IAM-SEMANTICS §4.2, §7.7): W3C ISO 8601 or epoch seconds on either side,
// compared as instants. The time comes only from the request context (aws:CurrentTime is never
// invented, §6). No policy variables (§4.6). Request values are parsed once per request.
import { parseDate } from '../../policy/values.js'
import { comparisonFor } from './numeric.js'
import type { ConditionOperator, PolicyValues } from './operator.js'
import { instantsOf } from './parsed-value.js'

export const DATE_OPERATOR: ConditionOperator = {
  family: 'date',
  expects: 'an iso 8601 date or epoch seconds',
  compile(info, values) {
    const holds = comparisonFor(info)
    const instants: number[] = []
    for (const value of values) {
      const instant = parseDate(value)
      if (instant !== undefined) instants.push(instant)
    }
    const tester: PolicyValues = {
      test(value, index) {
        const instant = instantsOf(value)[index] ?? NaN
        if (Number.isNaN(instant)) return 'unparsable'
        for (let i = 0; i < instants.length; i++) {
          if (holds(Math.sign(instant - (instants[i] ?? 0)))) return 'match'
        }
        return 'no-match'
      }
    }
    return { fixed: tester, bind: () => tester }
  }
}
