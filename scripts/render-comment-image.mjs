#!/usr/bin/env node
// Renders the pull-request comment of `npm run demo` to docs/comment.png (what a reviewer sees)
// and keeps its Markdown source in docs/comment-example.md. Needs Debian's chromium
// (`apt-get install chromium`); run after `npm run build`.
//
//   node scripts/render-comment-image.mjs
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { marked } from 'marked'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'dist/cli/index.js')

function demoMarkdown() {
  try {
    return execFileSync(
      process.execPath,
      [cli, 'diff', 'examples/base', 'examples/head', '--format', 'markdown'],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }
    )
  } catch (error) {
    // exit code 1 (fail-on) still prints the report
    if (typeof error.stdout === 'string' && error.stdout.length > 0) return error.stdout
    throw error
  }
}

// A GitHub-like comment frame: enough of Primer's look for a faithful picture.
const css = `
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji";
  color: #1f2328; background: #fff; margin: 0; padding: 16px; width: 1180px; }
.frame { border: 1px solid #d1d9e0; border-radius: 6px; }
.head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; border-radius: 6px 6px 0 0; }
.head b { color: #1f2328; }
.body { padding: 16px; }
h1, h2, h3 { margin: 16px 0 8px; line-height: 1.25; } h3 { font-size: 1.25em; } h4 { font-size: 1em; margin: 12px 0 6px; }
table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
tr:nth-child(2n) { background: #f6f8fa; } th { font-weight: 600; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; background: rgba(129,139,152,.12); padding: .2em .4em; border-radius: 6px; }
details { margin: 8px 0; } summary { cursor: pointer; color: #0969da; }
p { margin: 0 0 10px; } blockquote { color: #59636e; border-left: .25em solid #d1d9e0; margin: 0; padding: 0 1em; }
`

function page(markdown) {
  const html = marked.parse(markdown, { gfm: true })
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body>
<div class="frame"><div class="head"><b>github-actions</b> <span>bot</span> commented</div>
<div class="body">${html}</div></div></body></html>`
}

const markdown = demoMarkdown()
writeFileSync(join(root, 'docs/comment-example.md'), markdown)
const dir = mkdtempSync(join(tmpdir(), 'iam-policy-diff-shot-'))
try {
  const file = join(dir, 'comment.html')
  writeFileSync(file, page(markdown))
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--hide-scrollbars',
      '--window-size=1212,1600',
      `--screenshot=${join(root, 'docs/comment.png')}`,
      `file://${file}`
    ],
    { stdio: 'ignore' }
  )
  console.log('wrote docs/comment.png and docs/comment-example.md')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
