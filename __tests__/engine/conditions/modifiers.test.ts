// Missing keys, IfExists, ForAllValues/ForAnyValue, multivalued keys and Null, table-driven
// (IAM-SEMANTICS §4.1, §4.3, §4.4).
import { describe, expect, it } from '@jest/globals'
import { compileCondition } from '../../../src/engine/conditions/index.js'
import { prepareContext } from '../../../src/engine/context.js'
import type { Row } from './run-condition.js'
import { clause, rowName, runCondition } from './run-condition.js'

const MFA = 'aws:MultiFactorAuthPresent'
const IP = 'aws:SourceIp'
const TK = 'aws:TagKeys'

const missingKey: Row[] = [
  // IAM-SEMANTICS §4.3: positive operators are false when the key is absent
  ['§4.3', 'StringEquals', 'k', 'a', {}, false],
  ['§4.3', 'StringLike', 'k', '*', {}, false],
  ['§4.3', 'StringEqualsIgnoreCase', 'k', 'a', {}, false],
  ['§4.3', 'NumericLessThan', 'k', '5', {}, false],
  ['§4.3', 'DateGreaterThan', 'k', '2020-01-01', {}, false],
  ['§4.3', 'Bool', 'k', 'true', {}, false],
  ['§4.3', 'BinaryEquals', 'k', 'QQ==', {}, false],
  ['§4.3', 'IpAddress', IP, '0.0.0.0/0', {}, false],
  ['§4.3', 'ArnLike', 'k', 'arn:*:*:*:*:*', {}, false],
  ['§4.3', 'ArnEquals', 'k', 'arn:aws:s3:::b', {}, false],
  // IAM-SEMANTICS §4.3: the eight negated operators are true when the key is absent
  ['§4.3', 'StringNotEquals', 'k', 'a', {}, true],
  ['§4.3', 'StringNotEqualsIgnoreCase', 'k', 'a', {}, true],
  ['§4.3', 'StringNotLike', 'k', '*', {}, true],
  ['§4.3', 'NumericNotEquals', 'k', '5', {}, true],
  ['§4.3', 'DateNotEquals', 'k', '2020-01-01', {}, true],
  ['§4.3', 'NotIpAddress', IP, '10.0.0.0/8', {}, true],
  ['§4.3', 'ArnNotEquals', 'k', 'arn:aws:s3:::b', {}, true],
  ['§4.3', 'ArnNotLike', 'k', 'arn:aws:s3:::*', {}, true],
  // IAM-SEMANTICS §4.3: every …IfExists is true when the key is absent
  ['§4.3', 'StringEqualsIfExists', 'k', 'a', {}, true],
  ['§4.3', 'StringNotEqualsIfExists', 'k', 'a', {}, true],
  ['§4.3', 'NumericLessThanIfExists', 'k', '5', {}, true],
  ['§4.3', 'DateLessThanIfExists', 'k', '2020', {}, true],
  ['§4.3', 'IpAddressIfExists', IP, '10.0.0.0/8', {}, true],
  ['§4.3', 'ArnLikeIfExists', 'k', 'arn:*', {}, true],
  ['§4.3', 'BinaryEqualsIfExists', 'k', 'QQ==', {}, true],
  // IAM-SEMANTICS §4.3: with the key present, IfExists changes nothing
  ['§4.3', 'StringEqualsIfExists', 'k', 'a', { k: 'b' }, false],
  ['§4.3', 'StringEqualsIfExists', 'k', 'a', { k: 'a' }, true],
  ['§4.3', 'StringNotEqualsIfExists', 'k', 'a', { k: 'a' }, false],
  ['§4.3', 'NumericLessThanIfExists', 'k', '5', { k: '7' }, false],
  ['§4.3', 'NumericLessThanIfExists', 'k', '5', { k: 'x' }, false, ['context-value-unparsable']],
  // IAM-SEMANTICS §4.3 documented consequences: Deny + Bool MFA false does not apply when absent…
  ['§4.3', 'Bool', MFA, 'false', {}, false],
  ['§4.3', 'Bool', MFA, 'false', { [MFA]: 'false' }, true],
  // …while BoolIfExists does
  ['§4.3', 'BoolIfExists', MFA, 'false', {}, true],
  ['§4.3', 'BoolIfExists', MFA, 'false', { [MFA]: 'true' }, false],
  // …and NotIpAddress on a missing aws:SourceIp (VPC endpoint traffic) is true
  ['§4.3', 'NotIpAddress', IP, ['192.0.2.0/24', '203.0.113.0/24'], {}, true],
  ['§4.3', 'NotIpAddress', IP, ['192.0.2.0/24', '203.0.113.0/24'], { [IP]: '203.0.113.7' }, false],
  // IAM-SEMANTICS §4.1: key lookup is case-insensitive, so a differently cased key is present
  ['§4.1', 'StringNotEquals', 'AWS:SOURCEVPC', 'vpc-1', { 'aws:SourceVpc': 'vpc-1' }, false]
]

const setOperators: Row[] = [
  // IAM-SEMANTICS §4.4: ForAllValues — absent → true, [] → true, else every value ok
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], {}, true],
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], { [TK]: [] }, true],
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], { [TK]: ['a'] }, true],
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], { [TK]: ['b', 'a', 'a'] }, true],
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], { [TK]: ['a', 'c'] }, false],
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], { [TK]: 'a' }, true],
  ['§4.4', 'ForAllValues:StringEquals', TK, ['a', 'b'], { [TK]: 'c' }, false],
  ['§4.4', 'ForAllValues:StringNotEquals', TK, ['x'], { [TK]: ['a', 'b'] }, true],
  ['§4.4', 'ForAllValues:StringNotEquals', TK, ['x'], { [TK]: ['a', 'x'] }, false],
  ['§4.4', 'ForAllValues:StringNotEquals', TK, ['x'], {}, true],
  ['§4.4', 'ForAllValues:StringLike', TK, ['team-*'], { [TK]: ['team-a', 'team-b'] }, true],
  ['§4.4', 'ForAllValues:StringLike', TK, ['team-*'], { [TK]: ['team-a', 'cost'] }, false],
  ['§4.4', 'ForAllValues:NumericLessThan', 'k', '10', { k: ['1', '2', '9.5'] }, true],
  ['§4.4', 'ForAllValues:NumericLessThan', 'k', '10', { k: ['1', '10'] }, false],
  // IAM-SEMANTICS §4.4: ForAnyValue — absent → false (even negated), [] → false, else some value ok
  ['§4.4', 'ForAnyValue:StringEquals', TK, ['a', 'b'], {}, false],
  ['§4.4', 'ForAnyValue:StringNotEquals', TK, ['a', 'b'], {}, false],
  ['§4.4', 'ForAnyValue:StringEquals', TK, ['a', 'b'], { [TK]: [] }, false],
  ['§4.4', 'ForAnyValue:StringNotEquals', TK, ['a', 'b'], { [TK]: [] }, false],
  ['§4.4', 'ForAnyValue:StringEquals', TK, ['a', 'b'], { [TK]: ['c', 'b'] }, true],
  ['§4.4', 'ForAnyValue:StringEquals', TK, ['a', 'b'], { [TK]: ['c', 'd'] }, false],
  ['§4.4', 'ForAnyValue:StringEquals', TK, ['a', 'b'], { [TK]: 'b' }, true],
  // the common pattern: Deny + ForAnyValue:StringNotEquals aws:TagKeys [approved…]
  ['§4.4', 'ForAnyValue:StringNotEquals', TK, ['env', 'team'], { [TK]: ['env', 'team'] }, false],
  ['§4.4', 'ForAnyValue:StringNotEquals', TK, ['env', 'team'], { [TK]: ['env', 'rogue'] }, true],
  ['§4.4', 'ForAnyValue:StringNotEquals', TK, ['env', 'team'], { [TK]: 'rogue' }, true],
  ['§4.4', 'ForAnyValue:IpAddress', 'k', '10.0.0.0/8', { k: ['192.0.2.1', '10.1.2.3'] }, true],
  ['§4.4', 'ForAnyValue:NotIpAddress', 'k', '10.0.0.0/8', { k: ['10.0.0.1', '10.1.2.3'] }, false],
  // IAM-SEMANTICS §4.4 [UNCERTAIN]: ForAnyValue:…IfExists with key absent → true; ForAllValues adds nothing
  ['§4.4', 'ForAnyValue:StringEqualsIfExists', TK, 'a', {}, true],
  ['§4.4', 'ForAnyValue:StringEqualsIfExists', TK, 'a', { [TK]: ['b'] }, false],
  ['§4.4', 'ForAnyValue:StringEqualsIfExists', TK, 'a', { [TK]: [] }, false],
  ['§4.4', 'ForAllValues:StringEqualsIfExists', TK, 'a', {}, true],
  ['§4.4', 'ForAllValues:StringEqualsIfExists', TK, 'a', { [TK]: ['a', 'b'] }, false],
  // IAM-SEMANTICS §4.4, §4.5: an unparsable member fails its own comparison and is reported
  [
    '§4.4',
    'ForAnyValue:NumericEquals',
    'k',
    '1',
    { k: ['x', '1'] },
    true,
    ['context-value-unparsable']
  ],
  [
    '§4.4',
    'ForAllValues:NumericNotEquals',
    'k',
    '1',
    { k: ['2', 'x'] },
    false,
    ['context-value-unparsable']
  ]
]

const multivalued: Row[] = [
  // IAM-SEMANTICS §4.4 [UNCERTAIN]: a list without a set qualifier → false, also when negated
  ['§4.4', 'StringEquals', TK, 'a', { [TK]: ['a'] }, false, ['multivalued-without-qualifier']],
  ['§4.4', 'StringEquals', TK, 'a', { [TK]: ['a', 'b'] }, false, ['multivalued-without-qualifier']],
  [
    '§4.4',
    'StringNotEquals',
    TK,
    'a',
    { [TK]: ['b', 'c'] },
    false,
    ['multivalued-without-qualifier']
  ],
  ['§4.4', 'StringNotEquals', TK, 'a', { [TK]: [] }, false, ['multivalued-without-qualifier']],
  [
    '§4.4',
    'StringEqualsIfExists',
    TK,
    'a',
    { [TK]: ['a'] },
    false,
    ['multivalued-without-qualifier']
  ],
  [
    '§4.4',
    'NotIpAddress',
    IP,
    '10.0.0.0/8',
    { [IP]: ['192.0.2.1'] },
    false,
    ['multivalued-without-qualifier']
  ],
  ['§4.4', 'Bool', MFA, 'true', { [MFA]: [true] }, false, ['multivalued-without-qualifier']]
]

const nullOperator: Row[] = [
  // IAM-SEMANTICS §4.2, §4.3: Null "true" ⇔ key absent, "false" ⇔ key present
  ['§4.3', 'Null', 'aws:TokenIssueTime', 'true', {}, true],
  [
    '§4.3',
    'Null',
    'aws:TokenIssueTime',
    'true',
    { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' },
    false
  ],
  ['§4.3', 'Null', 'aws:TokenIssueTime', 'false', {}, false],
  ['§4.3', 'Null', 'aws:TokenIssueTime', 'false', { 'aws:tokenissuetime': 'x' }, true],
  ['§4.3', 'Null', 'k', 'TRUE', {}, true],
  ['§4.3', 'Null', 'k', 'false', { k: '' }, true],
  ['§4.3', 'Null', 'k', ['true', 'false'], {}, true],
  ['§4.3', 'Null', 'k', ['true', 'false'], { k: 'v' }, true],
  // IAM-SEMANTICS §4.4 [UNCERTAIN]: an empty list counts as absent for Null
  ['§4.4', 'Null', TK, 'true', { [TK]: [] }, true],
  ['§4.4', 'Null', TK, 'false', { [TK]: [] }, false],
  ['§4.4', 'Null', TK, 'false', { [TK]: ['a'] }, true],
  // Null is an existence test: multivalued values raise no issue, qualifiers do not change it
  ['§4.4', 'ForAnyValue:Null', TK, 'false', { [TK]: ['a'] }, true],
  ['§4.4', 'ForAllValues:Null', TK, 'true', {}, true]
]

function check(row: Row): void {
  const [, operator, key, values, context, expected, issues = []] = row
  const outcome = runCondition(operator, key, values, context)
  expect(outcome.result).toBe(expected)
  expect(outcome.issues).toEqual(issues)
}

describe('condition modifiers', () => {
  it.each(missingKey.map((r) => [rowName(r), r] as const))('missing key: %s', (_n, r) => check(r))
  it.each(setOperators.map((r) => [rowName(r), r] as const))('set operator: %s', (_n, r) =>
    check(r)
  )
  it.each(multivalued.map((r) => [rowName(r), r] as const))('multivalued: %s', (_n, r) => check(r))
  it.each(nullOperator.map((r) => [rowName(r), r] as const))('Null: %s', (_n, r) => check(r))

  it('explains a multivalued value without qualifier in one lowercase line', () => {
    const outcome = runCondition('StringEquals', TK, 'a', { [TK]: ['a'] })
    expect(outcome.messages).toEqual([
      'condition `StringEquals` `aws:TagKeys`: the context value is a list but the operator has no `ForAllValues:` or `ForAnyValue:` qualifier: the condition is false'
    ])
  })

  it('keeps messages on one line and short', () => {
    const outcome = runCondition('NumericEquals', 'k', '1', { k: `a\nb${'x'.repeat(200)}` })
    expect(outcome.messages).toHaveLength(1)
    expect(outcome.messages[0]).not.toMatch(/\n/)
    expect(outcome.messages[0]).toContain('`a\\u000ab')
    expect(outcome.messages[0]?.length).toBeLessThan(220)
  })

  it('compiles once and evaluates against many contexts', () => {
    const condition = compileCondition(clause('StringLike', 'k', 'a*'), { variables: true })
    const sink = (): void => undefined
    expect(condition.evaluate(prepareContext({ k: 'ab' }), sink)).toBe(true)
    expect(condition.evaluate(prepareContext({ k: 'b' }), sink)).toBe(false)
    expect(condition.evaluate(prepareContext({}), sink)).toBe(false)
  })

  it('throws on an operator the parser would have rejected', () => {
    expect(() => compileCondition(clause('StringEqual', 'k', 'a'), { variables: true })).toThrow(
      'unknown condition operator StringEqual'
    )
  })
})
