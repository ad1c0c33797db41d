// Links to the line (issue 8): with a link base (the action), each deciding statement's "line N"
// links to the file at the head commit, or at the base commit for a statement of the old version
// and for a deleted file; paths are encoded per segment, so no file name breaks the link or the
// Markdown. Report-level warnings are notes, apart from what was not reviewed.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { marked, type Token, type Tokens } from 'marked'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import type { Report } from '../../src/diff/report.js'
import { renderComment } from '../../src/render/comment.js'
import {
  createLinker,
  encodePath,
  encodeSegment,
  fileUrl,
  isLinkBase,
  type LinkBase
} from '../../src/render/links.js'
import { renderSummary } from '../../src/render/summary.js'
import { review } from '../../src/review/review.js'
import { memorySource } from '../review/memory-source.js'
import { change, expectGolden, fileReport, mixedReport, ref, report } from './report-fixtures.js'

const MARKER = '<!-- iam-policy-diff -->'
const HEAD = 'a'.repeat(40)
const BASE = 'b'.repeat(40)
const LINKS: LinkBase = {
  head: `https://github.com/o/r/blob/${HEAD}/`,
  base: `https://github.com/o/r/blob/${BASE}/`
}

const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')

const warning = (code: Diagnostic['code'], message: string, file?: string): Diagnostic => ({
  code,
  severity: 'warning',
  message,
  pointer: '',
  ...(file === undefined ? {} : { file })
})

/** A renamed file that narrowed (base-side statement), a deleted one, report-level notes. */
function linkedReport(): Report {
  const renamed = 'policies/new name.json'
  const gone = 'policies/gone.json'
  const files = [
    fileReport({
      file: renamed,
      previousFile: 'policies/old name.json',
      status: 'renamed',
      outcome: 'changed',
      requests: 4
    }),
    fileReport({ file: gone, status: 'deleted', outcome: 'changed', requests: 2 }),
    fileReport({
      file: 'policies/broken.json',
      outcome: 'error',
      policyKind: undefined,
      requests: 0,
      diagnostics: [
        {
          code: 'json-syntax',
          severity: 'error',
          message: 'expected `,` or `}` after a property value',
          pointer: '/Statement/0',
          file: 'policies/broken.json',
          span: { start: 61, end: 62, line: 5, column: 7 }
        }
      ]
    })
  ]
  const changes = [
    change({
      kind: 'broadened',
      file: renamed,
      action: 's3:PutObject',
      afterRefs: [ref(renamed, 1, 'Write', 12)]
    }),
    change({
      kind: 'narrowed',
      file: renamed,
      action: 's3:GetObject',
      beforeRefs: [ref(renamed, 0, 'Read', 4)]
    }),
    change({
      kind: 'narrowed',
      file: gone,
      action: 'sqs:SendMessage',
      beforeRefs: [ref(gone, 0, undefined, 3)]
    })
  ]
  return report(files, changes, [
    warning(
      'approval-not-counted',
      'the label `iam-approved` was applied by `mallory`, who may not approve'
    ),
    warning(
      'config-base-invalid',
      'the configuration is not valid YAML',
      '.github/iam-policy-diff.yml'
    )
  ])
}

function links(markdown: string): Tokens.Link[] {
  const found: Tokens.Link[] = []
  void marked.walkTokens(marked.lexer(markdown), (token: Token) => {
    if (token.type === 'link') found.push(token as Tokens.Link)
  })
  return found
}

describe('links to the line', () => {
  it('links head statements to the head commit, old statements and deleted files to the base', async () => {
    const text = renderComment(linkedReport(), { marker: MARKER, links: LINKS })
    await expectGolden('comment-linked.md', text)
    expect(links(text).map((l) => [l.text, l.href])).toEqual([
      ['line 5, column 7', `${LINKS.head}policies/broken.json#L5`],
      ['line 12', `${LINKS.head}policies/new%20name.json#L12`],
      ['line 4', `${LINKS.base}policies/old%20name.json#L4`],
      ['line 3', `${LINKS.base}policies/gone.json#L3`]
    ])
  })

  it('keeps "line N" without a link base (the command line)', () => {
    const text = renderComment(linkedReport(), { marker: MARKER })
    expect(links(text)).toEqual([])
    expect(text).toContain('`Write` line 12')
  })

  it('names the template and links the logical ID’s statement to its template line', async () => {
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
    const summary = renderSummary(report, { links: LINKS })
    await expectGolden('summary-template-linked.md', summary)
    const hrefs = links(summary).map((l) => l.href)
    expect(hrefs).toContain(`${LINKS.head}infra/deploy.yaml#L29`)
    expect(hrefs).toContain(`${LINKS.head}cdk/stack.ts#L1`)
  })

  it('a link base that could break the Markdown is not used', () => {
    for (const base of [
      'javascript:alert(1)/',
      'https://github.com/o/r/blob/x',
      'https://github.com/o/r>/blob/x/',
      'https://github.com/o/r|x/',
      'https://github.com/o/r)/',
      'https://github.com/o r/'
    ]) {
      expect(isLinkBase(base)).toBe(false)
      expect(fileUrl({ head: base }, 'head', 'a.json', 1)).toBeUndefined()
    }
    const text = renderComment(linkedReport(), {
      marker: MARKER,
      links: { head: 'https://x/>[evil](http://e)/' }
    })
    expect(links(text)).toEqual([])
  })

  it('encodes each path segment', () => {
    expect(encodePath('infra/deploy.yaml')).toBe('infra/deploy.yaml')
    expect(encodePath('a b/c)d]e#f?g<h`i\nj.json')).toBe('a%20b/c%29d%5De%23f%3Fg%3Ch%60i%0Aj.json')
    expect(encodeSegment('..')).toBe('%2E%2E')
    expect(encodeSegment('\ud800x')).toBe('%EF%BF%BDx')
    expect(fileUrl(LINKS, 'head', 'a.json', 0)).toBe(`${LINKS.head}a.json`)
  })

  it('hostile file names never break the link or the Markdown', () => {
    const names = [
      'x y/a b.json',
      'p)q.json',
      'p](http://evil)',
      'hash#L1.json',
      'q?x=1.json',
      '<!-- x -->.json',
      '`tick`.json',
      'new\nline.json',
      '|pipe|.json',
      '\\back.json'
    ]
    for (const name of names) {
      const files = [fileReport({ file: name, outcome: 'changed' })]
      const changes = [
        change({
          kind: 'broadened',
          file: name,
          action: 's3:GetObject',
          afterRefs: [ref(name, 0, 'S', 7)]
        })
      ]
      const text = renderComment(report(files, changes), { marker: MARKER, links: LINKS })
      const found = links(text)
      expect(found).toHaveLength(1)
      const href = found[0]?.href ?? ''
      expect(found[0]?.text).toBe('line 7')
      expect(decodeURIComponent(href.slice(LINKS.head.length).replace(/#L7$/, ''))).toBe(name)
      // the table row stays one row with every column
      const row = text.split('\n').find((line) => line.startsWith('| ⬆️')) ?? ''
      expect(row).toContain(`(<${href}>)`)
    }
  })

  it('a statement of an unchanged member links by its path; a document key with # does not', () => {
    const linker = createLinker([fileReport({ file: 'a.json' })], LINKS)
    expect(linker.statement(ref('member.json', 0, undefined, 2), 'head')).toBe(
      `${LINKS.head}member.json#L2`
    )
    expect(linker.statement(ref('t.yaml#Resources/R', 0, undefined, 2), 'head')).toBeUndefined()
    expect(createLinker([], { head: LINKS.head }).statement(ref('a.json', 0, 'S', 1), 'base')).toBe(
      undefined
    )
  })
})

describe('report-level warnings are notes', () => {
  it('lists warnings under Notes and only errors under Not reviewed', () => {
    const text = renderComment(linkedReport(), { marker: MARKER })
    const notReviewed = text.slice(
      text.indexOf('#### ❌ Not reviewed'),
      text.indexOf('#### ⚠️ Notes')
    )
    expect(notReviewed).toContain('policies/broken.json')
    expect(notReviewed).not.toContain('approval-not-counted')
    const notes = text.slice(text.indexOf('#### ⚠️ Notes'))
    expect(notes).toContain('`approval-not-counted`')
    expect(notes).toContain('`.github/iam-policy-diff.yml`: `config-base-invalid`')
  })

  it('a report with warnings only has no Not reviewed section', () => {
    const r = mixedReport()
    const withNote = {
      ...r,
      files: r.files.filter((f) => f.outcome !== 'error'),
      diagnostics: [warning('approval-not-counted', 'the label was applied by the author')]
    }
    const text = renderComment(withNote, { marker: MARKER })
    expect(text).not.toContain('Not reviewed')
    expect(text).toContain('#### ⚠️ Notes')
  })
})
