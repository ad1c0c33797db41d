// String* operators, table-driven (IAM-SEMANTICS §4.1, §4.2, §4.6).
import { describe, expect, it } from '@jest/globals'
import { compileCondition } from '../../../src/engine/conditions/index.js'
import { prepareContext } from '../../../src/engine/context.js'
import type { EvalIssueCode } from '../../../src/engine/types.js'
import type { Row } from './run-condition.js'
import { clause, rowName, runCondition } from './run-condition.js'

const U = 'aws:username'
const TAG = 's3:ExistingObjectTag/Team'

const rows: Row[] = [
  // IAM-SEMANTICS §4.2: StringEquals exact, case-sensitive, `*` literal
  ['§4.2', 'StringEquals', U, 'alice', { [U]: 'alice' }, true],
  ['§4.2', 'StringEquals', U, 'alice', { [U]: 'Alice' }, false],
  ['§4.2', 'StringEquals', U, 'alice', { [U]: 'alice ' }, false],
  ['§4.2', 'StringEquals', U, 'a*', { [U]: 'abc' }, false],
  ['§4.2', 'StringEquals', U, 'a*', { [U]: 'a*' }, true],
  ['§4.2', 'StringEquals', U, 'a?c', { [U]: 'abc' }, false],
  ['§4.2', 'StringEquals', U, '', { [U]: '' }, true],
  // IAM-SEMANTICS §4.1: several values are ORed for positive operators
  ['§4.1', 'StringEquals', U, ['bob', 'alice'], { [U]: 'alice' }, true],
  ['§4.1', 'StringEquals', U, ['bob', 'carol'], { [U]: 'alice' }, false],
  ['§4.1', 'StringEquals', U, 'a b c d e f g h i alice'.split(' '), { [U]: 'alice' }, true],
  ['§4.1', 'StringEquals', U, 'a b c d e f g h i j'.split(' '), { [U]: 'alice' }, false],
  // IAM-SEMANTICS §4.1: negated = NOT(any positive match)
  ['§4.1', 'StringNotEquals', U, 'alice', { [U]: 'bob' }, true],
  ['§4.1', 'StringNotEquals', U, 'alice', { [U]: 'alice' }, false],
  ['§4.1', 'StringNotEquals', U, ['bob', 'alice'], { [U]: 'alice' }, false],
  ['§4.1', 'StringNotEquals', U, ['bob', 'carol'], { [U]: 'alice' }, true],
  ['§4.1', 'StringNotEquals', U, 'alice', { [U]: 'ALICE' }, true],
  // IAM-SEMANTICS §4.2: IgnoreCase variants
  ['§4.2', 'StringEqualsIgnoreCase', U, 'Alice', { [U]: 'aLICE' }, true],
  ['§4.2', 'StringEqualsIgnoreCase', U, 'Alice', { [U]: 'alicia' }, false],
  ['§4.2', 'StringEqualsIgnoreCase', U, 'A*', { [U]: 'abc' }, false],
  ['§4.2', 'StringNotEqualsIgnoreCase', U, 'Alice', { [U]: 'ALICE' }, false],
  ['§4.2', 'StringNotEqualsIgnoreCase', U, ['x', 'Alice'], { [U]: 'bob' }, true],
  // IAM-SEMANTICS §4.2: StringLike glob, case-sensitive, anchored
  ['§4.2', 'StringLike', U, 'a*', { [U]: 'abc' }, true],
  ['§4.2', 'StringLike', U, 'a*', { [U]: 'a' }, true],
  ['§4.2', 'StringLike', U, 'a*', { [U]: 'Abc' }, false],
  ['§4.2', 'StringLike', U, 'a?c', { [U]: 'abc' }, true],
  ['§4.2', 'StringLike', U, 'a?c', { [U]: 'ac' }, false],
  ['§4.2', 'StringLike', U, 'b', { [U]: 'abc' }, false],
  ['§4.2', 'StringLike', U, '*b*', { [U]: 'abc' }, true],
  ['§4.2', 'StringLike', U, 'home/*/docs', { [U]: 'home/a/b/docs' }, true],
  ['§4.2', 'StringLike', U, ['x*', '*c'], { [U]: 'abc' }, true],
  ['§4.2', 'StringNotLike', U, 'a*', { [U]: 'abc' }, false],
  ['§4.2', 'StringNotLike', U, ['x*', 'y*'], { [U]: 'abc' }, true],
  // IAM-SEMANTICS §4.1: key names are case-insensitive, tag-key part included
  [
    '§4.1',
    'StringEquals',
    'AWS:PrincipalTag/DEPT',
    'eng',
    { 'aws:principaltag/dept': 'eng' },
    true
  ],
  [
    '§4.1',
    'StringEquals',
    'aws:principaltag/dept',
    'eng',
    { 'aws:PrincipalTag/Dept': 'eng' },
    true
  ],
  // IAM-SEMANTICS §4.5: context booleans and numbers are compared as their text
  ['§4.5', 'StringEquals', 'k', 'true', { k: true }, true],
  ['§4.5', 'StringEquals', 'k', '10', { k: 10 }, true],
  ['§4.5', 'StringEquals', 'k', '10.0', { k: 10 }, false],
  // IAM-SEMANTICS §4.6: variables substituted, key lookup case-insensitive
  [
    '§4.6',
    'StringEquals',
    TAG,
    '${aws:PrincipalTag/Team}',
    { [TAG]: 'red', 'aws:principaltag/team': 'red' },
    true
  ],
  [
    '§4.6',
    'StringEquals',
    TAG,
    '${AWS:PRINCIPALTAG/TEAM}',
    { [TAG]: 'red', 'aws:PrincipalTag/Team': 'blue' },
    false
  ],
  ['§4.6', 'StringLike', 'k', 'home/${aws:username}/*', { k: 'home/alice/x', [U]: 'alice' }, true],
  ['§4.6', 'StringLike', 'k', 'home/${aws:username}/*', { k: 'home/bob/x', [U]: 'alice' }, false],
  ['§4.6', 'StringEqualsIgnoreCase', 'k', '${aws:username}', { k: 'ALICE', [U]: 'alice' }, true],
  // IAM-SEMANTICS §4.6: substituted text is literal, never a wildcard
  [
    '§4.6',
    'StringLike',
    'k',
    '${aws:PrincipalTag/p}',
    { k: 'abc', 'aws:PrincipalTag/p': 'a*' },
    false
  ],
  [
    '§4.6',
    'StringLike',
    'k',
    '${aws:PrincipalTag/p}',
    { k: 'a*', 'aws:PrincipalTag/p': 'a*' },
    true
  ],
  [
    '§4.6',
    'StringLike',
    'k',
    '${aws:PrincipalTag/p}x',
    { k: 'a?x', 'aws:PrincipalTag/p': 'a?' },
    true
  ],
  [
    '§4.6',
    'StringLike',
    'k',
    '${aws:PrincipalTag/p}x',
    { k: 'abx', 'aws:PrincipalTag/p': 'a?' },
    false
  ],
  // IAM-SEMANTICS §4.6: escapes ${*} ${?} ${$} are literal characters
  ['§4.6', 'StringLike', 'k', 'a${*}', { k: 'a*' }, true],
  ['§4.6', 'StringLike', 'k', 'a${*}', { k: 'ab' }, false],
  ['§4.6', 'StringLike', 'k', 'a${?}', { k: 'ab' }, false],
  ['§4.6', 'StringEquals', 'k', 'a${$}b', { k: 'a$b' }, true],
  // IAM-SEMANTICS §4.6: the default applies when the key has no value
  ['§4.6', 'StringEquals', 'k', "${aws:PrincipalTag/t, 'none'}", { k: 'none' }, true],
  [
    '§4.6',
    'StringEquals',
    'k',
    "${aws:PrincipalTag/t, 'none'}",
    { k: 'none', 'aws:PrincipalTag/t': 'x' },
    false
  ],
  [
    '§4.6',
    'StringEquals',
    'k',
    "${aws:PrincipalTag/t,'none'}",
    { k: 'x', 'aws:PrincipalTag/t': 'x' },
    true
  ],
  ['§4.6', 'StringEquals', 'k', "${aws:TagKeys, 'd'}", { k: 'd', 'aws:TagKeys': ['a', 'b'] }, true],
  // IAM-SEMANTICS §4.6: unresolvable → "null": positive never matches, negated treats it as not equal
  [
    '§4.6',
    'StringEquals',
    TAG,
    '${aws:PrincipalTag/Team}',
    { [TAG]: 'red' },
    false,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringNotEquals',
    TAG,
    '${aws:PrincipalTag/Team}',
    { [TAG]: 'red' },
    true,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringLike',
    'k',
    '${aws:username}*',
    { k: 'anything' },
    false,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringNotLike',
    'k',
    '${aws:username}*',
    { k: 'anything' },
    true,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringEquals',
    'k',
    '${aws:TagKeys}',
    { k: 'a', 'aws:TagKeys': ['a'] },
    false,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringEquals',
    'k',
    ['${aws:username}', 'static'],
    { k: 'static' },
    true,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringNotEquals',
    'k',
    ['${aws:username}', 'static'],
    { k: 'static' },
    false,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'StringNotEquals',
    'k',
    ['${aws:username}', 'static'],
    { k: 'other' },
    true,
    ['variable-unresolved']
  ],
  // IAM-SEMANTICS §4.6: malformed `${` stays literal text
  ['§4.6', 'StringEquals', 'k', '${aws:username', { k: '${aws:username', [U]: 'alice' }, true],
  ['§4.6', 'StringEquals', 'k', '${}', { k: '${}' }, true]
]

describe('String* operators', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    const [, operator, key, values, context, expected, issues = []] = row
    const outcome = runCondition(operator, key, values, context)
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual(issues)
  })

  // IAM-SEMANTICS §2, §4.6: without Version 2012-10-17, `${...}` is plain text
  it.each([
    ['${aws:username}', { k: '${aws:username}', [U]: 'alice' }, true],
    ['${aws:username}', { k: 'alice', [U]: 'alice' }, false],
    ['a${*}', { k: 'a${x}' }, true]
  ] as const)('variables disabled: StringLike %s', (value, context, expected) => {
    const outcome = runCondition('StringLike', 'k', value, context, { variables: false })
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual([])
  })

  // IAM-SEMANTICS §4.6: the documented consequence — Deny + StringNotEquals with a missing tag denies
  it('reports which variable had no value', () => {
    const outcome = runCondition('StringNotEquals', TAG, '${aws:PrincipalTag/Team}', {
      [TAG]: 'red'
    })
    expect(outcome.result).toBe(true)
    expect(outcome.messages).toEqual([
      'condition `StringNotEquals` `s3:ExistingObjectTag/Team`: value `${aws:PrincipalTag/Team}`: no value for variable `aws:principaltag/team`'
    ])
  })

  // IAM-SEMANTICS §4.6: a compiled condition resolves variables afresh for each context
  it('re-resolves variables per context and reports unresolved ones every time', () => {
    const condition = compileCondition(
      clause('StringLike', 'k', ['home/${aws:username}/*', 'pub/*']),
      {
        variables: true
      }
    )
    const alice = prepareContext({ k: 'home/alice/x', 'aws:username': 'alice' })
    const bob = prepareContext({ k: 'home/alice/x', 'aws:username': 'bob' })
    const nobody = prepareContext({ k: 'home/alice/x' })
    const codes: EvalIssueCode[] = []
    const sink = (code: EvalIssueCode): void => void codes.push(code)
    expect(condition.evaluate(alice, sink)).toBe(true)
    expect(condition.evaluate(bob, sink)).toBe(false)
    expect(condition.evaluate(alice, sink)).toBe(true)
    expect(codes).toEqual([])
    expect(condition.evaluate(nobody, sink)).toBe(false)
    expect(condition.evaluate(nobody, sink)).toBe(false)
    expect(condition.evaluate(prepareContext({ k: 'pub/y' }), sink)).toBe(true)
    expect(codes).toEqual(['variable-unresolved', 'variable-unresolved', 'variable-unresolved'])
  })
})
