// prepareContext (IAM-SEMANTICS §4.1 key case, §4.4 multivalued, §4.5 coercion, §6 derived keys).
import { describe, expect, it } from '@jest/globals'
import { derivedValues, givenContext, prepareContext } from '../../src/engine/context.js'

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

describe('givenContext (the case reader’s context: checked while prepared)', () => {
  it('looks up what prepareContext looks up, values prepared on first look-up', () => {
    const input = JSON.parse(
      '{"aws:PrincipalTag/Dept":"eng","n":3,"k":["a",1,true],"__proto__":"p","hasOwnProperty":"h","1":"one"}'
    ) as Record<string, unknown>
    const given = givenContext(input)
    const reference = prepareContext(input as never)
    expect(given?.size).toBe(6)
    for (const key of ['aws:principaltag/dept', 'N', 'k', '__PROTO__', 'hasownproperty', '1']) {
      expect(given?.get(key)).toEqual(reference.get(key))
      expect(given?.get(key)).toBeDefined()
    }
    expect(given?.get('constructor')).toBeUndefined()
    expect(given?.get('toString')).toBeUndefined()
  })

  it('refuses what a case reader reports: keys equal ignoring case, nested values, non-objects', () => {
    expect(givenContext({ a: 'x', A: 'y' })).toBeUndefined()
    expect(givenContext({ a: { b: 1 } })).toBeUndefined()
    expect(givenContext({ a: [['x']] })).toBeUndefined()
    expect(givenContext({ a: null })).toBeUndefined()
    expect(givenContext([])).toBeUndefined()
    expect(givenContext(null)).toBeUndefined()
  })

  it('indexes many keys in a map and still finds each, with derived values after', () => {
    const input = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`Key${i}`, `v${i}`]))
    const given = givenContext(input)?.complete(
      derivedValues({ 'aws:username': 'alice', key3: 'derived' })
    )
    for (let i = 0; i < 40; i++) {
      expect(given?.get(`key${i}`)).toEqual({ values: [`v${i}`], multi: false })
    }
    expect(given?.get('aws:username')).toEqual({ values: ['alice'], multi: false })
    expect(givenContext({ ...input, KEY39: 'x' })).toBeUndefined()
  })
})
