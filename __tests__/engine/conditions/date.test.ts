// Date* operators, table-driven (IAM-SEMANTICS §4.2, §4.5, §6, §7.7).
import { describe, expect, it } from '@jest/globals'
import type { Row } from './run-condition.js'
import { rowName, runCondition } from './run-condition.js'

const T = 'aws:CurrentTime'
const E = 'aws:EpochTime'

const rows: Row[] = [
  // IAM-SEMANTICS §4.2: ISO 8601 compared as instants
  ['§4.2', 'DateLessThan', T, '2020-06-01T00:00:00Z', { [T]: '2020-05-31T23:59:59Z' }, true],
  ['§4.2', 'DateLessThan', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T00:00:00Z' }, false],
  ['§4.2', 'DateLessThanEquals', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T00:00:00Z' }, true],
  ['§4.2', 'DateGreaterThan', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T00:00:01Z' }, true],
  ['§4.2', 'DateGreaterThan', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T00:00:00Z' }, false],
  [
    '§4.2',
    'DateGreaterThanEquals',
    T,
    '2020-06-01T00:00:00Z',
    { [T]: '2020-06-01T00:00:00Z' },
    true
  ],
  ['§4.2', 'DateEquals', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T02:00:00+02:00' }, true],
  ['§4.2', 'DateEquals', T, '2020-06-01T00:00:00Z', { [T]: '2020-05-31T19:30-04:30' }, true],
  ['§4.2', 'DateNotEquals', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T02:00:00+02:00' }, false],
  ['§4.2', 'DateNotEquals', T, '2020-06-01T00:00:00Z', { [T]: '2020-06-01T00:00:01Z' }, true],
  ['§4.1', 'DateNotEquals', T, ['2020-06-01', '2021-06-01'], { [T]: '2021-06-01' }, false],
  // IAM-SEMANTICS §4.2: fractional seconds compare precisely
  ['§4.2', 'DateLessThan', T, '2020-06-01T00:00:00.5Z', { [T]: '2020-06-01T00:00:00.499Z' }, true],
  ['§4.2', 'DateLessThan', T, '2020-06-01T00:00:00.5Z', { [T]: '2020-06-01T00:00:00.500Z' }, false],
  [
    '§4.2',
    'DateLessThan',
    T,
    '2020-06-01T00:00:00.0002Z',
    { [T]: '2020-06-01T00:00:00.0001Z' },
    true
  ],
  // IAM-SEMANTICS §4.2, §7.7: reduced forms; date-only = midnight UTC
  ['§7.7', 'DateEquals', T, '2020-06-01', { [T]: '2020-06-01T00:00:00Z' }, true],
  ['§4.2', 'DateEquals', T, '2020-06', { [T]: '2020-06-01T00:00:00Z' }, true],
  ['§4.2', 'DateEquals', T, '2020', { [T]: '2020-01-01T00:00Z' }, true],
  ['§7.7', 'DateGreaterThanEquals', T, '2020-06-01', { [T]: '2020-05-31T23:00:00-02:00' }, true],
  // IAM-SEMANTICS §4.2: epoch seconds on either side
  ['§4.2', 'DateEquals', E, '1590969600', { [E]: '2020-06-01T00:00:00Z' }, true],
  ['§4.2', 'DateEquals', T, '2020-06-01T00:00:00Z', { [T]: 1590969600 }, true],
  ['§4.2', 'DateLessThan', E, '1590969600', { [E]: '1590969599' }, true],
  ['§4.2', 'DateGreaterThan', E, '2020-06-01', { [E]: 1590969601 }, true],
  ['§4.2', 'DateEquals', E, '0', { [E]: '1970-01-01T00:00:00Z' }, true],
  // IAM-SEMANTICS §4.5 [UNCERTAIN]: unparsable request value fails the comparison
  [
    '§4.5',
    'DateLessThan',
    T,
    '2020-06-01',
    { [T]: 'yesterday' },
    false,
    ['context-value-unparsable']
  ],
  [
    '§4.5',
    'DateNotEquals',
    T,
    '2020-06-01',
    { [T]: '2020-13-01' },
    false,
    ['context-value-unparsable']
  ],
  [
    '§4.5',
    'DateEquals',
    T,
    '2020-06-01',
    { [T]: '2020-02-30' },
    false,
    ['context-value-unparsable']
  ],
  [
    '§4.5',
    'DateEquals',
    T,
    '2020-06-01',
    { [T]: '2020-06-01 00:00:00Z' },
    false,
    ['context-value-unparsable']
  ],
  // IAM-SEMANTICS §6: aws:CurrentTime is never invented
  ['§6', 'DateLessThan', T, '2999-01-01', {}, false],
  ['§6', 'DateGreaterThan', T, '1970-01-01', undefined, false]
]

describe('Date* operators', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    const [, operator, key, values, context, expected, issues = []] = row
    const outcome = runCondition(operator, key, values, context)
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual(issues)
  })
})
