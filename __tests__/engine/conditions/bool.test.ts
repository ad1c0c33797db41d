// Bool and BinaryEquals, table-driven (IAM-SEMANTICS §4.2, §4.5, §7.2).
import { describe, expect, it } from '@jest/globals'
import type { Row } from './run-condition.js'
import { rowName, runCondition } from './run-condition.js'

const MFA = 'aws:MultiFactorAuthPresent'
const SSL = 'aws:SecureTransport'

const rows: Row[] = [
  // IAM-SEMANTICS §4.2: Bool true/false
  ['§4.2', 'Bool', SSL, 'true', { [SSL]: 'true' }, true],
  ['§4.2', 'Bool', SSL, 'true', { [SSL]: 'false' }, false],
  ['§4.2', 'Bool', SSL, 'false', { [SSL]: 'false' }, true],
  ['§4.2', 'Bool', SSL, 'false', { [SSL]: true }, false],
  ['§4.5', 'Bool', SSL, 'true', { [SSL]: true }, true],
  ['§4.1', 'Bool', SSL, ['true', 'false'], { [SSL]: 'false' }, true],
  // IAM-SEMANTICS §4.2 [UNCERTAIN]: compared case-insensitively
  ['§4.2', 'Bool', MFA, 'TRUE', { [MFA]: 'true' }, true],
  ['§4.2', 'Bool', MFA, 'true', { [MFA]: 'True' }, true],
  ['§4.2', 'Bool', MFA, 'False', { [MFA]: 'TRUE' }, false],
  // IAM-SEMANTICS §4.5 [UNCERTAIN]: a request value that is not a boolean fails
  ['§4.5', 'Bool', MFA, 'true', { [MFA]: 'yes' }, false, ['context-value-unparsable']],
  ['§4.5', 'Bool', MFA, 'false', { [MFA]: '' }, false, ['context-value-unparsable']],
  ['§4.5', 'Bool', MFA, 'true', { [MFA]: 1 }, false, ['context-value-unparsable']],
  // IAM-SEMANTICS §7.2: Bool values are not substituted (we follow R18)
  ['§7.2', 'Bool', MFA, '${aws:x}', { [MFA]: 'true', 'aws:x': 'true' }, false],
  // IAM-SEMANTICS §4.2: BinaryEquals compares decoded bytes (request value given as base64)
  [
    '§4.2',
    'BinaryEquals',
    'k',
    'QmluYXJ5VmFsdWVJbkJhc2U2NA==',
    { k: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' },
    true
  ],
  [
    '§4.2',
    'BinaryEquals',
    'k',
    'QmluYXJ5VmFsdWVJbkJhc2U2NA==',
    { k: 'QmluYXJ5VmFsdWVJbkJhc2U2NA' },
    true
  ],
  ['§4.2', 'BinaryEquals', 'k', 'QUJD', { k: 'QUJE' }, false],
  ['§4.2', 'BinaryEquals', 'k', 'QUJD', { k: 'QUI=' }, false],
  ['§4.2', 'BinaryEquals', 'k', ['QQ==', 'QUJD'], { k: 'QUJD' }, true],
  ['§4.2', 'BinaryEquals', 'k', '', { k: '' }, true],
  ['§4.5', 'BinaryEquals', 'k', 'QUJD', { k: 'not base64!' }, false, ['context-value-unparsable']],
  ['§4.5', 'BinaryEquals', 'k', 'QUJD', { k: 'QUJD=' }, false, ['context-value-unparsable']]
]

describe('Bool and BinaryEquals', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    const [, operator, key, values, context, expected, issues = []] = row
    const outcome = runCondition(operator, key, values, context)
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual(issues)
  })
})
