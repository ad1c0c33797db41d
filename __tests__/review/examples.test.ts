// The bundled examples (`npm run demo`) show every kind of outcome; this pins what they show.
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { review } from '../../src/review/review.js'
import { directoryPairSource } from '../../src/sources/file-pair-source.js'

describe('examples/base → examples/head', () => {
  it('broadens, narrows, has a no-op edit, an invalid file and a template, and ignores other JSON', async () => {
    const root = path.join(process.cwd(), 'examples')
    const report = await review({
      source: directoryPairSource({ base: path.join(root, 'base'), head: path.join(root, 'head') }),
      config: DEFAULT_CONFIG,
      catalog: loadCatalog(),
      toolVersion: 'test'
    })
    const outcome = Object.fromEntries(
      report.files.map((f) => [
        f.document === undefined ? f.file : `${f.file} › ${f.document.name}`,
        [f.status, f.policyKind ?? '-', f.outcome, f.changes.broadened > 0, f.changes.narrowed > 0]
      ])
    )
    expect(outcome).toEqual({
      'buckets/reports-bucket.json': ['modified', 'resource', 'changed', true, false],
      'iam/roles/deploy/s3.json': ['modified', 'identity', 'changed', true, false],
      'iam/roles/deploy/trust.json': ['modified', 'resource', 'changed', true, false],
      // a CloudFormation template: one entry per changed document
      'infra/deploy.yaml › DeployRole › inline policy s3-write': [
        'modified',
        'identity',
        'changed',
        true,
        false
      ],
      'infra/deploy.yaml › QueueReader › policy queue-reader': [
        'added',
        'identity',
        'changed',
        true,
        false
      ],
      'policies/access-keys.json': ['modified', 'identity', 'changed', false, true],
      'policies/ci-runner.json': ['modified', '-', 'error', false, false],
      'policies/legacy-queue.json': ['deleted', 'identity', 'changed', false, true],
      'policies/logs-reader.json': ['modified', 'identity', 'neutral', false, false],
      'policies/readonly.json': ['modified', 'identity', 'changed', true, true]
    })
    // a change names the probed action of its class; the class is listed on the file
    const classes = new Map(
      report.files.flatMap((f) => f.actionClasses.map((c) => [c.action, c.actions] as const))
    )
    const broadened = new Set(
      report.changes
        .filter((c) => c.kind === 'broadened')
        .flatMap((c) => classes.get(c.action) ?? [c.action])
    )
    for (const action of [
      's3:DeleteObject',
      'sts:AssumeRole',
      'sts:GetSessionToken',
      's3:GetObject'
    ]) {
      expect(broadened).toContain(action)
    }
    expect(report.changes.find((c) => c.file === 'iam/roles/deploy/trust.json')?.principal).toBe(
      'arn:aws:iam::777788889999:root'
    )
  })
})
