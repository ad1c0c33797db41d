import { describe, expect, it } from '@jest/globals'
import { classifyChange, shouldFail, unreviewedCount } from '../../src/diff/classify.js'
import type { DecisionEffect } from '../../src/engine/types.js'
import type { FailOn } from '../../src/config/types.js'
import { change, fileReport, report } from '../render/report-fixtures.js'
import { diagnostic } from '../../src/diagnostics/diagnostic.js'

describe('classifyChange', () => {
  // issue 3: broadened = became Allow, narrowed = was Allow, deny-changed = ExplicitDeny ↔ ImplicitDeny
  const cases: [DecisionEffect, DecisionEffect, string | undefined][] = [
    ['ImplicitDeny', 'Allow', 'broadened'],
    ['ExplicitDeny', 'Allow', 'broadened'],
    ['Allow', 'ImplicitDeny', 'narrowed'],
    ['Allow', 'ExplicitDeny', 'narrowed'],
    ['ImplicitDeny', 'ExplicitDeny', 'deny-changed'],
    ['ExplicitDeny', 'ImplicitDeny', 'deny-changed'],
    ['Allow', 'Allow', undefined],
    ['ImplicitDeny', 'ImplicitDeny', undefined],
    ['ExplicitDeny', 'ExplicitDeny', undefined]
  ]
  it.each(cases)('%s → %s is %s', (before, after, kind) => {
    expect(classifyChange(before, after)).toBe(kind)
  })
})

describe('shouldFail', () => {
  const broadened = report(
    [fileReport({ file: 'a.json' })],
    [change({ kind: 'broadened', file: 'a.json', action: 's3:GetObject' })]
  )
  const narrowed = report(
    [fileReport({ file: 'a.json' })],
    [change({ kind: 'narrowed', file: 'a.json', action: 's3:GetObject' })]
  )
  const denyOnly = report(
    [fileReport({ file: 'a.json' })],
    [
      change({
        kind: 'deny-changed',
        file: 'a.json',
        action: 's3:GetObject',
        before: 'ImplicitDeny',
        after: 'ExplicitDeny'
      })
    ]
  )
  const nothing = report([fileReport({ file: 'a.json' })], [])
  const invalid = report([fileReport({ file: 'a.json', outcome: 'error' })], [])
  const gitFailed = report([], [], [diagnostic('git-failed', { message: 'unknown git ref `x`' })])
  const cases: [string, ReturnType<typeof report>, FailOn, boolean][] = [
    ['broadened', broadened, 'broadened', true],
    ['broadened', broadened, 'any', true],
    ['broadened', broadened, 'never', false],
    ['narrowed', narrowed, 'broadened', false],
    ['narrowed', narrowed, 'any', true],
    ['deny changed', denyOnly, 'broadened', false],
    ['deny changed', denyOnly, 'any', true],
    ['nothing', nothing, 'any', false],
    ['an unreviewed file', invalid, 'broadened', true],
    ['an unreviewed file', invalid, 'never', false],
    ['a failed review', gitFailed, 'broadened', true],
    ['a failed review', gitFailed, 'any', true]
  ]
  it.each(cases)('%s with fail-on %s → %s', (_name, r, failOn, expected) => {
    expect(shouldFail(r, failOn)).toBe(expected)
  })

  it('counts unreviewed files and a failed review', () => {
    expect(unreviewedCount(invalid)).toBe(1)
    expect(unreviewedCount(gitFailed)).toBe(1)
    expect(unreviewedCount(broadened)).toBe(0)
  })
})
