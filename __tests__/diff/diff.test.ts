import { describe, expect, it } from '@jest/globals'
import { diffRequests, NO_POLICY_DECISION, type ProbeRequestLike } from '../../src/diff/diff.js'
import { compilePolicySet } from '../../src/engine/evaluate.js'
import { parsePolicy } from '../../src/policy/parse.js'
import type { Policy } from '../../src/policy/model.js'

function policy(statements: object[]): Policy {
  const parsed = parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), {
    file: 'p.json',
    kind: 'identity'
  }).policy
  if (!parsed) throw new Error('invalid test policy')
  return parsed
}

const request = (action: string, context: ProbeRequestLike['context'] = {}): ProbeRequestLike => ({
  origin: 'auto',
  principal: 'arn:aws:iam::123456789012:user/u',
  action,
  resource: '*',
  context
})

describe('diffRequests', () => {
  const base = compilePolicySet({
    identity: [
      policy([{ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:DeleteQueue'], Resource: '*' }])
    ]
  })
  const head = compilePolicySet({
    identity: [
      policy([
        { Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:PurgeQueue'], Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'sqs:SendMessage',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } }
        }
      ])
    ]
  })

  it('keeps exactly the requests whose effect differs, classified', () => {
    const diffs = diffRequests(
      [
        request('sqs:SendMessage'),
        request('sqs:SendMessage', { 'aws:SecureTransport': 'false' }),
        request('sqs:DeleteQueue'),
        request('sqs:PurgeQueue'),
        request('sqs:ListQueues')
      ],
      () => base,
      () => head
    )
    expect(
      diffs.map((d) => [
        d.request.action,
        d.request.context,
        d.kind,
        d.before.effect,
        d.after.effect
      ])
    ).toEqual([
      ['sqs:SendMessage', { 'aws:SecureTransport': 'false' }, 'narrowed', 'Allow', 'ExplicitDeny'],
      ['sqs:DeleteQueue', {}, 'narrowed', 'Allow', 'ImplicitDeny'],
      ['sqs:PurgeQueue', {}, 'broadened', 'ImplicitDeny', 'Allow']
    ])
    expect(diffs[2]?.after.determining.map((r) => r.statementIndex)).toEqual([0])
  })

  it('treats a side without policies as deciding nothing (implicit deny)', () => {
    const diffs = diffRequests(
      [request('sqs:SendMessage'), request('sqs:ListQueues')],
      () => undefined,
      () => head
    )
    expect(diffs.map((d) => [d.request.action, d.kind])).toEqual([['sqs:SendMessage', 'broadened']])
    expect(diffs[0]?.before).toEqual(NO_POLICY_DECISION)
  })

  it('prepares each request once and hands the same prepared request to both sides', () => {
    const seen: unknown[] = []
    diffRequests(
      [request('sqs:SendMessage')],
      (r) => (seen.push(r), base),
      (r) => (seen.push(r), head)
    )
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBe(seen[1])
  })
})
