// IAM-SEMANTICS §4.2 (Arn* family: case-sensitive, per-component globbing, Equals ≡ Like), §4.3.
import { A, condCase as c } from './helpers.mjs'

const P = 'aws:PrincipalArn'
const S = 'aws:SourceArn'
const DEV = `arn:aws:iam::${A}:role/dev`
const DOC_ARN =
  'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt'
const DOC_PATTERN = 'arn:aws:someservice:*:111122223333:finance/*'
const FN = `arn:aws:lambda:us-east-1:${A}:function:f`

// prettier-ignore
const arn = [
  c('arn-eq-exact', '§4.2: ArnEquals exact', 'allow', { ArnEquals: { [P]: DEV } }, { [P]: DEV }, 'Allow'),
  c('arn-eq-wildcard', '§4.2: ArnEquals takes wildcards like ArnLike (identical operators)', 'allow', { ArnEquals: { [P]: `arn:aws:iam::${A}:role/*` } }, { [P]: DEV }, 'Allow'),
  c('arn-like-wildcard', '§4.2: ArnLike role/*', 'allow', { ArnLike: { [P]: `arn:aws:iam::${A}:role/*` } }, { [P]: DEV }, 'Allow'),
  c('arn-like-question', '§4.2: ArnLike ? matches one character', 'allow', { ArnLike: { [P]: `arn:aws:iam::${A}:role/de?` } }, { [P]: DEV }, 'Allow'),
  c('arn-like-case', '§4.2: ArnLike is case-sensitive (role/Dev* vs role/dev)', 'allow', { ArnLike: { [P]: `arn:aws:iam::${A}:role/Dev*` } }, { [P]: DEV }, 'ImplicitDeny'),
  c('arn-like-account-mismatch', '§4.2: each component must match (account)', 'allow', { ArnLike: { [P]: 'arn:aws:iam::444455556666:role/*' } }, { [P]: DEV }, 'ImplicitDeny'),
  c('arn-like-per-component-doc', '§4.2 (docs example): * cannot cross a component colon, so the ArnLike fails', 'allow', { ArnLike: { [S]: DOC_PATTERN } }, { [S]: DOC_ARN }, 'ImplicitDeny'),
  c('arn-stringlike-doc', '§4.2 (docs example): the same pattern StringLike-matches the whole string', 'allow', { StringLike: { [S]: DOC_PATTERN } }, { [S]: DOC_ARN }, 'Allow'),
  c('arn-like-resource-part-colons', '§4.2: the resource component keeps its colons: function:* matches function:f:prod', 'allow', { ArnLike: { [S]: `arn:aws:lambda:us-east-1:${A}:function:*` } }, { [S]: `${FN}:prod` }, 'Allow'),
  c('arn-like-region-star', '§4.2: * in the region component', 'allow', { ArnLike: { [S]: `arn:aws:sns:*:${A}:alerts` } }, { [S]: `arn:aws:sns:eu-west-1:${A}:alerts` }, 'Allow'),
  c('arn-like-whole-match', '§4.2: components are matched whole (topic alerts vs alerts-2)', 'allow', { ArnLike: { [S]: `arn:aws:sns:*:${A}:alerts` } }, { [S]: `arn:aws:sns:eu-west-1:${A}:alerts-2` }, 'ImplicitDeny'),
  c('arn-like-values-or', '§4.1: ArnLike values ORed', 'allow', { ArnLike: { [P]: [`arn:aws:iam::${A}:role/ops`, `arn:aws:iam::${A}:role/d*`] } }, { [P]: DEV }, 'Allow'),
  c('arn-like-missing', '§4.3: ArnLike, key absent → false', 'allow', { ArnLike: { [P]: `arn:aws:iam::${A}:role/*` } }, {}, 'ImplicitDeny'),
  c('arn-like-ifexists-missing', '§4.3: ArnLikeIfExists, key absent → true', 'allow', { ArnLikeIfExists: { [S]: `arn:aws:sns:*:${A}:*` } }, {}, 'Allow'),
  c('arn-like-context-not-arn', '§4.5 [UNCERTAIN]: a context value that is not an ARN never ArnLike-matches', 'allow', { ArnLike: { [P]: 'arn:*:*:*:*:*' } }, { [P]: 'not-an-arn' }, 'ImplicitDeny'),
  // nonArnValueVerdict: a request value that is not an ARN satisfies neither ArnLike nor
  // ArnNotLike (iam-simulate's tests and an evaluator validated against the policy simulator)
  c('arn-notlike-context-not-arn', '§4.5: a context value that is not an ARN does not satisfy ArnNotLike either', 'allow', { ArnNotLike: { [S]: `arn:aws:sns:*:${A}:*` } }, { [S]: 'test2' }, 'ImplicitDeny'),
  c('arn-notequals-context-not-arn', '§4.5: nor ArnNotEquals', 'allow', { ArnNotEquals: { [S]: `arn:aws:sns:*:${A}:*` } }, { [S]: 'test2' }, 'ImplicitDeny'),
  c('arn-like-star-context-not-arn', '§4.5: ArnLike "*" does not match a value that is not an ARN', 'allow', { ArnLike: { [S]: '*' } }, { [S]: 'test2' }, 'ImplicitDeny'),
  c('arn-deny-notlike-context-not-arn', '§4.5: a Deny with ArnNotLike does not apply to a value that is not an ARN', 'deny', { ArnNotLike: { [S]: `arn:aws:sns:*:${A}:*` } }, { [S]: 'test2' }, 'Allow'),
  c('arn-notlike-context-short-arn', '§4.5: an ARN with fewer than six components is not an ARN', 'allow', { ArnNotLike: { [S]: `arn:aws:sns:*:${A}:*` } }, { [S]: 'arn:aws:sns:us-east-1' }, 'ImplicitDeny'),
  c('arn-notlike-no-match', '§4.2: ArnNotLike, value matches no pattern → true', 'allow', { ArnNotLike: { [P]: `arn:aws:iam::${A}:role/admin*` } }, { [P]: DEV }, 'Allow'),
  c('arn-notlike-match', '§4.2: ArnNotLike, value matches → false', 'allow', { ArnNotLike: { [P]: `arn:aws:iam::${A}:role/*` } }, { [P]: DEV }, 'ImplicitDeny'),
  c('arn-notequals-identical', '§4.2: ArnNotEquals ≡ ArnNotLike (wildcards apply)', 'allow', { ArnNotEquals: { [P]: `arn:aws:iam::${A}:role/*` } }, { [P]: DEV }, 'ImplicitDeny'),
  c('arn-notlike-missing', '§4.3: ArnNotLike, key absent → true', 'allow', { ArnNotLike: { [P]: `arn:aws:iam::${A}:role/*` } }, {}, 'Allow'),
  c('arn-notlike-list-nor', '§4.1: ArnNotLike with a list, one matches → false', 'allow', { ArnNotLike: { [P]: [`arn:aws:iam::${A}:role/ops`, DEV] } }, { [P]: DEV }, 'ImplicitDeny'),
  c('arn-deny-unless-admin', '§4.2: Deny unless the principal is an admin role (ArnNotLike)', 'deny', { ArnNotLike: { [P]: `arn:aws:iam::${A}:role/Admin*` } }, { [P]: DEV }, 'ExplicitDeny'),
  c('arn-deny-unless-admin-exempt', '§4.2: the admin role is exempt from the Deny', 'deny', { ArnNotLike: { [P]: `arn:aws:iam::${A}:role/Admin*` } }, { [P]: `arn:aws:iam::${A}:role/AdminOps` }, 'Allow')
]

export const groups = { arn }
