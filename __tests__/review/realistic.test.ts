// Issue 11, "requests AWS can receive", through the whole review: a condition comparing
// aws:ResourceAccount with the caller's account narrows access to other accounts' resources only,
// and the reported requests say so consistently (the resource ARN and the key move together).
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { review } from '../../src/review/review.js'
import { splitArn } from '../../src/policy/arn.js'
import { memorySource, policy } from './memory-source.js'

const catalog = loadCatalog()

describe('a same-account condition on aws:ResourceAccount (issue 11)', () => {
  it('narrows only other accounts’ resources, with the ARN and the key moved together', async () => {
    const open = { Sid: 'Push', Effect: 'Allow', Action: 'ecr:UploadLayerPart', Resource: '*' }
    const same = {
      ...open,
      Condition: { StringEquals: { 'aws:ResourceAccount': '${aws:PrincipalAccount}' } }
    }
    const report = await review({
      source: memorySource({ base: { 'p.json': policy(open) }, head: { 'p.json': policy(same) } }),
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    expect(report.changes.length).toBeGreaterThan(0)
    for (const change of report.changes) {
      expect(change.kind).toBe('narrowed')
      const account = splitArn(change.resource)?.account
      // the probe principal's account is 123456789012: its own repositories keep access
      expect(account).not.toBe('123456789012')
      expect(change.context['aws:ResourceAccount']).toBe(account)
      expect(change.impliedKeys).not.toContain('aws:ResourceAccount')
      expect(change.impliedKeys).toContain('aws:PrincipalAccount')
    }
  })
})

describe('a region condition on a regional resource (issue 11)', () => {
  it('narrows only the other regions’ queues, each request in its queue’s region', async () => {
    const open = {
      Sid: 'Send',
      Effect: 'Allow',
      Action: 'sqs:SendMessage',
      Resource: 'arn:aws:sqs:*:*:orders'
    }
    const pinned = {
      ...open,
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }
    }
    const report = await review({
      source: memorySource({
        base: { 'p.json': policy(open) },
        head: { 'p.json': policy(pinned) }
      }),
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    expect(report.changes.length).toBeGreaterThan(0)
    for (const change of report.changes) {
      expect(change.kind).toBe('narrowed')
      const region = splitArn(change.resource)?.region
      expect(region).not.toBe('eu-west-1')
      expect(change.context['aws:RequestedRegion']).toBe(region)
    }
  })
})
