import { describe, expect, it } from '@jest/globals'
import { actionLabel, groupChanges } from '../../src/render/groups.js'
import { change, ref, STS_ACTIONS } from './report-fixtures.js'

describe('actionLabel', () => {
  const cases: [string[], string][] = [
    [['s3:GetObject'], 's3:GetObject'],
    [STS_ACTIONS, 'sts:*'],
    [['iotsitewise:ListAssets', 'iotsitewise:ListModels'], 'iotsitewise:List*'],
    [['s3:GetObject', 's3:getObjectAcl'], 's3:GetObject*'],
    [['iam:CreateAccessKey', 'iam:DeleteAccessKey', 'iam:UpdateAccessKey'], 'iam:*AccessKey'],
    [['s3:GetObject', 's3:GetObjectObject'], 's3:GetObject*'],
    [['s3:GetObject', 'sqs:SendMessage', 'sqs:ReceiveMessage'], 's3:GetObject, sqs:*Message'],
    [['sqs:SendMessage', 'sqs:GetQueueUrl'], 'sqs:*'],
    [['s3:GetObject', 's3:GetOwnership'], 's3:Get*'],
    [
      ['iotsitewise:ListAssets', 'iotsitewise:ListModels', 'iotsitewise:ListPortals'],
      'iotsitewise:List*'
    ],
    [['a:x', 'b:x', 'c:x', 'd:x'], '4 services']
  ]
  it.each(cases)('%j → %s', (actions, label) => {
    expect(actionLabel(actions)).toBe(label)
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
      ['broadened', 'a.json', 'sts:*', 2],
      ['broadened', 'a.json', 'sts:GetSessionToken', 1],
      ['broadened', 'a.json', 'sts:TagSession', 1],
      ['broadened', 'b.json', 'sts:AssumeRoot', 1],
      ['narrowed', 'a.json', 'sts:SetContext', 1]
    ])
    expect(groups[0]?.actions).toEqual(['sts:AssumeRole', 'sts:GetCallerIdentity'])
  })
})
