// parseConfig (docs/CONFIGURATION.md; PRODUCT.md §2): valid YAML and JSON, defaults, and every
// error located by pointer and line/column with code config-invalid.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/parse-config.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'

const PRODUCT_EXAMPLE = `policies:
  include: ["iam/**/*.json", "policies/**/*.json"]
  exclude: ["**/fixtures/**"]
  kinds:                                  # default: guessed from content
    "iam/boundaries/*.json": boundary
    "org/scp/*.json": scp
subjects:                                 # files that apply together
  deploy-role:
    identity: ["iam/roles/deploy/*.json"]
    boundary: "iam/boundaries/developer.json"
requests:                                 # hand-written matrix, expanded as a product
  - actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources: ["arn:aws:s3:::prod-data/reports/q1.csv"]
    principals: ["arn:aws:iam::111122223333:role/deploy"]
    context:
      - {}                                  # no extra keys
      - { "aws:SourceIp": "203.0.113.10" }
      - { "aws:MultiFactorAuthPresent": "true" }
auto: true                                # also derive requests from the policies themselves
fail-on: broadened
`

describe('parseConfig: valid files', () => {
  it('reads the PRODUCT.md §2 example', () => {
    const { config, diagnostics } = parseConfig(PRODUCT_EXAMPLE, '.github/iam-policy-diff.yml')
    expect(diagnostics).toEqual([])
    expect(config).toEqual({
      include: ['iam/**/*.json', 'policies/**/*.json'],
      exclude: ['**/fixtures/**'],
      kinds: [
        { glob: 'iam/boundaries/*.json', kind: 'boundary' },
        { glob: 'org/scp/*.json', kind: 'scp' }
      ],
      subjects: [
        {
          name: 'deploy-role',
          identity: ['iam/roles/deploy/*.json'],
          boundary: ['iam/boundaries/developer.json'],
          resource: [],
          session: [],
          scp: [],
          rcp: [],
          principal: undefined
        }
      ],
      requests: [
        {
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
          resources: ['arn:aws:s3:::prod-data/reports/q1.csv'],
          principals: ['arn:aws:iam::111122223333:role/deploy'],
          contexts: [
            {},
            { 'aws:SourceIp': '203.0.113.10' },
            { 'aws:MultiFactorAuthPresent': 'true' }
          ],
          resourceAccount: undefined
        }
      ],
      auto: true,
      failOn: 'broadened',
      maxRequestsPerSubject: DEFAULT_CONFIG.maxRequestsPerSubject,
      notReviewedWarn: []
    })
  })

  it('reads the same settings written as JSON', () => {
    const json = JSON.stringify({
      requests: [
        { actions: 's3:GetObject', context: { 'aws:TagKeys': ['a', 'b'], n: 3, b: false } }
      ],
      'fail-on': 'any',
      'max-requests': 5000,
      auto: false
    })
    const { config, diagnostics } = parseConfig(json, 'config.json')
    expect(diagnostics).toEqual([])
    expect(config.requests).toEqual([
      {
        actions: ['s3:GetObject'],
        resources: [],
        principals: [],
        contexts: [{ 'aws:TagKeys': ['a', 'b'], n: 3, b: false }],
        resourceAccount: undefined
      }
    ])
    expect(config).toMatchObject({ failOn: 'any', maxRequestsPerSubject: 5000, auto: false })
  })

  it('reads `not-reviewed.warn` (a glob or a list) and refuses unknown keys in it', () => {
    expect(
      parseConfig('not-reviewed:\n  warn: terraform/**\n', 'c.yml').config.notReviewedWarn
    ).toEqual(['terraform/**'])
    const bad = parseConfig('not-reviewed:\n  wran: [x]\n', 'c.yml')
    expect(bad.diagnostics[0]?.message).toContain('unknown key `wran` in `not-reviewed`')
  })

  it.each([
    ['an empty file', ''],
    ['only a comment', '# nothing configured yet\n'],
    ['an empty mapping', '{}']
  ])('gives the defaults for %s', (_name, text) => {
    expect(parseConfig(text, 'c.yml')).toEqual({ config: DEFAULT_CONFIG, diagnostics: [] })
  })

  it('reads SCP levels root first, a text being one level', () => {
    const text = `subjects:
  member:
    identity: a.json
    scp: [org/root.json, [org/ou-1.json, org/ou-2.json]]
    rcp: org/rcp.json
    principal: "arn:aws:iam::111122223333:role/app"
`
    const { config, diagnostics } = parseConfig(text, 'c.yml')
    expect(diagnostics).toEqual([])
    expect(config.subjects[0]).toMatchObject({
      scp: [['org/root.json'], ['org/ou-1.json', 'org/ou-2.json']],
      rcp: [['org/rcp.json']],
      principal: 'arn:aws:iam::111122223333:role/app'
    })
  })

  it('keeps a context key named __proto__ as a plain key', () => {
    const text = 'requests:\n  - actions: s3:GetObject\n    context: [{ "__proto__": "x" }]\n'
    const { config } = parseConfig(text, 'c.yml')
    const context = config.requests[0]?.contexts[0] ?? {}
    expect(Object.keys(context)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype)
  })

  it('reads a quoted 12-digit resource account', () => {
    const text = 'requests:\n  - actions: [s3:GetObject]\n    resource-account: "012345678901"\n'
    expect(parseConfig(text, 'c.yml').config.requests[0]?.resourceAccount).toBe('012345678901')
  })
})
