// Placeholders inside a longer ARN take a shape the policy grammar accepts, found on real
// templates (docs/BENCHMARKS-DIFF.md, "Extraction on real templates"): an account written with a
// parameter, and a resource that starts with an imported or parameter ARN. The template's own
// text around the placeholder is kept, so nothing is widened and no `${` is left.
import { describe, expect, it } from '@jest/globals'
import { expectValidPolicy, extract, only, statement, template } from './cloudformation-helpers.js'

const PARAMETERS = `Parameters:
  PublisherAccountID: {Type: String}
  OtherAccount: {Type: String}
  CodeBuildStack: {Type: String}
  BucketArn: {Type: String}
`

function bucketPolicy(statementYaml: string): ReturnType<typeof extract> {
  return extract(
    template(
      `  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: data
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${statementYaml}`,
      PARAMETERS
    )
  )
}

describe('placeholders inside an ARN', () => {
  it('an account written with a parameter is a 12-digit account, the same on both sides', () => {
    const yaml = `          - Effect: Allow
            Principal:
              AWS:
                - !Sub arn:aws:iam::\${PublisherAccountID}:root
                - !Sub arn:\${AWS::Partition}:iam::\${OtherAccount}:role/reader
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
`
    const document = only(bucketPolicy(yaml))
    expectValidPolicy(document)
    const principal = (statement(document)['Principal'] as { AWS: string[] }).AWS
    const [publisher, other] = principal
    expect(publisher).toMatch(/^arn:aws:iam::00\d{10}:root$/)
    expect(other).toMatch(/^arn:aws:iam::00\d{10}:role\/reader$/)
    expect(publisher?.slice(13, 25)).not.toBe(other?.slice(13, 25))
    expect(publisher).not.toContain('123456789012')
    expect(only(bucketPolicy(yaml)).text).toBe(document.text)
    const account = publisher?.slice(13, 25) ?? ''
    expect(document.placeholders.find((p) => p.value === account)?.stands).toContain(
      'PublisherAccountID'
    )
  })

  it('a resource that starts with an imported or parameter ARN starts with its ARN form', () => {
    const document = only(
      bucketPolicy(`          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: s3:GetObject
            Resource:
              - !Join ['', [!ImportValue {'Fn::Sub': '\${CodeBuildStack}-PipelineS3BucketArn'}, '/*']]
              - !Sub '\${BucketArn}/reports/*'
`)
    )
    expectValidPolicy(document)
    const resources = statement(document)['Resource'] as string[]
    expect(resources).toHaveLength(2)
    for (const resource of resources) {
      expect(resource).toMatch(/^arn:aws:iam-policy-diff:::[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+\//)
      expect(resource).not.toContain('${')
    }
    // only the template's own wildcard, after the placeholder: the placeholder widens nothing
    expect(resources.map((r) => r.replaceAll(/[^*?]/g, ''))).toEqual(['*', '*'])
  })

  it('leaves a token inside a condition value as it is', () => {
    const document = only(
      bucketPolicy(`          - Effect: Allow
            Principal: '*'
            Action: s3:GetObject
            Resource: arn:aws:s3:::data/*
            Condition:
              StringEquals: {'aws:SourceAccount': !Ref PublisherAccountID}
`)
    )
    const condition = statement(document)['Condition'] as Record<string, Record<string, string>>
    expect(condition['StringEquals']?.['aws:SourceAccount']).toBe(
      'iam-policy-diff.param.PublisherAccountID'
    )
  })
})
