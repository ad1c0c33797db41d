// `Policies: [!If [Cond, {PolicyName, PolicyDocument}, !Ref AWS::NoValue]]` (found on real
// templates: docs/BENCHMARKS-DIFF.md, "Extraction on real templates") is a policy of the role in
// the variant where the condition holds, never skipped in silence.
import { describe, expect, it } from '@jest/globals'
import {
  byLocation,
  expectValidPolicy,
  extract,
  statement,
  template
} from './cloudformation-helpers.js'

const HEAD = `Parameters:
  KmsKeyArn: {Type: String}
Conditions:
  HasKey: !Not [!Equals [!Ref KmsKeyArn, '']]
`

const ROLE = `  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      Policies:
        - PolicyName: Logs
          PolicyDocument:
            Statement:
              - {Effect: Allow, Action: logs:PutLogEvents, Resource: '*'}
        - !If
          - HasKey
          - PolicyName: KMSKeyForSecret
            PolicyDocument:
              Version: '2012-10-17'
              Statement:
                - Effect: Allow
                  Action: kms:Decrypt
                  Resource: !Ref KmsKeyArn
          - !Ref AWS::NoValue
`

describe('a conditional item of Policies', () => {
  it('is reviewed in the variant where its condition holds', () => {
    const extraction = extract(template(ROLE, HEAD))
    const locations = extraction.documents.map((d) => d.location).sort()
    expect(locations).toEqual([
      'Resources/Role/Properties/AssumeRolePolicyDocument',
      'Resources/Role/Properties/Policies/KMSKeyForSecret/PolicyDocument?HasKey=true',
      'Resources/Role/Properties/Policies/Logs/PolicyDocument'
    ])
    const kms = byLocation(
      extraction,
      'Resources/Role/Properties/Policies/KMSKeyForSecret/PolicyDocument?HasKey=true'
    )
    expect(kms.name).toBe('Role › inline policy KMSKeyForSecret (if HasKey)')
    expectValidPolicy(kms)
    expect(statement(kms)['Action']).toBe('kms:Decrypt')
    // positions point at the template line of the statement
    expect(kms.positionOf('/Statement/0')?.line).toBe(24)
  })

  it('each branch with a policy is its own document', () => {
    const both = ROLE.replace(
      '          - !Ref AWS::NoValue\n',
      `          - PolicyName: NoKey
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: kms:ListKeys, Resource: '*'}
`
    )
    const locations = extract(template(both, HEAD))
      .documents.map((d) => d.location)
      .filter((l) => l.includes('?'))
      .sort()
    expect(locations).toEqual([
      'Resources/Role/Properties/Policies/KMSKeyForSecret/PolicyDocument?HasKey=true',
      'Resources/Role/Properties/Policies/NoKey/PolicyDocument?HasKey=false'
    ])
  })
})
