// Synthetic requests: concrete actions and ARNs from the same pools as the policies, callers of
// every common kind, and a context with the keys real requests carry (some absent on purpose).
import type { ContextInput, Request } from '../../src/engine/types.js'
import type { Random } from './prng.js'
import { ACCOUNT, OTHER_ACCOUNT, REGIONS, ROLES, SERVICES, TEAMS, USERS } from './services.js'

function principal(r: Random): string {
  const roll = r.next()
  if (roll < 0.5) return `arn:aws:iam::${ACCOUNT}:user/${r.pick(USERS)}`
  if (roll < 0.85)
    return `arn:aws:sts::${ACCOUNT}:assumed-role/${r.pick(ROLES)}/session-${r.int(1, 9)}`
  if (roll < 0.95) return `arn:aws:iam::${OTHER_ACCOUNT}:user/${r.pick(USERS)}`
  return `arn:aws:iam::${ACCOUNT}:root`
}

function context(r: Random, region: string, action: string): Record<string, ContextInput> {
  const ctx: Record<string, ContextInput> = {
    'aws:RequestedRegion': region,
    'aws:SourceIp': r.chance(0.6)
      ? `203.0.${r.int(0, 5)}.${r.int(1, 254)}`
      : `198.51.100.${r.int(1, 254)}`,
    'aws:SecureTransport': r.chance(0.9),
    'aws:CurrentTime': `2026-0${r.int(1, 9)}-1${r.int(0, 9)}T12:00:00Z`,
    'aws:PrincipalTag/team': r.pick(TEAMS)
  }
  if (r.chance(0.7)) ctx['aws:MultiFactorAuthPresent'] = r.chance(0.7)
  if (r.chance(0.5)) ctx['aws:MultiFactorAuthAge'] = r.int(10, 7200)
  if (r.chance(0.6)) ctx['aws:ResourceTag/team'] = r.pick(TEAMS)
  if (r.chance(0.3))
    ctx['aws:TagKeys'] = r.sample(['team', 'env', 'owner', 'cost-center'], r.int(0, 3))
  if (r.chance(0.2))
    ctx['aws:SourceArn'] = `arn:aws:sns:${region}:${ACCOUNT}:${r.pick(TEAMS)}-alerts`
  if (action === 's3:ListBucket')
    ctx['s3:prefix'] = `${r.pick(['home', 'public'])}/${r.pick(USERS)}/`
  if (action === 'iam:PassRole')
    ctx['iam:PassedToService'] = r.pick(['lambda.amazonaws.com', 'ec2.amazonaws.com'])
  return ctx
}

export function syntheticRequest(r: Random): Request {
  const service = r.pick(SERVICES)
  const region = r.chance(0.8) ? r.pick(REGIONS.slice(0, 3)) : r.pick(REGIONS)
  const action = `${service.prefix}:${r.pick(service.actions)}`
  const resource = r.chance(0.08) ? '*' : service.arn(r, region)
  return { principal: principal(r), action, resource, context: context(r, region, action) }
}
