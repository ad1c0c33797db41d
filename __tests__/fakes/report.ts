// Hand-built reports (schema v1) for the action's tests: small, explicit, and independent of the
// review pipeline.
import type { Change, ChangeKind, FileReport, Report } from '../../src/diff/report.js'
import type { StatementRef } from '../../src/engine/types.js'

export function statement(file: string, line: number, sid?: string, index = 0): StatementRef {
  return {
    file,
    policyKind: 'identity',
    statementIndex: index,
    sid,
    pointer: `/Statement/${index}`,
    line
  }
}

export function change(kind: ChangeKind, init: Partial<Change> = {}): Change {
  const allow = {
    effect: 'Allow' as const,
    reason: 'identity-allow' as const,
    determining: [statement('iam/deploy.json', 4, 'Write')]
  }
  const implicit = {
    effect: 'ImplicitDeny' as const,
    reason: 'no-identity-allow' as const,
    determining: []
  }
  const explicit = {
    effect: 'ExplicitDeny' as const,
    reason: 'explicit-deny' as const,
    determining: [statement('iam/deploy.json', 12, 'NoDelete', 1)]
  }
  const sides = {
    broadened: { before: implicit, after: allow },
    narrowed: { before: allow, after: implicit },
    'deny-changed': { before: implicit, after: explicit }
  }[kind]
  return {
    kind,
    file: 'iam/deploy.json',
    subject: undefined,
    action: 's3:DeleteObject',
    resource: 'arn:aws:s3:::prod-data/*',
    principal: 'arn:aws:iam::111122223333:role/deploy',
    resourceAccount: undefined,
    context: {},
    origin: 'auto',
    classSize: 1,
    risks: [],
    impliedKeys: [],
    ...sides,
    ...init
  }
}

export function fileReport(init: Partial<FileReport> = {}): FileReport {
  return {
    file: 'iam/deploy.json',
    previousFile: undefined,
    status: 'modified',
    policyKind: 'identity',
    outcome: 'changed',
    diagnostics: [],
    requests: 10,
    changes: { broadened: 0, narrowed: 0, denyChanged: 0 },
    patch: [],
    unknownActions: [],
    actionClasses: [],
    omittedChanges: 0,
    ...init
  }
}

/** A report whose summary and per-file counts agree with its changes. */
export function report(
  changes: readonly Change[] = [],
  given: readonly FileReport[] = [fileReport()]
): Report {
  const count = (kind: ChangeKind, file?: string): number =>
    changes.filter((c) => c.kind === kind && (file === undefined || c.file === file)).length
  const files = given.map((f) => {
    const counts = {
      broadened: count('broadened', f.file),
      narrowed: count('narrowed', f.file),
      denyChanged: count('deny-changed', f.file)
    }
    const changed = counts.broadened + counts.narrowed + counts.denyChanged > 0
    return {
      ...f,
      changes: counts,
      outcome:
        f.outcome === 'error' ? f.outcome : changed ? ('changed' as const) : ('neutral' as const)
    }
  })
  return {
    schemaVersion: 1,
    tool: { name: 'iam-policy-diff', version: '0.0.0-test' },
    base: 'a'.repeat(40),
    head: 'c'.repeat(40),
    summary: {
      broadened: count('broadened'),
      narrowed: count('narrowed'),
      denyChanged: count('deny-changed'),
      requests: 10,
      generatedRequests: 10,
      configuredRequests: 0,
      files: files.length,
      filesWithErrors: files.filter((f) => f.outcome === 'error').length,
      neutralFiles: files.filter((f) => f.outcome === 'neutral').length,
      omittedChanges: 0
    },
    files,
    changes,
    diagnostics: []
  }
}
