// IAM-SEMANTICS §4.4: ForAllValues / ForAnyValue, missing and empty keys, multivalued keys
// without a qualifier.
import { A, ALICE, allow, condCase as c, deny, doc, kase, req } from './helpers.mjs'

const K = 'aws:TagKeys'
const keys = (...values) => ({ [K]: values })
const APPROVED = ['env', 'owner']

// prettier-ignore
const forAny = [
  c('any-one-matches', '§4.4: ForAnyValue, one request value in the set', 'allow', { 'ForAnyValue:StringEquals': { [K]: APPROVED } }, keys('cost', 'owner'), 'Allow'),
  c('any-none-matches', '§4.4: ForAnyValue, no request value in the set', 'allow', { 'ForAnyValue:StringEquals': { [K]: APPROVED } }, keys('cost', 'team'), 'ImplicitDeny'),
  c('any-absent', '§4.4: ForAnyValue, key absent → false', 'allow', { 'ForAnyValue:StringEquals': { [K]: APPROVED } }, {}, 'ImplicitDeny'),
  c('any-empty', '§4.4: ForAnyValue, empty list → false', 'allow', { 'ForAnyValue:StringEquals': { [K]: APPROVED } }, keys(), 'ImplicitDeny'),
  c('any-single-string', '§4.4: a single string is a one-element set', 'allow', { 'ForAnyValue:StringEquals': { [K]: APPROVED } }, { [K]: 'env' }, 'Allow'),
  c('any-case-sensitive-values', '§4.4, §4.2: ForAnyValue:StringEquals is case-sensitive in values', 'allow', { 'ForAnyValue:StringEquals': { [K]: APPROVED } }, keys('ENV'), 'ImplicitDeny'),
  c('any-ignorecase', '§4.4: ForAnyValue:StringEqualsIgnoreCase', 'allow', { 'ForAnyValue:StringEqualsIgnoreCase': { [K]: APPROVED } }, keys('ENV'), 'Allow'),
  c('any-like', '§4.4: ForAnyValue:StringLike', 'allow', { 'ForAnyValue:StringLike': { [K]: 'team-*' } }, keys('env', 'team-a'), 'Allow'),
  c('any-numeric', '§4.4: ForAnyValue:NumericLessThan, one value below', 'allow', { 'ForAnyValue:NumericLessThan': { 'custom:Sizes': '5' } }, { 'custom:Sizes': ['10', '3'] }, 'Allow'),
  c('any-key-case', '§4.1, §4.4: key name case-insensitive under a set operator', 'allow', { 'ForAnyValue:StringEquals': { 'AWS:TAGKEYS': APPROVED } }, keys('env'), 'Allow'),
  c('any-ne-deny-unapproved', '§4.4 (common pattern): Deny+ForAnyValue:StringNotEquals denies an unapproved tag key', 'deny', { 'ForAnyValue:StringNotEquals': { [K]: APPROVED } }, keys('env', 'cost'), 'ExplicitDeny'),
  c('any-ne-deny-all-approved', '§4.4: Deny+ForAnyValue:StringNotEquals, every key approved → no deny', 'deny', { 'ForAnyValue:StringNotEquals': { [K]: APPROVED } }, keys('owner', 'env'), 'Allow'),
  c('any-ne-absent-false', '§4.4: ForAnyValue with a negated base operator and the key absent → false', 'deny', { 'ForAnyValue:StringNotEquals': { [K]: APPROVED } }, {}, 'Allow'),
  c('any-ne-empty-false', '§4.4: ForAnyValue with a negated base operator and [] → false', 'deny', { 'ForAnyValue:StringNotEquals': { [K]: APPROVED } }, keys(), 'Allow'),
  c('any-ifexists-absent', '§4.4 [UNCERTAIN]: ForAnyValue:…IfExists with the key absent → true', 'allow', { 'ForAnyValue:StringEqualsIfExists': { [K]: APPROVED } }, {}, 'Allow'),
  c('any-ifexists-present-miss', '§4.4: ForAnyValue:…IfExists with the key present behaves as ForAnyValue', 'allow', { 'ForAnyValue:StringEqualsIfExists': { [K]: APPROVED } }, keys('cost'), 'ImplicitDeny'),
  c('any-duplicates', '§4.4: duplicate request values change nothing', 'allow', { 'ForAnyValue:StringEquals': { [K]: 'env' } }, keys('env', 'env'), 'Allow')
]

// prettier-ignore
const forAll = [
  c('all-subset', '§4.4: ForAllValues, every request value in the set', 'allow', { 'ForAllValues:StringEquals': { [K]: APPROVED } }, keys('owner'), 'Allow'),
  c('all-equal-set', '§4.4: ForAllValues, request set equals the policy set', 'allow', { 'ForAllValues:StringEquals': { [K]: APPROVED } }, keys('owner', 'env'), 'Allow'),
  c('all-extra', '§4.4: ForAllValues, one request value outside the set', 'allow', { 'ForAllValues:StringEquals': { [K]: APPROVED } }, keys('env', 'cost'), 'ImplicitDeny'),
  c('all-absent', '§4.4: ForAllValues, key absent → true', 'allow', { 'ForAllValues:StringEquals': { [K]: APPROVED } }, {}, 'Allow'),
  c('all-empty', '§4.4: ForAllValues, empty list → true', 'allow', { 'ForAllValues:StringEquals': { [K]: APPROVED } }, keys(), 'Allow'),
  c('all-single-string', '§4.4: single string as a one-element set, not in the set', 'allow', { 'ForAllValues:StringEquals': { [K]: APPROVED } }, { [K]: 'cost' }, 'ImplicitDeny'),
  c('all-like', '§4.4: ForAllValues:StringLike, every value matches some pattern', 'allow', { 'ForAllValues:StringLike': { [K]: ['team-*', 'env'] } }, keys('team-a', 'env'), 'Allow'),
  c('all-like-miss', '§4.4: ForAllValues:StringLike, one value matches no pattern', 'allow', { 'ForAllValues:StringLike': { [K]: ['team-*', 'env'] } }, keys('team-a', 'owner'), 'ImplicitDeny'),
  c('all-ne-none-forbidden', '§4.4: ForAllValues:StringNotEquals, no request value is forbidden → true', 'allow', { 'ForAllValues:StringNotEquals': { [K]: ['secret', 'internal'] } }, keys('env', 'owner'), 'Allow'),
  c('all-ne-one-forbidden', '§4.4: ForAllValues:StringNotEquals, one request value is forbidden → false', 'allow', { 'ForAllValues:StringNotEquals': { [K]: ['secret', 'internal'] } }, keys('env', 'secret'), 'ImplicitDeny'),
  c('all-arn-like', '§4.4: ForAllValues:ArnLike', 'allow', { 'ForAllValues:ArnLike': { 'custom:Arns': `arn:aws:iam::${A}:role/*` } }, { 'custom:Arns': [`arn:aws:iam::${A}:role/a`, `arn:aws:iam::${A}:role/b`] }, 'Allow'),
  c('all-ignorecase', '§4.4: ForAllValues:StringEqualsIgnoreCase', 'allow', { 'ForAllValues:StringEqualsIgnoreCase': { [K]: APPROVED } }, keys('ENV', 'Owner'), 'Allow'),
  c('all-deny-absent-pitfall', '§4.4 (documented pitfall): Deny+ForAllValues on an absent key applies', 'deny', { 'ForAllValues:StringLike': { [K]: 'temp*' } }, {}, 'ExplicitDeny'),
  c('all-ifexists-absent', '§4.4 [UNCERTAIN]: ForAllValues:…IfExists adds nothing (absent → true)', 'allow', { 'ForAllValues:StringEqualsIfExists': { [K]: APPROVED } }, {}, 'Allow'),
  c('all-ifexists-present-extra', '§4.4: ForAllValues:…IfExists with an extra value → false', 'allow', { 'ForAllValues:StringEqualsIfExists': { [K]: APPROVED } }, keys('cost'), 'ImplicitDeny'),
  kase('all-with-null-guard-absent', '§4.4 (documented): ForAllValues plus Null false guard, key absent → denied', { identity: [doc(allow('iam:TagUser', '*', { 'ForAllValues:StringEquals': { [K]: APPROVED }, Null: { [K]: 'false' } }))] }, req(ALICE, 'iam:TagUser', `arn:aws:iam::${A}:user/bob`), 'ImplicitDeny'),
  kase('all-with-null-guard-subset', '§4.4: ForAllValues plus Null false guard, approved keys → allowed', { identity: [doc(allow('iam:TagUser', '*', { 'ForAllValues:StringEquals': { [K]: APPROVED }, Null: { [K]: 'false' } }))] }, req(ALICE, 'iam:TagUser', `arn:aws:iam::${A}:user/bob`, keys('env')), 'Allow')
]

// prettier-ignore
const multivalued = [
  c('mv-no-qualifier-eq', '§4.4 [UNCERTAIN]: multivalued key without a qualifier → false', 'allow', { StringEquals: { [K]: 'env' } }, keys('env'), 'ImplicitDeny'),
  c('mv-no-qualifier-like', '§4.4 [UNCERTAIN]: multivalued key without a qualifier, StringLike * → false', 'allow', { StringLike: { [K]: '*' } }, keys('env', 'owner'), 'ImplicitDeny'),
  c('mv-no-qualifier-negated-allow', '§4.4 [UNCERTAIN]: false also for negated operators (Allow not granted)', 'allow', { StringNotEquals: { [K]: 'secret' } }, keys('env'), 'ImplicitDeny'),
  c('mv-no-qualifier-negated-deny', '§4.4 [UNCERTAIN]: false also for negated operators (Deny does not apply)', 'deny', { StringNotEquals: { [K]: 'secret' } }, keys('env'), 'Allow'),
  c('mv-no-qualifier-empty-positive', '§4.4: empty list without a qualifier, positive operator → false', 'allow', { StringEquals: { [K]: 'env' } }, keys(), 'ImplicitDeny'),
  kase('mv-and-single-valued', '§4.1, §4.4: a set operator and a single-valued key in one block are ANDed', { identity: [doc(allow('s3:GetObject', '*', { 'ForAnyValue:StringEquals': { [K]: APPROVED }, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }))] }, req(ALICE, 's3:GetObject', 'arn:aws:s3:::data-bucket/k', { [K]: ['env'], 'aws:RequestedRegion': 'eu-west-1' }), 'ImplicitDeny'),
  kase('mv-deny-and-allow', '§1, §4.4: unapproved tag key denied even though the Allow matches', { identity: [doc(allow('ec2:CreateTags'), deny('ec2:CreateTags', '*', { 'ForAnyValue:StringNotEquals': { [K]: APPROVED } }))] }, req(ALICE, 'ec2:CreateTags', `arn:aws:ec2:us-east-1:${A}:instance/i-1`, keys('env', 'Owner')), 'ExplicitDeny')
]

export const groups = { 'for-any-value': forAny, 'for-all-values': forAll, multivalued }
