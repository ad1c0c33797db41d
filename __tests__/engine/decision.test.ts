// The decision logic of IAM-SEMANTICS §5.1 (explicit deny, RCP and SCP levels) and the root user
// and principals without identity policies (§5.2); rows in decision-rows.ts notation.
import { describe, it } from '@jest/globals'
import {
  A,
  B,
  ALICE,
  CAROL,
  SESSION,
  ROOT,
  doc,
  allow,
  deny,
  grant,
  refuse,
  FULL,
  cases,
  check,
  type Json
} from './decision-rows.js'

describe('§5.1 step 1: an applicable Deny in any policy in force wins', () => {
  it.each(
    cases([
      {
        row: 'identity Deny beats identity Allow',
        policies: { identity: [doc(allow('I'), deny('D'))] },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['identity:D']
      },
      {
        row: 'a Deny whose action does not match does not apply',
        policies: { identity: [doc(allow('I'), deny('D', 's3:PutObject'))] },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'boundary Deny',
        policies: { identity: [FULL], boundary: [doc(allow('BA', '*'), deny('BD'))] },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['boundary:BD']
      },
      {
        row: 'session policy Deny (role session)',
        policies: { identity: [FULL], session: doc(allow('SA', '*'), deny('SD')) },
        request: { principal: SESSION },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['session:SD']
      },
      {
        row: 'a session policy is not in force for an IAM user',
        policies: { identity: [doc(allow('I'))], session: doc(deny('SD')) },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'resource policy Deny beats a direct grant',
        policies: { resource: doc(grant('G', ALICE), refuse('RD', '*')) },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['resource:RD']
      },
      {
        row: 'resource policy Deny naming someone else does not apply',
        policies: {
          identity: [doc(allow('I'))],
          resource: doc(refuse('RD', `arn:aws:iam::${A}:user/bob`))
        },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'resource policy Deny naming the account applies to its users',
        policies: { identity: [doc(allow('I'))], resource: doc(refuse('RD', A)) },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['resource:RD']
      },
      {
        row: 'SCP Deny',
        policies: { identity: [FULL], scp: [doc(allow('Root', '*'), deny('SD'))] },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['scp:SD']
      },
      {
        row: 'RCP Deny',
        policies: {
          identity: [FULL],
          rcp: [
            doc(
              grant('RA', '*', '*', { Resource: '*' }),
              refuse('RD', '*', 's3:*', { Resource: '*' })
            )
          ]
        },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['rcp:RD']
      },
      {
        row: 'every applicable Deny is listed, identity → resource → scp',
        policies: {
          identity: [doc(deny('D1'), allow('I'), deny('D2', 's3:Get*'))],
          resource: doc(refuse('RD', '*')),
          scp: [doc(allow('Root', '*'), deny('SD', '*'))]
        },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['identity:D1', 'identity:D2', 'resource:RD', 'scp:SD']
      },
      {
        row: 'cross-account: a Deny in the resource account',
        policies: {
          identity: [doc(allow('I'))],
          resource: doc(grant('G', B), refuse('RD', CAROL))
        },
        request: { principal: CAROL, resourceAccount: A },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['resource:RD']
      },
      {
        row: 'cross-account: a Deny in the principal account',
        policies: { identity: [doc(allow('I'), deny('D'))], resource: doc(grant('G', B)) },
        request: { principal: CAROL, resourceAccount: A },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['identity:D']
      },
      {
        row: 'NotPrincipal Deny exempting the user and its account',
        policies: {
          identity: [doc(allow('I'))],
          resource: doc({
            Sid: 'NP',
            Effect: 'Deny',
            NotPrincipal: { AWS: [A, ALICE] },
            Action: 's3:*',
            Resource: '*'
          })
        },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: '§3.3 NotPrincipal Deny always applies to a principal with a boundary',
        policies: {
          identity: [doc(allow('I'))],
          boundary: [FULL],
          resource: doc({
            Sid: 'NP',
            Effect: 'Deny',
            NotPrincipal: { AWS: [A, ALICE] },
            Action: 's3:*',
            Resource: '*'
          })
        },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['resource:NP']
      },
      {
        row: 'identity policies are not in force for the root user',
        policies: { identity: [doc(deny('D'))] },
        request: { principal: ROOT },
        effect: 'Allow',
        reason: 'root-user'
      },
      {
        row: 'a resource policy Deny applies to the root user',
        policies: { resource: doc(refuse('RD', A)) },
        request: { principal: ROOT },
        effect: 'ExplicitDeny',
        reason: 'explicit-deny',
        determining: ['resource:RD']
      }
    ])
  )('%s', (_row, row) => check(row))
})

describe('§5.1 step 2: every RCP level must allow', () => {
  const rcpAll = (Sid: string): Json => doc(grant(Sid, '*', '*', { Resource: '*' }))
  it.each(
    cases([
      {
        row: 'RCPFullAWSAccess at every level',
        policies: { identity: [doc(allow('I'))], rcp: [rcpAll('R0'), rcpAll('R1')] },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'rcp:R0', 'rcp:R1']
      },
      {
        row: 'a level without an applicable Allow',
        policies: {
          identity: [doc(allow('I'))],
          rcp: [rcpAll('R0'), doc(grant('R1', '*', 'sqs:*', { Resource: '*' }))]
        },
        effect: 'ImplicitDeny',
        reason: 'rcp-no-allow'
      },
      {
        row: 'a level of two documents: one allowing is enough',
        policies: {
          identity: [doc(allow('I'))],
          rcp: [[doc(grant('Q', '*', 'sqs:*', { Resource: '*' })), rcpAll('R')]]
        },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'rcp:R']
      },
      {
        row: 'RCPs also bind a direct resource-policy grant',
        policies: {
          resource: doc(grant('G', ALICE)),
          rcp: [doc(grant('R', '*', 'sqs:*', { Resource: '*' }))]
        },
        effect: 'ImplicitDeny',
        reason: 'rcp-no-allow'
      },
      {
        row: 'RCPs apply to service principals',
        policies: {
          resource: doc(grant('G', { Service: 'logs.amazonaws.com' })),
          rcp: [doc(grant('R', '*', 'sqs:*', { Resource: '*' }))]
        },
        request: { principal: 'logs.amazonaws.com' },
        effect: 'ImplicitDeny',
        reason: 'rcp-no-allow'
      }
    ])
  )('%s', (_row, row) => check(row))
})

describe('§5.1 step 3: every SCP level must allow (member-account principals only)', () => {
  const slr = `arn:aws:iam::${A}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`
  it.each(
    cases([
      {
        row: 'every level allows',
        policies: {
          identity: [doc(allow('I'))],
          scp: [doc(allow('S0', '*')), doc(allow('S1', 's3:*'))]
        },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'scp:S0', 'scp:S1']
      },
      {
        row: 'the OU level does not allow',
        policies: {
          identity: [doc(allow('I'))],
          scp: [doc(allow('S0', '*')), doc(allow('S1', 'ec2:*'))]
        },
        effect: 'ImplicitDeny',
        reason: 'scp-no-allow'
      },
      {
        row: 'a level with only a Deny (FullAWSAccess detached)',
        policies: { identity: [doc(allow('I'))], scp: [doc(deny('SD', 'ec2:*'))] },
        effect: 'ImplicitDeny',
        reason: 'scp-no-allow'
      },
      {
        row: 'a level of two documents: one allowing is enough',
        policies: {
          identity: [doc(allow('I'))],
          scp: [[doc(allow('E', 'ec2:*')), doc(allow('S', 's3:*'))]]
        },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'scp:S']
      },
      {
        row: 'SCPs cap a direct resource-policy grant',
        policies: { resource: doc(grant('G', ALICE)), scp: [doc(allow('S', 'ec2:*'))] },
        effect: 'ImplicitDeny',
        reason: 'scp-no-allow'
      },
      {
        row: 'SCPs limit the member root user',
        policies: { scp: [doc(allow('S', 'ec2:*'))] },
        request: { principal: ROOT },
        effect: 'ImplicitDeny',
        reason: 'scp-no-allow'
      },
      {
        row: 'SCPs do not limit service principals',
        policies: {
          resource: doc(grant('G', { Service: 'logs.amazonaws.com' })),
          scp: [doc(allow('S', 'ec2:*'))]
        },
        request: { principal: 'logs.amazonaws.com' },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'SCPs do not limit service-linked roles',
        policies: { identity: [doc(allow('I'))], scp: [doc(allow('S', 'ec2:*'))] },
        request: { principal: slr },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'SCPs of the principal account apply cross-account',
        policies: {
          identity: [doc(allow('I'))],
          resource: doc(grant('G', B)),
          scp: [doc(allow('S', 'ec2:*'))]
        },
        request: { principal: CAROL, resourceAccount: A },
        effect: 'ImplicitDeny',
        reason: 'scp-no-allow'
      }
    ])
  )('%s', (_row, row) => check(row))
})

describe('§5.2 root user and principals without identity policies', () => {
  it.each(
    cases([
      {
        row: 'root user of the resource account',
        policies: {},
        request: { principal: ROOT },
        effect: 'Allow',
        reason: 'root-user'
      },
      {
        row: 'root user given as a bare account ID',
        policies: {},
        request: { principal: A },
        effect: 'Allow',
        reason: 'root-user'
      },
      {
        row: 'root user: SCP levels are listed',
        policies: { scp: [doc(allow('S', '*'))] },
        request: { principal: ROOT },
        effect: 'Allow',
        reason: 'root-user',
        determining: ['scp:S']
      },
      {
        row: 'service principal named by the resource policy',
        policies: { resource: doc(grant('G', { Service: 'logs.amazonaws.com' })) },
        request: { principal: 'logs.amazonaws.com' },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'service principal not named',
        policies: { identity: [FULL], resource: doc(grant('G', ALICE)) },
        request: { principal: 'logs.amazonaws.com' },
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'anonymous and a public resource policy',
        policies: { resource: doc(grant('G', '*')) },
        request: { principal: '*' },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'anonymous without a resource policy',
        policies: { identity: [FULL] },
        request: { principal: 'anonymous' },
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      }
    ])
  )('%s', (_row, row) => check(row))
})
