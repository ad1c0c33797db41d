import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Change, FileReport } from '../../src/diff/report.js'
import { renderComment } from '../../src/render/comment.js'
import { measure } from '../../src/render/markdown.js'
import { diagnostic } from '../../src/diagnostics/diagnostic.js'
import { change, expectGolden, fileReport, mixedReport, ref, report } from './report-fixtures.js'

const MARKER = '<!-- iam-policy-diff -->'

describe('renderComment golden files', () => {
  it('renders the mixed example: verdict, broadened first, groups, statements, patch, no-op and invalid files', async () => {
    await expectGolden('comment-mixed.md', renderComment(mixedReport(), { marker: MARKER }))
  })

  it('says who accepted a broadening', async () => {
    const text = renderComment(mixedReport(), {
      marker: MARKER,
      approval: { label: 'iam-approved', by: 'octocat' },
      fullReportHint: 'https://github.com/o/r/actions/runs/1'
    })
    await expectGolden('comment-approved.md', text)
  })

  it('renders a review with no decision change', async () => {
    const r = report(
      [
        fileReport({
          file: 'a.json',
          patch: [{ op: 'add', path: '/Statement/0/Sid', value: 'X' }]
        }),
        fileReport({ file: 'b.json' })
      ],
      []
    )
    await expectGolden('comment-unchanged.md', renderComment(r, { marker: MARKER }))
  })

  it('renders a review that failed as a whole', async () => {
    const failed = report(
      [],
      [],
      [diagnostic('git-failed', { message: 'unknown git ref `origin/mian`' })]
    )
    await expectGolden('comment-failed.md', renderComment(failed, { marker: MARKER }))
  })

  it('renders a pull request without policy files', async () => {
    await expectGolden('comment-empty.md', renderComment(report([], []), { marker: MARKER }))
  })

  it('renders narrowing only and a resource policy with principals', async () => {
    const bucket = 'policies/bucket.json'
    const changes: Change[] = [
      change({
        kind: 'narrowed',
        file: bucket,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/k',
        principal: 'arn:aws:iam::999999999999:root',
        beforeRefs: [ref(bucket, 0, 'Partner', 3)]
      }),
      change({
        kind: 'narrowed',
        file: bucket,
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::b/k',
        principal: '*',
        context: { 'aws:SourceIp': '198.51.100.7', 'aws:TagKeys': ['a', 'b'] },
        beforeRefs: [ref(bucket, 1, undefined, 11)]
      })
    ]
    const r = report([fileReport({ file: bucket, policyKind: 'resource' })], changes)
    await expectGolden('comment-narrowed.md', renderComment(r, { marker: MARKER }))
  })
})

describe('escaping user strings', () => {
  const hostile =
    'x|y`z <script>alert(1)</script> @octocat #1 **b** \n| fake | row | <!-- iam-policy-diff:prod --> <!-- iam-policy-diff-run: 99999999999999 -->'
  const r = (): ReturnType<typeof report> =>
    report(
      [
        fileReport({
          file: `policies/${hostile}.json`,
          patch: [{ op: 'add', path: '/Statement/0/Sid', value: hostile }]
        }),
        fileReport({
          file: '<b>@admins</b>.json',
          outcome: 'error',
          diagnostics: [
            {
              code: 'json-syntax',
              severity: 'error',
              message: `bad \`${hostile}\``,
              pointer: '',
              file: 'x'
            }
          ]
        })
      ],
      [
        change({
          kind: 'broadened',
          file: `policies/${hostile}.json`,
          action: 's3:Get`Object|',
          resource: `arn:aws:s3:::${hostile}`,
          context: { [hostile]: hostile },
          afterRefs: [ref(`policies/${hostile}.json`, 0, hostile, 2)]
        })
      ]
    )

  it('keeps every table row on one line with the right number of cells', async () => {
    const text = renderComment(r(), { marker: MARKER })
    await expectGolden('comment-escaping.md', text)
    const rows = text.split('\n').filter((line) => line.startsWith('| ⬆️'))
    expect(rows).toHaveLength(1)
    const header = text.split('\n').find((line) => line.startsWith('|  | change'))!
    const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length
    expect(cells(rows[0]!)).toBe(cells(header))
  })

  // what GitHub would read as Markdown/HTML: the text outside fenced blocks and code spans
  const outsideCode = (text: string): string =>
    text
      .replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '')
      .replace(/(`+)(?:(?!\1)[\s\S])*?\1(?!`)/g, '')

  it('leaves no raw HTML tag, mention or line break from user text', () => {
    const text = outsideCode(renderComment(r(), { marker: MARKER }))
    expect(text).not.toContain('<script>')
    expect(text).not.toContain('<b>')
    expect(text).not.toMatch(/(^|[^`&#;\w])@octocat/)
    expect(text).not.toContain('\n| fake')
  })

  it('leaves no HTML comment but the marker on the first line, not even in code', () => {
    const text = renderComment(r(), { marker: MARKER })
    expect(text.startsWith(`${MARKER}\n`)).toBe(true)
    expect(text.split('<!').length).toBe(2)
  })
})

describe('size budget', () => {
  function bigReport(
    files: number,
    actionsPerFile: number,
    filler = ''
  ): ReturnType<typeof report> {
    const reports: FileReport[] = []
    const changes: Change[] = []
    for (let f = 0; f < files; f++) {
      const file = `policies/${filler}${String(f).padStart(4, '0')}.json`
      reports.push(
        fileReport({
          file,
          patch: [{ op: 'add', path: '/Statement/0/Action/1', value: `s3:${filler}` }]
        })
      )
      for (let a = 0; a < actionsPerFile; a++) {
        changes.push(
          change({
            kind: a % 3 === 0 ? 'narrowed' : 'broadened',
            file,
            action: `s3:Action${a}`,
            resource: `arn:aws:s3:::bucket-${a}/${filler}`,
            afterRefs: [ref(file, 0, 'S', 2)],
            beforeRefs: [ref(file, 0, 'S', 2)]
          })
        )
      }
    }
    return report(reports, changes)
  }

  it('truncates with an explicit note that names what is missing and where it is', async () => {
    const text = renderComment(bigReport(6, 12), {
      marker: MARKER,
      maxChars: 3000,
      fullReportHint: 'the job summary'
    })
    expect(measure(text).codePoints).toBeLessThanOrEqual(3000)
    expect(text.startsWith(`${MARKER}\n### ⚠️`)).toBe(true)
    expect(text).toMatch(/✂️ \*\*Truncated\*\* to fit GitHub's size limit: .*more/)
    await expectGolden('comment-truncated.md', text)
  })

  it('stays within GitHub limits for a huge report of astral characters', () => {
    const text = renderComment(bigReport(40, 60, '😀'.repeat(200)), { marker: MARKER })
    const size = measure(text)
    expect(size.codePoints).toBeLessThanOrEqual(65_536)
    expect(size.bytes).toBeLessThanOrEqual(262_144)
    expect(text).toContain('Truncated')
    expect(text.endsWith('</sub>\n')).toBe(true)
  })

  it('never passes the requested limit, whatever the report', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1500, max: 20000 }),
        fc.string({ maxLength: 30 }),
        (files, actions, maxChars, filler) => {
          const text = renderComment(bigReport(files, actions, filler), {
            marker: MARKER,
            maxChars
          })
          const size = measure(text)
          return size.codePoints <= maxChars && size.bytes <= maxChars * 4 && text.includes('### ')
        }
      ),
      { numRuns: 60 }
    )
  })

  it('does not truncate what fits', () => {
    const text = renderComment(bigReport(2, 3), { marker: MARKER })
    expect(text).not.toContain('Truncated')
  })
})

describe('no-op edits with warnings (issue 11)', () => {
  it('lists a file’s warnings under its no-op line: a statement that grants nothing changes nothing', () => {
    const warning = diagnostic('action-resource-mismatch', {
      message:
        'statement `ListServiceRoles` grants nothing: `iam:ListRoles` takes only `"Resource": "*"`',
      span: { start: 0, end: 1, line: 3, column: 7 }
    })
    const body = renderComment(
      report(
        [fileReport({ file: 'iam/list.json', outcome: 'neutral', diagnostics: [warning] })],
        []
      ),
      { marker: '<!-- iam-policy-diff -->' }
    )
    const lines = body.split('\n')
    const at = lines.findIndex((l) => l.startsWith('- `iam/list.json`'))
    expect(at).toBeGreaterThan(0)
    expect(lines[at + 1]).toMatch(
      /^ {2}- ⚠️ line 3, column 7: `action-resource-mismatch`: statement/
    )
  })
})
