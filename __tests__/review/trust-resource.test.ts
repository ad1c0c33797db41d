// A role's trust policy names no Resource: AWS applies it to the role itself, so the requests
// the review reports are on that role's ARN, not on a sample role (docs/MATRIX.md, "Resources").
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { review } from '../../src/review/review.js'
import { memorySource } from './memory-source.js'

const catalog = loadCatalog()

const template = (principal: string): string => `
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              AWS: ${principal}
            Action: [sts:AssumeRole, sts:TagSession]
`

describe('trust policy changes are reported on the role itself', () => {
  it('a new trusted account can assume the role named in the template', async () => {
    const report = await review({
      source: memorySource({
        base: { 'stack.yaml': template('arn:aws:iam::111122223333:root') },
        head: { 'stack.yaml': template('arn:aws:iam::444455556666:root') }
      }),
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    const broadened = report.changes.filter((c) => c.kind === 'broadened')
    expect(broadened.length).toBeGreaterThan(0)
    for (const change of broadened) {
      expect(change.principal).toBe('arn:aws:iam::444455556666:root')
      expect(change.resource).toBe(change.subject?.arn)
      expect(change.resource).toMatch(/:role\/deploy$/)
    }
  })
})
