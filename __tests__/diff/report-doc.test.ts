// docs/REPORT.md documents the JSON report field by field: every field the report can carry
// must be named there (in backticks), so the schema and its documentation cannot drift apart.
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { DECISION_REASONS } from '../../src/engine/types.js'
import { change, fileReport, mixedReport, ref, report } from '../render/report-fixtures.js'

/** Every property name in the JSON, except the keys of user data (context, patch values). */
function fieldNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) fieldNames(item, into)
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key)
      if (key !== 'context' && key !== 'value') fieldNames(inner, into)
    }
  }
  return into
}

describe('docs/REPORT.md', () => {
  it('names every field of the JSON report and every decision reason', async () => {
    const doc = await readFile(path.join(process.cwd(), 'docs', 'REPORT.md'), 'utf8')
    const extra = report(
      [
        fileReport({
          file: 'n.json',
          previousFile: 'o.json',
          status: 'renamed',
          unknownActions: [{ action: 'x:Y', suggestion: 'x:Z' }]
        }),
        {
          ...fileReport({ file: 'infra/deploy.yaml' }),
          document: {
            location: 'Resources/DeployRole/Properties/Policies/s3-write/PolicyDocument',
            name: 'DeployRole › inline policy s3-write',
            kind: 'identity',
            format: 'cloudformation',
            attachedTo: { kind: 'role', name: 'DeployRole', type: 'AWS::IAM::Role', arn: 'arn' },
            placeholders: [{ value: '123456789012', stands: 'AWS::AccountId', kind: 'pseudo' }]
          }
        }
      ],
      [
        {
          ...change({
            kind: 'broadened',
            file: 'n.json',
            action: 's3:GetObject',
            afterRefs: [ref('n.json', 0, 'S', 2)],
            subject: 'role'
          }),
          resourceAccount: '123456789012',
          document: { location: 'Resources/DeployRole/Properties/Policies/s3-write/PolicyDocument' }
        }
      ]
    )
    const json = JSON.parse(JSON.stringify([mixedReport(), extra])) as unknown
    const names = [...fieldNames(json)].sort()
    expect(names.length).toBeGreaterThan(40)
    expect(names.filter((name) => !doc.includes(`\`${name}\``))).toEqual([])
    expect(
      Object.keys(DECISION_REASONS).filter((reason) => !doc.includes(`\`${reason}\``))
    ).toEqual([])
  })
})
