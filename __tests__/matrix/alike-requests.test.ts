// src/matrix/alike-requests.ts: the request on a resource of another type that the witness
// stands for is the request AWS would receive for it (IAM-SEMANTICS §6, MATRIX.md "Requests AWS
// can receive"): the same caller and context, the resource moved to the account and Region the
// context names, and the original's implied keys.
import { describe, expect, it } from '@jest/globals'
import { alikeRequests } from '../../src/matrix/alike-requests.js'
import type { ProbeRequest } from '../../src/matrix/generate.js'

const base: ProbeRequest = {
  origin: 'auto',
  principal: 'arn:aws:iam::123456789012:user/probe',
  action: 'elasticloadbalancing:AddTags',
  resource: 'arn:aws:elasticloadbalancing:eu-central-1:444455556666:loadbalancer/app/example/1',
  context: {
    'aws:ResourceAccount': '444455556666',
    'aws:RequestedRegion': 'eu-central-1',
    'aws:PrincipalTag/team': 'dev'
  },
  implied: ['aws:RequestedRegion'],
  alike: [
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/example/1',
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:truststore/example/1'
  ]
}

describe('alikeRequests', () => {
  it('moves each alike resource to the account and Region of the request', () => {
    expect(alikeRequests(base).map((r) => r.resource)).toEqual([
      'arn:aws:elasticloadbalancing:eu-central-1:444455556666:targetgroup/example/1',
      'arn:aws:elasticloadbalancing:eu-central-1:444455556666:truststore/example/1'
    ])
  })

  it('keeps the caller, the action, the given keys and the implied keys', () => {
    for (const request of alikeRequests(base)) {
      expect(request.principal).toBe(base.principal)
      expect(request.action).toBe(base.action)
      expect(request.context?.['aws:PrincipalTag/team']).toBe('dev')
      expect(request.context?.['aws:ResourceAccount']).toBe('444455556666')
      expect(request.implied).toEqual(['aws:RequestedRegion'])
      // a variant is not expanded again
      expect(request.alike).toBeUndefined()
    }
  })

  it('keeps the assumption that the caller holds permissions of its own', () => {
    for (const request of alikeRequests({ ...base, permitted: true })) {
      expect(request.permitted).toBe(true)
    }
    for (const request of alikeRequests(base)) expect(request.permitted).toBeUndefined()
  })

  it('gives nothing for a request without alike resources', () => {
    expect(alikeRequests({ ...base, alike: [] })).toEqual([])
    const { alike: _alike, ...plain } = base
    expect(alikeRequests(plain)).toEqual([])
  })

  it('an ARN without an account (S3) is owned by the request account', () => {
    const s3: ProbeRequest = {
      ...base,
      action: 's3:GetObject',
      resource: 'arn:aws:s3:us-east-1:444455556666:accesspoint/ap/object/example',
      context: { 'aws:ResourceAccount': '444455556666' },
      implied: [],
      alike: ['arn:aws:s3:::example/example']
    }
    const [variant] = alikeRequests(s3)
    expect(variant?.resource).toBe('arn:aws:s3:::example/example')
    expect(variant?.resourceAccount).toBe('444455556666')
  })
})
