// IAM-SEMANTICS §2: invalid documents are reported, never evaluated "best effort" (→ Error with
// the listed diagnostic codes). Also documents that are valid with warnings (they evaluate), and
// malformed cases (the case file itself, not a policy, is wrong).
import {
  A,
  ALICE,
  OBJ,
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
import { raw } from './raw.mjs'

const get = (principal = ALICE) => req(principal, 's3:GetObject', OBJ, {}, { resourceAccount: A })
const codes = (...expectDiagnosticCodes) => ({ expectDiagnosticCodes })
const err = (id, note, policies, expectCodes, request = get()) =>
  kase(id, note, policies, request, 'Error', codes(...expectCodes))
const idp = (...statements) => ({ identity: [doc(...statements)] })
const cond = (condition) => idp(allow('s3:GetObject', '*', condition))
const V = '"Version":"2012-10-17"'

// prettier-ignore
const syntax = [
  err('inv-duplicate-effect', '§2: duplicate keys are invalid (Effect twice; JSON.parse would keep the last)', { identity: [raw(`{${V},"Statement":[{"Effect":"Deny","Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)] }, ['json-duplicate-key']),
  err('inv-duplicate-operator', '§2: duplicate condition operator keys are invalid', { identity: [raw(`{${V},"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/a":"x"},"StringEquals":{"aws:PrincipalTag/b":"y"}}}]}`)] }, ['json-duplicate-key']),
  err('inv-duplicate-condition-key', '§2: duplicate condition keys under one operator are invalid', { identity: [raw(`{${V},"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/a":"x","aws:PrincipalTag/a":"y"}}}]}`)] }, ['json-duplicate-key']),
  err('inv-duplicate-statement-key', '§2: duplicate top-level Statement keys are invalid', { identity: [raw(`{${V},"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}],"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)] }, ['json-duplicate-key']),
  err('inv-duplicate-in-resource-policy', '§2: duplicate Principal keys in a resource policy', { resource: raw(`{${V},"Statement":[{"Effect":"Allow","Principal":{"AWS":"${ALICE}"},"Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data-bucket/*"}]}`) }, ['json-duplicate-key'])
]

// prettier-ignore
const structure = [
  err('inv-effect-lowercase', '§2: Effect is case-sensitive ("allow" is invalid)', idp({ Effect: 'allow', Action: 's3:*', Resource: '*' }), ['statement-effect-invalid']),
  err('inv-effect-trailing-space', '§2: Effect must be exactly "Allow" or "Deny"', idp({ Effect: 'Allow ', Action: 's3:*', Resource: '*' }), ['statement-effect-invalid']),
  err('inv-effect-missing', '§2: Effect is required', idp({ Action: 's3:*', Resource: '*' }), [
    'statement-effect-missing'
  ]),
  err('inv-version-unknown', '§2: unknown Version', { identity: [docV('2012-10-18', allow('s3:*'))] }, ['policy-version-invalid']),
  err('inv-version-date-format', '§2: Version must be one of the two literals', { identity: [docV('2012-10-17T00:00:00Z', allow('s3:*'))] }, ['policy-version-invalid']),
  err('inv-action-and-notaction', '§2: Action and NotAction together', idp({ Effect: 'Allow', Action: 's3:*', NotAction: 'iam:*', Resource: '*' }), ['statement-action-conflict']),
  err('inv-action-missing', '§2: Action or NotAction is required', idp({ Effect: 'Allow', Resource: '*' }), ['statement-action-missing']),
  err('inv-resource-and-notresource', '§2: Resource and NotResource together', idp({ Effect: 'Allow', Action: 's3:*', Resource: '*', NotResource: 'arn:aws:s3:::x/*' }), ['statement-resource-conflict']),
  err('inv-resource-missing-identity', '§2: Resource is required in identity policies', idp({ Effect: 'Allow', Action: 's3:*' }), ['statement-resource-missing']),
  err('inv-resource-missing-scp', '§2: Resource is required in SCPs', { identity: [doc(allow('*'))], scp: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*' }] }] }, ['statement-resource-missing']),
  err('inv-statement-missing', '§2: Statement is required', { identity: [{ Version: '2012-10-17' }] }, ['policy-statement-missing']),
  err('inv-statement-empty', '§2: Statement array must not be empty', { identity: [{ Version: '2012-10-17', Statement: [] }] }, ['policy-statement-empty']),
  err('inv-statement-not-object', '§2: a statement is an object', { identity: [{ Version: '2012-10-17', Statement: ['Allow s3:*'] }] }, ['statement-not-object']),
  err('inv-policy-not-object', '§2: a policy document is an object', { identity: [[allow('s3:*')]] }, ['policy-not-object']),
  err('inv-statement-unknown-element', '§2: unknown statement element (Actions)', idp({ Effect: 'Allow', Actions: 's3:*', Resource: '*' }), ['statement-element-unknown']),
  err('inv-policy-unknown-element', '§2: unknown top-level element (Statements)', { identity: [{ Version: '2012-10-17', Statements: [allow('s3:*')] }] }, ['policy-element-unknown']),
  err('inv-action-number', '§2: Action must be a string or an array of strings', idp({ Effect: 'Allow', Action: 5, Resource: '*' }), ['value-type']),
  err('inv-action-empty-array', '§2: an empty Action list', idp({ Effect: 'Allow', Action: [], Resource: '*' }), ['value-empty']),
  err('inv-action-no-colon', '§2: actions are "service:Name" or "*"', idp(allow('s3GetObject')), [
    'action-invalid'
  ]),
  err('inv-resource-not-arn', '§2: a resource is "*" or an ARN', idp(allow('s3:GetObject', 'data-bucket/k')), ['resource-invalid']),
  err('inv-resource-wildcard-service', '§3.2: wildcards are not allowed in the service segment', idp(allow('s3:GetObject', 'arn:aws:s*:::data-bucket/*')), ['resource-wildcard-service']),
  err('inv-resource-wildcard-type-word', '§3.2 [UNCERTAIN]: wildcards are not allowed in the resource-type word (arn:aws:iam::A:u*)', idp(allow('iam:GetUser', `arn:aws:iam::${A}:u*`)), ['resource-wildcard-type'], req(ALICE, 'iam:GetUser', `arn:aws:iam::${A}:user/alice`)),
  err('inv-sid-duplicate', '§2: Sids must be unique within the policy', idp(allow('s3:GetObject', '*', undefined, 'Same'), allow('s3:PutObject', '*', undefined, 'Same')), ['statement-sid-duplicate']),
  err('inv-condition-not-object', '§2: Condition is an object of operators', idp({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: 'aws:SecureTransport' }), ['condition-not-object']),
  err('inv-condition-key-empty', '§2: condition keys are non-empty strings', cond({ StringEquals: { '': 'x' } }), ['condition-key-invalid']),
  err('inv-condition-value-null', '§2: condition values are strings, numbers or booleans (null is invalid)', cond({ StringEquals: { 'aws:PrincipalTag/a': null } }), [])
]

// prettier-ignore
const principals = [
  err('inv-principal-in-identity', '§2: Principal is forbidden in identity policies', idp(rallow(aws(ALICE), 's3:*', '*')), ['statement-principal-forbidden']),
  err('inv-principal-in-boundary', '§2: Principal is forbidden in permissions boundaries', { identity: [doc(allow('s3:*'))], boundary: [doc(rallow('*', 's3:*', '*'))] }, ['statement-principal-forbidden']),
  err('inv-principal-in-session', '§2: Principal is forbidden in session policies', { identity: [doc(allow('s3:*'))], session: doc(rallow('*', 's3:*', '*')) }, ['statement-principal-forbidden'], get(SESSION)),
  err('inv-principal-in-scp', '§2: Principal is forbidden in SCPs', { identity: [doc(allow('s3:*'))], scp: [doc(rallow('*', '*', '*'))] }, ['statement-principal-forbidden']),
  err('inv-principal-missing-resource-policy', '§2: Principal is required in resource-based policies', { resource: doc(allow('s3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, ['statement-principal-missing']),
  err('inv-notprincipal-allow', '§2: NotPrincipal is valid only with Deny', { resource: doc({ Effect: 'Allow', NotPrincipal: aws(ALICE), Action: 's3:*', Resource: 'arn:aws:s3:::data-bucket/*' }) }, ['statement-notprincipal-allow']),
  err('inv-principal-and-notprincipal', '§2: Principal and NotPrincipal together', { resource: doc({ Effect: 'Deny', Principal: '*', NotPrincipal: aws(ALICE), Action: 's3:*', Resource: 'arn:aws:s3:::data-bucket/*' }) }, ['statement-principal-conflict']),
  err('inv-principal-partial-wildcard', '§2: no partial wildcards in principals (user/*)', { resource: doc(rallow(aws(`arn:aws:iam::${A}:user/*`), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')) }, ['principal-invalid']),
  err('inv-rcp-principal-not-star', '§2: RCP statements use Principal "*" only', { identity: [doc(allow('s3:*'))], rcp: [doc(rallow(aws(ALICE), '*', '*'))] }, ['principal-rcp']),
  err('inv-rcp-notprincipal', '§2: NotPrincipal is not allowed in RCPs', { identity: [doc(allow('s3:*'))], rcp: [doc(rallow('*', '*', '*'), { Effect: 'Deny', NotPrincipal: aws(ALICE), Action: 's3:*', Resource: '*' })] }, [])
]

// prettier-ignore
const values = [
  err('inv-operator-unknown', '§2, §4.1: unknown condition operator', cond({ StringEqualz: { 'aws:PrincipalTag/a': 'x' } }), ['condition-operator-unknown']),
  err('inv-operator-wrong-case', '§4.1 [UNCERTAIN]: operator names are case-sensitive (stringEquals)', cond({ stringEquals: { 'aws:PrincipalTag/a': 'x' } }), ['condition-operator-unknown']),
  err('inv-qualifier-wrong-case', '§4.1 [UNCERTAIN]: set qualifiers are case-sensitive (forAnyValue:)', cond({ 'forAnyValue:StringEquals': { 'aws:TagKeys': 'x' } }), ['condition-operator-unknown']),
  err('inv-null-ifexists', '§4.2: Null takes no IfExists suffix', cond({ NullIfExists: { 'aws:PrincipalTag/a': 'true' } }), ['condition-operator-null-ifexists']),
  err('inv-numeric-not-number', '§2: non-numeric value under a Numeric operator', cond({ NumericLessThan: { 's3:max-keys': 'ten' } }), ['condition-value-invalid']),
  err('inv-numeric-variable', '§4.6: no variables in Numeric values, so ${…} is a non-numeric literal', cond({ NumericLessThan: { 's3:max-keys': '${aws:PrincipalTag/limit}' } }), ['condition-value-invalid']),
  err('inv-date-not-date', '§2: non-date value under a Date operator', cond({ DateLessThan: { 'aws:CurrentTime': 'next tuesday' } }), ['condition-value-invalid']),
  err('inv-date-month-13', '§2: an impossible date', cond({ DateLessThan: { 'aws:CurrentTime': '2025-13-01T00:00:00Z' } }), ['condition-value-invalid']),
  err('inv-date-variable', '§4.6: no variables in Date values', cond({ DateLessThan: { 'aws:CurrentTime': '${aws:PrincipalTag/expiry}' } }), ['condition-value-invalid']),
  err('inv-cidr-prefix-33', '§2: malformed CIDR (/33)', cond({ IpAddress: { 'aws:SourceIp': '192.0.2.0/33' } }), ['condition-value-invalid']),
  err('inv-cidr-octet-300', '§2: malformed IPv4 address', cond({ IpAddress: { 'aws:SourceIp': '300.1.1.1/32' } }), ['condition-value-invalid']),
  err('inv-cidr-ipv6', '§2: malformed IPv6 address', cond({ NotIpAddress: { 'aws:SourceIp': '2001:db8:::1/64' } }), ['condition-value-invalid']),
  err('inv-ip-variable', '§4.6: no variables in IP values', cond({ IpAddress: { 'aws:SourceIp': '${aws:PrincipalTag/ip}' } }), ['condition-value-invalid']),
  err('inv-binary-not-base64', '§2: non-base64 value under BinaryEquals', cond({ BinaryEquals: { 'custom:Blob': 'not base64!' } }), ['condition-value-invalid']),
  err('inv-bool-yes', '§4.2: Bool values are true/false', cond({ Bool: { 'aws:SecureTransport': 'yes' } }), ['condition-value-invalid']),
  err('inv-bool-variable-2008', '§4.6, §7.2: Bool substitutes variables only under Version 2012-10-17; under 2008-10-17 ${…} is literal, so not true/false', { identity: [docV('2008-10-17', allow('s3:GetObject', '*', { Bool: { 'aws:SecureTransport': '${aws:PrincipalTag/tls}' } }))] }, ['condition-value-invalid'])
]

// prettier-ignore
const anywhere = [
  err('inv-second-identity-policy', '§2: one invalid identity document makes the case invalid', { identity: [doc(allow('s3:*')), doc({ Effect: 'allow', Action: 'ec2:*', Resource: '*' })] }, ['statement-effect-invalid']),
  err('inv-boundary-document', '§2: invalid boundary document (never evaluated best effort)', { identity: [doc(allow('s3:*'))], boundary: [doc({ Effect: 'Allow', Action: 's3:*' })] }, ['statement-resource-missing']),
  err('inv-session-document', '§2: invalid session policy', { identity: [doc(allow('s3:*'))], session: docV('2012-10-18', allow('s3:*')) }, ['policy-version-invalid'], get(SESSION)),
  err('inv-scp-level-array', '§2: invalid document inside an SCP level array', { identity: [doc(allow('s3:*'))], scp: [[doc(allow('*')), doc(deny('s3:*', '*', { StringEqualz: { 'aws:PrincipalTag/a': 'x' } }))]] }, ['condition-operator-unknown']),
  err('inv-rcp-document', '§2: invalid RCP document', { identity: [doc(allow('s3:*'))], rcp: [doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { NumericEquals: { 'aws:x': 'NaN?' } } })] }, ['condition-value-invalid']),
  err('inv-resource-policy-document', '§2: invalid resource policy even though the request would not need it', { identity: [doc(allow('s3:*'))], resource: doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::data-bucket/*', NotResource: 'arn:aws:s3:::x' }) }, ['statement-resource-conflict']),
  kase('inv-requests-case', '§2: a case with several requests and an invalid policy is Error as a whole', { identity: [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { NullIfExists: { 'aws:x': 'true' } } })] }, [get(), req(ALICE, 's3:PutObject', OBJ)], 'Error', codes('condition-operator-null-ifexists'))
]

// prettier-ignore
const validWithWarnings = [
  kase('ok-id-in-identity', '§2 [UNCERTAIN]: Id in an identity policy is only a warning; the policy evaluates', { identity: [{ Version: '2012-10-17', Id: 'my-policy', Statement: [allow('s3:GetObject')] }] }, get(), 'Allow'),
  kase('ok-id-in-resource-policy', '§2: Id is fine in a resource policy', { resource: { Version: '2012-10-17', Id: 'bucket-policy', Statement: [rallow(aws(ALICE), 's3:GetObject', 'arn:aws:s3:::data-bucket/*')] } }, get(), 'Allow'),
  kase('ok-sid-non-alphanumeric', '§2: a Sid with dashes is at most a warning', idp(allow('s3:GetObject', '*', undefined, 'allow-read')), get(), 'Allow'),
  kase('ok-version-missing', '§2: Version is optional', { identity: [{ Statement: [allow('s3:GetObject')] }] }, get(), 'Allow'),
  kase('ok-version-2008', '§2: Version 2008-10-17 is valid', { identity: [docV('2008-10-17', allow('s3:GetObject'))] }, get(), 'Allow'),
  kase('ok-statement-single-object', '§2: Statement may be a single object', { identity: [{ Version: '2012-10-17', Statement: allow('s3:GetObject') }] }, get(), 'Allow'),
  kase('ok-keys-any-order', '§2: keys may appear in any order', { identity: [{ Statement: [{ Resource: '*', Action: 's3:GetObject', Effect: 'Allow' }], Version: '2012-10-17' }] }, get(), 'Allow'),
  kase('ok-sid-duplicate-across-policies', '§2: Sids need to be unique only within one policy', { identity: [doc(allow('s3:GetObject', '*', undefined, 'Read')), doc(allow('s3:PutObject', '*', undefined, 'Read'))] }, get(), 'Allow'),
  kase('ok-condition-values-mixed-types', '§2: condition values may mix strings, numbers and booleans', idp(allow('s3:GetObject', '*', { StringEquals: { 'aws:PrincipalTag/a': ['x', 1, true] } })), req(ALICE, 's3:GetObject', OBJ, { 'aws:PrincipalTag/a': '1' }, { resourceAccount: A }), 'Allow'),
  kase('ok-request-without-context', '§6: a request may omit context (no keys)', idp(allow('s3:GetObject', '*', { Null: { 'aws:SourceIp': 'true' } })), { principal: ALICE, action: 's3:GetObject', resource: OBJ }, 'Allow'),
  kase('ok-trust-policy-no-resource', '§2: a resource-based statement may omit Resource', { resource: doc(rallow(aws(ALICE), 'sts:AssumeRole')) }, req(ALICE, 'sts:AssumeRole', `arn:aws:iam::${A}:role/TargetRole`), 'Allow')
]

// The case itself is malformed (not a policy): the runner reports Error for that case only.
// prettier-ignore
const malformed = [
  kase('case-request-missing-action', 'runner: a request without action is a malformed case', { identity: [doc(allow('s3:*'))] }, { principal: ALICE, resource: OBJ }, 'Error'),
  kase('case-request-missing-principal', 'runner: a request without principal is a malformed case', { identity: [doc(allow('s3:*'))] }, { action: 's3:GetObject', resource: OBJ }, 'Error'),
  kase('case-unknown-policy-slot', 'runner: an unknown key in policies (identiy) is an error, never ignored', { identiy: [doc(allow('s3:*'))] }, get(), 'Error'),
  kase('case-context-object-value', 'runner: context values are strings, numbers, booleans or arrays of them', { identity: [doc(allow('s3:*'))] }, req(ALICE, 's3:GetObject', OBJ, { 'aws:PrincipalTag/a': { nested: true } }), 'Error'),
  kase('case-identity-not-array', 'runner/§6: identity is an array of documents', { identity: doc(allow('s3:*')) }, get(), 'Error'),
  kase('case-requests-empty', 'runner: requests must not be empty', { identity: [doc(allow('s3:*'))] }, [], 'Error'),
  kase('case-unknown-action', 'runner: a request action that is not in the IAM catalogue (typo) is refused', { identity: [doc(allow('s3:*'))] }, req(ALICE, 's3:GetObjekt', OBJ), 'Error', codes('action-unknown'))
]

export const groups = {
  'json-syntax': syntax,
  structure,
  principals,
  'condition-values': values,
  'any-slot': anywhere,
  'valid-with-warnings': validWithWarnings,
  'malformed-cases': malformed
}
