// `fail-on` with risk names (docs/RISKS.md "fail-on"): parsing, normalising, and the gate
// (shouldFail) over hand-built reports, unreviewed files failing closed.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/parse-config.js'
import { riskMatches, shouldFail } from '../../src/diff/classify.js'
import { parseFailOn, type FailOn } from '../../src/risk/fail-on.js'
import type { Risk } from '../../src/risk/vocabulary.js'
import { change, fileReport, report } from '../fakes/report.js'

describe('parseFailOn', () => {
  it.each([
    ['broadened', 'broadened'],
    [' any ', 'any'],
    ['never', 'never'],
    ['public', 'public'],
    ['public,privilege-escalation,cross-account', 'public,privilege-escalation,cross-account'],
    // normalised: spaces dropped, duplicates merged, severity order
    ['cross-account, public , public', 'public,cross-account'],
    ['write,broadened', 'broadened,write'],
    [
      'list,read,tagging,write,permissions-management,admin',
      'admin,permissions-management,write,tagging,read,list'
    ]
  ])('accepts %j as %j', (text, value) => {
    expect(parseFailOn(text)).toEqual({ ok: true, value })
  })

  it.each([
    ['pubic', 'unknown value `pubic` (did you mean `public`?)'],
    ['broaden', 'unknown value `broaden` (did you mean `broadened`?)'],
    ['public,sometimes', 'unknown value `sometimes`'],
    ['Public', 'unknown value `Public` (did you mean `public`?)'],
    ['public,,write', '`public,,write` has an empty entry'],
    ['', 'empty'],
    ['never,public', '`never,public` combines `never` with other values: use `never` alone']
  ])('refuses %j, quoting it', (text, start) => {
    const parsed = parseFailOn(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message.startsWith(start)).toBe(true)
  })

  it('lists the accepted values in the message', () => {
    const parsed = parseFailOn('x')
    expect(parsed.ok ? '' : parsed.message).toContain('`privilege-escalation`')
  })
})

const risky = (risks: readonly Risk[]): ReturnType<typeof change> => change('broadened', { risks })

describe('shouldFail', () => {
  const publicRead = report([risky(['public', 'cross-account', 'read'])])
  const plainWrite = report([risky(['write'])])
  const narrowed = report([change('narrowed')])
  const unreviewed = report([], [fileReport({ outcome: 'error' })])
  const nothing = report([])

  it.each<[string, ReturnType<typeof report>, FailOn, boolean]>([
    ['public change, fail-on public', publicRead, 'public', true],
    [
      'public change, fail-on cross-account (public is cross-account)',
      publicRead,
      'cross-account',
      true
    ],
    ['public change, fail-on privilege-escalation', publicRead, 'privilege-escalation', false],
    ['public change, fail-on a list with public', publicRead, 'privilege-escalation,public', true],
    ['write change, fail-on public', plainWrite, 'public', false],
    ['write change, fail-on write', plainWrite, 'write', true],
    ['write change, fail-on broadened', plainWrite, 'broadened', true],
    ['write change, fail-on never', plainWrite, 'never', false],
    ['narrowed only, fail-on broadened', narrowed, 'broadened', false],
    ['narrowed only, fail-on any', narrowed, 'any', true],
    ['narrowed only, fail-on read', narrowed, 'read', false],
    // fail closed: a file that could not be reviewed might hide any risk
    ['unreviewed file, fail-on public', unreviewed, 'public', true],
    ['unreviewed file, fail-on list', unreviewed, 'list', true],
    ['unreviewed file, fail-on broadened', unreviewed, 'broadened', true],
    ['unreviewed file, fail-on never', unreviewed, 'never', false],
    ['nothing changed, fail-on public', nothing, 'public', false]
  ])('%s: %s', (_name, r, failOn, fails) => {
    expect(shouldFail(r, failOn)).toBe(fails)
  })

  it('a report saved before `risks` existed fails only the access-based terms', () => {
    const old = report([{ ...change('broadened'), risks: undefined as unknown as Risk[] }])
    expect(shouldFail(old, 'public')).toBe(false)
    expect(shouldFail(old, 'broadened')).toBe(true)
  })

  it('counts the listed changes of each matched risk', () => {
    const r = report([risky(['public', 'read']), risky(['read']), risky(['write'])])
    expect([...riskMatches(r, 'read,public,list')]).toEqual([
      ['public', 1],
      ['read', 2]
    ])
  })
})

describe('the configuration file', () => {
  it.each([
    ['fail-on: public,privilege-escalation\n', 'public,privilege-escalation'],
    ['fail-on: [cross-account, public]\n', 'public,cross-account'],
    ['fail-on:\n  - write\n  - broadened\n', 'broadened,write'],
    ['{"fail-on": "any"}', 'any']
  ])('%j', (text, failOn) => {
    const { config, diagnostics } = parseConfig(text, 'c.yml')
    expect(diagnostics).toEqual([])
    expect(config.failOn).toBe(failOn)
  })
})
