import { describe, expect, it } from '@jest/globals'
import { awsCliJsonExtractor } from '../../src/extract/aws-cli-json.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { fixture, OPTIONS, positionOfText } from './helpers.js'

function extract(name: string) {
  return awsCliJsonExtractor.extract(name, fixture(name), OPTIONS)
}

describe('AWS CLI JSON', () => {
  it.each([
    'get-role.json',
    'get-role-policy-encoded.json',
    'get-policy-version.json',
    'authorization-details.json'
  ])('claims %s', (name) => {
    expect(awsCliJsonExtractor.claims(name, fixture(name))).toBe(20)
  })

  it('claims no bare policy and no other JSON', () => {
    expect(awsCliJsonExtractor.claims('p.json', '{"Statement": [], "Role": 1}')).toBe(0)
    expect(awsCliJsonExtractor.claims('p.json', '{"PolicyDocument": {}}')).toBe(0)
    expect(awsCliJsonExtractor.claims('p.json', '{"name": "x"}')).toBe(0)
    expect(awsCliJsonExtractor.claims('p.json', 'Role: x')).toBe(0)
  })

  it('reads get-role: the trust policy is resource-based, attached to the role', () => {
    const text = fixture('get-role.json')
    const { documents, diagnostics } = extract('get-role.json')
    expect(diagnostics).toEqual([])
    expect(documents).toHaveLength(1)
    const [doc] = documents
    expect(doc).toMatchObject({
      location: 'Role/deploy/AssumeRolePolicyDocument',
      name: 'role deploy › trust policy',
      kind: 'resource',
      attachedTo: { kind: 'role', name: 'deploy', arn: 'arn:aws:iam::123456789012:role/deploy' }
    })
    expect(JSON.parse(doc!.text)).toEqual(JSON.parse(text).Role.AssumeRolePolicyDocument)
    expect(doc!.positionOf('/Statement/0/Action')).toEqual(positionOfText(text, '"sts:AssumeRole"'))
    expect(parsePolicy(doc!.text, { file: 'x', kind: doc!.kind }).policy).toBeDefined()
  })

  it('decodes URL-encoded documents; their positions are the string', () => {
    const text = fixture('get-role-policy-encoded.json')
    const [doc] = extract('get-role-policy-encoded.json').documents
    expect(doc).toMatchObject({
      location: 'Role/deploy/Policies/s3-write',
      name: 'role deploy › inline policy s3-write',
      kind: 'identity'
    })
    expect(JSON.parse(doc!.text).Statement[0].Resource).toBe('arn:aws:s3:::bucket/*')
    const at = positionOfText(text, '"%7B')
    expect(doc!.positionOf('/Statement/0/Action')).toEqual(at)
    expect(doc!.positionOf('')).toEqual(at)
  })

  it('reads get-policy-version', () => {
    const [doc] = extract('get-policy-version.json').documents
    expect(doc).toMatchObject({
      location: 'PolicyVersion/Document',
      name: 'managed policy version v3'
    })
  })

  it('reads the authorization details: inline, trust, default versions only, attachments', () => {
    const result = extract('authorization-details.json')
    expect(result.diagnostics).toEqual([])
    expect(result.documents.map((d) => [d.location, d.kind])).toEqual([
      ['Role/deploy/AssumeRolePolicyDocument', 'resource'],
      ['Role/deploy/Policies/s3-write', 'identity'],
      ['User/alice/Policies/inline-read', 'identity'],
      ['Group/admins/Policies/all', 'identity'],
      ['Policy/boundary/DefaultVersion', 'identity']
    ])
    const boundary = result.documents.at(-1)!
    expect(JSON.parse(boundary.text).Statement[0].Action).toBe('s3:*')
    expect(boundary.attachedTo).toMatchObject({
      kind: 'policy',
      arn: 'arn:aws:iam::123456789012:policy/boundary'
    })
    expect(JSON.parse(result.documents[3]!.text).Statement[0].Action).toBe('*')
    expect(result.attachments?.map((a) => [a.relation, a.to.name, a.policy])).toEqual([
      ['permissions-boundary', 'deploy', 'arn:aws:iam::123456789012:policy/boundary'],
      ['managed-policy', 'alice', 'arn:aws:iam::aws:policy/ReadOnlyAccess']
    ])
  })

  it('reports a malformed URL encoding on the string, and keeps the other documents', () => {
    const text = JSON.stringify({
      RoleDetailList: [
        { RoleName: 'a', AssumeRolePolicyDocument: '%E0%A4%A' },
        { RoleName: 'b', AssumeRolePolicyDocument: 42 },
        { RoleName: 'c', AssumeRolePolicyDocument: { Statement: [] } }
      ]
    })
    const result = awsCliJsonExtractor.extract('d.json', text, OPTIONS)
    expect(result.documents.map((d) => d.location)).toEqual(['Role/c/AssumeRolePolicyDocument'])
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'extract-document-invalid',
        'role `a`: `AssumeRolePolicyDocument` is not valid URL-encoded text'
      ],
      ['extract-document-invalid', 'role `b`: `AssumeRolePolicyDocument` is not a policy document']
    ])
    expect(result.diagnostics[0]!.span).toMatchObject({ line: 1 })
  })

  it('keeps hostile names in locations escaped and unique', () => {
    const doc = { Statement: [] }
    const text = JSON.stringify({
      RoleDetailList: [
        { RoleName: 'a/<!--*${x}', AssumeRolePolicyDocument: doc },
        { RoleName: 'a/<!--*${x}', AssumeRolePolicyDocument: doc }
      ]
    })
    const { documents } = awsCliJsonExtractor.extract('d.json', text, OPTIONS)
    expect(documents.map((d) => d.location)).toEqual([
      'Role/a~1<!--*${x}/AssumeRolePolicyDocument',
      'Role/a~1<!--*${x}/AssumeRolePolicyDocument~2'
    ])
  })

  it('reports invalid JSON as a file diagnostic', () => {
    const result = awsCliJsonExtractor.extract('d.json', '{"Role": {', OPTIONS)
    expect(result.documents).toEqual([])
    expect(result.diagnostics[0]?.code).toBe('json-syntax')
  })
})
