// Same-account decisions (IAM-SEMANTICS §5.2): resource-policy grant levels, the identity,
// boundary and session gates, and mandatory resource policies (trust, KMS).
import { describe, it } from '@jest/globals'
import {
  A,
  ALICE,
  ROLE,
  SESSION,
  FED,
  ROOT,
  KEY,
  doc,
  allow,
  grant,
  FULL,
  cases,
  check,
  type Json
} from './decision-rows.js'

describe('§5.2 same account: resource-policy grant levels', () => {
  it.each(
    cases([
      {
        row: 'direct (user ARN): no identity policy needed',
        policies: { resource: doc(grant('G', ALICE)) },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'direct: not limited by an implicit deny in the boundary',
        policies: { resource: doc(grant('G', ALICE)), boundary: [doc(allow('B', 'ec2:*'))] },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'direct (session ARN): not limited by the session policy',
        policies: { resource: doc(grant('G', SESSION)), session: doc(allow('S', 'ec2:*')) },
        request: { principal: SESSION },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'direct (`*`)',
        policies: { resource: doc(grant('G', '*')) },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'only the statements at the winning level are listed',
        policies: { resource: doc(grant('Acct', A), grant('G', ALICE)) },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'a grant whose condition is false does not count',
        policies: {
          resource: doc(
            grant('G', ALICE, 's3:GetObject', {
              Condition: { Bool: { 'aws:SecureTransport': 'true' } }
            })
          )
        },
        request: { context: { 'aws:SecureTransport': false } },
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'role level: a session of the role, no identity policy',
        policies: { resource: doc(grant('G', ROLE)) },
        request: { principal: SESSION },
        effect: 'Allow',
        reason: 'resource-role-allow',
        determining: ['resource:G']
      },
      {
        row: 'role level: the boundary must allow (it does not)',
        policies: { resource: doc(grant('G', ROLE)), boundary: [doc(allow('B', 'ec2:*'))] },
        request: { principal: SESSION },
        effect: 'ImplicitDeny',
        reason: 'boundary-no-allow'
      },
      {
        row: 'role level: the boundary must allow (it does)',
        policies: { resource: doc(grant('G', ROLE)), boundary: [doc(allow('B', 's3:*'))] },
        request: { principal: SESSION },
        effect: 'Allow',
        reason: 'resource-role-allow',
        determining: ['resource:G', 'boundary:B']
      },
      {
        row: 'role level: the session policy must allow (it does not)',
        policies: { resource: doc(grant('G', ROLE)), session: doc(allow('S', 'ec2:*')) },
        request: { principal: SESSION },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'role level: the session policy must allow (it does)',
        policies: { resource: doc(grant('G', ROLE)), session: doc(allow('S', 's3:*')) },
        request: { principal: SESSION },
        effect: 'Allow',
        reason: 'resource-role-allow',
        determining: ['resource:G', 'session:S']
      },
      {
        row: 'role level: IAM user ARN for its federated session, session policy allows',
        policies: { resource: doc(grant('G', ALICE)), session: doc(allow('S', 's3:*')) },
        request: { principal: FED },
        effect: 'Allow',
        reason: 'resource-role-allow',
        determining: ['resource:G', 'session:S']
      },
      {
        row: 'role level: a federated session without a session policy',
        policies: { resource: doc(grant('G', ALICE)) },
        request: { principal: FED },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'direct: the federated session ARN needs no session policy',
        policies: { resource: doc(grant('G', FED)) },
        request: { principal: FED },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: '[UNCERTAIN] account level alone: identity still needed (sameAccountPath)',
        policies: { resource: doc(grant('G', A)) },
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'account level + identity: the resource policy is not listed',
        policies: { identity: [doc(allow('I'))], resource: doc(grant('G', A)) },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      }
    ])
  )('%s', (_row, row) => check(row))
})

describe('§5.2 same account: identity, boundary and session gates', () => {
  it.each(
    cases([
      {
        row: 'identity allows',
        policies: { identity: [doc(allow('I'))] },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'nothing allows',
        policies: { identity: [doc(allow('I', 'ec2:*'))] },
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'no policies at all',
        policies: {},
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'identity is the union of its documents',
        policies: { identity: [doc(allow('E', 'ec2:*')), doc(allow('I'))] },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'boundary does not allow',
        policies: { identity: [doc(allow('I', 's3:*'))], boundary: [doc(allow('B', 'ec2:*'))] },
        effect: 'ImplicitDeny',
        reason: 'boundary-no-allow'
      },
      {
        row: 'boundary allows: both listed',
        policies: { identity: [doc(allow('I', 's3:*'))], boundary: [doc(allow('B'))] },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'boundary:B']
      },
      {
        row: 'boundary split over two documents',
        policies: {
          identity: [doc(allow('I'))],
          boundary: [doc(allow('B1', 'ec2:*')), doc(allow('B2', 's3:*'))]
        },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'boundary:B2']
      },
      {
        row: 'boundary without identity allow',
        policies: { boundary: [FULL] },
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'role session without a session policy passes',
        policies: { identity: [doc(allow('I'))] },
        request: { principal: SESSION },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      },
      {
        row: 'role session: session policy does not allow',
        policies: { identity: [doc(allow('I'))], session: doc(allow('S', 'ec2:*')) },
        request: { principal: SESSION },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'role session: session policy allows',
        policies: { identity: [doc(allow('I'))], session: doc(allow('S', 's3:*')) },
        request: { principal: SESSION },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'session:S']
      },
      {
        row: 'a plain role ARN counts as a session',
        policies: { identity: [doc(allow('I'))], session: doc(allow('S', 'ec2:*')) },
        request: { principal: ROLE },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'federated session without a session policy fails',
        policies: { identity: [doc(allow('I'))] },
        request: { principal: FED },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'federated session with a session policy that allows',
        policies: { identity: [doc(allow('I'))], session: doc(allow('S')) },
        request: { principal: FED },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'session:S']
      },
      {
        row: 'the session policy alone grants nothing',
        policies: { session: doc(allow('S')) },
        request: { principal: SESSION },
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      }
    ])
  )('%s', (_row, row) => check(row))
})

describe('§5.2 mandatory resource policies: role trust and KMS key policies', () => {
  const assume = { action: 'sts:AssumeRole', resource: ROLE }
  const decrypt = { action: 'kms:Decrypt', resource: KEY }
  const trust = (...statements: Json[]): Json => doc(...statements)
  it.each(
    cases([
      {
        row: 'trust: no trust policy, identity allows',
        policies: { identity: [doc(allow('I', 'sts:AssumeRole'))] },
        request: assume,
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'trust: a trust policy naming someone else',
        policies: {
          identity: [doc(allow('I', 'sts:AssumeRole'))],
          resource: trust(grant('T', `arn:aws:iam::${A}:user/bob`, 'sts:AssumeRole'))
        },
        request: assume,
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'trust: names the user (direct), no identity policy',
        policies: { resource: trust(grant('T', ALICE, 'sts:AssumeRole')) },
        request: assume,
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:T']
      },
      {
        row: 'trust: names the account, identity allows',
        policies: {
          identity: [doc(allow('I', 'sts:AssumeRole'))],
          resource: trust(grant('T', ROOT, 'sts:AssumeRole'))
        },
        request: assume,
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'resource:T']
      },
      {
        row: 'trust: names the account, identity does not allow',
        policies: { resource: trust(grant('T', ROOT, 'sts:AssumeRole')) },
        request: assume,
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'trust: a service principal',
        policies: {
          resource: trust(grant('T', { Service: 'ec2.amazonaws.com' }, 'sts:AssumeRole'))
        },
        request: { ...assume, principal: 'ec2.amazonaws.com' },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:T']
      },
      {
        row: 'trust: AssumeRoleWithWebIdentity from a named provider',
        policies: {
          resource: trust(
            grant(
              'T',
              { Federated: 'cognito-identity.amazonaws.com' },
              'sts:AssumeRoleWithWebIdentity'
            )
          )
        },
        request: {
          action: 'sts:AssumeRoleWithWebIdentity',
          resource: ROLE,
          principal: 'cognito-identity.amazonaws.com'
        },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:T']
      },
      {
        row: 'trust: a role session chaining by role ARN (role level)',
        policies: { resource: trust(grant('T', `arn:aws:iam::${A}:role/Other`, 'sts:AssumeRole')) },
        request: { ...assume, principal: `arn:aws:sts::${A}:assumed-role/Other/s` },
        effect: 'Allow',
        reason: 'resource-role-allow',
        determining: ['resource:T']
      },
      {
        row: 'trust: the root user needs the trust policy too',
        policies: {},
        request: { ...assume, principal: ROOT },
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'KMS: no key policy, identity allows',
        policies: { identity: [doc(allow('I', 'kms:*'))] },
        request: decrypt,
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'KMS: default key statement (account), identity allows',
        policies: {
          identity: [doc(allow('I', 'kms:Decrypt'))],
          resource: doc(grant('Root', ROOT, 'kms:*', { Resource: '*' }))
        },
        request: decrypt,
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'resource:Root']
      },
      {
        row: 'KMS: default key statement, identity does not allow',
        policies: { resource: doc(grant('Root', ROOT, 'kms:*', { Resource: '*' })) },
        request: decrypt,
        effect: 'ImplicitDeny',
        reason: 'no-identity-allow'
      },
      {
        row: 'KMS: key policy names the user',
        policies: { resource: doc(grant('U', ALICE, 'kms:Decrypt', { Resource: '*' })) },
        request: decrypt,
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:U']
      },
      {
        row: 'KMS: the root user with the default key statement',
        policies: { resource: doc(grant('Root', ROOT, 'kms:*', { Resource: '*' })) },
        request: { ...decrypt, principal: ROOT },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:Root']
      },
      {
        row: 'KMS: the root user without a key policy',
        policies: {},
        request: { ...decrypt, principal: ROOT },
        effect: 'ImplicitDeny',
        reason: 'resource-policy-required'
      },
      {
        row: 'KMS: an alias ARN is not a key',
        policies: { identity: [doc(allow('I', 'kms:*'))] },
        request: { ...decrypt, resource: `arn:aws:kms:us-east-1:${A}:alias/a` },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I']
      }
    ])
  )('%s', (_row, row) => check(row))
})
