import { describe, expect, it } from '@jest/globals'
import {
  Budget,
  cellCode,
  codeSpan,
  escapeHtml,
  escapeText,
  fencedBlock,
  formatCount,
  htmlCode,
  inert,
  inlineMessage,
  measure
} from '../../src/render/markdown.js'

describe('codeSpan', () => {
  const cases: [string, string][] = [
    ['s3:GetObject', '`s3:GetObject`'],
    ['a|b', '`a|b`'],
    ['a`b', '``a`b``'],
    ['``x', '``` ``x ```'],
    ['x`', '`` x` ``'],
    [' padded ', '`  padded  `'],
    ['line\nbreak\r\ttab\u001b[31m', '`line\\nbreak\\r\\ttab\\u001b[31m`'],
    ['', '` `'],
    ['@alice #12 <b>*x*</b>', '`@alice #12 <\u200db>*x*<\u200d/b>`']
  ]
  it.each(cases)('%j → %s', (input, expected) => {
    expect(codeSpan(input)).toBe(expected)
  })

  it('escapes pipes only in table cells', () => {
    expect(cellCode('a|b')).toBe('`a\\|b`')
    expect(cellCode('a\\|b')).toBe('`a\\\\|b`')
  })
})

describe('escapes for text and HTML', () => {
  it('escapes Markdown punctuation, HTML and breaks mentions and issue links', () => {
    expect(escapeText('@octocat fixed #12 in *bold* <img src=x> a|b [l](u)')).toBe(
      '@&#8203;octocat fixed #&#8203;12 in \\*bold\\* &lt;img src=x&gt; a\\|b \\[l\\]\\(u\\)'
    )
  })

  it('escapes HTML contexts and keeps controls visible', () => {
    expect(escapeHtml(`<a href="x">'&'</a>\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\\n'
    )
    expect(htmlCode('</summary><script>')).toBe('<code>&lt;/summary&gt;&lt;script&gt;</code>')
  })

  it('renders backtick-quoted values of a message as code, the rest as text', () => {
    expect(inlineMessage('unknown action `s3:Get|Objekt`: did you mean `s3:GetObject`')).toBe(
      'unknown action `s3:Get|Objekt`: did you mean `s3:GetObject`'
    )
    expect(inlineMessage('odd ` count *here*')).toBe('odd \\` count \\*here\\*')
  })

  it('leaves no `<` that opens a tag or comment, in any context', () => {
    const marker = '<!-- iam-policy-diff:prod -->'
    expect(codeSpan(marker)).toBe('`<\u200d!-- iam-policy-diff:prod -->`')
    expect(cellCode(`a${marker}`)).toBe('`a<\u200d!-- iam-policy-diff:prod -->`')
    expect(escapeText(marker)).toBe('&lt;\\!\\-\\- iam\\-policy\\-diff:prod \\-\\-&gt;')
    expect(escapeHtml(marker)).toBe('&lt;!-- iam-policy-diff:prod --&gt;')
    expect(inlineMessage(`bad \`${marker}\` here ${marker}`)).not.toContain('<!')
    expect(fencedBlock(`x\n${marker}`)).toBe('```text\nx\n<\u200d!-- iam-policy-diff:prod -->\n```')
    expect(inert('a<\n<b')).toBe('a<\u200d\\n<\u200db')
  })

  it('fences code blocks longer than any run inside', () => {
    expect(fencedBlock('a ``` b')).toBe('````text\na ``` b\n````')
    expect(fencedBlock('plain')).toBe('```text\nplain\n```')
  })

  it('formats counts the same on every machine', () => {
    expect([0, 999, 1000, 1842, 1234567].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '1,842',
      '1,234,567'
    ])
  })
})

describe('measure and Budget', () => {
  it('counts code points and UTF-8 bytes', () => {
    expect(measure('aé€😀')).toEqual({ codePoints: 4, bytes: 1 + 2 + 3 + 4 })
    expect(measure('\ud800x')).toEqual({ codePoints: 2, bytes: 4 })
  })

  it('refuses text that would pass either limit, keeping the reserve free', () => {
    const budget = new Budget({ limit: { codePoints: 10, bytes: 12 } })
    expect(budget.tryAdd('12345')).toBe(true)
    expect(budget.tryAdd('😀😀')).toBe(false) // 7 code points but 13 bytes
    expect(budget.tryAdd('abc', { codePoints: 3, bytes: 0 })).toBe(false)
    expect(budget.tryAdd('abc')).toBe(true)
    expect(budget.toString()).toBe('12345abc')
  })
})
