// IAM-SEMANTICS §3.1: Action / NotAction matching.
import { ALICE, OBJ, allow, allowNot, deny, denyNot, doc, kase, req } from './helpers.mjs'

const id = (...statements) => ({ identity: [doc(...statements)] })
const s3 = (action, resource = OBJ) => req(ALICE, action, resource)

// prettier-ignore
const matching = [
  kase('act-exact', '§3.1: exact action match', id(allow('s3:GetObject')), s3('s3:GetObject'), 'Allow'),
  kase('act-exact-other', '§3.1: a different action does not match', id(allow('s3:GetObject')), s3('s3:PutObject'), 'ImplicitDeny'),
  kase('act-case-policy-upper', '§3.1: compared case-insensitively (policy upper case)', id(allow('S3:GETOBJECT')), s3('s3:GetObject'), 'Allow'),
  kase('act-case-request-lower', '§3.1: compared case-insensitively (request lower case)', id(allow('s3:GetObject')), s3('s3:getobject'), 'Allow'),
  kase('act-case-service-upper', '§3.1: the service prefix is case-insensitive too', id(allow('EC2:*')), req(ALICE, 'ec2:StartInstances', '*'), 'Allow'),
  kase('act-case-lower-camel', '§3.1: lower-camel spelling from managed policies (sns:publish)', id(allow('sns:publish')), req(ALICE, 'sns:Publish', '*'), 'Allow'),
  kase('act-star-all', '§3.1: "*" matches every action', id(allow('*')), req(ALICE, 'iam:CreateUser', '*'), 'Allow'),
  kase('act-service-star', '§3.1: s3:* matches any s3 action', id(allow('s3:*')), s3('s3:ListAllMyBuckets', '*'), 'Allow'),
  kase('act-service-star-other-namespace', '§3.1: s3:* does not match s3-object-lambda:GetObject (whole namespace)', id(allow('s3:*')), s3('s3-object-lambda:GetObject'), 'ImplicitDeny'),
  kase('act-service-star-s3express', '§3.1: s3:* does not match s3express:CreateSession', id(allow('s3:*')), s3('s3express:CreateSession', '*'), 'ImplicitDeny'),
  kase('act-prefix-star', '§3.1: s3:Get* matches s3:GetObjectAcl', id(allow('s3:Get*')), s3('s3:GetObjectAcl'), 'Allow'),
  kase('act-prefix-star-empty-run', '§3.1: * matches an empty run (s3:GetObject* matches s3:GetObject)', id(allow('s3:GetObject*')), s3('s3:GetObject'), 'Allow'),
  kase('act-prefix-star-mismatch', '§3.1: s3:Get* does not match s3:PutObject', id(allow('s3:Get*')), s3('s3:PutObject'), 'ImplicitDeny'),
  kase('act-anchored-no-prefix', '§3.1: whole-string match, s3:Get does not match s3:GetObject', id(allow('s3:Get')), s3('s3:GetObject'), 'ImplicitDeny'),
  kase('act-anchored-suffix', '§3.1: whole-string match, s3:GetObject does not match s3:GetObjectAcl', id(allow('s3:GetObject')), s3('s3:GetObjectAcl'), 'ImplicitDeny'),
  kase('act-infix-star', '§3.1: s3:*Object* matches s3:PutObjectAcl', id(allow('s3:*Object*')), s3('s3:PutObjectAcl'), 'Allow'),
  kase('act-infix-star-mismatch', '§3.1: s3:*Object* does not match s3:ListBucket', id(allow('s3:*Object*')), s3('s3:ListBucket', 'arn:aws:s3:::data-bucket'), 'ImplicitDeny'),
  kase('act-suffix-star', '§3.1: iam:*User matches iam:CreateUser', id(allow('iam:*User')), req(ALICE, 'iam:CreateUser', '*'), 'Allow'),
  kase('act-suffix-star-anchored', '§3.1: iam:*User does not match iam:CreateUserX-like longer names (iam:GetUserPolicy)', id(allow('iam:*User')), req(ALICE, 'iam:GetUserPolicy', '*'), 'ImplicitDeny'),
  kase('act-question-one-char', '§3.1: ? is exactly one character (s3:Get?bject)', id(allow('s3:Get?bject')), s3('s3:GetObject'), 'Allow'),
  kase('act-question-first', '§3.1: ? at the start of the name (s3:?etObject)', id(allow('s3:?etObject')), s3('s3:GetObject'), 'Allow'),
  kase('act-question-anchored', '§3.1: s3:Get?bject does not match s3:GetObjectAcl (anchored)', id(allow('s3:Get?bject')), s3('s3:GetObjectAcl'), 'ImplicitDeny'),
  kase('act-question-count-exact', '§3.1: three ? match exactly three characters (s3:GetObject??? ↔ GetObjectAcl)', id(allow('s3:GetObject???')), s3('s3:GetObjectAcl'), 'Allow'),
  kase('act-question-count-short', '§3.1: two ? do not match three characters', id(allow('s3:GetObject??')), s3('s3:GetObjectAcl'), 'ImplicitDeny'),
  kase('act-question-not-empty', '§3.1: ? never matches an empty run (s3:GetObject? vs s3:GetObject)', id(allow('s3:GetObject?')), s3('s3:GetObject'), 'ImplicitDeny'),
  kase('act-question-case', '§3.1: ? with case-insensitive comparison (S3:GET?BJECT)', id(allow('S3:GET?BJECT')), s3('s3:GetObject'), 'Allow'),
  kase('act-array-any', '§3.1: Action array, any entry matching is enough', id(allow(['ec2:StartInstances', 's3:GetObject'])), s3('s3:GetObject'), 'Allow'),
  kase('act-array-none', '§3.1: Action array, no entry matches', id(allow(['ec2:StartInstances', 's3:PutObject'])), s3('s3:GetObject'), 'ImplicitDeny'),
  kase('act-two-statements-second-matches', '§1: statement order never matters; the second statement grants', id(allow('ec2:*'), allow('s3:GetObject')), s3('s3:GetObject'), 'Allow')
]

// prettier-ignore
const notAction = [
  kase('notact-allow-other-service', '§3.1: Allow+NotAction grants everything not listed', id(allowNot('iam:*')), s3('s3:GetObject'), 'Allow'),
  kase('notact-allow-listed-service', '§3.1: Allow+NotAction does not grant listed actions', id(allowNot('iam:*')), req(ALICE, 'iam:CreateUser', '*'), 'ImplicitDeny'),
  kase('notact-allow-case', '§3.1: NotAction patterns are case-insensitive (IAM:* excludes iam:CreateUser)', id(allowNot('IAM:*')), req(ALICE, 'iam:CreateUser', '*'), 'ImplicitDeny'),
  kase('notact-allow-array', '§3.1: NotAction array: applicable only if no entry matches', id(allowNot(['iam:*', 'organizations:*'])), req(ALICE, 'organizations:LeaveOrganization', '*'), 'ImplicitDeny'),
  kase('notact-allow-scoped-resource', '§3.1: Allow+NotAction is scoped by Resource', id(allowNot('iam:*', 'arn:aws:s3:::other-bucket/*')), s3('s3:GetObject'), 'ImplicitDeny'),
  kase('notact-allow-scoped-resource-match', '§3.1: Allow+NotAction with a matching Resource grants', id(allowNot('iam:*', 'arn:aws:s3:::data-bucket/*')), s3('s3:GetObject'), 'Allow'),
  kase('notact-deny-everything-else', '§3.1: Deny+NotAction denies everything not listed', id(allow('*'), denyNot(['iam:*', 'sts:*'])), s3('s3:GetObject'), 'ExplicitDeny'),
  kase('notact-deny-spares-listed', '§3.1: Deny+NotAction does not apply to listed actions', id(allow('*'), denyNot(['iam:*', 'sts:*'])), req(ALICE, 'iam:GetUser', '*'), 'Allow'),
  kase('notact-question', '§3.1: NotAction with ? (s3:Get?bject excludes GetObject only)', id(allowNot('s3:Get?bject')), s3('s3:GetObjectAcl'), 'Allow'),
  kase('notact-question-excluded', '§3.1: NotAction s3:Get?bject excludes s3:GetObject', id(allowNot('s3:Get?bject')), s3('s3:GetObject'), 'ImplicitDeny'),
  kase('notact-star-excludes-all', '§3.1: NotAction "*" matches nothing: the Allow never applies', id(allowNot('*')), s3('s3:GetObject'), 'ImplicitDeny'),
  kase('notact-deny-namespace', '§3.1: Deny NotAction s3:* applies to s3-object-lambda (different namespace)', id(allow('*'), denyNot('s3:*')), s3('s3-object-lambda:GetObject'), 'ExplicitDeny'),
  kase('act-deny-star-beats-allow', '§1, §3.1: Deny "*" denies every action', id(allow('s3:GetObject'), deny('*')), s3('s3:GetObject'), 'ExplicitDeny'),
  kase('act-deny-prefix-case', '§3.1: Deny S3:delete* (mixed case) denies s3:DeleteObject', id(allow('s3:*'), deny('S3:delete*')), s3('s3:DeleteObject'), 'ExplicitDeny'),
  kase('act-deny-prefix-other', '§3.1: Deny s3:Delete* does not touch s3:GetObject', id(allow('s3:*'), deny('s3:Delete*')), s3('s3:GetObject'), 'Allow')
]

export const groups = { matching, 'not-action': notAction }
