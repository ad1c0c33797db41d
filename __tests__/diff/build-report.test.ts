import { describe, expect, it } from '@jest/globals'
import {
  buildReport,
  MAX_LISTED_CHANGES,
  type SubjectOutcome
} from '../../src/diff/build-report.js'
import type { DecisionDiff } from '../../src/diff/diff.js'
import type { Decision, StatementRef } from '../../src/engine/types.js'

const ref = (file: string, statementIndex: number): StatementRef => ({
  file,
  policyKind: 'identity',
  statementIndex,
  sid: undefined,
  pointer: `/Statement/${statementIndex}`,
  line: 2 + statementIndex
})
const decision = (effect: Decision['effect'], determining: StatementRef[] = []): Decision => ({
  effect,
  reason: effect === 'Allow' ? 'identity-allow' : 'no-identity-allow',
  determining,
  issues: []
})

function diff(
  action: string,
  kind: DecisionDiff['kind'],
  before: Decision,
  after: Decision,
  context = {}
): DecisionDiff {
  const request = {
    origin: 'auto' as const,
    principal: 'arn:aws:iam::123456789012:user/u',
    action,
    resource: '*',
    context
  }
  return { request, before, after, kind }
}

const subject = (
  init: Partial<SubjectOutcome> & Pick<SubjectOutcome, 'files' | 'diffs'>
): SubjectOutcome => ({
  subject: undefined,
  requests: 10,
  generated: 9,
  configured: 1,
  unknownActions: [],
  hiddenFiles: new Set(['(assumed)']),
  actionClasses: new Map(),
  ...init
})

const file = (name: string, failed = false) => ({
  file: name,
  previousFile: undefined,
  status: 'modified' as const,
  policyKind: 'identity' as const,
  diagnostics: [],
  patch: [],
  failed
})

describe('buildReport', () => {
  const report = buildReport({
    toolVersion: '1.2.3',
    base: 'main',
    head: undefined,
    files: [file('b.json'), file('a.json'), file('c.json'), file('bad.json', true)],
    subjects: [
      subject({
        files: ['b.json'],
        diffs: [
          diff(
            'sqs:B',
            'narrowed',
            decision('Allow', [ref('b.json', 0)]),
            decision('ImplicitDeny')
          ),
          diff(
            'sqs:A',
            'broadened',
            decision('ImplicitDeny'),
            decision('Allow', [ref('b.json', 1), ref('(assumed)', 0)]),
            { k: 1, j: [true] }
          )
        ]
      }),
      subject({
        files: ['a.json'],
        diffs: [
          diff('s3:Z', 'broadened', decision('ImplicitDeny'), decision('Allow', [ref('a.json', 0)]))
        ],
        unknownActions: [{ action: 's3:GetObjekt', suggestion: 's3:GetObject' }]
      }),
      subject({ files: ['c.json'], diffs: [] }),
      subject({
        subject: { kind: 'configured', name: 'role' },
        files: ['a.json', 'b.json'],
        diffs: [
          diff(
            'kms:Decrypt',
            'deny-changed',
            decision('ImplicitDeny'),
            decision('ExplicitDeny', [ref('unchanged.json', 0), ref('b.json', 3)])
          )
        ]
      })
    ],
    diagnostics: []
  })

  it('sorts changes broadened first, then by file and action', () => {
    expect(report.changes.map((c) => [c.kind, c.file, c.action])).toEqual([
      ['broadened', 'a.json', 's3:Z'],
      ['broadened', 'b.json', 'sqs:A'],
      ['narrowed', 'b.json', 'sqs:B'],
      ['deny-changed', 'b.json', 'kms:Decrypt']
    ])
  })

  it('attributes a subject change to the changed file that decided it', () => {
    const c = report.changes.find((x) => x.action === 'kms:Decrypt')!
    expect([c.file, c.subject]).toEqual(['b.json', { kind: 'configured', name: 'role' }])
  })

  it('hides assumed policies and stringifies context values', () => {
    const c = report.changes.find((x) => x.action === 'sqs:A')!
    expect(c.after.determining.map((r) => r.file)).toEqual(['b.json'])
    expect(c.context).toEqual({ j: ['true'], k: '1' })
  })

  it('gives per-file outcomes, counts and the summary', () => {
    expect(
      report.files.map((f) => [
        f.file,
        f.outcome,
        f.requests,
        f.changes.broadened,
        f.changes.narrowed,
        f.changes.denyChanged
      ])
    ).toEqual([
      ['a.json', 'changed', 20, 1, 0, 0],
      ['b.json', 'changed', 20, 1, 1, 1],
      ['bad.json', 'error', 0, 0, 0, 0],
      ['c.json', 'neutral', 10, 0, 0, 0]
    ])
    expect(report.files[0]?.unknownActions).toEqual([
      { action: 's3:GetObjekt', suggestion: 's3:GetObject' }
    ])
    expect(report.summary).toEqual({
      broadened: 2,
      narrowed: 1,
      denyChanged: 1,
      requests: 40,
      generatedRequests: 36,
      configuredRequests: 4,
      files: 4,
      filesWithErrors: 1,
      neutralFiles: 1,
      omittedChanges: 0
    })
    expect([report.schemaVersion, report.tool, report.base, report.head]).toEqual([
      1,
      { name: 'iam-policy-diff', version: '1.2.3' },
      'main',
      undefined
    ])
  })

  it('names the class a change stands for, and lists each class on its file', () => {
    const report = buildReport({
      toolVersion: 't',
      base: undefined,
      head: undefined,
      files: [file('a.json')],
      subjects: [
        subject({
          files: ['a.json'],
          diffs: [diff('s3:GetObject', 'broadened', decision('ImplicitDeny'), decision('Allow'))],
          actionClasses: new Map([['s3:GetObject', ['s3:GetObject', 's3:PutObject', 'ec2:X']]])
        })
      ],
      diagnostics: []
    })
    expect(report.changes[0]?.classSize).toBe(3)
    expect(report.files[0]?.actionClasses).toEqual([
      { action: 's3:GetObject', size: 3, actions: ['ec2:X', 's3:GetObject', 's3:PutObject'] }
    ])
  })

  it('lists at most MAX_LISTED_CHANGES changes, counts the rest, and keeps every action', () => {
    const many = Array.from({ length: MAX_LISTED_CHANGES + 50 }, (_, i) =>
      diff('s3:GetObject', 'broadened', decision('ImplicitDeny'), decision('Allow'), {
        'aws:SourceIp': `10.0.${Math.floor(i / 256)}.${i % 256}`
      })
    )
    const rare = diff('iam:PassRole', 'broadened', decision('ImplicitDeny'), decision('Allow'))
    const report = buildReport({
      toolVersion: 't',
      base: undefined,
      head: undefined,
      files: [file('a.json')],
      subjects: [subject({ files: ['a.json'], diffs: [...many, rare] })],
      diagnostics: []
    })
    expect(report.changes).toHaveLength(MAX_LISTED_CHANGES)
    expect(report.summary.broadened).toBe(MAX_LISTED_CHANGES + 51)
    expect(report.summary.omittedChanges).toBe(51)
    expect(report.files[0]?.omittedChanges).toBe(51)
    expect(report.changes.some((c) => c.action === 'iam:PassRole')).toBe(true)
  })
})
