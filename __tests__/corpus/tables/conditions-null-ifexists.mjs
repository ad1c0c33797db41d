// IAM-SEMANTICS §4.2 (Null), §4.3 (missing keys and …IfExists on every family), §4.4 (Null + []).
import { A, condCase as c } from './helpers.mjs'

const MFA = 'aws:MultiFactorAuthPresent'
const T = 'aws:RequestTag/env'

// prettier-ignore
const nullOp = [
  c('null-true-absent', '§4.2: Null "true" ⇔ key absent', 'allow', { Null: { [T]: 'true' } }, {}, 'Allow'),
  c('null-true-present', '§4.2: Null "true" with the key present → false', 'allow', { Null: { [T]: 'true' } }, { [T]: 'prod' }, 'ImplicitDeny'),
  c('null-false-present', '§4.2: Null "false" ⇔ key present', 'allow', { Null: { [T]: 'false' } }, { [T]: 'prod' }, 'Allow'),
  c('null-false-absent', '§4.2: Null "false" with the key absent → false', 'allow', { Null: { [T]: 'false' } }, {}, 'ImplicitDeny'),
  c('null-json-boolean', '§2: Null with a JSON boolean value', 'allow', { Null: { [T]: false } }, { [T]: 'prod' }, 'Allow'),
  c('null-key-case', '§4.1: Null key name case-insensitive', 'allow', { Null: { 'AWS:REQUESTTAG/ENV': 'false' } }, { [T]: 'prod' }, 'Allow'),
  c('null-number-present', '§4.2: a number context value is present', 'allow', { Null: { 's3:max-keys': 'false' } }, { 's3:max-keys': 0 }, 'Allow'),
  c('null-boolean-false-present', '§4.2: a context value false is present (not absent)', 'allow', { Null: { [MFA]: 'true' } }, { [MFA]: false }, 'ImplicitDeny'),
  c('null-empty-list-absent', '§4.4 [UNCERTAIN]: Null treats an empty list as absent (Null true → true)', 'allow', { Null: { 'aws:TagKeys': 'true' } }, { 'aws:TagKeys': [] }, 'Allow'),
  c('null-empty-list-not-present', '§4.4 [UNCERTAIN]: Null "false" with an empty list → false', 'allow', { Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': [] }, 'ImplicitDeny'),
  c('null-list-present', '§4.2: Null "false" with a non-empty list → true', 'allow', { Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': ['env'] }, 'Allow'),
  c('null-two-keys-and', '§4.1: two keys under Null are ANDed', 'allow', { Null: { [T]: 'false', 'aws:RequestTag/owner': 'false' } }, { [T]: 'prod' }, 'ImplicitDeny'),
  c('null-never-invented', '§6: the engine never invents aws:SourceIp, MFA, tag keys or aws:CurrentTime', 'allow', { Null: { 'aws:SourceIp': 'true', 'aws:MultiFactorAuthPresent': 'true', 'aws:PrincipalTag/team': 'true', 'aws:CurrentTime': 'true', 'aws:SecureTransport': 'true' } }, {}, 'Allow'),
  c('null-deny-missing-tag', '§4.2: Deny creation when a required tag is missing', 'deny', { Null: { [T]: 'true' } }, {}, 'ExplicitDeny'),
  c('null-deny-tag-given', '§4.2: Deny on a missing tag does not apply when the tag is given', 'deny', { Null: { [T]: 'true' } }, { [T]: 'dev' }, 'Allow')
]

// prettier-ignore
const ifExists = [
  c('ifx-string-like-present', '§4.3: StringLikeIfExists present → normal StringLike', 'allow', { StringLikeIfExists: { 'ec2:InstanceType': 't3.*' } }, { 'ec2:InstanceType': 't3.micro' }, 'Allow'),
  c('ifx-string-like-present-miss', '§4.3: StringLikeIfExists present and not matching → false', 'allow', { StringLikeIfExists: { 'ec2:InstanceType': 't3.*' } }, { 'ec2:InstanceType': 'm5.large' }, 'ImplicitDeny'),
  c('ifx-numeric-present', '§4.3: NumericGreaterThanIfExists present', 'allow', { NumericGreaterThanIfExists: { 's3:max-keys': '5' } }, { 's3:max-keys': '6' }, 'Allow'),
  c('ifx-numeric-missing', '§4.3: NumericGreaterThanIfExists missing → true', 'allow', { NumericGreaterThanIfExists: { 's3:max-keys': '5' } }, {}, 'Allow'),
  c('ifx-date-present-false', '§4.3: DateGreaterThanIfExists present and earlier → false', 'allow', { DateGreaterThanIfExists: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }, { 'aws:CurrentTime': '2025-06-01T12:00:00Z' }, 'ImplicitDeny'),
  c('ifx-date-missing', '§4.3: DateGreaterThanIfExists missing → true', 'allow', { DateGreaterThanIfExists: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } }, {}, 'Allow'),
  c('ifx-ip-present-out', '§4.3: IpAddressIfExists present and outside → false', 'allow', { IpAddressIfExists: { 'aws:SourceIp': '192.0.2.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }, 'ImplicitDeny'),
  c('ifx-arn-present-match', '§4.3: ArnLikeIfExists present and matching', 'allow', { ArnLikeIfExists: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:t` }, 'Allow'),
  c('ifx-arn-not-like-missing', '§4.3: ArnNotLikeIfExists missing → true', 'allow', { ArnNotLikeIfExists: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }, {}, 'Allow'),
  c('ifx-ne-ic-present-equal', '§4.3: StringNotEqualsIgnoreCaseIfExists present and equal ignoring case → false', 'allow', { StringNotEqualsIgnoreCaseIfExists: { 'aws:RequestedRegion': 'US-EAST-1' } }, { 'aws:RequestedRegion': 'us-east-1' }, 'ImplicitDeny'),
  c('ifx-bool-deny-present-true', '§4.3: Deny+BoolIfExists with the key present and not matching does not apply', 'deny', { BoolIfExists: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' }, 'Allow'),
  c('ifx-and-with-missing-positive', '§4.1, §4.3: IfExists (true when absent) ANDed with a positive operator on an absent key (false)', 'allow', { StringEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' }, StringEquals: { 'aws:PrincipalTag/team': 'data' } }, {}, 'ImplicitDeny')
]

export const groups = { null: nullOp, 'if-exists': ifExists }
