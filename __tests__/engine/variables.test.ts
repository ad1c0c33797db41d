// Policy variables: parseTemplate / resolveTemplate (IAM-SEMANTICS §4.6, §2 Version).
import { describe, expect, it } from '@jest/globals'
import { prepareContext } from '../../src/engine/context.js'
import {
  parseTemplate,
  resolveTemplate,
  resolveTemplateText,
  unresolvedVariables
} from '../../src/engine/variables.js'

const ON = { variables: true, wildcards: true }
const ctx = prepareContext({
  'aws:username': 'alice',
  'aws:PrincipalTag/Team': 'red*',
  'aws:TagKeys': ['a'],
  'aws:Empty': []
})

describe('parseTemplate', () => {
  it('splits `${key}` from text and wildcards (§4.6)', () => {
    expect(parseTemplate('home/${aws:username}/*', ON)).toEqual({
      parts: [
        { kind: 'text', text: 'home/' },
        { kind: 'variable', key: 'aws:username', defaultValue: undefined },
        { kind: 'text', text: '/' },
        { kind: 'star' }
      ],
      hasVariables: true,
      source: 'home/${aws:username}/*'
    })
  })

  it.each([
    ["${aws:username, 'x'}", 'x'],
    ["${aws:username,'x'}", 'x'],
    ["${aws:username ,  'a b'  }", 'a b'],
    ["${aws:username, ''}", ''],
    ["${aws:username, 'a}b*'}", 'a}b*']
  ])('reads the default of %s (§4.6)', (text, defaultValue) => {
    expect(parseTemplate(text, ON).parts).toEqual([
      { kind: 'variable', key: 'aws:username', defaultValue }
    ])
  })

  it('lowercases keys: lookup is case-insensitive (§4.1, §4.6)', () => {
    expect(parseTemplate('${AWS:PrincipalTag/Team}', ON).parts).toEqual([
      { kind: 'variable', key: 'aws:principaltag/team', defaultValue: undefined }
    ])
  })

  it('turns ${*} ${?} ${$} into literal text, never wildcards (§4.6)', () => {
    expect(parseTemplate('a${*}b${?}c${$}*', ON)).toEqual({
      parts: [{ kind: 'text', text: 'a*b?c$' }, { kind: 'star' }],
      hasVariables: false,
      source: 'a${*}b${?}c${$}*'
    })
  })

  it.each(['${aws:username', '${}', '${ }', '${k, x}', "${k, 'x}", "${k, 'x' y}"])(
    'keeps malformed %s as literal text',
    (text) => {
      const template = parseTemplate(text, { variables: true, wildcards: false })
      expect(template).toEqual({
        parts: [{ kind: 'text', text }],
        hasVariables: false,
        source: text
      })
    }
  )

  it('still finds a variable after a malformed opening', () => {
    expect(parseTemplate('${a${b}', { variables: true, wildcards: false }).parts).toEqual([
      { kind: 'text', text: '${a' },
      { kind: 'variable', key: 'b', defaultValue: undefined }
    ])
  })

  it('with variables off (Version absent or 2008-10-17) `${...}` is plain text (§2, §4.6)', () => {
    expect(parseTemplate('${aws:username}*', { variables: false, wildcards: true }).parts).toEqual([
      { kind: 'text', text: '${aws:username}' },
      { kind: 'star' }
    ])
    expect(parseTemplate('${*}', { variables: false, wildcards: true }).parts).toEqual([
      { kind: 'text', text: '${' },
      { kind: 'star' },
      { kind: 'text', text: '}' }
    ])
  })

  it('with wildcards off `*` and `?` are text (StringEquals, §4.2)', () => {
    expect(
      parseTemplate('a*?${aws:username}', { variables: true, wildcards: false }).parts
    ).toEqual([
      { kind: 'text', text: 'a*?' },
      { kind: 'variable', key: 'aws:username', defaultValue: undefined }
    ])
  })
})

describe('resolveTemplate', () => {
  it('substitutes single values as literal text (§4.6)', () => {
    expect(resolveTemplate(parseTemplate('${aws:principaltag/team}/*', ON), ctx)).toEqual([
      { kind: 'text', text: 'red*' },
      { kind: 'text', text: '/' },
      { kind: 'star' }
    ])
  })

  it('returns the parts themselves when there is nothing to substitute', () => {
    const template = parseTemplate('a*', ON)
    expect(resolveTemplate(template, ctx)).toBe(template.parts)
  })

  it.each([
    ['${aws:missing}', undefined],
    ['${aws:TagKeys}', undefined],
    ['${aws:Empty}', undefined],
    ["${aws:missing, 'd'}", 'd'],
    ["${aws:TagKeys, 'd'}", 'd'],
    ["${aws:Empty, 'd'}", 'd'],
    ["${aws:username, 'd'}", 'alice'],
    ['x${aws:USERNAME}y', 'xalicey']
  ])('%s → %s (§4.6: absent or multivalued without default is unresolvable)', (text, expected) => {
    const template = parseTemplate(text, { variables: true, wildcards: false })
    expect(resolveTemplateText(template, ctx)).toBe(expected)
    const parts = resolveTemplate(template, ctx)
    expect(parts?.map((p) => (p.kind === 'text' ? p.text : '')).join('')).toBe(expected)
  })

  it('lists the variables that had no value', () => {
    const template = parseTemplate('${aws:missing}/${aws:username}/${aws:TagKeys}', ON)
    expect(unresolvedVariables(template, ctx)).toEqual(['aws:missing', 'aws:tagkeys'])
  })

  it('renders wildcard parts back as characters in text form', () => {
    expect(resolveTemplateText(parseTemplate('a*?${aws:username}', ON), ctx)).toBe('a*?alice')
  })
})
