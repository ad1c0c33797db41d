import { describe, expect, it } from '@jest/globals'
import { findTemplateSyntax, isIamVariableBody } from '../../src/extract/sniff-template.js'

describe('IAM policy variables', () => {
  it.each([
    'aws:username',
    'aws:PrincipalTag/team',
    "aws:PrincipalTag/team, 'none'",
    'saml:sub',
    's3:prefix',
    'sts:ExternalId',
    'ec2:SourceInstanceARN',
    'iot:Connection.Thing.ThingName',
    'cognito-identity.amazonaws.com:sub',
    'www.amazon.com:user_id',
    'graph.facebook.com:id',
    'accounts.google.com:sub',
    // service keys as variables, as AWS's own managed policies use them
    'datazone:projectId',
    'deadline:PrincipalId',
    'sagemaker:DomainId',
    'nimble:principalId',
    '*',
    '?',
    '$'
  ])('accepts %s', (body) => expect(isIamVariableBody(body)).toBe(true))

  it.each([
    'account_id',
    'var.account',
    'AWS::AccountId',
    'self:custom.x',
    'opt:stage',
    'env:HOME',
    'sls:stage',
    'file(./x.json)',
    'ssm:/path/to/param',
    'cf:stack.output',
    'aws:username, default',
    'aws:',
    ''
  ])('rejects %s', (body) => expect(isIamVariableBody(body)).toBe(false))
})

describe('findTemplateSyntax', () => {
  it.each([
    ['%{ if x }a%{ endif }', '%{ if x }'],
    ['{% if x %}', '{% if x %}'],
    ['{{.Account}}', '{{.Account}}'],
    ['<% x %>', '<% x %>'],
    ['${unclosed', '${unclosed'],
    ['a ${x} b {{ y }}', '${x}']
  ])('finds %s', (text, syntax) => {
    expect(findTemplateSyntax(text)?.syntax).toBe(syntax)
  })

  it('ignores IAM variables and JSON', () => {
    expect(findTemplateSyntax('{"a": {"b": {}}} ${aws:username} ${*}')).toBeUndefined()
  })

  it('is linear on hostile input', () => {
    const text = '${'.repeat(200_000) + '{{'.repeat(200_000) + '<%'.repeat(100_000)
    const started = performance.now()
    expect(findTemplateSyntax(text)).toBeDefined()
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
