// Property test (issue 7): text from the pull request never steers the comment. Arbitrary user
// strings, marker look-alikes among them, go into every user field a report renders; the body
// must still read as exactly our marker on the first line and our run id on the last, and hold
// no other HTML comment (which GitHub would hide, and an older reader would take for a marker).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import type { Report } from '../../src/diff/report.js'
import { markerFor } from '../../src/github/publish.js'
import { readStickyBody, withRunLine } from '../../src/github/sticky-comment.js'
import { renderComment } from '../../src/render/comment.js'
import { renderSummary } from '../../src/render/summary.js'
import { change, fileReport, ref, report } from './report-fixtures.js'

const PIECES = [
  '<!--',
  '-->',
  '<!-- iam-policy-diff -->',
  '<!-- iam-policy-diff:prod -->',
  '<!-- iam-policy-diff:dev -->',
  '<!-- iam-policy-diff-run: 99999999999999 -->',
  '`',
  '``',
  '```',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '|',
  '\\',
  '<',
  '>',
  '&',
  '&lt;',
  '!',
  '-',
  '--',
  ' ',
  '*',
  '@octocat',
  '#1',
  '\u200d',
  '<details>',
  '</summary>',
  'arn:aws:s3:::'
]

/** a user string: anything, or marker-like pieces glued together */
const userString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc
    .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 8 })
    .map((parts) => parts.join(''))
)

const FIELDS = [
  'file',
  'otherFile',
  'renamedFrom',
  'neutralFile',
  'errorFile',
  'sid',
  'otherSid',
  'action1',
  'action2',
  'resource',
  'principal',
  'subject',
  'conditionKey',
  'conditionValue',
  'listKey',
  'listValue',
  'message',
  'help',
  'reportMessage',
  'pointer',
  'patchValue',
  'unknownAction',
  'suggestion',
  'base',
  'head',
  'label',
  'by'
] as const
type UserStrings = Readonly<Record<(typeof FIELDS)[number], string>>

const userStrings: fc.Arbitrary<UserStrings> = fc.record(
  Object.fromEntries(FIELDS.map((field) => [field, userString])) as Record<
    (typeof FIELDS)[number],
    typeof userString
  >
)

function diagnostic(
  u: UserStrings,
  severity: Diagnostic['severity'],
  file: string,
  message = u.message
): Diagnostic {
  return {
    code: 'json-syntax',
    severity,
    message: `${message} \`${message}\` ${u.pointer}`,
    help: u.help,
    pointer: u.pointer,
    file,
    span: { start: 0, end: 1, line: 1, column: 1 }
  }
}

/** Every user field of a report, from the fixture builders. */
function hostileReport(u: UserStrings): Report {
  const mine = ref(u.file, 0, u.sid, 3)
  const theirs = ref(u.otherFile, 1, u.otherSid, 9)
  const anonymous = ref(u.file, 2, undefined, 12)
  const files = [
    fileReport({
      file: u.file,
      previousFile: u.renamedFrom,
      status: 'renamed',
      policyKind: 'resource',
      patch: [
        { op: 'add', path: u.pointer, value: u.patchValue },
        { op: 'move', path: `/Statement/${u.sid}`, from: u.pointer },
        { op: 'replace', path: '/Statement/0', value: { [u.conditionKey]: [u.conditionValue] } }
      ],
      unknownActions: [
        { action: u.unknownAction, suggestion: u.suggestion },
        { action: u.action2, suggestion: undefined }
      ],
      diagnostics: [diagnostic(u, 'warning', u.file)]
    }),
    fileReport({
      file: u.neutralFile,
      previousFile: u.renamedFrom,
      status: 'modified',
      patch: [{ op: 'remove', path: u.pointer }]
    }),
    fileReport({
      file: u.errorFile,
      outcome: 'error',
      previousFile: u.renamedFrom,
      diagnostics: [diagnostic(u, 'error', u.errorFile)]
    })
  ]
  const base = {
    file: u.file,
    resource: u.resource,
    principal: u.principal,
    subject: u.subject
  }
  const changes = [
    ...[u.action1, u.action2, `${u.action1}:${u.action2}`].map((action) =>
      change({
        ...base,
        kind: 'broadened',
        action,
        context: { [u.conditionKey]: u.conditionValue, [u.listKey]: [u.listValue, u.listKey] },
        afterRefs: [mine, theirs]
      })
    ),
    change({ ...base, kind: 'narrowed', action: u.action2, beforeRefs: [theirs, anonymous] }),
    change({ ...base, kind: 'deny-changed', action: u.action1, after: 'ExplicitDeny' })
  ]
  const full = report(files, changes, [diagnostic(u, 'error', u.errorFile, u.reportMessage)])
  return { ...full, base: u.base, head: u.head }
}

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const LINKS = {
  head: `https://github.com/o/r/blob/${'a'.repeat(40)}/`,
  base: `https://github.com/o/r/blob/${'b'.repeat(40)}/`
}

/** every HTML comment of the body, as an older reader scanning the whole text would find them */
const htmlComments = (body: string): string[] => body.match(/<!--[\s\S]*?-->/g) ?? []

describe('user strings never steer the comment', () => {
  it('our marker first, our run id last, and no other HTML comment anywhere', () => {
    fc.assert(
      fc.property(
        userStrings,
        fc.constantFrom(undefined, 'dev', 'prod', 'a--b'),
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 4000, max: 65_536 }),
        fc.boolean(),
        (u, key, runId, maxChars, linked) => {
          const marker = markerFor(key)
          const rendered = renderComment(hostileReport(u), {
            marker,
            maxChars,
            approval: { label: u.label, by: u.by },
            ...(linked ? { links: LINKS } : {})
          })
          const body = withRunLine(rendered, runId)
          const runLine = `<!-- iam-policy-diff-run: ${runId} -->`
          expect(readStickyBody(body)).toEqual({ firstLine: marker, runId })
          const lines = body.split('\n')
          expect(lines[0]).toBe(marker)
          expect(lines.at(-1)).toBe(runLine)
          // no other marker, key or run id, wherever a reader might look
          expect(htmlComments(body)).toEqual([marker, runLine])
          expect(body.split('<!').length).toBe(3)
          for (const other of [undefined, 'dev', 'prod', 'a--b'].map(markerFor)) {
            if (other !== marker) expect(body).not.toContain(other)
          }
          // the renderer's own part: one HTML comment, the marker, on its own first line
          expect(htmlComments(rendered)).toEqual([marker])
          expect(readStickyBody(rendered).runId).toBeUndefined()
        }
      ),
      { numRuns: 300 }
    )
  })

  it('the job summary holds no HTML comment at all', () => {
    fc.assert(
      fc.property(userStrings, fc.boolean(), (u, linked) => {
        const summary = renderSummary(hostileReport(u), linked ? { links: LINKS } : {})
        expect(summary).not.toContain('<!')
        expect(summary.split('\n')[0]).not.toMatch(/^<!--/)
      }),
      { numRuns: 150 }
    )
  })

  it('links to the line are ours: every destination is a percent-encoded URL of a file of the report', () => {
    fc.assert(
      fc.property(userStrings, (u) => {
        const summary = renderSummary(hostileReport(u), { links: LINKS })
        const destinations = [...summary.matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1] ?? '')
        const paths = new Set([u.file, u.otherFile, u.renamedFrom, u.errorFile])
        for (const url of destinations) {
          expect(url).toMatch(
            /^https:\/\/github\.com\/o\/r\/blob\/[ab]{40}\/[A-Za-z0-9._~%/-]*(#L\d+)?$/
          )
          const path = decodeURIComponent(
            url.replace(/^.*?\/blob\/[ab]{40}\//, '').replace(/#L\d+$/, '')
          )
          expect(
            paths.has(path) || [...paths].some((p) => p.replace(LONE, '\ufffd') === path)
          ).toBe(true)
        }
      }),
      { numRuns: 150 }
    )
  })

  it('covers every field: each one shows up in the comment', () => {
    // a sample of distinct plain values: each must be visible somewhere, else the
    // property above would not be testing it
    const plain = Object.fromEntries(FIELDS.map((f) => [f, `zz${f}zz`])) as UserStrings
    const body = renderComment(hostileReport(plain), {
      marker: markerFor(undefined),
      approval: { label: plain.label, by: plain.by }
    })
    const summary = renderSummary(hostileReport(plain))
    const missing = FIELDS.filter(
      (f) => !body.includes(`zz${f}zz`) && !summary.includes(`zz${f}zz`)
    )
    expect(missing).toEqual([])
  })
})
