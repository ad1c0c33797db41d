// Bool and BinaryEquals, table-driven (IAM-SEMANTICS §4.2, §4.5, §7.2).
import { describe, expect, it } from '@jest/globals'
import type { Row } from './run-condition.js'
import { rowName, runCondition } from './run-condition.js'

const MFA = 'aws:MultiFactorAuthPresent'
const SSL = 'aws:SecureTransport'
const VIA = 'aws:ViaAWSService'
const UNRESOLVED = 'variable-unresolved'

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
  // IAM-SEMANTICS §7.2 resolved by R16 (condition operators page: Boolean supports policy
  // variables): the value is substituted, and one that resolves to no boolean matches nothing
  ['§7.2', 'Bool', VIA, '${aws:SecureTransport}', { [VIA]: 'true', [SSL]: 'true' }, true],
  ['§7.2', 'Bool', VIA, '${aws:SecureTransport}', { [VIA]: 'false', [SSL]: 'true' }, false],
  ['§7.2', 'Bool', VIA, '${aws:SecureTransport}', { [VIA]: 'false', [SSL]: 'FALSE' }, true],
  ['§7.2', 'BoolIfExists', VIA, '${aws:SecureTransport}', { [SSL]: 'true' }, true],
  ['§7.2', 'Bool', VIA, '${aws:SecureTransport}', { [VIA]: 'true' }, false, [UNRESOLVED]],
  ['§7.2', 'Bool', VIA, '${aws:SecureTransport}', { [VIA]: 'true', [SSL]: 'yes' }, false],
  [
    '§7.2',
    'Bool',
    VIA,
    '${aws:SecureTransport}',
    { [VIA]: 'true', [SSL]: ['true'] },
    false,
    [UNRESOLVED]
  ],
  ['§7.2', 'Bool', VIA, "${aws:SecureTransport, 'true'}", { [VIA]: 'true' }, true],
  [
    '§7.2',
    'Bool',
    VIA,
    ['${aws:SecureTransport}', 'false'],
    { [VIA]: 'false' },
    true,
    [UNRESOLVED]
  ],
  ['§7.2', 'Bool', VIA, '${aws:SecureTransport}x', { [VIA]: 'true', [SSL]: 'true' }, false],
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
