// Request principals (IAM-SEMANTICS §3.3). Identity-side sets are probed as the subject's own
// principal. With a resource-based policy on either side the principal matters, so the matrix
// adds each principal the policies name (as a caller of that kind), the subject's principal (the
// resource's own account), an outsider account and the anonymous caller.
import type { PrincipalEntry } from '../policy/model.js'
import { splitArn } from '../policy/arn.js'
import { OUTSIDER_ACCOUNT, SAMPLE_TEXT, accountsIn, freeAccount } from './samples.js'
import type { SourceStatement } from './statements.js'

export const ANONYMOUS = '*'
const OUTSIDER_USER = 'user/outsider'

/** A caller that a principal entry names: role ARNs become a session of the role. */
export function callerFor(entry: PrincipalEntry): string {
  const { type, value } = entry
  if (type !== 'AWS') return value
  if (value === '*') return ANONYMOUS
  if (/^\d{12}$/.test(value)) return `arn:aws:iam::${value}:root`
  const arn = splitArn(value)
  if (arn?.service === 'iam' && arn.resource.startsWith('role/')) {
    const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1)
    return `arn:${arn.partition}:sts::${arn.account}:assumed-role/${name}/${SAMPLE_TEXT}`
  }
  return value
}

function accountOf(caller: string): string | undefined {
  return splitArn(caller)?.account
}

/**
 * Whether a caller is the outsider `principalsFor` adds (an account no policy names, so it stands
 * for any AWS account); the risk classification (src/risk) reads a grant to it as public.
 */
export function isOutsiderCaller(caller: string): boolean {
  const arn = splitArn(caller)
  if (arn?.service !== 'iam' || arn.resource !== OUTSIDER_USER) return false
  return /^[4-9]$/.test(arn.account.charAt(0)) && arn.account.slice(1) === OUTSIDER_ACCOUNT.slice(1)
}

export function principalsFor(
  statements: readonly SourceStatement[],
  resourceMode: boolean,
  principal: string
): string[] {
  if (!resourceMode) return [principal]
  const callers = new Set<string>([principal, ANONYMOUS])
  for (const { statement } of statements) {
    for (const entry of statement.principal?.entries ?? []) callers.add(callerFor(entry))
  }
  // an account a condition names (`StringNotEquals aws:PrincipalAccount`) is no outsider either
  const taken = new Set([...callers].map(accountOf).filter((a) => a !== undefined))
  for (const { statement } of statements) {
    for (const clause of statement.conditions) {
      for (const value of clause.values) for (const account of accountsIn(value)) taken.add(account)
    }
  }
  callers.add(`arn:aws:iam::${freeAccount(taken)}:${OUTSIDER_USER}`)
  return [...callers].sort()
}
