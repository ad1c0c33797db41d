// SAM functions: inline documents, managed policies, policy templates, Globals, implicit role.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { byLocation, expectValidPolicy, extract, statement } from './cloudformation-helpers.js'

const text = readFileSync(
  new URL('../fixtures/extract/cfn/sam-function.yaml', import.meta.url),
  'utf8'
)

describe('AWS::Serverless::Function', () => {
  const result = extract(text)

  it('is format sam', () => {
    expect(result.format).toBe('sam')
  })

  it('extracts inline statements and the trust policy, attached to the implicit role', () => {
    const inline = byLocation(result, 'Resources/Worker/Properties/Policies/2')
    expect(statement(inline)['Resource']).toBe('arn:aws:s3:::uploads/*')
    expect(inline.attachedTo).toMatchObject({
      kind: 'role',
      name: 'WorkerRole',
      arn: 'arn:aws:iam::123456789012:role/WorkerRole'
    })
    const trust = byLocation(result, 'Resources/Worker/Properties/AssumeRolePolicyDocument')
    expect(trust.kind).toBe('resource')
    for (const doc of result.documents) expectValidPolicy(doc)
  })

  it('records managed policies (Globals first, names as AWS managed ARNs) and the boundary', () => {
    expect(result.attachments?.map((a) => [a.relation, a.policy])).toEqual([
      ['managed-policy', 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole'],
      ['managed-policy', 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess'],
      ['permissions-boundary', 'arn:aws:iam::123456789012:policy/boundary'],
      ['applies-to', 'Resources/Caller/Properties/PolicyDocument']
    ])
  })

  it('reports SAM policy templates as unreviewable', () => {
    expect(result.unreviewable).toMatchObject([
      { what: 'SAM policy template S3ReadPolicy', position: { line: 23, column: 11 } }
    ])
  })

  it('resolves references to the implicit role', () => {
    const caller = byLocation(result, 'Resources/Caller/Properties/PolicyDocument')
    expect(statement(caller)['Resource']).toBe('arn:aws:iam::123456789012:role/WorkerRole')
  })
})
