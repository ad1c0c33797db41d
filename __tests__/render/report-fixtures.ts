// Hand-built reports for the renderer tests: every shape the renderers must handle, without
// running a review.
import { expect } from '@jest/globals'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import type { Change, ChangeKind, FileReport, Report } from '../../src/diff/report.js'
import type { DecisionEffect, StatementRef } from '../../src/engine/types.js'
import type { Risk } from '../../src/risk/vocabulary.js'

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden')

/** Byte-for-byte comparison with a checked-in file; rewritten only with UPDATE_GOLDEN=1. */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = path.join(GOLDEN, name)
  if (process.env['UPDATE_GOLDEN'] === '1') {
    await writeFile(file, actual)
    return
  }
  const expected = await readFile(file, 'utf8').catch(() => undefined)
  if (expected === undefined)
    throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1`)
  expect(actual).toBe(expected)
}

export const PROBE = 'arn:aws:iam::123456789012:role/iam-policy-diff-probe'

export function ref(
  file: string,
  statementIndex: number,
  sid: string | undefined,
  line: number
): StatementRef {
  return {
    file,
    policyKind: 'identity',
    statementIndex,
    sid,
    pointer: `/Statement/${statementIndex}`,
    line
  }
}

interface ChangeInit {
  readonly kind: ChangeKind
  readonly file: string
  readonly action: string
  readonly resource?: string
  readonly principal?: string
  readonly context?: Change['context']
  readonly before?: DecisionEffect
  readonly after?: DecisionEffect
  readonly beforeRefs?: readonly StatementRef[]
  readonly afterRefs?: readonly StatementRef[]
  readonly subject?: string
  readonly classSize?: number
  readonly risks?: readonly Risk[]
}

export function change(init: ChangeInit): Change {
  const before = init.before ?? (init.kind === 'broadened' ? 'ImplicitDeny' : 'Allow')
  const after = init.after ?? (init.kind === 'broadened' ? 'Allow' : 'ImplicitDeny')
  return {
    kind: init.kind,
    file: init.file,
    subject: init.subject === undefined ? undefined : { kind: 'configured', name: init.subject },
    action: init.action,
    resource: init.resource ?? '*',
    principal: init.principal ?? PROBE,
    resourceAccount: undefined,
    context: init.context ?? {},
    before: {
      effect: before,
      reason: before === 'Allow' ? 'identity-allow' : 'no-identity-allow',
      determining: init.beforeRefs ?? []
    },
    after: {
      effect: after,
      reason: after === 'Allow' ? 'identity-allow' : 'no-identity-allow',
      determining: init.afterRefs ?? []
    },
    origin: 'auto',
    classSize: init.classSize ?? 1,
    risks: init.risks ?? [],
    impliedKeys: []
  }
}

export function fileReport(init: Partial<FileReport> & { file: string }): FileReport {
  return {
    previousFile: undefined,
    status: 'modified',
    policyKind: 'identity',
    outcome: 'neutral',
    diagnostics: [],
    requests: 40,
    changes: { broadened: 0, narrowed: 0, denyChanged: 0 },
    patch: [],
    unknownActions: [],
    actionClasses: [],
    omittedChanges: 0,
    ...init
  }
}

/** Fills in counts and the summary from files and changes. */
export function report(
  files: readonly FileReport[],
  changes: readonly Change[],
  diagnostics: readonly Diagnostic[] = []
): Report {
  const count = (kind: ChangeKind, file?: string): number =>
    changes.filter((c) => c.kind === kind && (file === undefined || c.file === file)).length
  const full = files.map((f) =>
    f.outcome === 'error'
      ? f
      : {
          ...f,
          outcome: changes.some((c) => c.file === f.file)
            ? ('changed' as const)
            : ('neutral' as const),
          changes: {
            broadened: count('broadened', f.file),
            narrowed: count('narrowed', f.file),
            denyChanged: count('deny-changed', f.file)
          }
        }
  )
  const requests = full.reduce((n, f) => n + f.requests, 0)
  return {
    schemaVersion: 1,
    tool: { name: 'iam-policy-diff', version: '0.1.0' },
    base: 'main',
    head: 'feature/s3',
    summary: {
      broadened: count('broadened'),
      narrowed: count('narrowed'),
      denyChanged: count('deny-changed'),
      requests,
      generatedRequests: Math.max(0, requests - 2),
      configuredRequests: Math.min(2, requests),
      files: full.length,
      filesWithErrors: full.filter((f) => f.outcome === 'error').length,
      neutralFiles: full.filter((f) => f.outcome === 'neutral').length,
      omittedChanges: 0
    },
    files: full,
    changes,
    diagnostics
  }
}

export const STS_ACTIONS = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetServiceBearerToken',
  'GetSessionToken',
  'GetWebIdentityToken',
  'SetContext',
  'SetSourceIdentity',
  'TagSession',
  'TagGetWebIdentityToken'
].map((name) => `sts:${name}`)

/** The PRODUCT.md example: broadened in two files, narrowed, a deny change, no-op and invalid files. */
export function mixedReport(): Report {
  const s3 = 'iam/roles/deploy/s3.json'
  const ro = 'policies/readonly.json'
  const write = ref(s3, 1, 'WriteReports', 14)
  const changes: Change[] = [
    change({
      kind: 'broadened',
      file: s3,
      action: 's3:DeleteObject',
      resource: 'arn:aws:s3:::prod-data/reports/x',
      afterRefs: [write]
    }),
    ...STS_ACTIONS.map((action) =>
      change({ kind: 'broadened', file: ro, action, afterRefs: [ref(ro, 2, undefined, 9)] })
    ),
    ...['ListAssets', 'ListModels', 'ListPortals'].map((name) =>
      change({
        kind: 'narrowed',
        file: ro,
        action: `iotsitewise:${name}`,
        beforeRefs: [ref(ro, 0, 'ReadAll', 4)]
      })
    ),
    change({
      kind: 'deny-changed',
      file: s3,
      action: 's3:PutBucketPolicy',
      resource: 'arn:aws:s3:::prod-data',
      context: { 'aws:MultiFactorAuthPresent': 'false' },
      before: 'ImplicitDeny',
      after: 'ExplicitDeny',
      afterRefs: [ref(s3, 3, 'DenyWithoutMfa', 30)]
    })
  ]
  const files = [
    fileReport({
      file: s3,
      requests: 180,
      patch: [
        { op: 'add', path: '/Statement/1/Action/2', value: 's3:*Object' },
        {
          op: 'add',
          path: '/Statement/3',
          value: { Effect: 'Deny', Action: ['s3:PutBucketPolicy'], Resource: ['*'] }
        }
      ]
    }),
    fileReport({
      file: ro,
      requests: 1650,
      patch: [{ op: 'replace', path: '/Statement/0/Action/3', value: 'sts:*' }],
      unknownActions: [{ action: 's3:GetObjekt', suggestion: 's3:GetObject' }],
      diagnostics: [
        {
          code: 'policy-version-missing',
          severity: 'warning',
          message: 'no `Version`: policy variables are literal text',
          pointer: '',
          file: ro
        }
      ]
    }),
    fileReport({ file: 'policies/reordered.json', requests: 12 }),
    fileReport({
      file: 'policies/renamed.json',
      previousFile: 'policies/old-name.json',
      status: 'renamed',
      requests: 0,
      patch: [{ op: 'add', path: '/Statement/0/Sid', value: 'Named' }]
    }),
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
          help: 'fix the JSON syntax at the given position',
          pointer: '/Statement/0',
          file: 'policies/broken.json',
          span: { start: 61, end: 62, line: 5, column: 7 }
        }
      ]
    })
  ]
  return report(files, changes)
}
