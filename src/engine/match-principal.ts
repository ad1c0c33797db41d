// Principal / NotPrincipal matching in resource-based policies (IAM-SEMANTICS §3.3). Entries
// are sorted into sets at compile time so a request principal is matched by a few look-ups;
// the result is a grant level, which §5.2 uses to decide which other policies must allow.
import type { PrincipalList } from '../policy/model.js'
import { splitArn } from '../policy/arn.js'
import type { PreparedPrincipal } from './request.js'

/** How a matching entry names the principal (§3.3 table); higher is more specific. */
export const GRANT = { none: 0, account: 1, role: 2, direct: 3 } as const
export type GrantLevel = (typeof GRANT)[keyof typeof GRANT]

export interface PrincipalMatcher {
  readonly negated: boolean
  /** `*` or `{"AWS": "*"}` */
  readonly anyone: boolean
  /** account IDs named by a bare ID or `arn:…:iam::A:root` */
  readonly accounts: ReadonlySet<string>
  /** IAM user ARNs, exact */
  readonly users: ReadonlySet<string>
  /** `ACCOUNT:USERNAME` of IAM user ARNs, for federated sessions of those users */
  readonly userNames: ReadonlySet<string>
  /** `ACCOUNT:ROLENAME` of role ARNs (a role's sessions do not carry its path) */
  readonly roles: ReadonlySet<string>
  /** assumed-role session and federated-user ARNs, exact */
  readonly sessions: ReadonlySet<string>
  /** Service, Federated and CanonicalUser values, and AWS values of no known form */
  readonly names: ReadonlySet<string>
}

const ACCOUNT_ID = /^\d{12}$/

interface SetBuilder {
  accounts: Set<string>
  users: Set<string>
  userNames: Set<string>
  roles: Set<string>
  sessions: Set<string>
  names: Set<string>
}

export function compilePrincipalMatcher(list: PrincipalList): PrincipalMatcher {
  const sets: SetBuilder = {
    accounts: new Set(),
    users: new Set(),
    userNames: new Set(),
    roles: new Set(),
    sessions: new Set(),
    names: new Set()
  }
  let anyone = false
  for (const { type, value } of list.entries) {
    if (type !== 'AWS') sets.names.add(value)
    else if (value === '*') anyone = true
    else if (ACCOUNT_ID.test(value)) sets.accounts.add(value)
    else addAwsArn(sets, value)
  }
  const { accounts, users, userNames, roles, sessions, names } = sets
  return { negated: list.negated, anyone, accounts, users, userNames, roles, sessions, names }
}

function addAwsArn(sets: SetBuilder, value: string): void {
  const arn = splitArn(value)
  const resource = arn?.resource ?? ''
  const name = resource.slice(resource.lastIndexOf('/') + 1)
  if (arn?.service === 'iam' && resource === 'root') sets.accounts.add(arn.account)
  else if (arn?.service === 'iam' && resource.startsWith('user/')) {
    sets.users.add(value)
    sets.userNames.add(`${arn.account}:${name}`)
  } else if (arn?.service === 'iam' && resource.startsWith('role/')) {
    sets.roles.add(`${arn.account}:${name}`)
  } else if (arn?.service === 'sts') sets.sessions.add(value)
  else sets.names.add(value)
}

/**
 * The grant level at which a Principal element names the request principal (§3.3), or for a
 * NotPrincipal element `direct` when the (Deny) statement applies to it and `none` otherwise.
 */
export function principalGrantLevel(
  m: PrincipalMatcher,
  p: PreparedPrincipal,
  hasBoundary: boolean
): GrantLevel {
  if (m.negated) return notPrincipalApplies(m, p, hasBoundary) ? GRANT.direct : GRANT.none
  if (m.anyone) return GRANT.direct
  const inAccount = p.account !== undefined && m.accounts.has(p.account)
  switch (p.kind) {
    case 'root':
      return inAccount ? GRANT.direct : GRANT.none
    case 'user':
      if (m.users.has(p.arn)) return GRANT.direct
      break
    case 'role':
      if (p.sessionArn !== undefined && m.sessions.has(p.sessionArn)) return GRANT.direct
      if (p.roleKey !== undefined && m.roles.has(p.roleKey)) return GRANT.role
      break
    case 'federated-user':
      if (m.sessions.has(p.arn)) return GRANT.direct
      if (federatedSessionOfListedUser(m, p)) return GRANT.role
      break
    case 'other':
      if (m.names.has(p.arn)) return GRANT.direct
      break
    case 'service':
    case 'provider':
      return m.names.has(p.arn) ? GRANT.direct : GRANT.none
    case 'anonymous':
      return GRANT.none
  }
  return inAccount ? GRANT.account : GRANT.none
}

/**
 * [UNCERTAIN] §3.3: a federated-user ARN does not say which IAM user called
 * GetFederationToken; we take the IAM user of the same account with the same name.
 */
function federatedSessionOfListedUser(m: PrincipalMatcher, p: PreparedPrincipal): boolean {
  return m.userNames.has(`${p.account ?? ''}:${p.name ?? ''}`)
}

/**
 * [UNCERTAIN] §3.3 NotPrincipal: the principal is checked as a chain (account root, then the
 * user, or the role and the session); the Deny applies when any link is not listed. It always
 * applies to an IAM user or role that has a permissions boundary (R14).
 */
function notPrincipalApplies(
  m: PrincipalMatcher,
  p: PreparedPrincipal,
  hasBoundary: boolean
): boolean {
  if (hasBoundary && (p.kind === 'user' || p.kind === 'role')) return true
  if (m.anyone) return false
  const rootListed = p.account !== undefined && m.accounts.has(p.account)
  switch (p.kind) {
    case 'root':
      return !rootListed
    case 'user':
      return !(rootListed && m.users.has(p.arn))
    case 'role': {
      const sessionListed = p.sessionArn === undefined || m.sessions.has(p.sessionArn)
      return !(rootListed && p.roleKey !== undefined && m.roles.has(p.roleKey) && sessionListed)
    }
    case 'federated-user':
      return !(rootListed && m.sessions.has(p.arn))
    case 'other':
      return !(rootListed && m.names.has(p.arn))
    case 'service':
    case 'provider':
      return !m.names.has(p.arn)
    case 'anonymous':
      return true
  }
}
