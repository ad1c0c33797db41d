// A template change as the comment and the terminal show it: each document named by its file
// and its name (logical ID › policy), deciding statements at their template line, and a file
// that cannot be reviewed listed with the reason and the fix (issue 8).
import { describe, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { renderComment } from '../../src/render/comment.js'
import { renderText } from '../../src/render/text.js'
import { review } from '../../src/review/review.js'
import { memorySource } from '../review/memory-source.js'
import { expectGolden } from './report-fixtures.js'

const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')

describe('a CloudFormation template change', () => {
  it('names the template, the logical ID and the line', async () => {
    const report = await review({
      source: memorySource({
        base: { 'infra/deploy.yaml': fixture('sources/base/deploy.yaml') },
        head: {
          'infra/deploy.yaml': fixture('sources/head/deploy.yaml'),
          'cdk/stack.ts': fixture('extract/stack.ts')
        }
      }),
      config: DEFAULT_CONFIG,
      catalog: loadCatalog(),
      toolVersion: 'test'
    })
    await expectGolden(
      'comment-template.md',
      renderComment(report, { marker: '<!-- iam-policy-diff -->' })
    )
    await expectGolden('text-template.txt', renderText(report))
  })
})
