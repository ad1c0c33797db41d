// Action / NotAction patterns → probe actions (IAM-SEMANTICS §3.1): case-insensitive globs,
// `?`, service-prefix boundaries, NotAction and `*` over the whole catalogue, unknown actions
// with a "did you mean".
import { describe, expect, it } from '@jest/globals'
import { expandActions, expandPattern, suggestAction } from '../../src/matrix/expand-actions.js'
import { collectStatements } from '../../src/matrix/statements.js'
import { allow, catalog, doc, setOf } from './helpers.js'

const names = (pattern: string): string[] => expandPattern(catalog, pattern).map((a) => a.name)

describe('expandPattern (§3.1)', () => {
  it.each([
    ['exact, canonical case', 's3:GetObject', ['s3:GetObject']],
    ['exact, other case', 'S3:gEtObJeCt', ['s3:GetObject']],
    ['`?` is one character', 'sts:GetCallerIdentit?', ['sts:GetCallerIdentity']],
    ['unknown exact action', 's3:GetObjects', []]
  ])('%s: %s', (_name, pattern, expected) => {
    expect(names(pattern)).toEqual(expected)
  })

  it('expands a prefix wildcard within its service only (`s3:*` is not `s3-object-lambda:*`)', () => {
    const s3 = names('s3:*')
    expect(s3.length).toBe(catalog.actionsOf('s3').length)
    expect(s3.every((a) => a.startsWith('s3:'))).toBe(true)
    expect(names('s3:Get*').every((a) => /^s3:Get/.test(a))).toBe(true)
    expect(names('s3:get*')).toEqual(names('s3:Get*'))
  })

  it('expands a wildcard in the service part across services', () => {
    const found = names('s3*:GetObject')
    expect(found).toContain('s3:GetObject')
    expect(found).toContain('s3-object-lambda:GetObject')
  })

  it('expands `*` to the whole catalogue', () => {
    const total = catalog.services.reduce((n, s) => n + catalog.actionsOf(s).length, 0)
    expect(names('*')).toHaveLength(total)
  })
})

describe('expandActions', () => {
  const expand = (...docs: object[]) =>
    expandActions(catalog, collectStatements(setOf(docs[0]), setOf(docs[1])))

  it('merges both sides, sorted, one entry per action whatever its case', () => {
    const result = expand(
      doc(allow(['s3:getobject', 'sts:GetCallerIdentity'])),
      doc(allow('S3:GETOBJECT'))
    )
    expect(result.actions.map((a) => a.name)).toEqual(['s3:GetObject', 'sts:GetCallerIdentity'])
    expect(result.actions[0]?.statements).toHaveLength(2)
    expect(result.unknownActions).toEqual([])
  })

  it('keeps actions outside the catalogue, with a suggestion', () => {
    const result = expand(doc(allow(['s3:GetObjects', 'foo:Bar', 's3:getobjects'])))
    expect(result.actions.map((a) => a.name)).toEqual(['foo:Bar', 's3:GetObjects'])
    expect(result.unknownActions).toEqual([
      { action: 'foo:Bar', suggestion: undefined },
      { action: 's3:GetObjects', suggestion: 's3:GetObject' }
    ])
  })

  it('suggests the nearest service when the service is unknown', () => {
    expect(suggestAction(catalog, 'ss3:GetObject')).toBe('s3:GetObject')
    expect(suggestAction(catalog, 'stss:GetCallerIdentity')).toBe('sts:GetCallerIdentity')
  })

  it('probes a wildcard pattern that matches nothing as written', () => {
    const result = expand(doc(allow('deeplens:*')))
    expect(result.actions.map((a) => a.name)).toEqual(['deeplens:*'])
    expect(result.unknownActions.map((u) => u.action)).toEqual(['deeplens:*'])
  })

  it('links NotAction statements to every action they do not name', () => {
    const result = expand(doc({ Effect: 'Allow', NotAction: ['iam:*', 'foo:Bar'], Resource: '*' }))
    const byName = new Map(result.actions.map((a) => [a.name, a]))
    expect(byName.get('s3:GetObject')?.statements).toHaveLength(1)
    expect(byName.get('iam:PassRole')?.statements).toHaveLength(0)
    expect(byName.get('foo:Bar')?.statements).toHaveLength(0)
  })

  it('links statements to an unknown action by matching it directly', () => {
    const result = expand(doc(allow('*')), doc(allow('foo:Bar')))
    const foo = result.actions.find((a) => a.name === 'foo:Bar')
    expect(foo?.statements).toHaveLength(2)
  })
})

describe('`Action: "*"`', () => {
  it('reaches every catalogue action and still reports names outside the catalogue', () => {
    const statements = collectStatements(setOf(doc(allow(['*', 'foo:Bar']))), undefined)
    const result = expandActions(catalog, statements)
    const total = catalog.services.reduce((n, s) => n + catalog.actionsOf(s).length, 0)
    expect(result.actions).toHaveLength(total + 1)
    expect(result.unknownActions.map((u) => u.action)).toEqual(['foo:Bar'])
    expect(result.actions.every((a) => a.statements.length === 1)).toBe(true)
  })
})
