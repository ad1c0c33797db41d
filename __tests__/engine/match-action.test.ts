// Action / NotAction matching and the per-service index keys (IAM-SEMANTICS §3.1).
import { describe, expect, it } from '@jest/globals'
import { actionServices, compileActionMatcher, matchAction } from '../../src/engine/match-action.js'

/** The request action is lowercased once by prepareRequest; the tables do the same. */
const matches = (patterns: string[], action: string, negated = false): boolean =>
  matchAction(compileActionMatcher({ negated, values: patterns }), action.toLowerCase())

describe('§3.1 Action patterns', () => {
  it.each([
    // [patterns, request action, expected]
    [['*'], 's3:GetObject', true],
    [['s3:*'], 's3:GetObject', true],
    [['s3:*'], 's3-object-lambda:GetObject', false], // §3.1: the prefix is the whole namespace
    [['s3*:*'], 's3-object-lambda:GetObject', true],
    [['s3:Get*'], 's3:GetObjectTagging', true],
    [['s3:Get*'], 's3:PutObject', false],
    [['s3:GetObject'], 's3:GetObject', true],
    [['s3:GetObject'], 's3:GetObjectAcl', false], // anchored: no prefix match
    [['s3:*Object'], 's3:GetObject', true],
    [['s3:*Object'], 's3:GetObjectAcl', false],
    [['s3:Get?bject'], 's3:GetObject', true],
    [['s3:Get?bject'], 's3:GetObbject', false], // `?` is exactly one character
    [['s3:Get*Tag?ing'], 's3:GetObjectTagging', true],
    [['ec2:Describe*', 's3:GetObject'], 's3:GetObject', true], // entries are ORed
    [['ec2:Describe*', 's3:GetObject'], 's3:PutObject', false],
    [['iam:*'], 'sts:AssumeRole', false],
    [['*:GetObject'], 's3:GetObject', true]
  ])('%j matches %s: %s', (patterns, action, expected) => {
    expect(matches(patterns, action)).toBe(expected)
  })

  it.each([
    // §3.1: case-insensitive on both sides
    [['S3:getobject'], 's3:GetObject'],
    [['s3:GETOBJECT'], 'S3:GetObject'],
    [['IAM:Pass*'], 'iam:passrole'],
    [['Ec2:Describe?nstances'], 'ec2:DescribeInstances']
  ])('%j matches %s ignoring case', (patterns, action) => {
    expect(matches(patterns, action)).toBe(true)
  })
})

describe('§3.1 NotAction: applicable when no listed pattern matches', () => {
  it.each([
    [['iam:*'], 's3:GetObject', true],
    [['iam:*'], 'iam:GetUser', false],
    [['iam:*'], 'IAM:GetUser', false],
    [['iam:*', 's3:Get*'], 's3:GetObject', false],
    [['iam:*', 's3:Get*'], 's3:PutObject', true],
    [['*'], 'ec2:RunInstances', false],
    [['s3:*'], 's3-object-lambda:GetObject', true]
  ])('NotAction %j with %s → applicable: %s', (patterns, action, expected) => {
    expect(matches(patterns, action, true)).toBe(expected)
  })
})

describe('per-service index keys (engine design: statements indexed by service prefix)', () => {
  it.each([
    [{ negated: false, values: ['s3:GetObject', 'S3:Put*'] }, ['s3']],
    [{ negated: false, values: ['s3:GetObject', 'ec2:Describe*'] }, ['s3', 'ec2']],
    [{ negated: false, values: ['*'] }, undefined],
    [{ negated: false, values: ['s3:Get*', 's3*:*'] }, undefined],
    [{ negated: false, values: ['s?:GetObject'] }, undefined],
    [{ negated: true, values: ['iam:*'] }, undefined] // NotAction applies to every other service
  ])('%j → %j', (list, expected) => {
    expect(actionServices(list)).toEqual(expected)
  })
})
