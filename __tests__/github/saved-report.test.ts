import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parseSavedReport, readSavedReport } from '../../src/github/saved-report.js'
import { change, fileReport, report } from '../fakes/report.js'

const valid = report(
  [change('broadened'), change('deny-changed', { context: { 'aws:SourceIp': ['10.0.0.1'] } })],
  [fileReport()]
)

/** the valid report with one field replaced (a JSON round trip drops undefined fields, as a file would) */
function withField(pathParts: (string | number)[], value: unknown): string {
  const copy = JSON.parse(JSON.stringify(valid))
  let at = copy
  for (const part of pathParts.slice(0, -1)) at = at[part]
  at[pathParts.at(-1)!] = value
  return JSON.stringify(copy)
}

describe('parseSavedReport', () => {
  it('accepts what the action wrote', () => {
    expect(parseSavedReport(JSON.stringify(valid), 'report.json')).toEqual(
      JSON.parse(JSON.stringify(valid))
    )
  })

  it.each([
    [
      ['schemaVersion'],
      2,
      '`report.json` is not an iam-policy-diff report: `/schemaVersion` must be 1 (this action reads report schema version 1)'
    ],
    [
      ['tool', 'name'],
      'other',
      '`report.json` is not an iam-policy-diff report: `/tool/name` must be one of iam-policy-diff'
    ],
    [
      ['summary', 'broadened'],
      -1,
      '`report.json` is not an iam-policy-diff report: `/summary/broadened` must be a count'
    ],
    [
      ['changes', 0, 'kind'],
      'worse',
      '`report.json` is not an iam-policy-diff report: `/changes/0/kind` must be one of broadened, narrowed, deny-changed'
    ],
    [
      ['changes', 0, 'after', 'determining'],
      {},
      '`report.json` is not an iam-policy-diff report: `/changes/0/after/determining` must be an array'
    ],
    [
      ['changes', 1, 'context', 'aws:SourceIp'],
      [1],
      '`report.json` is not an iam-policy-diff report: `/changes/1/context/aws:SourceIp/0` must be a string'
    ],
    [
      ['changes', 0, 'after', 'reason'],
      'because',
      '`report.json` is not an iam-policy-diff report: `/changes/0/after/reason` must be one of'
    ],
    [
      ['files', 0, 'diagnostics'],
      [{ code: 'made-up', severity: 'error', message: 'x', pointer: '' }],
      '`/files/0/diagnostics/0/code` must be one of'
    ],
    [['files'], null, '`report.json` is not an iam-policy-diff report: `/files` must be an array']
  ])('rejects %j = %j', (at, value, message) => {
    expect(() => parseSavedReport(withField(at, value), 'report.json')).toThrow(message)
  })

  it('rejects text that is not JSON with the parser message', () => {
    expect(() => parseSavedReport('{"schemaVersion":', 'r.json')).toThrow(
      /^`r\.json` is not JSON \(.+\): pass the `report-path` output of a review run$/
    )
  })

  it('rejects a JSON value that is not an object', () => {
    expect(() => parseSavedReport('[]', 'r.json')).toThrow(
      '`r.json` is not an iam-policy-diff report: `` must be an object'
    )
  })
})

describe('readSavedReport', () => {
  it('says how to get the file when it is missing', async () => {
    await expect(readSavedReport('/nonexistent/report.json')).rejects.toThrow(
      'report `/nonexistent/report.json` not found: download the artifact first (actions/download-artifact) and pass its path as `report-path`'
    )
  })

  it('reads a saved file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'saved-report-')), 'report.json')
    writeFileSync(file, JSON.stringify(valid))
    await expect(readSavedReport(file)).resolves.toMatchObject({ summary: { broadened: 1 } })
  })
})
