import { describe, expect, it } from '@jest/globals'
import { createServerlessExtractor } from '../../src/extract/serverless.js'
import type { Extractor } from '../../src/extract/types.js'
import { parseLocatedJson } from '../../src/policy/located-json.js'
import { positionsUnder } from '../../src/extract/json-positions.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { fixture, OPTIONS, positionOfText } from './helpers.js'

/** A stand-in CloudFormation extractor: every `Properties.PolicyDocument`, positions in its input. */
const fakeCloudFormation: Extractor = {
  format: 'cloudformation',
  claims: () => 0,
  extract(_path, text) {
    const json = parseLocatedJson(text)
    const resources =
      json.root?.kind === 'object'
        ? json.root.entries.find((e) => e.key === 'Resources')
        : undefined
    const documents = (resources?.value.kind === 'object' ? resources.value.entries : []).flatMap(
      (entry) => {
        const properties =
          entry.value.kind === 'object'
            ? entry.value.entries.find((e) => e.key === 'Properties')
            : undefined
        const policy =
          properties?.value.kind === 'object'
            ? properties.value.entries.find((e) => e.key === 'PolicyDocument')
            : undefined
        if (policy === undefined) return []
        return [
          {
            location: `Resources/${entry.key}/Properties/PolicyDocument`,
            name: entry.key,
            kind: 'resource' as const,
            attachedTo: undefined,
            text: text.slice(policy.value.start, policy.value.end),
            positionOf: positionsUnder(policy.value, json.lines, { opaque: false }),
            placeholders: [],
            diagnostics: []
          }
        ]
      }
    )
    return { format: 'cloudformation', documents, unreviewable: [], diagnostics: [] }
  }
}

const withCfn = createServerlessExtractor({ cloudFormation: () => fakeCloudFormation })
const withoutCfn = createServerlessExtractor({ cloudFormation: () => undefined })

describe('serverless claims', () => {
  it('claims service + provider, higher under its own name', () => {
    const text = fixture('serverless.yml')
    expect(withCfn.claims('serverless.yml', text)).toBe(40)
    expect(withCfn.claims('app/serverless.yaml', text)).toBe(40)
    expect(withCfn.claims('other.yml', text)).toBe(30)
    expect(withCfn.claims('serverless.json', '{"service": "a", "provider": {}}')).toBe(40)
    expect(withCfn.claims('serverless.yml', 'service: a\n')).toBe(0)
    expect(withCfn.claims('x.yml', '  service: a\n  provider: b\n')).toBe(0)
  })
})

describe('serverless extraction', () => {
  const text = fixture('serverless.yml')
  const result = withCfn.extract('serverless.yml', text, OPTIONS)
  const provider = result.documents.find((d) => d.location === 'provider/iam/role/statements')!

  it('finds the provider role, the function role and the CloudFormation resources', () => {
    expect(result.documents.map((d) => d.location)).toEqual([
      'provider/iam/role/statements',
      'functions/create/iamRoleStatements',
      'resources/Resources/OrdersQueuePolicy/Properties/PolicyDocument'
    ])
    expect(result.format).toBe('serverless')
  })

  it('resolves self, aws:accountId and aws:region; keeps IAM variables; tokens for the rest', () => {
    const statements = JSON.parse(provider.text).Statement
    expect(JSON.parse(provider.text).Version).toBe('2012-10-17')
    expect(statements[0].Resource).toBe(
      'arn:aws:dynamodb:us-east-1:123456789012:table/orders-iam-policy-diff.serverless-opt.stage'
    )
    expect(statements[1].Resource).toBe('arn:aws:s3:::orders-archive/home/${aws:username}/*')
    expect(statements[2].Resource).toBe(
      'arn:aws:iam-policy-diff:::cloudformation-getatt/OrdersQueue.Arn'
    )
    expect(statements[3].Resource).toBe('arn:aws:iam-policy-diff:::serverless-ssm/ordersparam-arn')
    expect(provider.placeholders.map((p) => [p.stands, p.kind])).toEqual(
      expect.arrayContaining([
        ["${opt:stage, 'dev'}", 'opaque'],
        ['${aws:accountId}', 'pseudo'],
        ['${ssm:/orders/param-arn}', 'opaque'],
        ['Fn::GetAtt OrdersQueue.Arn', 'opaque']
      ])
    )
    expect(provider.text).not.toMatch(/\$\{(?!aws:username\})/)
    const parsed = parsePolicy(provider.text, { file: 'x', kind: 'identity' })
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('maps pointers to the YAML', () => {
    expect(provider.positionOf('/Statement/1/Action')).toEqual(positionOfText(text, 's3:GetObject'))
    expect(provider.positionOf('/Statement/0/Action/1')).toEqual(
      positionOfText(text, 'dynamodb:PutItem')
    )
    expect(provider.positionOf('/Version')).toEqual(positionOfText(text, '- Effect: Allow'))
  })

  it('records managed policies as attachments of the default role', () => {
    expect(result.attachments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          relation: 'managed-policy',
          policy: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          to: expect.objectContaining({ name: 'IamRoleLambdaExecution' })
        })
      ])
    )
  })

  it('gives a function role its statements and, with inherit, the provider ones; cycles warn', () => {
    const fn = result.documents[1]!
    const statements = JSON.parse(fn.text).Statement
    expect(statements).toHaveLength(5)
    expect(statements[0].Action).toBe('sns:Publish')
    expect(statements[0].Resource).toMatch(/^arn:aws:iam-policy-diff:::serverless-self\//)
    expect(result.diagnostics.map((d) => d.code)).toContain('serverless-variable-limit')
  })

  it('maps the delegated CloudFormation positions back to the serverless file', () => {
    const queue = result.documents[2]!
    expect(queue.kind).toBe('resource')
    expect(queue.positionOf('/Statement/0/Action')).toEqual(
      positionOfText(text, 'sqs:SendMessage', text.indexOf('resources:'))
    )
  })

  it('reports IAM resources as not reviewed when no CloudFormation extractor is listed', () => {
    const bare = withoutCfn.extract('serverless.yml', text, OPTIONS)
    expect(bare.documents).toHaveLength(2)
    expect(bare.unreviewable).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('OrdersQueuePolicy') })
    ])
  })

  it('reads the older iamRoleStatements and iamManagedPolicies at the same location', () => {
    const old = withCfn.extract('serverless.yml', fixture('serverless-old.yml'), OPTIONS)
    expect(old.documents.map((d) => d.location)).toEqual(['provider/iam/role/statements'])
    expect(JSON.parse(old.documents[0]!.text).Statement[0].Resource).toBe(
      'arn:aws:s3:::iam-policy-diff.serverless-env.BUCKET'
    )
    expect(old.attachments?.[0]?.policy).toBe('arn:aws:iam::aws:policy/AdministratorAccess')
  })

  it('reads serverless.json', () => {
    const json = JSON.stringify({
      service: 'a',
      provider: { iamRoleStatements: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }
    })
    const doc = withCfn.extract('serverless.json', json, OPTIONS).documents[0]!
    expect(JSON.parse(doc.text).Statement[0].Action).toBe('s3:*')
    expect(doc.positionOf('/Statement/0/Action')).toEqual(positionOfText(json, '"s3:*"'))
  })

  it('reports a statement list that is not a list, and YAML syntax errors', () => {
    const bad = withCfn.extract(
      'serverless.yml',
      'service: a\nprovider:\n  iamRoleStatements: 3\n',
      OPTIONS
    )
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['extract-document-invalid'])
    const broken = withCfn.extract('serverless.yml', 'service: a\nprovider: [\n', OPTIONS)
    expect(broken.diagnostics.map((d) => d.code)).toContain('yaml-syntax')
    expect(broken.documents).toEqual([])
  })

  it('never leaves a serverless or template variable for IAM to read', () => {
    const yaml = [
      'service: a',
      'custom:',
      '  nested: ${self:custom.${opt:stage}.x}',
      'provider:',
      '  iamRoleStatements:',
      '    - Effect: Allow',
      '      Action: s3:GetObject',
      "      Resource: ${file(./res.yml):arn}-${cf:stack.out}-${foo}-${AWS::Region}-${self:custom.nested}-${aws:PrincipalTag/team, 'x'}",
      '      Condition:',
      '        StringEquals:',
      '          aws:ResourceTag/k: !Sub "${AWS::AccountId}-${!Literal}-${Bucket}"'
    ].join('\n')
    const doc = withCfn.extract('serverless.yml', yaml, OPTIONS).documents[0]!
    const statement = JSON.parse(doc.text).Statement[0]
    expect(statement.Resource).not.toMatch(/\$\{(?!aws:PrincipalTag)/)
    expect(statement.Resource).toContain("${aws:PrincipalTag/team, 'x'}")
    expect(statement.Condition.StringEquals['aws:ResourceTag/k']).toBe(
      '123456789012-${Literal}-iam-policy-diff.cloudformation-sub.Bucket'
    )
  })
})
