// GitHub-flavoured Markdown building blocks. Every user string (file names, Sids, ARNs,
// condition values, diagnostic text) goes through one of these escapes, chosen by where it
// lands: inline Markdown (paragraphs, list items, table cells), a raw HTML block (a line
// starting with `<details>`, where Markdown is not parsed) or a code block. Each starts with
// `inert`, the one place that guarantees a user string neither breaks a line nor opens HTML
// (a tag, or a comment that could pass for our markers). Plus a size budget that counts both
// code points and UTF-8 bytes, the two limits GitHub applies to comment bodies.

/** Control characters shown as escapes: they could break a table row or fake output. */
export function visibleControls(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code === 0x0a) out += '\\n'
    else if (code === 0x0d) out += '\\r'
    else if (code === 0x09) out += '\\t'
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`
    } else out += ch
  }
  return out
}

/** a user `<` followed by a zero-width joiner: it shows as `<` and opens no tag or comment */
const INERT_LT = '<\u200d'

/**
 * Every user string passes here first. Controls become visible escapes, so user text never
 * starts a line (the comment's first and last lines, where its markers are, stay ours). No `<`
 * survives that could open HTML: CommonMark reads raw HTML before code spans, so `<!--` between
 * backticks is still a comment, and code spans and fenced blocks show `&lt;` literally. So a `<`
 * is followed by a zero-width joiner here; the text and HTML escapes then write it as `&lt;`.
 */
export function inert(text: string): string {
  return visibleControls(text).replaceAll('<', INERT_LT)
}

/**
 * An inline code span that shows `text` literally: a backtick fence longer than any backtick
 * run inside, padding when needed. Code spans are never scanned for @mentions, #references,
 * emphasis, links or HTML. In a GFM table cell `|` must be escaped (the table is split before
 * code spans are read, and `\\|` then becomes `|`); elsewhere the backslash would show.
 */
export function codeSpan(text: string, options: { readonly inTable?: boolean } = {}): string {
  const shown = inert(text)
  const body = options.inTable === true ? shown.replaceAll('|', '\\|') : shown
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad =
    body.startsWith('`') ||
    body.endsWith('`') ||
    (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '')
      ? ' '
      : ''
  return body === '' ? '` `' : `${fence}${pad}${body}${pad}${fence}`
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** `& < > " '` (with `<` in its inert form) as entities */
function entities(text: string, chars: RegExp): string {
  return text.replace(chars, (match) => HTML_ESCAPES[match.charAt(0)] ?? match)
}

/** Text for an HTML context: entities for `& < > " '`, controls made visible. */
export function escapeHtml(text: string): string {
  return entities(inert(text), /<\u200d|[&>"']/g)
}

/** `<code>` for an HTML block (e.g. a `<summary>`): Markdown is not parsed there. */
export function htmlCode(text: string): string {
  return `<code>${escapeHtml(text)}</code>`
}

/**
 * Plain inline Markdown text: punctuation backslash-escaped, `< > &` as entities, and `@name`
 * / `#123` broken with a zero-width space so that no one is pinged and no issue is linked.
 */
export function escapeText(text: string): string {
  return entities(
    inert(text).replace(/[\\`*_{}[\]()+\-.!|~]/g, (ch) => `\\${ch}`),
    /<\u200d|[&>]/g
  ).replace(/[@#]/g, (ch) => `${ch}&#8203;`)
}

/**
 * A message in our style (user values in backticks) as inline Markdown: backtick-quoted parts
 * become code spans, the rest is escaped text. Whatever the pairing, every piece is escaped.
 */
export function inlineMessage(message: string): string {
  const parts = message.split('`')
  if (parts.length % 2 === 0) return escapeText(message)
  return parts.map((part, i) => (i % 2 === 1 ? codeSpan(part) : escapeText(part))).join('')
}

/** A URL that can sit between `<` and `>` as a link destination, in a table cell too. */
const SAFE_URL = /^https?:\/\/[A-Za-z0-9._~%!$&'()*+,;=:@/?#-]+$/

/**
 * `[text](<url>)`: `text` must already be inline Markdown (escaped); the URL must be
 * percent-encoded (src/render/links.ts). Anything else is shown without the link.
 */
export function markdownLink(text: string, url: string | undefined): string {
  if (url === undefined || !SAFE_URL.test(url)) return text
  return `[${text}](<${url}>)`
}

/** A code span for a GFM table cell. */
export function cellCode(text: string): string {
  return codeSpan(text, { inTable: true })
}

/** A GFM table; cells must already be escaped inline Markdown (see cellCode). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)].join('\n')
}

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

/** A collapsible block; `summaryHtml` is HTML, `body` is Markdown. */
export function details(summaryHtml: string, body: string): string {
  return `<details><summary>${summaryHtml}</summary>\n\n${body}\n\n</details>`
}

/** A fenced code block that no line of `text` can close early; each line is made inert. */
export function fencedBlock(text: string, info = 'text'): string {
  const shown = text.split('\n').map(inert).join('\n')
  const longestRun = Math.max(0, ...(shown.match(/`{3,}/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(Math.max(3, longestRun + 1))
  return `${fence}${info}\n${shown}\n${fence}`
}

/** 12345 → `12,345`, the same on every machine and locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `1 file`, `2 files` */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`
}

export interface Size {
  readonly codePoints: number
  readonly bytes: number
}

/** Code points and UTF-8 bytes of a string (a surrogate pair is one code point, four bytes). */
export function measure(text: string): Size {
  let codePoints = 0
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const next = text.charCodeAt(i + 1)
    codePoints++
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return { codePoints, bytes }
}

/** A document that grows only while it stays inside both limits (minus a reserve for its end). */
export class Budget {
  private readonly parts: string[] = []
  private used: Size = { codePoints: 0, bytes: 0 }
  readonly limit: Size

  constructor(options: { readonly limit: Size }) {
    this.limit = options.limit
  }

  /** Whether `text` fits while keeping `reserve` free. */
  fits(text: string, reserve: Size = { codePoints: 0, bytes: 0 }): boolean {
    const size = measure(text)
    return (
      this.used.codePoints + size.codePoints + reserve.codePoints <= this.limit.codePoints &&
      this.used.bytes + size.bytes + reserve.bytes <= this.limit.bytes
    )
  }

  /** Appends when it fits; returns whether it did. */
  tryAdd(text: string, reserve?: Size): boolean {
    if (!this.fits(text, reserve)) return false
    this.add(text)
    return true
  }

  /** Appends unconditionally (for text whose room was reserved). */
  add(text: string): void {
    const size = measure(text)
    this.parts.push(text)
    this.used = {
      codePoints: this.used.codePoints + size.codePoints,
      bytes: this.used.bytes + size.bytes
    }
  }

  toString(): string {
    return this.parts.join('')
  }
}
