// IAM-SEMANTICS §4.6 (policy variables), §2 Version, §3.2 (variables in the resource part only).
import {
  A,
  ALICE,
  B,
  FED,
  QUEUE,
  SESSION,
  allow,
  aws,
  deny,
  doc,
  docV,
  kase,
  rallow,
  req
} from './helpers.mjs'

const HOME = 'arn:aws:s3:::home-bucket/home'
const get = (principal, resource, context = {}) => req(principal, 's3:GetObject', resource, context)
const idDoc = (...statements) => ({ identity: [doc(...statements)] })
const idV = (version, ...statements) => ({ identity: [docV(version, ...statements)] })
const homeAllow = (variable) => idDoc(allow('s3:GetObject', `${HOME}/\${${variable}}/*`))

// prettier-ignore
const resource = [
  kase('var-username-context', '§4.6: ${aws:username} from the context', homeAllow('aws:username'), get(ALICE, `${HOME}/alice/n.txt`, { 'aws:username': 'alice' }), 'Allow'),
  kase('var-username-other-home', '§4.6: ${aws:username} = alice does not grant bob/', homeAllow('aws:username'), get(ALICE, `${HOME}/bob/n.txt`, { 'aws:username': 'alice' }), 'ImplicitDeny'),
  kase('var-username-role-absent', '§4.6: aws:username does not exist for roles: the Resource entry matches nothing', homeAllow('aws:username'), get(SESSION, `${HOME}/alice-session/n.txt`), 'ImplicitDeny'),
  kase('var-username-federated-absent', '§4.6: aws:username does not exist for federated users', { ...homeAllow('aws:username'), session: doc(allow('*')) }, get(FED, `${HOME}/fed-alice/n.txt`), 'ImplicitDeny'),
  kase('var-default-used', "§4.6: ${aws:username, 'guest'} falls back to the default for a role", homeAllow("aws:username, 'guest'"), get(SESSION, `${HOME}/guest/n.txt`), 'Allow'),
  kase('var-default-not-used', '§4.6: the default is used only when the key has no value', homeAllow("aws:username, 'guest'"), get(ALICE, `${HOME}/guest/n.txt`, { 'aws:username': 'alice' }), 'ImplicitDeny'),
  kase('var-default-key-present', '§4.6: key present: its value is used, not the default', homeAllow("aws:username, 'guest'"), get(ALICE, `${HOME}/alice/n.txt`, { 'aws:username': 'alice' }), 'Allow'),
  kase('var-key-case', '§4.6: variable key lookup is case-insensitive (${AWS:USERNAME})', homeAllow('AWS:USERNAME'), get(ALICE, `${HOME}/alice/n.txt`, { 'aws:username': 'alice' }), 'Allow'),
  kase('var-tag-key-case', '§4.6: tag-key part of a variable is case-insensitive too', homeAllow('aws:principaltag/TEAM'), get(ALICE, `${HOME}/data/n.txt`, { 'aws:PrincipalTag/team': 'data' }), 'Allow'),
  kase('var-userid', '§4.6: any single-valued key can be a variable (aws:userid)', homeAllow('aws:userid'), get(ALICE, `${HOME}/AIDAEXAMPLE1/n.txt`, { 'aws:userid': 'AIDAEXAMPLE1' }), 'Allow'),
  kase('var-escape-star', '§4.6: ${*} is a literal *, matched by the key "*" itself', idDoc(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/${*}')), get(ALICE, 'arn:aws:s3:::data-bucket/*'), 'Allow'),
  kase('var-escape-star-not-wildcard', '§4.6: ${*} is never a wildcard', idDoc(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/${*}')), get(ALICE, 'arn:aws:s3:::data-bucket/k'), 'ImplicitDeny'),
  kase('var-escape-question', '§4.6: ${?} is a literal ?', idDoc(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/file${?}')), get(ALICE, 'arn:aws:s3:::data-bucket/file?'), 'Allow'),
  kase('var-escape-question-not-wildcard', '§4.6: ${?} does not match one arbitrary character', idDoc(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/file${?}')), get(ALICE, 'arn:aws:s3:::data-bucket/file1'), 'ImplicitDeny'),
  kase('var-substituted-star-literal', '§4.6 [UNCERTAIN]: a * inside a substituted value is literal, not a wildcard', homeAllow('aws:PrincipalTag/project'), get(ALICE, `${HOME}/zzz/n.txt`, { 'aws:PrincipalTag/project': '*' }), 'ImplicitDeny'),
  kase('var-substituted-star-literal-match', '§4.6 [UNCERTAIN]: the literal * value matches a key containing *', homeAllow('aws:PrincipalTag/project'), get(ALICE, `${HOME}/*/n.txt`, { 'aws:PrincipalTag/project': '*' }), 'Allow'),
  kase('var-multivalued-unresolvable', '§4.6: a multivalued key cannot be a variable: the entry matches nothing', homeAllow('aws:PrincipalTag/project'), get(ALICE, `${HOME}/alpha/n.txt`, { 'aws:PrincipalTag/project': ['alpha'] }), 'ImplicitDeny'),
  kase('var-not-in-account-segment', '§3.2, §4.6: variables are substituted only in the resource part; in the account segment they are literal', idDoc(allow('sqs:SendMessage', 'arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:orders')), req(ALICE, 'sqs:SendMessage', QUEUE, { 'aws:PrincipalAccount': A }), 'ImplicitDeny'),
  kase('var-in-bucket-name', '§3.2, §4.6: the bucket name is in the resource part, so it is substituted', idDoc(allow('s3:GetObject', 'arn:aws:s3:::${aws:PrincipalTag/team}-bucket/*')), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/team': 'data' }), 'Allow')
]

// prettier-ignore
const versions = [
  kase('var-2008-literal-no-match', '§2, §4.6: Version 2008-10-17: ${aws:username} is literal text', idV('2008-10-17', allow('s3:GetObject', `${HOME}/\${aws:username}/*`)), get(ALICE, `${HOME}/alice/n.txt`, { 'aws:username': 'alice' }), 'ImplicitDeny'),
  kase('var-2008-literal-match', '§2, §4.6: Version 2008-10-17: the literal text itself matches', idV('2008-10-17', allow('s3:GetObject', `${HOME}/\${aws:username}/*`)), get(ALICE, `${HOME}/\${aws:username}/n.txt`, { 'aws:username': 'alice' }), 'Allow'),
  kase('var-no-version-literal', '§2: Version absent: ${...} is literal text', idV(undefined, allow('s3:GetObject', `${HOME}/\${aws:username}/*`)), get(ALICE, `${HOME}/alice/n.txt`, { 'aws:username': 'alice' }), 'ImplicitDeny'),
  kase('var-no-version-literal-match', '§2: Version absent: the literal text matches', idV(undefined, allow('s3:GetObject', `${HOME}/\${aws:username}/*`)), get(ALICE, `${HOME}/\${aws:username}/n.txt`), 'Allow'),
  kase('var-2008-condition-literal', '§4.6: Version 2008-10-17: no substitution in condition values either', idV('2008-10-17', allow('s3:GetObject', '*', { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:username': 'alice', 'aws:PrincipalTag/owner': 'alice' }), 'ImplicitDeny'),
  kase('var-2008-condition-literal-match', '§4.6: Version 2008-10-17: the literal condition value matches literal text', idV('2008-10-17', allow('s3:GetObject', '*', { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/owner': '${aws:username}' }), 'Allow')
]

const tagCond = (value) => ({ StringEquals: { 'aws:ResourceTag/team': value } })
// prettier-ignore
const conditions = [
  kase('var-cond-tags-match', '§4.6: StringEquals aws:ResourceTag/team = ${aws:PrincipalTag/team}', idDoc(allow('s3:GetObject', '*', tagCond('${aws:PrincipalTag/team}'))), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:ResourceTag/team': 'data', 'aws:PrincipalTag/team': 'data' }), 'Allow'),
  kase('var-cond-tags-mismatch', '§4.6: tag values differ', idDoc(allow('s3:GetObject', '*', tagCond('${aws:PrincipalTag/team}'))), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:ResourceTag/team': 'data', 'aws:PrincipalTag/team': 'web' }), 'ImplicitDeny'),
  kase('var-cond-unresolved-positive', '§4.6: unresolvable value: positive operators never match it', idDoc(allow('s3:GetObject', '*', tagCond('${aws:PrincipalTag/team}'))), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:ResourceTag/team': 'data' }), 'ImplicitDeny'),
  kase('var-cond-default', "§4.6: default in a condition value (${aws:PrincipalTag/team, 'none'})", idDoc(allow('s3:GetObject', '*', tagCond("${aws:PrincipalTag/team, 'none'}"))), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:ResourceTag/team': 'none' }), 'Allow'),
  kase('var-cond-deny-unresolved-negated', '§4.6 (documented): Deny+StringNotEquals with an unresolvable variable denies', idDoc(allow('s3:*'), deny('s3:GetObject', '*', { StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 's3:ExistingObjectTag/Team': 'blue' }), 'ExplicitDeny'),
  kase('var-cond-deny-negated-resolved', '§4.6: the same Deny does not apply when the tags are equal', idDoc(allow('s3:*'), deny('s3:GetObject', '*', { StringNotEquals: { 's3:ExistingObjectTag/Team': '${aws:PrincipalTag/Team}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 's3:ExistingObjectTag/Team': 'blue', 'aws:PrincipalTag/Team': 'blue' }), 'Allow'),
  kase('var-cond-like-with-wildcard', '§4.6: StringLike "home/${aws:username}/*" keeps the wildcard after substitution', idDoc(allow('s3:ListBucket', 'arn:aws:s3:::home-bucket', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } })), req(ALICE, 's3:ListBucket', 'arn:aws:s3:::home-bucket', { 'aws:username': 'alice', 's3:prefix': 'home/alice/docs/' }), 'Allow'),
  kase('var-cond-like-other-user', '§4.6: StringLike prefix of another user', idDoc(allow('s3:ListBucket', 'arn:aws:s3:::home-bucket', { StringLike: { 's3:prefix': 'home/${aws:username}/*' } })), req(ALICE, 's3:ListBucket', 'arn:aws:s3:::home-bucket', { 'aws:username': 'alice', 's3:prefix': 'home/bob/' }), 'ImplicitDeny'),
  kase('var-cond-like-substituted-star-literal', '§4.6 [UNCERTAIN]: StringLike with a substituted "*" treats it literally', idDoc(allow('s3:GetObject', '*', { StringLike: { 'aws:ResourceTag/owner': '${aws:PrincipalTag/owner}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:ResourceTag/owner': 'bob', 'aws:PrincipalTag/owner': '*' }), 'ImplicitDeny'),
  kase('var-cond-like-escaped-star', '§4.6: ${*} in a StringLike value is a literal *, not a wildcard', idDoc(allow('s3:GetObject', '*', { StringLike: { 'aws:PrincipalTag/code': 'a${*}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/code': 'abc' }), 'ImplicitDeny'),
  kase('var-cond-like-escaped-star-literal', '§4.6: ${*} in a StringLike value matches a literal *', idDoc(allow('s3:GetObject', '*', { StringLike: { 'aws:PrincipalTag/code': 'a${*}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/code': 'a*' }), 'Allow'),
  kase('var-cond-like-escape-and-wildcard', '§4.6: ${?} is literal while a plain * stays a wildcard', idDoc(allow('s3:GetObject', '*', { StringLike: { 'aws:PrincipalTag/code': 'q${?}*' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/code': 'q?xyz' }), 'Allow'),
  kase('var-cond-like-escape-question-not-wildcard', '§4.6: ${?} does not match an arbitrary character', idDoc(allow('s3:GetObject', '*', { StringLike: { 'aws:PrincipalTag/code': 'q${?}*' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/code': 'qxyz' }), 'ImplicitDeny'),
  kase('var-cond-dollar-escape', '§4.6: ${$} is a literal $', idDoc(allow('s3:GetObject', '*', { StringEquals: { 'aws:PrincipalTag/code': 'cost${$}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalTag/code': 'cost$' }), 'Allow'),
  kase('var-cond-arn', '§4.6: variables in ArnLike values', idDoc(allow('s3:GetObject', '*', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:PrincipalAccount}:*' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalAccount': A, 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:topic` }), 'Allow'),
  kase('var-cond-arn-other-account', '§4.6: ArnLike with a substituted account that differs', idDoc(allow('s3:GetObject', '*', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:${aws:PrincipalAccount}:*' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalAccount': A, 'aws:SourceArn': `arn:aws:sns:us-east-1:${B}:topic` }), 'ImplicitDeny'),
  kase('var-cond-resource-account', '§4.6: data-perimeter pattern aws:ResourceAccount = ${aws:PrincipalAccount}', idDoc(allow('s3:GetObject', '*', { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalAccount': A, 'aws:ResourceAccount': A }), 'Allow'),
  kase('var-cond-resource-account-other', '§4.6: aws:ResourceAccount differs from ${aws:PrincipalAccount}', idDoc(allow('s3:GetObject', '*', { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } })), get(ALICE, 'arn:aws:s3:::data-bucket/k', { 'aws:PrincipalAccount': A, 'aws:ResourceAccount': B }), 'ImplicitDeny')
]

// prettier-ignore
const elsewhere = [
  kase('var-in-principal-literal', '§4.6: no variables in Principal (literal user name ${aws:username})', { resource: doc(rallow(aws(`arn:aws:iam::${A}:user/\${aws:username}`), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, req(ALICE, 's3:GetObject', 'arn:aws:s3:::data-bucket/k', { 'aws:username': 'alice' }, { resourceAccount: A }), 'ImplicitDeny'),
  kase('var-notresource-unresolved-allow', '§3.2 [UNCERTAIN]: unresolvable NotResource entry excludes nothing (Allow applies)', idDoc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: `${HOME}/\${aws:username}/*` }), get(SESSION, `${HOME}/x/n.txt`), 'Allow'),
  kase('var-notresource-unresolved-deny', '§3.2 [UNCERTAIN]: unresolvable NotResource entry excludes nothing (Deny applies everywhere)', idDoc(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: `${HOME}/\${aws:username}/*` }), get(SESSION, `${HOME}/x/n.txt`), 'ExplicitDeny'),
  kase('var-notresource-resolved-spares', '§3.2, §4.6: resolved NotResource entry spares the own home prefix', idDoc(allow('s3:*'), { Effect: 'Deny', Action: 's3:*', NotResource: `${HOME}/\${aws:username}/*` }), get(ALICE, `${HOME}/alice/n.txt`, { 'aws:username': 'alice' }), 'Allow')
]

export const groups = { resource, versions, conditions, elsewhere }
