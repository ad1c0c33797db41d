// Which condition keys an action can carry (issue 3; docs/MATRIX.md): global keys, the action's
// own keys and its resource types' keys; tag keys only where the catalogue lists them; any key
// for actions outside the catalogue.
import { describe, expect, it } from '@jest/globals'
import { keyAvailability } from '../../src/matrix/key-availability.js'
import { catalog } from './helpers.js'

const has = (action: string | undefined, key: string): boolean =>
  keyAvailability(catalog, action === undefined ? undefined : catalog.action(action)).has(key)

describe('keyAvailability', () => {
  it.each([
    ['a global key', 's3:GetObject', 'aws:SourceIp', true],
    ['a global key in another case', 's3:GetObject', 'AWS:SOURCEIP', true],
    ['a global tag-style key', 's3:GetObject', 'aws:PrincipalTag/team', true],
    ['an action key', 'iam:PassRole', 'iam:PassedToService', true],
    ['another action’s key', 's3:GetObject', 'iam:PassedToService', false],
    ['a resource type key', 'iam:PassRole', 'iam:ResourceTag/team', true],
    [
      'aws:ResourceTag where the resource type lists it',
      'iam:PassRole',
      'aws:ResourceTag/team',
      true
    ],
    [
      'aws:ResourceTag on an action without resource types',
      'ec2:DescribeInstances',
      'aws:ResourceTag/team',
      false
    ],
    ['aws:RequestTag where the action lists it', 'iam:CreateRole', 'aws:RequestTag/team', true],
    ['aws:TagKeys where the action lists it', 'iam:CreateRole', 'aws:TagKeys', true],
    ['aws:RequestTag where it does not', 's3:GetObject', 'aws:RequestTag/team', false],
    ['a `<key>` placeholder', 's3:GetObject', 's3:ExistingObjectTag/team', true],
    [
      'a `/tag-key` placeholder',
      'secretsmanager:GetSecretValue',
      'secretsmanager:ResourceTag/aws:secretsmanager:owningService',
      true
    ],
    ['a `tag-key` text elsewhere', 's3:GetObject', 'secretsmanager:ResourceTag/team', false],
    // identity-provider keys: OIDC hosts for web identity, `saml:` for SAML
    [
      'a GitHub OIDC key',
      'sts:AssumeRoleWithWebIdentity',
      'token.actions.githubusercontent.com:sub',
      true
    ],
    ['a Google key', 'sts:AssumeRoleWithWebIdentity', 'accounts.google.com:aud', true],
    ['a Cognito key', 'sts:AssumeRoleWithWebIdentity', 'cognito-identity.amazonaws.com:amr', true],
    [
      'an EKS OIDC key',
      'sts:AssumeRoleWithWebIdentity',
      'oidc.eks.us-east-1.amazonaws.com/id/AB12:sub',
      true
    ],
    ['a SAML key for SAML', 'sts:AssumeRoleWithSAML', 'saml:aud', true],
    ['a SAML key for web identity', 'sts:AssumeRoleWithWebIdentity', 'saml:aud', false],
    [
      'an OIDC key for SAML',
      'sts:AssumeRoleWithSAML',
      'token.actions.githubusercontent.com:sub',
      false
    ],
    [
      'an OIDC key for AssumeRole',
      'sts:AssumeRole',
      'token.actions.githubusercontent.com:sub',
      false
    ],
    ['an OIDC key elsewhere', 's3:GetObject', 'accounts.google.com:aud', false],
    [
      'a service key with a `/` after its prefix',
      'sts:AssumeRoleWithWebIdentity',
      'secretsmanager:ResourceTag/aws:secretsmanager:owningService',
      false
    ]
  ])('%s: %s carries %s → %s', (_name, action, key, expected) => {
    expect(has(action, key)).toBe(expected)
  })

  it('allows any key for an action outside the catalogue', () => {
    expect(has(undefined, 'foo:AnyKey')).toBe(true)
  })
})
