// IAM-SEMANTICS §4.2 (Date family: W3C ISO 8601 or epoch seconds, compare instants), §4.3, §4.5,
// §6 (aws:CurrentTime is never invented), §7.7 (date-only = midnight UTC).
// Epoch values: 1748779200 = 2025-06-01T12:00:00Z, 1748736000 = 2025-06-01T00:00:00Z,
// 1735689600 = 2025-01-01T00:00:00Z, 1767225600 = 2026-01-01T00:00:00Z.
import { condCase as c } from './helpers.mjs'

const K = 'aws:CurrentTime'
const now = (value) => ({ [K]: value })
const NOON = '2025-06-01T12:00:00Z'

// prettier-ignore
const date = [
  c('date-lt-iso', '§4.2: DateLessThan ISO vs ISO (2025-06-01 < 2026-01-01)', 'allow', { DateLessThan: { [K]: '2026-01-01T00:00:00Z' } }, now(NOON), 'Allow'),
  c('date-lt-iso-false', '§4.2: DateLessThan 2025-06-01 < 2025-01-01 is false', 'allow', { DateLessThan: { [K]: '2025-01-01T00:00:00Z' } }, now(NOON), 'ImplicitDeny'),
  c('date-gt-iso', '§4.2: DateGreaterThan', 'allow', { DateGreaterThan: { [K]: '2025-01-01T00:00:00Z' } }, now(NOON), 'Allow'),
  c('date-gt-equal-false', '§4.2: DateGreaterThan with the same instant is false', 'allow', { DateGreaterThan: { [K]: NOON } }, now(NOON), 'ImplicitDeny'),
  c('date-gte-equal', '§4.2: DateGreaterThanEquals with the same instant', 'allow', { DateGreaterThanEquals: { [K]: NOON } }, now(NOON), 'Allow'),
  c('date-lte-equal', '§4.2: DateLessThanEquals with the same instant', 'allow', { DateLessThanEquals: { [K]: NOON } }, now(NOON), 'Allow'),
  c('date-lte-later-false', '§4.2: DateLessThanEquals, context one second later → false', 'allow', { DateLessThanEquals: { [K]: NOON } }, now('2025-06-01T12:00:01Z'), 'ImplicitDeny'),
  c('date-eq-timezones', '§4.2: instants compared: 14:00+02:00 = 12:00Z', 'allow', { DateEquals: { [K]: NOON } }, now('2025-06-01T14:00:00+02:00'), 'Allow'),
  c('date-eq-negative-offset', '§4.2: instants compared: 07:00-05:00 = 12:00Z', 'allow', { DateEquals: { [K]: '2025-06-01T07:00:00-05:00' } }, now(NOON), 'Allow'),
  c('date-eq-policy-epoch', '§4.2: epoch seconds in the policy, ISO in the context', 'allow', { DateEquals: { [K]: '1748779200' } }, now(NOON), 'Allow'),
  c('date-eq-context-epoch', '§4.2: ISO in the policy, epoch seconds in the context (aws:EpochTime)', 'allow', { DateEquals: { 'aws:EpochTime': NOON } }, { 'aws:EpochTime': '1748779200' }, 'Allow'),
  c('date-lt-both-epoch', '§4.2: epoch vs epoch', 'allow', { DateLessThan: { [K]: '1767225600' } }, now('1748779200'), 'Allow'),
  c('date-epoch-json-number', '§2, §4.5: epoch as a JSON number policy value', 'allow', { DateGreaterThan: { [K]: 1735689600 } }, now(NOON), 'Allow'),
  c('date-ne-different', '§4.2: DateNotEquals with a different instant → true', 'allow', { DateNotEquals: { [K]: '2025-01-01T00:00:00Z' } }, now(NOON), 'Allow'),
  c('date-ne-same-instant', '§4.2: DateNotEquals with the same instant in another zone → false', 'allow', { DateNotEquals: { [K]: NOON } }, now('2025-06-01T13:00:00+01:00'), 'ImplicitDeny'),
  c('date-only-midnight', '§7.7: date-only value = midnight UTC (DateEquals 2025-06-01 vs 00:00:00Z)', 'allow', { DateEquals: { [K]: '2025-06-01' } }, now('2025-06-01T00:00:00Z'), 'Allow'),
  c('date-only-lt', '§7.7: DateLessThan 2025-06-01: 2025-05-31T23:59:59Z is before midnight', 'allow', { DateLessThan: { [K]: '2025-06-01' } }, now('2025-05-31T23:59:59Z'), 'Allow'),
  c('date-only-lt-noon-false', '§7.7: DateLessThan 2025-06-01: noon that day is not before midnight', 'allow', { DateLessThan: { [K]: '2025-06-01' } }, now(NOON), 'ImplicitDeny'),
  c('date-only-epoch', '§7.7: date-only = 1748736000 epoch', 'allow', { DateEquals: { [K]: '2025-06-01' } }, now('1748736000'), 'Allow'),
  c('date-minutes-only', '§4.2: …Thh:mmTZD form (12:00Z = 12:00:00Z)', 'allow', { DateEquals: { [K]: '2025-06-01T12:00Z' } }, now(NOON), 'Allow'),
  c('date-fraction', '§4.2: …Thh:mm:ss.sTZD form: 12:00:00.5Z > 12:00:00Z', 'allow', { DateGreaterThan: { [K]: NOON } }, now('2025-06-01T12:00:00.5Z'), 'Allow'),
  c('date-year-only', '§4.2: YYYY form: 2025-06-01 ≥ 2025', 'allow', { DateGreaterThanEquals: { [K]: '2025' } }, now(NOON), 'Allow'),
  c('date-year-month', '§4.2: YYYY-MM form: 2025-06-01 < 2025-07', 'allow', { DateLessThan: { [K]: '2025-07' } }, now(NOON), 'Allow'),
  c('date-year-month-false', '§4.2: YYYY-MM form: 2025-06-01T12:00Z < 2025-06 is false', 'allow', { DateLessThan: { [K]: '2025-06' } }, now(NOON), 'ImplicitDeny'),
  c('date-window', '§4.1: DateGreaterThan AND DateLessThan window', 'allow', { DateGreaterThan: { [K]: '2025-01-01T00:00:00Z' }, DateLessThan: { [K]: '2026-01-01T00:00:00Z' } }, now(NOON), 'Allow'),
  c('date-window-outside', '§4.1: date window, context after it', 'allow', { DateGreaterThan: { [K]: '2025-01-01T00:00:00Z' }, DateLessThan: { [K]: '2025-03-01T00:00:00Z' } }, now(NOON), 'ImplicitDeny'),
  c('date-missing-current-time', '§6: aws:CurrentTime is never invented, DateLessThan with it absent → false', 'allow', { DateLessThan: { [K]: '2099-01-01T00:00:00Z' } }, {}, 'ImplicitDeny'),
  c('date-ne-missing', '§4.3: DateNotEquals, key absent → true', 'allow', { DateNotEquals: { [K]: NOON } }, {}, 'Allow'),
  c('date-ifexists-missing', '§4.3: DateLessThanIfExists, key absent → true', 'allow', { DateLessThanIfExists: { [K]: '2025-01-01T00:00:00Z' } }, {}, 'Allow'),
  c('date-context-unparsable', '§4.5 [UNCERTAIN]: an unparsable context date makes the comparison false', 'allow', { DateLessThan: { [K]: '2099-01-01T00:00:00Z' } }, now('yesterday'), 'ImplicitDeny'),
  c('date-deny-after-expiry', '§4.2: Deny after an expiry date (aws:TokenIssueTime)', 'deny', { DateLessThan: { 'aws:TokenIssueTime': '2025-01-01T00:00:00Z' } }, { 'aws:TokenIssueTime': '2024-12-31T08:00:00Z' }, 'ExplicitDeny'),
  c('date-deny-not-before', '§4.2: Deny on old tokens does not hit a new token', 'deny', { DateLessThan: { 'aws:TokenIssueTime': '2025-01-01T00:00:00Z' } }, { 'aws:TokenIssueTime': '2025-02-01T08:00:00Z' }, 'Allow')
]

export const groups = { date }
