// Issue 7 §1 and §4: hostile policies that used to hide a broadening behind the request budget
// are reviewed completely; a review that is still cut fails closed; the report stays bounded.
import { describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../../src/config/types.js'
import { shouldFail } from '../../src/diff/classify.js'
import type { Report } from '../../src/diff/report.js'
import { renderComment } from '../../src/render/comment.js'
import { verdict } from '../../src/render/verdict.js'
import { review } from '../../src/review/review.js'
import { filePairSource } from '../../src/sources/file-pair-source.js'

const HOSTILE = path.join(process.cwd(), '__tests__/fixtures/hostile')
const catalog = loadCatalog()

function reviewFixture(name: string, config: Partial<ReviewConfig> = {}): Promise<Report> {
  return review({
    source: filePairSource({
      base: path.join(HOSTILE, 'base', `${name}.json`),
      head: path.join(HOSTILE, 'head', `${name}.json`)
    }),
    config: { ...DEFAULT_CONFIG, ...config },
    catalog,
    toolVersion: 'test'
  })
}

/** Every action a broadened change stands for (its class included). */
function broadenedActions(report: Report, resourcePrefix = ''): Set<string> {
  const classes = new Map(
    report.files.flatMap((f) => f.actionClasses.map((c) => [c.action, c.actions] as const))
  )
  return new Set(
    report.changes
      .filter((c) => c.kind === 'broadened' && c.resource.startsWith(resourcePrefix))
      .flatMap((c) => classes.get(c.action) ?? [c.action])
  )
}

describe('hostile policies are reviewed completely (issue 7 §1)', () => {
  it('`*` behind eight satisfiable condition clauses: the broadening is named', async () => {
    const report = await reviewFixture('star-conditions')
    expect(report.files[0]?.diagnostics.map((d) => d.code)).not.toContain('matrix-truncated')
    expect(report.summary.filesWithErrors).toBe(0)
    const found = broadenedActions(report)
    for (const action of ['iam:CreateUser', 'ec2:TerminateInstances', 's3:DeleteBucket'])
      expect(found).toContain(action)
    // the classes a change stands for add up to the whole catalogue but s3:GetObject's own
    const sizes = report.changes
      .filter((c) => c.kind === 'broadened')
      .reduce((m, c) => m.set(c.action, c.classSize), new Map<string, number>())
    expect([...sizes.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(15_000)
    expect(shouldFail(report, 'broadened')).toBe(true)
    expect(verdict(report).text).toMatch(/broadened/)
  })

  it('a new bucket behind a conditional `Deny NotAction` hardening statement is found', async () => {
    const report = await reviewFixture('hardening')
    expect(report.summary.filesWithErrors).toBe(0)
    const found = broadenedActions(report, 'arn:aws:s3:::secret-archive')
    for (const action of ['s3:PutObject', 's3:DeleteObject', 's3:GetObject', 's3:DeleteBucket'])
      expect(found).toContain(action)
    expect(shouldFail(report, 'broadened')).toBe(true)
  })

  it('a small file with `NotAction` and multivalued conditions stays bounded', async () => {
    const report = await reviewFixture('wide')
    expect(report.summary.filesWithErrors).toBe(0)
    expect(broadenedActions(report)).toContain('iam:CreateUser')
    expect(broadenedActions(report)).not.toContain('iam:PassRole')
    const json = JSON.stringify(report)
    expect(json.length).toBeLessThan(5_000_000)
    expect(renderComment(report, { marker: '<!-- iam-policy-diff -->' }).length).toBeLessThan(
      65_536
    )
  })
})

describe('a review cut by the request budget fails closed (issue 7 §1)', () => {
  it('lists the file as not reviewed, says the review is incomplete, and fails the gate', async () => {
    const report = await reviewFixture('star-conditions', { maxRequestsPerSubject: 20 })
    const file = report.files[0]
    expect(file?.outcome).toBe('error')
    const cut = file?.diagnostics.find((d) => d.code === 'matrix-truncated')
    expect(cut?.severity).toBe('error')
    expect(cut?.help).toMatch(/max-requests/)
    expect(report.summary.filesWithErrors).toBe(1)
    expect(shouldFail(report, 'broadened')).toBe(true)
    expect(verdict(report).text).toMatch(/incomplete/)
    expect(renderComment(report, { marker: '<!-- iam-policy-diff -->' })).toMatch(
      /matrix-truncated|incomplete/
    )
  })

  it('even when nothing it did review changed', async () => {
    const report = await reviewFixture('hardening', { maxRequestsPerSubject: 1 })
    expect(report.files[0]?.outcome).toBe('error')
    expect(shouldFail(report, 'broadened')).toBe(true)
    expect(verdict(report).tone).not.toBe('unchanged')
  })
})
