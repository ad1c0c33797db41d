// Principal / NotPrincipal matching and grant levels (IAM-SEMANTICS §3.3).
import { describe, expect, it } from '@jest/globals'
import {
  compilePrincipalMatcher,
  GRANT,
  principalGrantLevel,
  type GrantLevel
} from '../../src/engine/match-principal.js'
import { parsePrincipal } from '../../src/engine/request.js'
import type { PrincipalEntry } from '../../src/policy/model.js'

const A = '111122223333'
const B = '444455556666'
const ALICE = `arn:aws:iam::${A}:user/alice`
const ALICE_PATH = `arn:aws:iam::${A}:user/division/alice`
const ROLE = `arn:aws:iam::${A}:role/Admin`
const ROLE_PATH = `arn:aws:iam::${A}:role/ops/Admin`
const SESSION = `arn:aws:sts::${A}:assumed-role/Admin/s1`
const FED = `arn:aws:sts::${A}:federated-user/alice`
const ROOT = `arn:aws:iam::${A}:root`

const aws = (...values: string[]): PrincipalEntry[] =>
  values.map((value) => ({ type: 'AWS', value }))

function level(entries: PrincipalEntry[], principal: string, hasBoundary = false): GrantLevel {
  const matcher = compilePrincipalMatcher({ negated: false, entries })
  return principalGrantLevel(matcher, parsePrincipal(principal), hasBoundary)
}

function notPrincipalApplies(
  entries: PrincipalEntry[],
  principal: string,
  boundary = false
): boolean {
  const matcher = compilePrincipalMatcher({ negated: true, entries })
  return principalGrantLevel(matcher, parsePrincipal(principal), boundary) !== GRANT.none
}

describe('§3.3 Principal entries and their grant levels', () => {
  it.each([
    // [section row, entries, request principal, level]
    ['`*` matches everyone', aws('*'), ALICE, GRANT.direct],
    ['`*` matches anonymous', aws('*'), '*', GRANT.direct],
    ['`*` matches a service', aws('*'), 'lambda.amazonaws.com', GRANT.direct],
    ['account ID: any principal of the account', aws(A), ALICE, GRANT.account],
    ['root ARN ≡ account ID (not only the root user)', aws(ROOT), ALICE, GRANT.account],
    ['account ID: a role session of the account', aws(A), SESSION, GRANT.account],
    ['account ID: a federated user of the account', aws(A), FED, GRANT.account],
    ['account ID: the root user itself is direct', aws(A), ROOT, GRANT.direct],
    ['root ARN: the root user itself is direct', aws(ROOT), ROOT, GRANT.direct],
    ['bare account ID as request principal is its root', aws(ROOT), A, GRANT.direct],
    ['account ID: other accounts do not match', aws(B), ALICE, GRANT.none],
    ['user ARN: that user', aws(ALICE), ALICE, GRANT.direct],
    [
      'user ARN: exact, case-sensitive name',
      aws(`arn:aws:iam::${A}:user/Alice`),
      ALICE,
      GRANT.none
    ],
    ['user ARN: path is part of the ARN', aws(ALICE_PATH), ALICE, GRANT.none],
    ['user ARN with path', aws(ALICE_PATH), ALICE_PATH, GRANT.direct],
    ['user ARN: not another user', aws(ALICE), `arn:aws:iam::${A}:user/bob`, GRANT.none],
    ['user ARN and account: the best level wins', aws(A, ALICE), ALICE, GRANT.direct],
    ['role ARN: any session of the role', aws(ROLE), SESSION, GRANT.role],
    ['role ARN with path: sessions carry no path', aws(ROLE_PATH), SESSION, GRANT.role],
    ['role ARN: a plain role ARN request is a session', aws(ROLE), ROLE_PATH, GRANT.role],
    ['role ARN: not another role', aws(`arn:aws:iam::${A}:role/Other`), SESSION, GRANT.none],
    [
      'role ARN: not the role of another account',
      aws(`arn:aws:iam::${B}:role/Admin`),
      SESSION,
      GRANT.none
    ],
    ['role ARN and account: role beats account', aws(A, ROLE), SESSION, GRANT.role],
    ['session ARN: that exact session', aws(SESSION), SESSION, GRANT.direct],
    [
      'session ARN: not another session',
      aws(SESSION),
      `arn:aws:sts::${A}:assumed-role/Admin/s2`,
      GRANT.none
    ],
    ['session ARN and role: direct beats role', aws(ROLE, SESSION), SESSION, GRANT.direct],
    ['federated-user ARN: that session', aws(FED), FED, GRANT.direct],
    ['[UNCERTAIN] user ARN: its federated session is role level', aws(ALICE), FED, GRANT.role],
    [
      'user ARN: not a federated user of another name',
      aws(ALICE),
      `arn:aws:sts::${A}:federated-user/bob`,
      GRANT.none
    ],
    ['user ARN does not match a role session', aws(ALICE), SESSION, GRANT.none],
    ['nothing but `*` matches anonymous', aws(A, ALICE), 'anonymous', GRANT.none]
  ])('%s', (_row, entries, principal, expected) => {
    expect(level(entries, principal)).toBe(expected)
  })

  it.each([
    [[{ type: 'Service', value: 'lambda.amazonaws.com' }], 'lambda.amazonaws.com', GRANT.direct],
    [[{ type: 'Service', value: 'lambda.amazonaws.com' }], 'ec2.amazonaws.com', GRANT.none],
    [[{ type: 'Service', value: 'lambda.amazonaws.com' }], ALICE, GRANT.none],
    [aws(A), 'lambda.amazonaws.com', GRANT.none], // a service belongs to no account
    [
      [{ type: 'Federated', value: 'cognito-identity.amazonaws.com' }],
      'cognito-identity.amazonaws.com',
      GRANT.direct
    ],
    [
      [{ type: 'Federated', value: `arn:aws:iam::${A}:saml-provider/Okta` }],
      `arn:aws:iam::${A}:saml-provider/Okta`,
      GRANT.direct
    ],
    [
      [{ type: 'Federated', value: `arn:aws:iam::${A}:saml-provider/Okta` }],
      `arn:aws:iam::${A}:saml-provider/Other`,
      GRANT.none
    ],
    [aws(A), `arn:aws:iam::${A}:saml-provider/Okta`, GRANT.none], // an identity provider is no account principal
    [[{ type: 'CanonicalUser', value: 'abc123' }], 'abc123', GRANT.direct]
  ] as const)(
    '§3.3 Service / Federated / CanonicalUser %j vs %s → %s',
    (entries, principal, expected) => {
      expect(level([...entries], principal)).toBe(expected)
    }
  )
})

describe('§3.3 [UNCERTAIN] NotPrincipal chain (notPrincipalApplies in match-principal.ts)', () => {
  it.each([
    // [row, NotPrincipal entries, request principal, the Deny applies]
    ['user listed with its account: exempt', aws(A, ALICE), ALICE, false],
    ['user listed with its root ARN: exempt', aws(ROOT, ALICE), ALICE, false],
    ['user listed without its account: denied (the chain has the root)', aws(ALICE), ALICE, true],
    ['account listed: other users are not exempt (docs example)', aws(A), ALICE, true],
    ['account listed: the root user is exempt', aws(A), ROOT, false],
    ['root ARN listed: the root user is exempt', aws(ROOT), ROOT, false],
    ['another account listed: the root user is denied', aws(B), ROOT, true],
    [
      'role session: account + role + session listed: exempt',
      aws(A, ROLE, SESSION),
      SESSION,
      false
    ],
    ['role session: account + role only: denied', aws(A, ROLE), SESSION, true],
    ['role session: role + session without account: denied', aws(ROLE, SESSION), SESSION, true],
    ['plain role ARN request: account + role listed: exempt', aws(A, ROLE), ROLE_PATH, false],
    ['federated user: account + session listed: exempt', aws(A, FED), FED, false],
    ['federated user: session only: denied', aws(FED), FED, true],
    ['other users are denied', aws(A, ALICE), `arn:aws:iam::${A}:user/bob`, true],
    ['anonymous is denied unless `*` is listed', aws(A, ALICE), '*', true],
    [
      'a service listed is exempt',
      [{ type: 'Service', value: 's.amazonaws.com' }],
      's.amazonaws.com',
      false
    ],
    ['a service not listed is denied', aws(A), 's.amazonaws.com', true],
    ['`*` listed exempts everyone', aws('*'), ALICE, false]
  ] as const)('%s', (_row, entries, principal, expected) => {
    expect(notPrincipalApplies([...entries], principal)).toBe(expected)
  })

  it.each([
    [ALICE, true],
    [SESSION, true],
    [ROOT, false], // the root user has no boundary
    [FED, false]
  ])(
    '§3.3 a NotPrincipal Deny always applies to %s when it has a boundary: %s',
    (principal, applies) => {
      const listed = aws(A, ALICE, ROLE, SESSION, FED)
      expect(notPrincipalApplies(listed, principal, true)).toBe(applies)
      expect(notPrincipalApplies(listed, principal, false)).toBe(false)
    }
  )
})
