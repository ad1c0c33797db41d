// Actions AWS performs without authorising them (needsNoPermission, src/engine/decision.ts).
// STS API reference, GetCallerIdentity
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html): "No
// permissions are required to perform this operation. If an administrator attaches a policy to
// your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still
// perform this operation."
import { describe, expect, it } from '@jest/globals'
import { actionHasOwnRules, needsNoPermission } from '../../src/engine/decision.js'
import {
  A,
  ALICE,
  CAROL,
  FED,
  ROOT,
  SESSION,
  FULL,
  allow,
  cases,
  check,
  deny,
  doc,
  grant
} from './decision-rows.js'

const GCI = 'sts:GetCallerIdentity'
const onGci = { action: GCI, resource: '*' }
const DENY_ALL = doc(deny('D', '*'))

describe('sts:GetCallerIdentity needs no permission', () => {
  it.each(
    cases([
      {
        row: 'no policy at all',
        policies: {},
        request: onGci,
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'an identity Deny of sts:GetCallerIdentity',
        policies: { identity: [FULL, doc(deny('D', GCI))] },
        request: onGci,
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'a Deny of everything in identity, boundary and session policies',
        policies: { identity: [DENY_ALL], boundary: [DENY_ALL], session: DENY_ALL },
        request: { ...onGci, principal: SESSION },
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'an SCP that denies everything and allows nothing',
        policies: { identity: [FULL], scp: [DENY_ALL] },
        request: onGci,
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'a federated-user session without a session policy',
        policies: {},
        request: { ...onGci, principal: FED },
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'the root user under a denying SCP',
        policies: { scp: [DENY_ALL] },
        request: { ...onGci, principal: ROOT },
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'a principal of another account than the resource',
        policies: { identity: [DENY_ALL] },
        request: { ...onGci, principal: CAROL, resourceAccount: A },
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'action names are case-insensitive (§3.1)',
        policies: { identity: [DENY_ALL] },
        request: { ...onGci, action: 'STS:getcalleridentity' },
        effect: 'Allow',
        reason: 'no-permission-required'
      },
      {
        row: 'a service principal follows the ordinary rules',
        policies: { resource: doc(grant('G', ALICE, GCI)) },
        request: { ...onGci, principal: 'ec2.amazonaws.com' },
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'anonymous callers follow the ordinary rules',
        policies: { identity: [FULL] },
        request: { ...onGci, principal: '*' },
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'other STS actions still need permission',
        policies: { identity: [FULL, doc(deny('D', 'sts:GetSessionToken'))] },
        request: { ...onGci, action: 'sts:GetSessionToken' },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['identity:D']
      },
      {
        row: 'other STS actions: no Allow, no access',
        policies: { identity: [doc(allow('I', 's3:*'))] },
        request: { ...onGci, action: 'sts:GetAccessKeyInfo' },
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      }
    ])
  )('%s', (_row, row) => check(row))

  it('is named by the predicates the matrix and the decision use', () => {
    expect(needsNoPermission('sts:getcalleridentity', 'user')).toBe(true)
    expect(needsNoPermission('sts:getcalleridentity', 'service')).toBe(false)
    expect(needsNoPermission('sts:getsessiontoken', 'user')).toBe(false)
    expect(actionHasOwnRules('sts:GetCallerIdentity')).toBe(true)
    expect(actionHasOwnRules('sts:GetSessionToken')).toBe(false)
  })
})
