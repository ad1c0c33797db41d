// IAM-SEMANTICS §4.1–§4.3, §4.5: String* operators, block logic, missing keys, key case.
import { condCase as c } from './helpers.mjs'

const T = 'aws:PrincipalTag/team'
const tag = (value) => ({ [T]: value })

// prettier-ignore
const equals = [
  c('str-eq-match', '§4.2: StringEquals exact match', 'allow', { StringEquals: { [T]: 'data' } }, tag('data'), 'Allow'),
  c('str-eq-mismatch', '§4.2: StringEquals different value', 'allow', { StringEquals: { [T]: 'data' } }, tag('web'), 'ImplicitDeny'),
  c('str-eq-case-sensitive', '§4.2: StringEquals is case-sensitive (Data vs data)', 'allow', { StringEquals: { [T]: 'Data' } }, tag('data'), 'ImplicitDeny'),
  c('str-eq-star-literal', '§4.2: StringEquals treats * literally (data-* vs data-eng)', 'allow', { StringEquals: { [T]: 'data-*' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-eq-star-literal-match', '§4.2: StringEquals data-* matches the literal text data-*', 'allow', { StringEquals: { [T]: 'data-*' } }, tag('data-*'), 'Allow'),
  c('str-eq-prefix-no-match', '§4.2: StringEquals is a whole-string comparison', 'allow', { StringEquals: { [T]: 'data' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-eq-values-or', '§4.1: several values for one key are ORed', 'allow', { StringEquals: { [T]: ['web', 'data'] } }, tag('data'), 'Allow'),
  c('str-eq-values-or-none', '§4.1: none of several values matches', 'allow', { StringEquals: { [T]: ['web', 'ops'] } }, tag('data'), 'ImplicitDeny'),
  c('str-eq-missing', '§4.3: positive operator, key absent → false', 'allow', { StringEquals: { [T]: 'data' } }, {}, 'ImplicitDeny'),
  c('str-eq-number-policy', '§4.5: a JSON number policy value is compared as its decimal text', 'allow', { StringEquals: { 's3:max-keys': 10 } }, { 's3:max-keys': '10' }, 'Allow'),
  c('str-eq-number-context', '§4.5, §6: a number context value is stringified', 'allow', { StringEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': 10 }, 'Allow'),
  c('str-eq-number-text-differs', '§4.5: strings, not numbers: "10.0" is not "10" for StringEquals', 'allow', { StringEquals: { 's3:max-keys': '10.0' } }, { 's3:max-keys': 10 }, 'ImplicitDeny'),
  c('str-eq-bool-policy', '§4.5: a JSON boolean policy value becomes "true"', 'allow', { StringEquals: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' }, 'Allow'),
  c('str-ne-different', '§4.2: StringNotEquals with a different value → true', 'allow', { StringNotEquals: { [T]: 'data' } }, tag('web'), 'Allow'),
  c('str-ne-equal', '§4.2: StringNotEquals with the same value → false', 'allow', { StringNotEquals: { [T]: 'data' } }, tag('data'), 'ImplicitDeny'),
  c('str-ne-case', '§4.2: StringNotEquals is case-sensitive: Data ≠ data → true', 'allow', { StringNotEquals: { [T]: 'Data' } }, tag('data'), 'Allow'),
  c('str-ne-values-nor-hit', '§4.1: negated operator = NOT(any match): value in the list → false', 'allow', { StringNotEquals: { [T]: ['web', 'data'] } }, tag('data'), 'ImplicitDeny'),
  c('str-ne-values-nor-miss', '§4.1: negated operator: value matches none → true', 'allow', { StringNotEquals: { [T]: ['web', 'data'] } }, tag('ops'), 'Allow'),
  c('str-ne-missing', '§4.3: negated operator, key absent → true', 'allow', { StringNotEquals: { [T]: 'data' } }, {}, 'Allow'),
  c('str-ne-deny-missing', '§4.3: Deny+StringNotEquals on an absent key applies', 'deny', { StringNotEquals: { [T]: 'data' } }, {}, 'ExplicitDeny'),
  c('str-ne-deny-equal', '§4.2: Deny+StringNotEquals does not apply to the listed value', 'deny', { StringNotEquals: { [T]: 'data' } }, tag('data'), 'Allow'),
  c('str-eqic-match', '§4.2: StringEqualsIgnoreCase ignores case', 'allow', { StringEqualsIgnoreCase: { [T]: 'DATA' } }, tag('data'), 'Allow'),
  c('str-eqic-mismatch', '§4.2: StringEqualsIgnoreCase still compares whole strings', 'allow', { StringEqualsIgnoreCase: { [T]: 'DATA' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-eqic-star-literal', '§4.2: StringEqualsIgnoreCase has no wildcards', 'allow', { StringEqualsIgnoreCase: { [T]: 'DATA*' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-eqic-missing', '§4.3: StringEqualsIgnoreCase, key absent → false', 'allow', { StringEqualsIgnoreCase: { [T]: 'data' } }, {}, 'ImplicitDeny'),
  c('str-neic-same-other-case', '§4.2: StringNotEqualsIgnoreCase: DATA equals data ignoring case → false', 'allow', { StringNotEqualsIgnoreCase: { [T]: 'DATA' } }, tag('data'), 'ImplicitDeny'),
  c('str-neic-different', '§4.2: StringNotEqualsIgnoreCase with a different value → true', 'allow', { StringNotEqualsIgnoreCase: { [T]: 'DATA' } }, tag('web'), 'Allow'),
  c('str-neic-missing', '§4.3: StringNotEqualsIgnoreCase, key absent → true', 'allow', { StringNotEqualsIgnoreCase: { [T]: 'data' } }, {}, 'Allow')
]

// prettier-ignore
const like = [
  c('str-like-star', '§4.2: StringLike * wildcard', 'allow', { StringLike: { [T]: 'data-*' } }, tag('data-eng'), 'Allow'),
  c('str-like-star-empty', '§4.2: StringLike * matches an empty run', 'allow', { StringLike: { [T]: 'data*' } }, tag('data'), 'Allow'),
  c('str-like-question', '§4.2: StringLike ? matches one character', 'allow', { StringLike: { [T]: 'dev-?' } }, tag('dev-1'), 'Allow'),
  c('str-like-question-two', '§4.2: StringLike ? does not match two characters', 'allow', { StringLike: { [T]: 'dev-?' } }, tag('dev-10'), 'ImplicitDeny'),
  c('str-like-case-sensitive', '§4.2: StringLike is case-sensitive', 'allow', { StringLike: { [T]: 'Data-*' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-like-anchored', '§4.2: StringLike is anchored (eng vs data-eng)', 'allow', { StringLike: { [T]: 'eng' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-like-star-anywhere', '§4.2: StringLike wildcards anywhere (a*b*c)', 'allow', { StringLike: { [T]: 'a*b*c' } }, tag('aXXbYc'), 'Allow'),
  c('str-like-star-anywhere-miss', '§4.2: StringLike a*b*c does not match aXXbYcd', 'allow', { StringLike: { [T]: 'a*b*c' } }, tag('aXXbYcd'), 'ImplicitDeny'),
  c('str-like-star-slash', '§4.2: StringLike * spans / in values', 'allow', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/docs/' }, 'Allow'),
  c('str-like-missing', '§4.3: StringLike, key absent → false', 'allow', { StringLike: { [T]: '*' } }, {}, 'ImplicitDeny'),
  c('str-like-values-or', '§4.1: StringLike values ORed', 'allow', { StringLike: { [T]: ['web-*', 'data-*'] } }, tag('data-eng'), 'Allow'),
  c('str-notlike-miss', '§4.2: StringNotLike: value matches no pattern → true', 'allow', { StringNotLike: { [T]: 'data-*' } }, tag('web'), 'Allow'),
  c('str-notlike-hit', '§4.2: StringNotLike: value matches the pattern → false', 'allow', { StringNotLike: { [T]: 'data-*' } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-notlike-values-nor', '§4.1: StringNotLike with several patterns, one matches → false', 'allow', { StringNotLike: { [T]: ['web-*', 'data-*'] } }, tag('data-eng'), 'ImplicitDeny'),
  c('str-notlike-missing', '§4.3: StringNotLike, key absent → true', 'allow', { StringNotLike: { [T]: 'data-*' } }, {}, 'Allow'),
  c('str-notlike-deny', '§4.2: Deny+StringNotLike on a non-matching value applies', 'deny', { StringNotLike: { [T]: 'data-*' } }, tag('web'), 'ExplicitDeny')
]

// prettier-ignore
const blocks = [
  c('str-keys-and-both', '§4.1: keys under one operator are ANDed (both true)', 'allow', { StringEquals: { [T]: 'data', 'aws:RequestedRegion': 'us-east-1' } }, { [T]: 'data', 'aws:RequestedRegion': 'us-east-1' }, 'Allow'),
  c('str-keys-and-one-false', '§4.1: keys under one operator are ANDed (one false)', 'allow', { StringEquals: { [T]: 'data', 'aws:RequestedRegion': 'us-east-1' } }, { [T]: 'data', 'aws:RequestedRegion': 'eu-west-1' }, 'ImplicitDeny'),
  c('str-operators-and', '§4.1: operators are ANDed (StringEquals true, StringLike false)', 'allow', { StringEquals: { [T]: 'data' }, StringLike: { 'aws:RequestedRegion': 'eu-*' } }, { [T]: 'data', 'aws:RequestedRegion': 'us-east-1' }, 'ImplicitDeny'),
  c('str-operators-and-true', '§4.1: operators are ANDed (both true)', 'allow', { StringEquals: { [T]: 'data' }, StringLike: { 'aws:RequestedRegion': 'us-*' } }, { [T]: 'data', 'aws:RequestedRegion': 'us-east-1' }, 'Allow'),
  c('str-key-case-policy', '§4.1: condition key names are case-insensitive (policy lower case, tag part too)', 'allow', { StringEquals: { 'aws:principaltag/TEAM': 'data' } }, tag('data'), 'Allow'),
  c('str-key-case-context', '§4.1, §6: context keys are case-insensitive', 'allow', { StringEquals: { [T]: 'data' } }, { 'AWS:PRINCIPALTAG/TEAM': 'data' }, 'Allow'),
  c('str-key-case-value-still-sensitive', '§4.1: key case is ignored but StringEquals value case is not', 'allow', { StringEquals: { 'AWS:PrincipalTag/Team': 'data' } }, tag('DATA'), 'ImplicitDeny'),
  c('str-ifexists-missing', '§4.3: StringEqualsIfExists, key absent → true', 'allow', { StringEqualsIfExists: { [T]: 'data' } }, {}, 'Allow'),
  c('str-ifexists-present-match', '§4.3: IfExists has no effect when the key is present (match)', 'allow', { StringLikeIfExists: { [T]: 'data-*' } }, tag('data-x'), 'Allow'),
  c('str-ifexists-present-mismatch', '§4.3: IfExists has no effect when the key is present (mismatch)', 'allow', { StringLikeIfExists: { [T]: 'data-*' } }, tag('web'), 'ImplicitDeny'),
  c('str-ne-ifexists-deny-missing', '§4.3: Deny+StringNotEqualsIfExists still denies when the key is absent', 'deny', { StringNotEqualsIfExists: { [T]: 'data' } }, {}, 'ExplicitDeny'),
  c('str-ne-ifexists-deny-equal', '§4.3: Deny+StringNotEqualsIfExists with the listed value does not deny', 'deny', { StringNotEqualsIfExists: { [T]: 'data' } }, tag('data'), 'Allow'),
  c('str-deny-eq-missing', '§4.3: Deny+StringEquals on an absent key does not apply', 'deny', { StringEquals: { [T]: 'data' } }, {}, 'Allow'),
  c('str-unrelated-context', '§4.3: other context keys do not satisfy a missing key', 'allow', { StringEquals: { [T]: 'data' } }, { 'aws:PrincipalTag/owner': 'data' }, 'ImplicitDeny')
]

export const groups = { equals, like, blocks }
