import { describe, expect, it } from '@jest/globals'
import { measure } from '../../src/render/markdown.js'
import { renderSummary } from '../../src/render/summary.js'
import { renderText } from '../../src/render/text.js'
import { change, expectGolden, fileReport, mixedReport, report } from './report-fixtures.js'

describe('renderSummary', () => {
  it('renders the full report with no-op patches and no marker', async () => {
    const text = renderSummary(mixedReport())
    expect(text.startsWith('### ⚠️ IAM policy diff')).toBe(true)
    await expectGolden('summary-mixed.md', text)
  })

  it('stays within the byte budget', () => {
    const files = Array.from({ length: 50 }, (_, i) => fileReport({ file: `p/${i}.json` }))
    const changes = files.flatMap((f) =>
      Array.from({ length: 50 }, (_, a) =>
        change({
          kind: 'broadened',
          file: f.file,
          action: `ec2:A${a}`,
          resource: `arn:aws:ec2:::x/${'é'.repeat(50)}${a}`
        })
      )
    )
    const text = renderSummary(report(files, changes), { maxBytes: 20_000 })
    expect(measure(text).bytes).toBeLessThanOrEqual(20_000)
    expect(text).toContain('Truncated')
  })
})

describe('renderText', () => {
  it('prints the verdict and one line per change group', async () => {
    await expectGolden('text-mixed.txt', renderText(mixedReport()))
  })

  it('shows control characters as escapes', () => {
    const r = report(
      [fileReport({ file: 'a\u001b[2J.json' })],
      [change({ kind: 'broadened', file: 'a\u001b[2J.json', action: 's3:Get\rObject' })]
    )
    const text = renderText(r)
    expect(text).not.toContain('\u001b')
    expect(text).not.toContain('\r')
    expect(text).toContain('a\\u001b[2J.json')
  })
})
