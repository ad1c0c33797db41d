// IAM-SEMANTICS §4.2 (Bool, BinaryEquals), §4.3 (documented MFA consequences), §4.5.
// base64("Hello") = "SGVsbG8=", base64("hello world") = "aGVsbG8gd29ybGQ=".
import { condCase as c } from './helpers.mjs'

const TLS = 'aws:SecureTransport'
const MFA = 'aws:MultiFactorAuthPresent'
const VIA = 'aws:ViaAWSService'

// prettier-ignore
const bool = [
  c('bool-true-json-context', '§4.2: Bool "true" vs JSON boolean true in the context', 'allow', { Bool: { [TLS]: 'true' } }, { [TLS]: true }, 'Allow'),
  c('bool-true-vs-false', '§4.2: Bool "true" vs "false"', 'allow', { Bool: { [TLS]: 'true' } }, { [TLS]: 'false' }, 'ImplicitDeny'),
  c('bool-json-policy', '§2: JSON boolean policy value true', 'allow', { Bool: { [TLS]: true } }, { [TLS]: 'true' }, 'Allow'),
  c('bool-json-false-policy', '§2: JSON boolean policy value false vs context false', 'allow', { Bool: { [TLS]: false } }, { [TLS]: false }, 'Allow'),
  c('bool-case-policy', '§4.2 [UNCERTAIN]: Bool compares case-insensitively (policy "True")', 'allow', { Bool: { [TLS]: 'True' } }, { [TLS]: 'true' }, 'Allow'),
  c('bool-case-context', '§4.2 [UNCERTAIN]: Bool compares case-insensitively (context "TRUE")', 'allow', { Bool: { [TLS]: 'true' } }, { [TLS]: 'TRUE' }, 'Allow'),
  c('bool-missing', '§4.3: Bool, key absent → false', 'allow', { Bool: { [TLS]: 'true' } }, {}, 'ImplicitDeny'),
  c('bool-ifexists-missing', '§4.3: BoolIfExists, key absent → true', 'allow', { BoolIfExists: { [TLS]: 'true' } }, {}, 'Allow'),
  c('bool-ifexists-present-false', '§4.3: BoolIfExists, key present and different → false', 'allow', { BoolIfExists: { [TLS]: 'true' } }, { [TLS]: 'false' }, 'ImplicitDeny'),
  c('bool-mfa-deny-long-term', '§4.3 (documented): Deny+Bool MFA false does not deny long-term credentials (key absent)', 'deny', { Bool: { [MFA]: 'false' } }, {}, 'Allow'),
  c('bool-mfa-deny-ifexists-long-term', '§4.3 (documented): Deny+BoolIfExists MFA false denies long-term credentials', 'deny', { BoolIfExists: { [MFA]: 'false' } }, {}, 'ExplicitDeny'),
  c('bool-mfa-deny-temp-no-mfa', '§4.3: Deny+Bool MFA false denies a session without MFA', 'deny', { Bool: { [MFA]: 'false' } }, { [MFA]: false }, 'ExplicitDeny'),
  c('bool-mfa-deny-ifexists-with-mfa', '§4.3: Deny+BoolIfExists MFA false does not deny with MFA', 'deny', { BoolIfExists: { [MFA]: 'false' } }, { [MFA]: 'true' }, 'Allow'),
  c('bool-values-or', '§4.1: Bool with ["true", "false"] is true whenever the key is present', 'allow', { Bool: { [TLS]: ['true', 'false'] } }, { [TLS]: 'false' }, 'Allow'),
  c('bool-context-unparsable', '§4.5 [UNCERTAIN]: an unparsable context boolean makes the comparison false', 'allow', { Bool: { [TLS]: 'true' } }, { [TLS]: 'yes' }, 'ImplicitDeny'),
  c('bool-key-case', '§4.1: Bool key name case-insensitive', 'allow', { Bool: { 'AWS:SECURETRANSPORT': 'true' } }, { [TLS]: true }, 'Allow'),
  // §7.2 resolved by the condition operators page (R16): Boolean supports policy variables
  c('bool-variable-equal', '§4.6, §7.2: Bool substitutes ${aws:SecureTransport} (both true)', 'allow', { Bool: { [VIA]: '${aws:SecureTransport}' } }, { [VIA]: 'true', [TLS]: 'true' }, 'Allow'),
  c('bool-variable-differ', '§4.6, §7.2: Bool with a variable, values differ', 'allow', { Bool: { [VIA]: '${aws:SecureTransport}' } }, { [VIA]: 'false', [TLS]: 'true' }, 'ImplicitDeny'),
  c('bool-variable-both-false', '§4.6, §7.2: Bool with a variable, both false', 'allow', { Bool: { [VIA]: '${aws:SecureTransport}' } }, { [VIA]: false, [TLS]: false }, 'Allow'),
  c('bool-variable-missing', '§4.6: the variable has no value: the policy value matches nothing', 'allow', { Bool: { [VIA]: '${aws:SecureTransport}' } }, { [VIA]: 'true' }, 'ImplicitDeny'),
  c('bool-variable-not-boolean', '§4.6, §7.2: the variable resolves to no boolean: matches nothing', 'allow', { Bool: { [VIA]: '${aws:SecureTransport}' } }, { [VIA]: 'true', [TLS]: 'yes' }, 'ImplicitDeny'),
  c('bool-variable-default', '§4.6: the default is used when the key is absent', 'allow', { Bool: { [VIA]: "${aws:SecureTransport, 'true'}" } }, { [VIA]: 'true' }, 'Allow'),
  c('bool-variable-deny', '§4.6, §7.2: a Deny with a Bool variable applies when the values agree', 'deny', { Bool: { [VIA]: '${aws:SecureTransport}' } }, { [VIA]: 'false', [TLS]: 'false' }, 'ExplicitDeny')
]

// The request value of a binary key is given as base-64 text in the JSON context (project
// convention, docs/OPERATORS.md [UNCERTAIN]: a JSON string cannot carry arbitrary bytes), so both
// sides are decoded before the bytes are compared.
// prettier-ignore
const binary = [
  c('bin-eq-decoded', '§4.2: BinaryEquals compares decoded bytes (both sides base-64)', 'allow', { BinaryEquals: { 'custom:Blob': 'SGVsbG8=' } }, { 'custom:Blob': 'SGVsbG8=' }, 'Allow'),
  c('bin-eq-decoded-mismatch', '§4.2: BinaryEquals with different bytes (base64("hello") vs base64("Hello"))', 'allow', { BinaryEquals: { 'custom:Blob': 'SGVsbG8=' } }, { 'custom:Blob': 'aGVsbG8=' }, 'ImplicitDeny'),
  c('bin-eq-context-not-base64', '§4.2, §4.5 [UNCERTAIN]: a request value that is not base-64 cannot be decoded, so the comparison is false', 'allow', { BinaryEquals: { 'custom:Blob': 'SGVsbG8=' } }, { 'custom:Blob': 'Hello' }, 'ImplicitDeny'),
  c('bin-eq-spaces', '§4.2: decoded bytes with a space', 'allow', { BinaryEquals: { 'custom:Blob': 'aGVsbG8gd29ybGQ=' } }, { 'custom:Blob': 'aGVsbG8gd29ybGQ=' }, 'Allow'),
  c('bin-eq-values-or', '§4.1: BinaryEquals values ORed', 'allow', { BinaryEquals: { 'custom:Blob': ['aGVsbG8gd29ybGQ=', 'SGVsbG8='] } }, { 'custom:Blob': 'SGVsbG8=' }, 'Allow'),
  c('bin-eq-missing', '§4.3: BinaryEquals, key absent → false', 'allow', { BinaryEquals: { 'custom:Blob': 'SGVsbG8=' } }, {}, 'ImplicitDeny'),
  c('bin-eq-ifexists-missing', '§4.3: BinaryEqualsIfExists, key absent → true', 'allow', { BinaryEqualsIfExists: { 'custom:Blob': 'SGVsbG8=' } }, {}, 'Allow'),
  c('bin-eq-deny', '§4.2: Deny with BinaryEquals that holds', 'deny', { BinaryEquals: { 'custom:Blob': 'SGVsbG8=' } }, { 'custom:Blob': 'SGVsbG8=' }, 'ExplicitDeny')
]

export const groups = { bool, binary }
