// Cross-account decisions (IAM-SEMANTICS §5.3): both accounts must allow.
import { describe, it } from '@jest/globals'
import { A, B, CAROL, ROLE, KEY, doc, allow, grant, cases, check } from './decision-rows.js'

describe('§5.3 cross-account: the principal side and the resource side must both allow', () => {
  const x = { principal: CAROL, resourceAccount: A }
  it.each(
    cases([
      {
        row: 'identity allows and the resource policy names the account',
        policies: { identity: [doc(allow('I'))], resource: doc(grant('G', B)) },
        request: x,
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'resource:G']
      },
      {
        row: 'identity allows, no resource policy',
        policies: { identity: [doc(allow('I'))] },
        request: x,
        effect: 'ImplicitDeny',
        reason: 'cross-account-no-resource-allow'
      },
      {
        row: 'identity allows, the resource policy names another account',
        policies: {
          identity: [doc(allow('I'))],
          resource: doc(grant('G', `arn:aws:iam::${A}:root`))
        },
        request: x,
        effect: 'ImplicitDeny',
        reason: 'cross-account-no-resource-allow'
      },
      {
        row: 'a direct grant does not bypass the principal side',
        policies: { resource: doc(grant('G', CAROL)) },
        request: x,
        effect: 'ImplicitDeny',
        reason: 'cross-account-no-identity-allow'
      },
      {
        row: 'boundary of the principal does not allow',
        policies: {
          identity: [doc(allow('I'))],
          boundary: [doc(allow('Bd', 'ec2:*'))],
          resource: doc(grant('G', CAROL))
        },
        request: x,
        effect: 'ImplicitDeny',
        reason: 'boundary-no-allow'
      },
      {
        row: 'role session whose session policy does not allow',
        policies: {
          identity: [doc(allow('I'))],
          session: doc(allow('S', 'ec2:*')),
          resource: doc(grant('G', B))
        },
        request: { principal: `arn:aws:sts::${B}:assumed-role/R/s`, resourceAccount: A },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'role level grant with identity allow',
        policies: {
          identity: [doc(allow('I'))],
          resource: doc(grant('G', `arn:aws:iam::${B}:role/R`))
        },
        request: { principal: `arn:aws:sts::${B}:assumed-role/R/s`, resourceAccount: A },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'resource:G']
      },
      {
        row: 'federated session without a session policy',
        policies: { identity: [doc(allow('I'))], resource: doc(grant('G', B)) },
        request: { principal: `arn:aws:sts::${B}:federated-user/f`, resourceAccount: A },
        effect: 'ImplicitDeny',
        reason: 'session-no-allow'
      },
      {
        row: 'root user of another account: resource policy names its account',
        policies: { resource: doc(grant('G', B)) },
        request: { principal: `arn:aws:iam::${B}:root`, resourceAccount: A },
        effect: 'Allow',
        reason: 'resource-allow',
        determining: ['resource:G']
      },
      {
        row: 'root user of another account: no resource grant',
        policies: {},
        request: { principal: `arn:aws:iam::${B}:root`, resourceAccount: A },
        effect: 'ImplicitDeny',
        reason: 'cross-account-no-resource-allow'
      },
      {
        row: 'resource account from the ARN',
        policies: { identity: [doc(allow('I', 'sqs:*'))] },
        request: {
          principal: CAROL,
          action: 'sqs:SendMessage',
          resource: `arn:aws:sqs:us-east-1:${A}:q`
        },
        effect: 'ImplicitDeny',
        reason: 'cross-account-no-resource-allow'
      },
      {
        row: 'trust policy of a role in another account',
        policies: {
          identity: [doc(allow('I', 'sts:AssumeRole'))],
          resource: doc(grant('T', B, 'sts:AssumeRole'))
        },
        request: { principal: CAROL, action: 'sts:AssumeRole', resource: ROLE },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'resource:T']
      },
      {
        row: 'KMS key in another account: key policy and identity',
        policies: {
          identity: [doc(allow('I', 'kms:Decrypt', KEY))],
          resource: doc(grant('K', B, 'kms:Decrypt', { Resource: '*' }))
        },
        request: { principal: CAROL, action: 'kms:Decrypt', resource: KEY },
        effect: 'Allow',
        reason: 'identity-allow',
        determining: ['identity:I', 'resource:K']
      }
    ])
  )('%s', (_row, row) => check(row))
})
