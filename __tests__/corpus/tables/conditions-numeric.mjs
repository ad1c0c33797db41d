// IAM-SEMANTICS §4.2 (Numeric family), §4.3 missing keys, §4.5 coercion.
import { ALICE, BUCKET, allow, condCase as c, doc, kase, req } from './helpers.mjs'

const K = 's3:max-keys'
const v = (value) => ({ [K]: value })

// prettier-ignore
const numeric = [
  c('num-eq-match', '§4.2: NumericEquals', 'allow', { NumericEquals: { [K]: '10' } }, v('10'), 'Allow'),
  c('num-eq-by-value', '§4.2: compared by value, 10.0 = 10', 'allow', { NumericEquals: { [K]: '10.0' } }, v('10'), 'Allow'),
  c('num-eq-by-value-context', '§4.2: compared by value, context 10.00 = policy 10', 'allow', { NumericEquals: { [K]: 10 } }, v('10.00'), 'Allow'),
  c('num-eq-mismatch', '§4.2: NumericEquals different value', 'allow', { NumericEquals: { [K]: '10' } }, v('11'), 'ImplicitDeny'),
  c('num-eq-number-context', '§4.5, §6: number context value', 'allow', { NumericEquals: { [K]: '10' } }, v(10), 'Allow'),
  c('num-eq-values-or', '§4.1: NumericEquals values ORed', 'allow', { NumericEquals: { [K]: ['5', '10'] } }, v('10'), 'Allow'),
  c('num-ne-equal-by-value', '§4.2: NumericNotEquals 10 vs 10.0 → false', 'allow', { NumericNotEquals: { [K]: '10' } }, v('10.0'), 'ImplicitDeny'),
  c('num-ne-different', '§4.2: NumericNotEquals 10 vs 11 → true', 'allow', { NumericNotEquals: { [K]: '10' } }, v('11'), 'Allow'),
  c('num-ne-values-nor', '§4.1: NumericNotEquals [5, 10] vs 5 → false', 'allow', { NumericNotEquals: { [K]: ['5', '10'] } }, v('5'), 'ImplicitDeny'),
  c('num-ne-missing', '§4.3: NumericNotEquals, key absent → true', 'allow', { NumericNotEquals: { [K]: '10' } }, {}, 'Allow'),
  c('num-lt-true', '§4.2: NumericLessThan 9 < 10', 'allow', { NumericLessThan: { [K]: '10' } }, v('9'), 'Allow'),
  c('num-lt-equal', '§4.2: NumericLessThan 10 < 10 is false', 'allow', { NumericLessThan: { [K]: '10' } }, v('10'), 'ImplicitDeny'),
  c('num-lte-equal', '§4.2: NumericLessThanEquals 10 ≤ 10', 'allow', { NumericLessThanEquals: { [K]: '10' } }, v('10'), 'Allow'),
  c('num-lte-greater', '§4.2: NumericLessThanEquals 11 ≤ 10 is false', 'allow', { NumericLessThanEquals: { [K]: '10' } }, v('11'), 'ImplicitDeny'),
  c('num-gt-true', '§4.2: NumericGreaterThan 11 > 10', 'allow', { NumericGreaterThan: { [K]: '10' } }, v('11'), 'Allow'),
  c('num-gt-equal', '§4.2: NumericGreaterThan 10 > 10 is false', 'allow', { NumericGreaterThan: { [K]: '10' } }, v('10'), 'ImplicitDeny'),
  c('num-gte-equal', '§4.2: NumericGreaterThanEquals 10 ≥ 10', 'allow', { NumericGreaterThanEquals: { [K]: '10' } }, v('10'), 'Allow'),
  c('num-gte-less', '§4.2: NumericGreaterThanEquals 9 ≥ 10 is false', 'allow', { NumericGreaterThanEquals: { [K]: '10' } }, v('9'), 'ImplicitDeny'),
  c('num-decimal', '§4.2: decimals: 2.49 < 2.5', 'allow', { NumericLessThan: { [K]: '2.5' } }, v('2.49'), 'Allow'),
  c('num-decimal-not-string-order', '§4.2: numeric, not string order: 9 < 10 (string order would say "9" > "10")', 'allow', { NumericGreaterThan: { [K]: '9' } }, v('10'), 'Allow'),
  c('num-negative', '§4.2: negative numbers: -4 > -5', 'allow', { NumericGreaterThan: { [K]: '-5' } }, v('-4'), 'Allow'),
  c('num-negative-false', '§4.2: negative numbers: -6 > -5 is false', 'allow', { NumericGreaterThan: { [K]: '-5' } }, v('-6'), 'ImplicitDeny'),
  c('num-lt-missing', '§4.3: NumericLessThan, key absent → false', 'allow', { NumericLessThan: { [K]: '10' } }, {}, 'ImplicitDeny'),
  c('num-lt-ifexists-missing', '§4.3: NumericLessThanIfExists, key absent → true', 'allow', { NumericLessThanIfExists: { [K]: '10' } }, {}, 'Allow'),
  c('num-lt-ifexists-present', '§4.3: NumericLessThanIfExists, key present and too large → false', 'allow', { NumericLessThanIfExists: { [K]: '10' } }, v('50'), 'ImplicitDeny'),
  c('num-context-unparsable', '§4.5 [UNCERTAIN]: a non-numeric context value makes the comparison false', 'allow', { NumericLessThan: { [K]: '10' } }, v('ten'), 'ImplicitDeny'),
  c('num-context-unparsable-eq', '§4.5 [UNCERTAIN]: a non-numeric context value never equals', 'allow', { NumericEquals: { [K]: '10' } }, v('10abc'), 'ImplicitDeny'),
  c('num-deny-gt', '§4.2: Deny when NumericGreaterThan applies', 'deny', { NumericGreaterThan: { [K]: '100' } }, v('1000'), 'ExplicitDeny'),
  c('num-deny-gt-missing', '§4.3: Deny+NumericGreaterThan with the key absent does not apply', 'deny', { NumericGreaterThan: { [K]: '100' } }, {}, 'Allow'),
  c('num-json-number-policy', '§2, §4.5: a JSON number policy value (quotes optional)', 'allow', { NumericLessThanEquals: { [K]: 100 } }, v('100'), 'Allow'),
  kase('num-list-bucket-max-keys', '§4.2: realistic s3:ListBucket with s3:max-keys ≤ 10', { identity: [doc(allow('s3:ListBucket', BUCKET, { NumericLessThanEquals: { 's3:max-keys': '10' } }))] }, req(ALICE, 's3:ListBucket', BUCKET, { 's3:max-keys': '7' }), 'Allow')
]

export const groups = { numeric }
