// prepareRequest: principal classification (IAM-SEMANTICS §3.3), derived context keys and the
// resource account (§6), the action and resource prepared once.
import { describe, expect, it } from '@jest/globals'
import { isServiceLinkedRole, parsePrincipal, prepareRequest } from '../../src/engine/request.js'
import type { Request } from '../../src/engine/types.js'
import { prepareContext } from '../../src/engine/context.js'

const A = '111122223333'
const B = '444455556666'

describe('§3.3 request principal kinds', () => {
  it.each([
    [`arn:aws:iam::${A}:user/alice`, { kind: 'user', account: A, name: 'alice' }],
    [`arn:aws:iam::${A}:user/div/team/alice`, { kind: 'user', account: A, name: 'alice' }],
    [
      `arn:aws:sts::${A}:assumed-role/Admin/s-1`,
      {
        kind: 'role',
        account: A,
        roleKey: `${A}:Admin`,
        roleArn: `arn:aws:iam::${A}:role/Admin`,
        sessionArn: `arn:aws:sts::${A}:assumed-role/Admin/s-1`
      }
    ],
    [
      `arn:aws-cn:sts::${A}:assumed-role/Admin/s`,
      { kind: 'role', roleArn: `arn:aws-cn:iam::${A}:role/Admin` }
    ],
    [
      `arn:aws:iam::${A}:role/ops/Admin`,
      {
        kind: 'role',
        roleKey: `${A}:Admin`,
        roleArn: `arn:aws:iam::${A}:role/ops/Admin`,
        sessionArn: undefined
      }
    ],
    [`arn:aws:sts::${A}:federated-user/bob`, { kind: 'federated-user', account: A, name: 'bob' }],
    [`arn:aws:iam::${A}:root`, { kind: 'root', account: A }],
    [A, { kind: 'root', account: A, arn: `arn:aws:iam::${A}:root` }],
    ['lambda.amazonaws.com', { kind: 'service', account: undefined }],
    ['cognito-identity.amazonaws.com', { kind: 'service', account: undefined }],
    [`arn:aws:iam::${A}:saml-provider/Okta`, { kind: 'provider', account: undefined }],
    ['*', { kind: 'anonymous', account: undefined }],
    ['anonymous', { kind: 'anonymous', account: undefined }],
    [`arn:aws:iam::${A}:group/devs`, { kind: 'other', account: A }]
  ])('%s → %j', (principal, expected) => {
    expect(parsePrincipal(principal)).toMatchObject(expected)
  })
})

const base: Request = {
  principal: `arn:aws:iam::${A}:user/alice`,
  action: 'S3:GetObject',
  resource: 'arn:aws:s3:::bucket/key'
}

describe('prepareRequest: action and resource prepared once', () => {
  it('lowercases the action and splits the resource ARN', () => {
    const prepared = prepareRequest({
      ...base,
      resource: 'arn:aws:lambda:us-east-1:1:function:f:prod'
    })
    expect(prepared.action).toBe('s3:getobject')
    expect(prepared.service).toBe('s3')
    expect(prepared.resource.arn).toEqual({
      partition: 'aws',
      service: 'lambda',
      region: 'us-east-1',
      account: '1',
      resource: 'function:f:prod'
    })
  })

  it('keeps `*` as a non-ARN resource', () => {
    expect(prepareRequest({ ...base, resource: '*' }).resource).toEqual({
      text: '*',
      arn: undefined
    })
  })
})

describe('§6 derived context keys (only when absent from the given context)', () => {
  const get = (request: Request, key: string): readonly string[] | undefined =>
    prepareRequest(request).context.get(key)?.values

  it.each([
    [`arn:aws:iam::${A}:user/div/alice`, 'User', `arn:aws:iam::${A}:user/div/alice`, A, 'alice'],
    [`arn:aws:sts::${A}:assumed-role/R/s`, 'AssumedRole', `arn:aws:iam::${A}:role/R`, A, undefined],
    [
      `arn:aws:sts::${A}:federated-user/bob`,
      'FederatedUser',
      `arn:aws:sts::${A}:federated-user/bob`,
      A,
      undefined
    ],
    [`arn:aws:iam::${A}:root`, 'Account', `arn:aws:iam::${A}:root`, A, undefined],
    ['*', 'Anonymous', undefined, undefined, undefined],
    ['lambda.amazonaws.com', undefined, undefined, undefined, undefined]
  ])('%s: type %s, arn %s, account %s, username %s', (principal, type, arn, account, username) => {
    const request = { ...base, principal }
    expect(get(request, 'aws:PrincipalType')?.[0]).toBe(type)
    expect(get(request, 'aws:PrincipalArn')?.[0]).toBe(arn)
    expect(get(request, 'aws:PrincipalAccount')?.[0]).toBe(account)
    expect(get(request, 'aws:username')?.[0]).toBe(username)
  })

  it('never overrides a given key, whatever its case', () => {
    const request = { ...base, context: { 'AWS:USERNAME': 'carol', 'aws:PrincipalType': 'X' } }
    expect(get(request, 'aws:username')).toEqual(['carol'])
    expect(get(request, 'aws:principaltype')).toEqual(['X'])
  })

  it('invents no other keys (§6)', () => {
    for (const key of [
      'aws:CurrentTime',
      'aws:SourceIp',
      'aws:MultiFactorAuthPresent',
      'aws:userid'
    ]) {
      expect(get(base, key)).toBeUndefined()
    }
  })
})

describe('§6 resource account', () => {
  it.each([
    ['resourceAccount given', { resourceAccount: B }, B],
    ['the ARN account', { resource: `arn:aws:sqs:us-east-1:${B}:q` }, B],
    [
      'resourceAccount beats the ARN',
      { resource: `arn:aws:sqs:us-east-1:${B}:q`, resourceAccount: A },
      A
    ],
    ['aws:ResourceAccount from the context', { context: { 'aws:ResourceAccount': B } }, B],
    [
      'the ARN beats the context',
      { resource: `arn:aws:sqs:us-east-1:${A}:q`, context: { 'aws:ResourceAccount': B } },
      A
    ],
    ['else the principal account (S3 ARN has none)', {}, A],
    ['`*` resource: the principal account', { resource: '*' }, A],
    ['service principal with nothing given', { principal: 'lambda.amazonaws.com' }, undefined]
  ])('%s', (_row, extra, expected) => {
    expect(prepareRequest({ ...base, ...extra }).resourceAccount).toBe(expected)
  })
})

describe('§5.1 service-linked roles (path `aws-service-role/`)', () => {
  const slr = `arn:aws:iam::${A}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`
  it.each([
    [slr, {}, true],
    [`arn:aws:iam::${A}:role/ops/Admin`, {}, false],
    [`arn:aws:sts::${A}:assumed-role/AWSServiceRoleForECS/s`, {}, false], // a session has no path
    [`arn:aws:sts::${A}:assumed-role/AWSServiceRoleForECS/s`, { 'aws:PrincipalArn': slr }, true],
    [`arn:aws:iam::${A}:user/aws-service-role/x`, {}, false]
  ])('%s with %j → %s', (principal, context, expected) => {
    expect(isServiceLinkedRole(parsePrincipal(principal), prepareContext(context))).toBe(expected)
  })
})

describe('§5 request traits', () => {
  it.each([
    [
      'same account user',
      base,
      { iamPrincipal: true, sessionPrincipal: false, crossAccount: false }
    ],
    [
      'cross-account user',
      { ...base, resourceAccount: B },
      { crossAccount: true, scpApplies: true }
    ],
    [
      'role session',
      { ...base, principal: `arn:aws:sts::${A}:assumed-role/R/s` },
      { sessionPrincipal: true, boundaryHolder: true }
    ],
    [
      'federated user',
      { ...base, principal: `arn:aws:sts::${A}:federated-user/f` },
      { sessionPrincipal: true, boundaryHolder: false }
    ],
    [
      'root',
      { ...base, principal: `arn:aws:iam::${A}:root` },
      { iamPrincipal: false, scpApplies: true }
    ],
    [
      'service',
      { ...base, principal: 's.amazonaws.com' },
      { iamPrincipal: false, scpApplies: false, crossAccount: false }
    ],
    [
      'trust policy',
      { ...base, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/R` },
      { mandatory: true }
    ],
    [
      'AssumeRoleWithWebIdentity',
      { ...base, action: 'sts:AssumeRoleWithWebIdentity', resource: `arn:aws:iam::${A}:role/R` },
      { mandatory: true }
    ],
    [
      'AssumeRole on `*`',
      { ...base, action: 'sts:AssumeRole', resource: '*' },
      { mandatory: false }
    ],
    [
      'KMS key',
      { ...base, action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:key/k-1` },
      { mandatory: true }
    ],
    [
      'KMS alias',
      { ...base, action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${A}:alias/a` },
      { mandatory: false }
    ],
    ['other actions', base, { mandatory: false }]
  ])('%s', (_row, request, expected) => {
    expect(prepareRequest(request)).toMatchObject(expected)
  })
})
