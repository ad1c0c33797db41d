// The review over a real git repository: renames followed, added and deleted files, other JSON
// ignored, an invalid policy reported while the rest is reviewed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { MAX_POLICY_BYTES } from '../../src/review/load-files.js'
import { gitSource } from '../../src/sources/git-source.js'
import { createRepo, policyText, type TestRepo } from './git-repo.js'

const many = (extra: string): string =>
  policyText([
    'sqs:SendMessage',
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:GetQueueUrl',
    extra
  ])

describe('review of a git range', () => {
  let repo: TestRepo
  let report: Report
  beforeAll(async () => {
    repo = await createRepo()
    await repo.write({
      'package.json': '{ "name": "infra" }\n',
      'iam/edit.json': policyText('s3:GetObject'),
      'iam/gone.json': JSON.stringify({
        Statement: { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }
      }),
      'iam/old-name.json': many('sqs:PurgeQueue'),
      'iam/will-break.json': policyText('sns:Publish'),
      'iam/huge.json': policyText('ec2:DescribeInstances')
    })
    const base = await repo.commit('base')
    await repo.write({
      'package.json': '{ "name": "infra", "version": "2" }\n',
      'tsconfig.json': '{ "compilerOptions": {} }\n',
      'iam/edit.json': policyText('s3:*Object'),
      'iam/new.json': policyText('sts:AssumeRole'),
      'iam/will-break.json': '{ "Statement": [ { "Effect": "Allow" ] }\n',
      'iam/huge.json': `${policyText('ec2:DescribeInstances')}${' '.repeat(MAX_POLICY_BYTES)}`
    })
    await repo.remove('iam/gone.json', 'iam/old-name.json')
    await repo.write({ 'iam/new-name.json': many('sqs:ChangeMessageVisibility') })
    const head = await repo.commit('head')
    report = await review({
      source: gitSource({ repo: repo.dir, base, head }),
      config: DEFAULT_CONFIG,
      catalog: loadCatalog(),
      toolVersion: 'test'
    })
  })
  afterAll(() => repo.dispose())

  it('reviews every changed policy and ignores other JSON', () => {
    expect(report.files.map((f) => [f.file, f.status, f.outcome])).toEqual([
      ['iam/edit.json', 'modified', 'changed'],
      ['iam/gone.json', 'deleted', 'changed'],
      ['iam/huge.json', 'modified', 'error'],
      ['iam/new-name.json', 'renamed', 'changed'],
      ['iam/new.json', 'added', 'changed'],
      ['iam/will-break.json', 'modified', 'error']
    ])
  })

  it('follows the rename and compares with the old path', () => {
    const renamed = report.files.find((f) => f.file === 'iam/new-name.json')!
    expect(renamed.previousFile).toBe('iam/old-name.json')
    const kinds = new Set(
      report.changes
        .filter((c) => c.file === 'iam/new-name.json')
        .map((c) => `${c.kind} ${c.action}`)
    )
    expect(kinds).toEqual(
      new Set(['broadened sqs:ChangeMessageVisibility', 'narrowed sqs:PurgeQueue'])
    )
  })

  it('reports the invalid and the oversized policy with their diagnostics', () => {
    const broken = report.files.find((f) => f.file === 'iam/will-break.json')!
    expect(broken.diagnostics[0]).toMatchObject({
      code: 'json-syntax',
      file: 'iam/will-break.json'
    })
    expect(broken.diagnostics[0]?.span?.line).toBe(1)
    const huge = report.files.find((f) => f.file === 'iam/huge.json')!
    expect(huge.diagnostics.map((d) => d.code)).toEqual(['file-too-large'])
  })
})
