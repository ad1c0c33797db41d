import { describe, expect, it } from '@jest/globals'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import {
  createFileFilter,
  decideKind,
  detectPolicy,
  MAX_POLICY_BYTES
} from '../../src/sources/detect.js'

describe('detectPolicy', () => {
  const cases: [string, string, ReturnType<typeof detectPolicy>][] = [
    [
      'identity policy',
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}',
      { kind: 'policy', principals: false }
    ],
    [
      'single statement object',
      '{"Statement":{"Effect":"Allow"}}',
      { kind: 'policy', principals: false }
    ],
    ['resource policy', '{"Statement":[{"Principal":"*"}]}', { kind: 'policy', principals: true }],
    [
      'NotPrincipal',
      '{"Statement":{"NotPrincipal":{"AWS":"x"}}}',
      { kind: 'policy', principals: true }
    ],
    ['empty Statement still counts', '{"Statement":[]}', { kind: 'policy', principals: false }],
    ['package.json', '{"name":"x","version":"1.0.0"}', { kind: 'other' }],
    ['array top level', '[{"Statement":[]}]', { kind: 'other' }],
    ['Statement nested, not top level', '{"Policy":{"Statement":[]}}', { kind: 'other' }],
    ['not JSON, no Statement', 'name: x', { kind: 'other' }],
    [
      'broken JSON that mentions Statement',
      '{"Statement": [ {"Effect": "Allow",, } ]',
      { kind: 'broken' }
    ],
    [
      '__proto__ key is an own key, not a prototype',
      '{"__proto__":{"Statement":1}}',
      { kind: 'other' }
    ]
  ]
  it.each(cases)('%s', (_name, text, expected) => {
    expect(detectPolicy(text)).toEqual(expected)
  })

  it('refuses oversized policies but ignores oversized other JSON', () => {
    const pad = ' '.repeat(MAX_POLICY_BYTES)
    expect(detectPolicy(`{"Statement":[]}${pad}`)).toEqual({
      kind: 'too-large',
      bytes: MAX_POLICY_BYTES + 16
    })
    expect(detectPolicy(`{"lockfileVersion":3}${pad}`)).toEqual({ kind: 'other' })
  })
})

describe('createFileFilter', () => {
  it('selects .json files of any case and nothing else by default', () => {
    const filter = createFileFilter(DEFAULT_CONFIG, { anyName: false })
    expect(['a.json', 'x/B.JSON', '.github/p.json'].map(filter.selects)).toEqual([true, true, true])
    expect(['a.yaml', 'json', 'a.json.bak'].map(filter.selects)).toEqual([false, false, false])
    expect(createFileFilter(DEFAULT_CONFIG, { anyName: true }).selects('policy.txt')).toBe(true)
  })

  it('applies include and exclude globs; a glob without a slash matches the name anywhere', () => {
    const config = {
      ...DEFAULT_CONFIG,
      include: ['iam/**/*.json', 'policy-*.json'],
      exclude: ['**/fixtures/**']
    }
    const filter = createFileFilter(config, { anyName: false })
    expect(filter.selects('iam/roles/a.json')).toBe(true)
    expect(filter.selects('deep/dir/policy-x.json')).toBe(true)
    expect(filter.selects('other/a.json')).toBe(false)
    expect(filter.selects('iam/fixtures/a.json')).toBe(false)
  })

  it('takes the kind of the first matching glob', () => {
    const config = {
      ...DEFAULT_CONFIG,
      kinds: [
        { glob: 'org/scp/root.json', kind: 'scp' as const },
        { glob: 'org/**', kind: 'rcp' as const }
      ]
    }
    const filter = createFileFilter(config, { anyName: false })
    expect(filter.configuredKind('org/scp/root.json')).toBe('scp')
    expect(filter.configuredKind('org/x.json')).toBe('rcp')
    expect(filter.configuredKind('iam/x.json')).toBeUndefined()
  })
})

describe('decideKind', () => {
  it('prefers the configuration, then a Principal on either side', () => {
    const identity = { kind: 'policy', principals: false } as const
    const resource = { kind: 'policy', principals: true } as const
    expect(decideKind('boundary', [resource])).toBe('boundary')
    expect(decideKind(undefined, [identity, resource])).toBe('resource')
    expect(decideKind(undefined, [identity, { kind: 'broken' }])).toBe('identity')
  })
})
