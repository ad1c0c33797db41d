// Numeric* operators, table-driven (IAM-SEMANTICS §4.2, §4.5).
import { describe, expect, it } from '@jest/globals'
import type { Row } from './run-condition.js'
import { rowName, runCondition } from './run-condition.js'

const K = 's3:max-keys'

const rows: Row[] = [
  // IAM-SEMANTICS §4.2: compared by value, `10.0` = `10`
  ['§4.2', 'NumericEquals', K, '10', { [K]: '10' }, true],
  ['§4.2', 'NumericEquals', K, '10', { [K]: '10.0' }, true],
  ['§4.2', 'NumericEquals', K, '10.00', { [K]: 10 }, true],
  ['§4.2', 'NumericEquals', K, '010', { [K]: '10' }, true],
  ['§4.2', 'NumericEquals', K, '10', { [K]: '10.5' }, false],
  ['§4.2', 'NumericEquals', K, '-0', { [K]: '0' }, true],
  ['§4.2', 'NumericEquals', K, '0.5', { [K]: '.5' }, true],
  ['§4.2', 'NumericEquals', K, ['1', '2'], { [K]: '2' }, true],
  ['§4.2', 'NumericNotEquals', K, '10', { [K]: '10.0' }, false],
  ['§4.2', 'NumericNotEquals', K, '10', { [K]: '11' }, true],
  ['§4.1', 'NumericNotEquals', K, ['10', '11'], { [K]: '11' }, false],
  // IAM-SEMANTICS §4.2: request value ⋄ policy value
  ['§4.2', 'NumericLessThan', K, '10', { [K]: '9' }, true],
  ['§4.2', 'NumericLessThan', K, '10', { [K]: '10' }, false],
  ['§4.2', 'NumericLessThan', K, '10', { [K]: '-11' }, true],
  ['§4.2', 'NumericLessThanEquals', K, '10', { [K]: '10' }, true],
  ['§4.2', 'NumericLessThanEquals', K, '10', { [K]: '10.000001' }, false],
  ['§4.2', 'NumericGreaterThan', K, '10', { [K]: '10.000001' }, true],
  ['§4.2', 'NumericGreaterThan', K, '10', { [K]: '10' }, false],
  ['§4.2', 'NumericGreaterThanEquals', K, '10', { [K]: '10' }, true],
  ['§4.2', 'NumericGreaterThanEquals', K, '10', { [K]: '9.999' }, false],
  ['§4.2', 'NumericGreaterThanEquals', K, '-1.5', { [K]: '-1.25' }, true],
  ['§4.1', 'NumericLessThan', K, ['1', '100'], { [K]: '50' }, true],
  // IAM-SEMANTICS §4.2: exact beyond double precision
  ['§4.2', 'NumericGreaterThan', K, '9007199254740992', { [K]: '9007199254740993' }, true],
  ['§4.2', 'NumericEquals', K, '9007199254740992', { [K]: '9007199254740993' }, false],
  ['§4.2', 'NumericEquals', K, '0.10000000000000000001', { [K]: '0.1' }, false],
  ['§4.2', 'NumericLessThan', K, '-0.10000000000000000001', { [K]: '-0.1' }, false],
  ['§4.2', 'NumericEquals', K, '123456789012345678.000', { [K]: '0123456789012345678' }, true],
  // IAM-SEMANTICS §4.5 [UNCERTAIN]: an unparsable request value fails the comparison, negated too
  ['§4.5', 'NumericEquals', K, '10', { [K]: 'ten' }, false, ['context-value-unparsable']],
  ['§4.5', 'NumericNotEquals', K, '10', { [K]: 'ten' }, false, ['context-value-unparsable']],
  ['§4.5', 'NumericLessThan', K, '10', { [K]: '0x1' }, false, ['context-value-unparsable']],
  ['§4.5', 'NumericLessThan', K, '10', { [K]: '' }, false, ['context-value-unparsable']],
  ['§4.5', 'NumericLessThan', K, '10', { [K]: '1e1' }, false, ['context-value-unparsable']],
  ['§4.5', 'NumericLessThan', K, '10', { [K]: ' 1' }, false, ['context-value-unparsable']],
  ['§4.5', 'NumericGreaterThan', K, '10', { [K]: 'Infinity' }, false, ['context-value-unparsable']],
  // IAM-SEMANTICS §4.6: no policy variables in Numeric values
  ['§4.6', 'NumericEquals', K, '${aws:username}', { [K]: '1', 'aws:username': '1' }, false]
]

describe('Numeric* operators', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    const [, operator, key, values, context, expected, issues = []] = row
    const outcome = runCondition(operator, key, values, context)
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual(issues)
  })

  it('names the value and what was expected', () => {
    const outcome = runCondition('NumericLessThan', K, '10', { [K]: 'ten' })
    expect(outcome.messages).toEqual([
      'condition `NumericLessThan` `s3:max-keys`: context value `ten` is not a number: the comparison is false'
    ])
  })
})
