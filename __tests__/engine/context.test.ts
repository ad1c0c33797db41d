// prepareContext (IAM-SEMANTICS §4.1 key case, §4.4 multivalued, §4.5 coercion, §6 derived keys).
import { describe, expect, it } from '@jest/globals'
import { prepareContext } from '../../src/engine/context.js'

describe('prepareContext', () => {
  it('looks keys up case-insensitively (§4.1)', () => {
    const context = prepareContext({ 'aws:PrincipalTag/Dept': 'eng' })
    const expected = { values: ['eng'], multi: false }
    expect(context.get('aws:principaltag/dept')).toEqual(expected)
    expect(context.get('AWS:PRINCIPALTAG/DEPT')).toEqual(expected)
    expect(context.get('aws:PrincipalTag/Dept')).toEqual(expected)
    expect(context.get('aws:PrincipalTag/Team')).toBeUndefined()
  })

  it('stringifies booleans and numbers (§4.5)', () => {
    const context = prepareContext({ a: true, b: 10, c: 1.5, d: false })
    expect(context.get('a')).toEqual({ values: ['true'], multi: false })
    expect(context.get('b')).toEqual({ values: ['10'], multi: false })
    expect(context.get('c')).toEqual({ values: ['1.5'], multi: false })
    expect(context.get('d')).toEqual({ values: ['false'], multi: false })
  })

  it('makes arrays multivalued, `[]` an empty set (§4.4, §6)', () => {
    const context = prepareContext({ k: ['a', 1, true], e: [], one: ['x'] })
    expect(context.get('k')).toEqual({ values: ['a', '1', 'true'], multi: true })
    expect(context.get('e')).toEqual({ values: [], multi: true })
    expect(context.get('one')).toEqual({ values: ['x'], multi: true })
  })

  it('uses derived keys only when the input lacks them (§6)', () => {
    const context = prepareContext(
      { 'aws:PrincipalArn': 'given' },
      { 'aws:principalarn': 'derived', 'aws:PrincipalAccount': '111122223333' }
    )
    expect(context.get('aws:PrincipalArn')?.values).toEqual(['given'])
    expect(context.get('aws:principalaccount')?.values).toEqual(['111122223333'])
  })

  it('keeps the first of keys that differ only in case', () => {
    const context = prepareContext({ 'aws:SourceIp': '1.1.1.1', 'aws:sourceip': '2.2.2.2' })
    expect(context.get('aws:SOURCEIP')?.values).toEqual(['1.1.1.1'])
  })

  it('is empty without input and does not inherit object prototype keys', () => {
    expect(prepareContext(undefined).get('k')).toBeUndefined()
    expect(prepareContext({}).get('constructor')).toBeUndefined()
    expect(prepareContext({}).get('__proto__')).toBeUndefined()
  })
})
