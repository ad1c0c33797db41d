// Arn* operators, table-driven (IAM-SEMANTICS §4.2, §4.3, §4.6).
import { describe, expect, it } from '@jest/globals'
import type { Row } from './run-condition.js'
import { rowName, runCondition } from './run-condition.js'

const S = 'aws:SourceArn'
const UNPARSABLE = 'context-value-unparsable'
const P = 'aws:PrincipalArn'
const DOC_PATTERN = 'arn:aws:someservice:*:111122223333:finance/*'
const DOC_VALUE =
  'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'

const rows: Row[] = [
  // IAM-SEMANTICS §4.2: the docs example — `*` cannot cross a component colon in ArnLike…
  ['§4.2', 'ArnLike', S, DOC_PATTERN, { [S]: DOC_VALUE }, false],
  ['§4.2', 'ArnNotLike', S, DOC_PATTERN, { [S]: DOC_VALUE }, true],
  // …but StringLike on the same values matches
  ['§4.2', 'StringLike', S, DOC_PATTERN, { [S]: DOC_VALUE }, true],
  [
    '§4.2',
    'ArnLike',
    S,
    DOC_PATTERN,
    { [S]: 'arn:aws:someservice:us-east-2:111122223333:finance/x' },
    true
  ],
  // IAM-SEMANTICS §4.2: per-component glob, case-sensitive
  [
    '§4.2',
    'ArnLike',
    P,
    'arn:aws:iam::*:role/Admin*',
    { [P]: 'arn:aws:iam::111122223333:role/AdminOps' },
    true
  ],
  [
    '§4.2',
    'ArnLike',
    P,
    'arn:aws:iam::*:role/Admin*',
    { [P]: 'arn:aws:iam::111122223333:role/adminops' },
    false
  ],
  [
    '§4.2',
    'ArnLike',
    P,
    'arn:aws:iam::*:role/Admin*',
    { [P]: 'arn:aws:iam::111122223333:user/AdminOps' },
    false
  ],
  [
    '§4.2',
    'ArnLike',
    P,
    'arn:aws:iam::1111222233?3:role/*',
    { [P]: 'arn:aws:iam::111122223333:role/x' },
    true
  ],
  [
    '§4.2',
    'ArnLike',
    P,
    'arn:aws:iam::*:role/*',
    { [P]: 'arn:aws:iam::111122223333:role/a/b' },
    true
  ],
  [
    '§4.2',
    'ArnLike',
    P,
    'arn:aws:iam::*3:role/*',
    { [P]: 'arn:aws:iam::111122223333:role/x' },
    true
  ],
  ['§4.2', 'ArnLike', P, 'arn:aws:iam::*:*', { [P]: 'arn:aws:iam::111122223333:role/x' }, true],
  ['§4.2', 'ArnLike', P, 'arn:aws:*:*:*:*', { [P]: 'arn:aws:iam::111122223333:role/x' }, true],
  // a component `*` may be empty but still cannot swallow a colon
  ['§4.2', 'ArnLike', S, 'arn:aws:s3:*:*:bucket', { [S]: 'arn:aws:s3:::bucket' }, true],
  ['§4.2', 'ArnLike', S, 'arn:aws:s3*:bucket', { [S]: 'arn:aws:s3:::bucket' }, false],
  [
    '§4.2',
    'ArnLike',
    S,
    'arn:aws:sqs:us-east-1?1111:queue',
    { [S]: 'arn:aws:sqs:us-east-1:1111:queue' },
    false
  ],
  // the resource part is one component: its colons are ordinary characters
  [
    '§4.2',
    'ArnLike',
    S,
    'arn:aws:sqs:us-east-1:1111:q?',
    { [S]: 'arn:aws:sqs:us-east-1:1111:q:' },
    true
  ],
  // IAM-SEMANTICS §4.2: the resource part keeps further colons
  [
    '§4.2',
    'ArnLike',
    S,
    'arn:aws:lambda:*:*:function:my-fn:*',
    { [S]: 'arn:aws:lambda:us-east-1:1111:function:my-fn:prod' },
    true
  ],
  [
    '§4.2',
    'ArnLike',
    S,
    'arn:aws:lambda:*:*:function:*',
    { [S]: 'arn:aws:lambda:us-east-1:1111:function:my-fn:prod' },
    true
  ],
  [
    '§4.2',
    'ArnLike',
    S,
    'arn:aws:lambda:*:*:function:my-fn',
    { [S]: 'arn:aws:lambda:us-east-1:1111:function:my-fn:prod' },
    false
  ],
  // IAM-SEMANTICS §4.2: ArnEquals ≡ ArnLike (wildcards work in both), ArnNotEquals ≡ ArnNotLike
  ['§4.2', 'ArnEquals', S, 'arn:aws:s3:::bucket', { [S]: 'arn:aws:s3:::bucket' }, true],
  ['§4.2', 'ArnEquals', S, 'arn:aws:s3:::bucket', { [S]: 'arn:aws:s3:::Bucket' }, false],
  ['§4.2', 'ArnEquals', S, 'arn:aws:s3:::b*', { [S]: 'arn:aws:s3:::bucket' }, true],
  ['§4.2', 'ArnNotEquals', S, 'arn:aws:s3:::b*', { [S]: 'arn:aws:s3:::bucket' }, false],
  ['§4.2', 'ArnNotEquals', S, 'arn:aws:s3:::b*', { [S]: 'arn:aws:s3:::other' }, true],
  ['§4.1', 'ArnNotLike', S, ['arn:aws:s3:::a', 'arn:aws:s3:::b'], { [S]: 'arn:aws:s3:::b' }, false],
  ['§4.1', 'ArnLike', S, ['arn:aws:s3:::a', 'arn:aws:s3:::b'], { [S]: 'arn:aws:s3:::b' }, true],
  // a request value that is not an ARN satisfies neither ArnLike nor ArnNotLike
  // (nonArnValueVerdict: iam-simulate's "should return false if not a valid request arn", and an
  // evaluator validated against the IAM policy simulator, issue 11)
  ['§4.5', 'ArnLike', S, 'arn:*:*:*:*:*', { [S]: 'not-an-arn' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnNotLike', S, 'arn:*:*:*:*:*', { [S]: 'not-an-arn' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnNotLike', S, 'arn:aws:sns:*:*:topic', { [S]: 'test2' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnNotEquals', S, 'arn:aws:s3:::b', { [S]: 'test2' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnLike', S, '*', { [S]: 'test2' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnLike', S, 'arn:*:*:*:*:*', { [S]: 'arn:aws:s3::' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnNotLike', S, 'arn:aws:s3:::b', { [S]: 'arn:aws:s3::' }, false, [UNPARSABLE]],
  ['§4.5', 'ArnNotLikeIfExists', S, 'arn:aws:s3:::b', { [S]: 'test2' }, false, [UNPARSABLE]],
  ['§4.4', 'ForAllValues:ArnNotLike', S, 'arn:aws:s3:::b', { [S]: ['test2'] }, false, [UNPARSABLE]],
  [
    '§4.4',
    'ForAnyValue:ArnLike',
    S,
    'arn:aws:s3:::*',
    { [S]: ['x', 'arn:aws:s3:::b'] },
    true,
    [UNPARSABLE]
  ],
  // a value with six components is an ARN even when its resource part is empty
  ['§4.2', 'ArnNotLike', S, 'arn:aws:s3:::b', { [S]: 'arn:aws:s3:::' }, true],
  // [UNCERTAIN] short patterns: only a trailing `*` may span the remaining colons (§3.2 rule)
  [
    '§3.2',
    'ArnLike',
    S,
    'arn:aws:sqs:us-east-1:*',
    { [S]: 'arn:aws:sqs:us-east-1:1111:queue' },
    true
  ],
  [
    '§3.2',
    'ArnLike',
    S,
    'arn:aws:sqs:us-east-1:*',
    { [S]: 'arn:aws:sqs:us-west-2:1111:queue' },
    false
  ],
  ['§3.2', 'ArnLike', S, '*', { [S]: 'arn:aws:sqs:us-east-1:1111:queue' }, true],
  ['§3.2', 'ArnLike', S, 'arn:aws:sqs', { [S]: 'arn:aws:sqs' }, false, [UNPARSABLE]],
  // IAM-SEMANTICS §4.6: variables are substituted, their colons still separate components
  [
    '§4.6',
    'ArnLike',
    P,
    'arn:aws:iam::${aws:PrincipalAccount}:role/*',
    { [P]: 'arn:aws:iam::1111:role/x', 'aws:PrincipalAccount': '1111' },
    true
  ],
  [
    '§4.6',
    'ArnLike',
    P,
    'arn:aws:iam::${aws:PrincipalAccount}:role/*',
    { [P]: 'arn:aws:iam::2222:role/x', 'aws:PrincipalAccount': '1111' },
    false
  ],
  [
    '§4.6',
    'ArnEquals',
    S,
    '${aws:PrincipalArn}',
    { [S]: 'arn:aws:iam::1111:role/x', [P]: 'arn:aws:iam::1111:role/x' },
    true
  ],
  [
    '§4.6',
    'ArnLike',
    S,
    'arn:aws:s3:::${aws:PrincipalTag/b}',
    { [S]: 'arn:aws:s3:::bx', 'aws:PrincipalTag/b': 'b*' },
    false
  ],
  [
    '§4.6',
    'ArnLike',
    P,
    'arn:aws:iam::${aws:PrincipalAccount}:role/*',
    { [P]: 'arn:aws:iam::1111:role/x' },
    false,
    ['variable-unresolved']
  ],
  [
    '§4.6',
    'ArnNotLike',
    P,
    'arn:aws:iam::${aws:PrincipalAccount}:role/*',
    { [P]: 'arn:aws:iam::1111:role/x' },
    true,
    ['variable-unresolved']
  ],
  // IAM-SEMANTICS §4.3: absent key
  ['§4.3', 'ArnLike', S, 'arn:*', {}, false],
  ['§4.3', 'ArnNotLike', S, 'arn:*', {}, true]
]

describe('Arn* operators', () => {
  it.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    const [, operator, key, values, context, expected, issues = []] = row
    const outcome = runCondition(operator, key, values, context)
    expect(outcome.result).toBe(expected)
    expect(outcome.issues).toEqual(issues)
  })

  // IAM-SEMANTICS §2, §4.6: without Version 2012-10-17 the variable is literal text
  it('keeps ${...} literal when variables are off', () => {
    const value = 'arn:aws:iam::${aws:PrincipalAccount}:role/x'
    const context = { [P]: value, 'aws:PrincipalAccount': '1111' }
    expect(runCondition('ArnEquals', P, value, context, { variables: false }).result).toBe(true)
  })
})
