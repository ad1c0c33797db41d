import { describe, expect, it } from '@jest/globals'
import { actionLabel, groupChanges } from '../../src/render/groups.js'
import { change, ref, STS_ACTIONS } from './report-fixtures.js'

describe('actionLabel: a count and access levels, never a pattern that reads as a grant', () => {
  const levels = new Map([
    ['elasticloadbalancing:AddTags', 'Tagging, Write'],
    ['elasticloadbalancing:CreateLoadBalancer', 'Write'],
    ['elasticloadbalancing:DeleteLoadBalancer', 'Write'],
    ['elasticloadbalancing:ModifyListener', 'Write'],
    ['elasticloadbalancing:RegisterTargets', 'Write'],
    ['iam:AttachRolePolicy', 'Permissions management, Write'],
    ['s3:GetObject', 'Read'],
    ['s3:ListBucket', 'List'],
    ['sqs:SendMessage', 'Write']
  ])
  const cases: [string[], string][] = [
    [['s3:GetObject'], 's3:GetObject'],
    [
      [
        'elasticloadbalancing:CreateLoadBalancer',
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:ModifyListener',
        'elasticloadbalancing:RegisterTargets'
      ],
      '4 elasticloadbalancing actions (Write)'
    ],
    [
      ['elasticloadbalancing:AddTags', 'elasticloadbalancing:CreateLoadBalancer'],
      '2 elasticloadbalancing actions (1 Write, 1 Tagging)'
    ],
    [['iam:AttachRolePolicy', 'iam:NoSuchAction'], '2 iam actions (Permissions management)'],
    [
      ['s3:GetObject', 's3:ListBucket', 'sqs:SendMessage'],
      '2 s3 and 1 sqs actions (1 List, 1 Read, 1 Write)'
    ],
    [STS_ACTIONS, `${STS_ACTIONS.length} sts actions`],
    [['a:x', 'b:x', 'c:x', 'd:x'], '4 actions of 4 services']
  ]
  it.each(cases)('%j → %s', (actions, label) => {
    expect(actionLabel(actions, levels)).toBe(label)
    expect(label.length === 0 || actions.length === 1 || !label.includes('*')).toBe(true)
  })
})

describe('groupChanges', () => {
  it('folds actions only when everything else about the change is equal', () => {
    const r1 = ref('a.json', 1, 'S1', 3)
    const r2 = ref('a.json', 2, 'S2', 9)
    const groups = groupChanges([
      change({
        kind: 'broadened',
        file: 'a.json',
        action: 'sts:GetCallerIdentity',
        afterRefs: [r1]
      }),
      change({ kind: 'broadened', file: 'a.json', action: 'sts:AssumeRole', afterRefs: [r1] }),
      change({ kind: 'broadened', file: 'a.json', action: 'sts:TagSession', afterRefs: [r2] }),
      change({
        kind: 'broadened',
        file: 'a.json',
        action: 'sts:GetSessionToken',
        afterRefs: [r1],
        context: { 'aws:SourceIp': '10.0.0.1' }
      }),
      change({ kind: 'narrowed', file: 'a.json', action: 'sts:SetContext', beforeRefs: [r1] }),
      change({ kind: 'broadened', file: 'b.json', action: 'sts:AssumeRoot', afterRefs: [r1] })
    ])
    expect(groups.map((g) => [g.kind, g.file, g.label, g.actions.length])).toEqual([
      ['broadened', 'a.json', '2 sts actions', 2],
      ['broadened', 'a.json', 'sts:GetSessionToken', 1],
      ['broadened', 'a.json', 'sts:TagSession', 1],
      ['broadened', 'b.json', 'sts:AssumeRoot', 1],
      ['narrowed', 'a.json', 'sts:SetContext', 1]
    ])
    expect(groups[0]?.actions).toEqual(['sts:AssumeRole', 'sts:GetCallerIdentity'])
  })
})

describe('a caller probed with permissions of its own', () => {
  const plain = change({ kind: 'broadened', file: 'b.json', action: 's3:GetObject' })
  const permitted = { ...plain, permittedCaller: true as const }

  it('is its own row, marked, beside the same request without the assumption', () => {
    const groups = groupChanges([plain, permitted])
    expect(groups).toHaveLength(2)
    expect(groups.map((g) => g.permittedCaller).sort()).toEqual([false, true])
  })
})
