// Web-identity federation open to anyone is `public` (docs/RISKS.md; src/risk/federation.ts).
// Sources: AWS IAM User Guide, "Configuring a role for GitHub OIDC identity provider" (evaluate
// `token.actions.githubusercontent.com:sub` in every trust policy that trusts GitHub); GitHub
// Docs, "Configuring OpenID Connect in Amazon Web Services" (define at least one condition so
// that untrusted repositories cannot request access tokens); AWS IAM User Guide, "Available keys
// for AWS web identity federation" (`<provider>:sub`; `cognito-identity.amazonaws.com:aud`).
import { describe, expect, it } from '@jest/globals'
import { isOpenWebIdentity, webIdentityProvider } from '../../src/risk/federation.js'

const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com'
const AUD = { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }
const WEB = 'sts:AssumeRoleWithWebIdentity'

describe('webIdentityProvider', () => {
  it.each([
    [GITHUB, 'token.actions.githubusercontent.com'],
    [
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC',
      'oidc.eks.us-east-1.amazonaws.com/id/abc'
    ],
    ['cognito-identity.amazonaws.com', 'cognito-identity.amazonaws.com'],
    ['accounts.google.com', 'accounts.google.com'],
    ['arn:aws:iam::111122223333:saml-provider/corp', undefined],
    ['arn:aws:iam::111122223333:role/app', undefined],
    ['*', undefined]
  ])('%s → %s', (principal, provider) => {
    expect(webIdentityProvider(principal)).toBe(provider)
  })
})

describe('isOpenWebIdentity', () => {
  it.each([
    ['GitHub with only the audience', GITHUB, AUD, true],
    ['GitHub with no condition at all', GITHUB, {}, true],
    [
      'GitHub pinned to a repository',
      GITHUB,
      { ...AUD, 'token.actions.githubusercontent.com:sub': 'repo:my-org/app:ref:refs/heads/main' },
      false
    ],
    [
      'GitHub pinned to an organisation',
      GITHUB,
      { 'token.actions.githubusercontent.com:sub': 'repo:my-org/example' },
      false
    ],
    [
      'GitHub pinned by a customised subject',
      GITHUB,
      { 'token.actions.githubusercontent.com:sub': 'repository_owner:my-org:environment:prod' },
      false
    ],
    [
      'GitHub subject from `repo:*`',
      GITHUB,
      { 'token.actions.githubusercontent.com:sub': 'repo:example' },
      true
    ],
    [
      'GitHub subject from `repo:*/*`',
      GITHUB,
      { 'token.actions.githubusercontent.com:sub': 'repo:example/example' },
      true
    ],
    [
      'GitHub subject from `repo:my*/app:*` (any owner starting with my)',
      GITHUB,
      { 'token.actions.githubusercontent.com:sub': 'repo:myexample/app:example' },
      true
    ],
    [
      'GitHub subject from `*`',
      GITHUB,
      { 'token.actions.githubusercontent.com:sub': 'example' },
      true
    ],
    [
      'GitHub key in another case',
      GITHUB,
      { 'Token.Actions.GitHubUserContent.com:SUB': 'repo:my-org/app' },
      false
    ],
    [
      'EKS pinned to a service account',
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC',
      { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:ns:sa' },
      false
    ],
    [
      'EKS without a subject',
      'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC',
      { 'oidc.eks.us-east-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com' },
      true
    ],
    [
      'Cognito pinned to an identity pool',
      'cognito-identity.amazonaws.com',
      { 'cognito-identity.amazonaws.com:aud': 'us-east-1:1234' },
      false
    ],
    [
      'Cognito without a pool',
      'cognito-identity.amazonaws.com',
      { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      true
    ]
  ])('%s: %s', (_name, principal, context, open) => {
    expect(isOpenWebIdentity({ action: WEB, principal, context })).toBe(open)
  })

  it('only concerns sts:AssumeRoleWithWebIdentity', () => {
    expect(isOpenWebIdentity({ action: 'sts:AssumeRole', principal: GITHUB, context: {} })).toBe(
      false
    )
    expect(
      isOpenWebIdentity({
        action: 'sts:AssumeRoleWithSAML',
        principal: 'arn:aws:iam::111122223333:saml-provider/corp',
        context: {}
      })
    ).toBe(false)
  })
})
