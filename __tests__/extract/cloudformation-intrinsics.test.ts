// Intrinsic functions resolve to deterministic values and marked placeholders.
import { describe, expect, it } from '@jest/globals'
import { expectValidPolicy, extract, only, statement, template } from './cloudformation-helpers.js'

/** The resolved `Resource` of a one-statement bucket policy whose Resource is `expr`. */
function resource(expr: string, head = '', more = ''): unknown {
  const text = template(
    `  Bucket:
    Type: AWS::S3::Bucket
    Properties: {BucketName: data}
  Queue:
    Type: AWS::SQS::Queue
  Topic:
    Type: AWS::SNS::Topic
    Properties: {TopicName: alerts}
  Role:
    Type: AWS::IAM::Role
    Properties: {RoleName: app, Path: /svc/}
${more}  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: ${expr}
`,
    head
  )
  const result = extract(text)
  const doc = only(result)
  expectValidPolicy(doc)
  return statement(doc)['Resource']
}

describe('Ref and Fn::GetAtt', () => {
  it.each([
    ['!GetAtt Bucket.Arn', 'arn:aws:s3:::data'],
    ['!Sub "arn:aws:s3:::${Bucket}/*"', 'arn:aws:s3:::data/*'],
    ['!GetAtt Queue.Arn', 'arn:aws:sqs:us-east-1:123456789012:Queue'],
    ['!Ref Topic', 'arn:aws:sns:us-east-1:123456789012:alerts'],
    ['!GetAtt [Role, Arn]', 'arn:aws:iam::123456789012:role/svc/app'],
    ['{"Fn::GetAtt": "Role.Arn"}', 'arn:aws:iam::123456789012:role/svc/app'],
    [
      '!Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:x"',
      'arn:aws:sqs:us-east-1:123456789012:x'
    ]
  ])('%s', (expr, expected) => {
    expect(resource(expr)).toBe(expected)
  })

  it('Ref of an SQS queue is its URL', () => {
    expect(resource('!Sub "arn:aws:s3:::${Queue}"')).toBe(
      'arn:aws:s3:::https://sqs.us-east-1.amazonaws.com/123456789012/Queue'
    )
  })

  it('uses parameter defaults, and a marked placeholder without one', () => {
    const head = 'Parameters:\n  Name: {Type: String, Default: logs}\n  Other: {Type: String}\n'
    expect(resource('!Sub "arn:aws:s3:::${Name}/${Other}"', head)).toBe(
      'arn:aws:s3:::logs/iam-policy-diff.param.Other'
    )
    expect(resource('!Ref Other', head)).toBe('arn:aws:iam-policy-diff:::param/Other')
  })

  it('an unmodelled attribute is a placeholder with a warning', () => {
    const result = extract(
      template(
        `  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement: [{Effect: Allow, Action: 's3:*', Resource: !GetAtt Bucket.Weird}]\n  Bucket: {Type: AWS::S3::Bucket}\n`
      )
    )
    expect(statement(only(result))['Resource']).toBe(
      'arn:aws:iam-policy-diff:::getatt/Bucket.Weird'
    )
    expect(only(result).diagnostics.map((d) => d.code)).toEqual(['template-unresolved'])
  })
})

describe('Fn::Sub', () => {
  it('keeps ${!Literal} as an IAM policy variable and substitutes the variable map', () => {
    expect(resource('!Sub ["arn:aws:s3:::${B}/${!aws:username}/*", {B: !Ref Bucket}]')).toBe(
      'arn:aws:s3:::data/${aws:username}/*'
    )
  })

  it('never leaves a template reference to be read as a policy variable', () => {
    const value = resource('!Sub "arn:aws:s3:::${Unknown*Name}/${aws:username}"')
    expect(value).toBe('arn:aws:s3:::iam-policy-diff.invalid.value/iam-policy-diff.invalid.value')
  })
})

describe('list and string functions', () => {
  it.each([
    ['!Join ["", ["arn:aws:s3:::", !Ref Bucket, "/*"]]', 'arn:aws:s3:::data/*'],
    ['!Select [1, [a, "arn:aws:s3:::picked"]]', 'arn:aws:s3:::picked'],
    ['!Select [0, !Split ["|", "arn:aws:s3:::x|y"]]', 'arn:aws:s3:::x'],
    ['!FindInMap [Buckets, !Ref "AWS::Region", Arn]', 'arn:aws:s3:::mapped']
  ])('%s', (expr, expected) => {
    const head = 'Mappings:\n  Buckets:\n    us-east-1: {Arn: "arn:aws:s3:::mapped"}\n'
    expect(resource(expr, head)).toBe(expected)
  })

  it.each([
    ['!ImportValue SharedBucketArn', 'arn:aws:iam-policy-diff:::import/SharedBucketArn'],
    ['!ImportValue "Shared*Bucket${x}"', 'arn:aws:iam-policy-diff:::import/SharedBucketx'],
    ['!Sub "arn:aws:s3:::${AWS::StackName}"', 'arn:aws:s3:::iam-policy-diff-stack'],
    ['!Select [0, !GetAZs ""]', 'arn:aws:iam-policy-diff:::az/0'],
    ['!Base64 abc', 'arn:aws:iam-policy-diff:::base64/abc'],
    ['!Select [0, !Cidr ["10.0.0.0/16", 2, 8]]', 'arn:aws:iam-policy-diff:::cidr/0']
  ])('%s → opaque placeholder', (expr, expected) => {
    const value = resource(expr)
    expect(value).toBe(expected)
    expect(String(value)).not.toMatch(/\$\{|\*|\?/)
  })

  it('AWS::NoValue removes a list item', () => {
    expect(resource('["arn:aws:s3:::a", !Ref AWS::NoValue]')).toEqual(['arn:aws:s3:::a'])
  })
})

describe('Fn::If', () => {
  const head = `Parameters:
  Env: {Type: String, Default: dev}
  Account: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  External: !Equals [!Ref Account, '111122223333']
  Both: !And [!Condition IsDev, !Condition External]
`
  it('never decides a condition from a parameter Default: the stack may deploy another value', () => {
    const text = template(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 's3:*', Resource: !If [IsProd, "arn:aws:s3:::prod", "arn:aws:s3:::dev"]}]
`,
      head
    )
    expect(extract(text).documents.map((d) => statement(d)['Resource'])).toEqual([
      'arn:aws:s3:::prod',
      'arn:aws:s3:::dev'
    ])
  })

  it('decides a condition on constants, or on a parameter allowed one value', () => {
    const fixed = `Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  Always: !Equals [a, a]
`
    expect(resource('!If [IsProd, "arn:aws:s3:::prod", "arn:aws:s3:::dev"]', fixed)).toBe(
      'arn:aws:s3:::dev'
    )
    expect(resource('!If [Always, "arn:aws:s3:::a", "arn:aws:s3:::b"]', fixed)).toBe(
      'arn:aws:s3:::a'
    )
  })

  it('does not split when both branches are the same', () => {
    expect(resource('!If [External, "arn:aws:s3:::x", "arn:aws:s3:::x"]', head)).toBe(
      'arn:aws:s3:::x'
    )
  })

  it('splits an undecidable condition into one variant per outcome', () => {
    const text = template(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 's3:*', Resource: !If [Both, "arn:aws:s3:::a", "arn:aws:s3:::b"]}]
`,
      head
    )
    const result = extract(text)
    expect(result.documents.map((d) => [d.location, statement(d)['Resource']])).toEqual([
      ['Resources/P/Properties/PolicyDocument?Both=true', 'arn:aws:s3:::a'],
      ['Resources/P/Properties/PolicyDocument?Both=false', 'arn:aws:s3:::b']
    ])
    expect(result.documents[0]?.name).toBe('P › managed policy (if Both)')
    expect(result.documents[0]?.diagnostics.map((d) => d.code)).toContain(
      'template-condition-variants'
    )
  })

  it('reviews a resource whose own condition depends on a parameter, as if it is created', () => {
    const text = template(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Condition: IsProd
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: 's3:*', Resource: '*'}]}
`,
      head
    )
    expect(extract(text).documents).toHaveLength(1)
  })

  it('skips a resource whose own condition is false on constants', () => {
    const text = template(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Condition: Never
    Properties:
      PolicyDocument: {Statement: [{Effect: Allow, Action: 's3:*', Resource: '*'}]}
`,
      `Conditions:
  Never: !Equals [a, b]
`
    )
    expect(extract(text).documents).toEqual([])
  })

  it('reports more undecidable conditions than it splits as an incomplete review', () => {
    const names = ['A', 'B', 'C', 'D', 'E']
    const conditions = names.map((n) => `  ${n}: !Equals [!Ref Env, ${n.toLowerCase()}]`).join('\n')
    const resources = names.map((n) => `!If [${n}, "arn:aws:s3:::${n}", "arn:aws:s3:::x"]`)
    const text = template(
      `  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: 's3:*', Resource: [${resources.join(', ')}]}]
`,
      `Parameters:
  Env: {Type: String, Default: a}
Conditions:
${conditions}
`
    )
    const result = extract(text)
    const codes = [...result.diagnostics, ...result.documents.flatMap((d) => d.diagnostics)].map(
      (d) => [d.code, d.severity]
    )
    expect(codes).toContainEqual(['template-condition-limit', 'error'])
  })
})

describe('hostile input', () => {
  it('never emits wildcards or ${ from hostile names', () => {
    const value = resource(
      '!GetAtt Evil.Arn',
      '',
      "  Evil:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: '*${x}<!--?'}\n"
    )
    expect(value).toBe('arn:aws:s3:::x--')
  })

  it('reports a Ref to an unknown name', () => {
    const result = extract(
      template(
        `  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {Statement: [{Effect: Allow, Action: 's3:*', Resource: !Ref 'No*pe'}]}\n`
      )
    )
    expect(only(result).diagnostics.map((d) => d.code)).toContain('template-intrinsic-invalid')
  })

  it('survives a self-referencing name and a condition cycle', () => {
    const head = 'Conditions:\n  A: !Condition B\n  B: !Condition A\n'
    const more =
      '  Loop:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !GetAtt Loop.Arn}\n'
    expect(resource('!If [A, !GetAtt Loop.Arn, !GetAtt Loop.Arn]', head, more)).toBe(
      'arn:aws:s3:::arn:aws:s3:::loop'
    )
  })
})
