// parseConfig errors: every problem is a config-invalid error with its JSON Pointer, 1-based
// line/column, the expected type and the bad value, and a "did you mean" where one fits.
import { describe, expect, it } from '@jest/globals'
import { parseConfig } from '../../src/config/parse-config.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'

interface Row {
  readonly name: string
  readonly text: string
  readonly pointer: string
  readonly line: number
  readonly column: number
  readonly message: string
}

const rows: Row[] = [
  {
    name: 'unknown top-level key with a suggestion',
    text: 'polices:\n  include: a\n',
    pointer: '/polices',
    line: 1,
    column: 1,
    message: 'unknown key `polices`: did you mean `policies`'
  },
  {
    name: 'unknown nested key',
    text: 'policies:\n  includes: [a]\n',
    pointer: '/policies/includes',
    line: 2,
    column: 3,
    message: 'unknown key `includes` in `policies`: did you mean `include`'
  },
  {
    name: 'boolean written as yes',
    text: 'auto: yes\n',
    pointer: '/auto',
    line: 1,
    column: 7,
    message: '`auto` must be a boolean (`true` or `false`), not the text `yes`'
  },
  {
    name: 'fail-on outside its values',
    text: 'fail-on: broaden\n',
    pointer: '/fail-on',
    line: 1,
    column: 10,
    message:
      '`fail-on`: unknown value `broaden` (did you mean `broadened`?): use `never`, `any`, `broadened` or risk names (`public`, `admin`, `privilege-escalation`, `cross-account`, `permissions-management`, `write`, `tagging`, `read`, `list`), comma-separated'
  },
  {
    name: 'fail-on with an unknown risk in a list',
    text: 'fail-on: [public, sometimes]\n',
    pointer: '/fail-on',
    line: 1,
    column: 10,
    message:
      '`fail-on`: unknown value `sometimes`: use `never`, `any`, `broadened` or risk names (`public`, `admin`, `privilege-escalation`, `cross-account`, `permissions-management`, `write`, `tagging`, `read`, `list`), comma-separated'
  },
  {
    name: 'max-requests not a positive whole number',
    text: 'max-requests: 2.5\n',
    pointer: '/max-requests',
    line: 1,
    column: 15,
    message: '`max-requests` must be a positive whole number, not the number `2.5`'
  },
  {
    name: 'policies.include a number',
    text: 'policies:\n  include: 7\n',
    pointer: '/policies/include',
    line: 2,
    column: 12,
    message: '`policies.include` must be a text or a list of texts, not the number `7`'
  },
  {
    name: 'a list item of the wrong type',
    text: 'policies:\n  exclude: [a, {b: c}]\n',
    pointer: '/policies/exclude/1',
    line: 2,
    column: 16,
    message: '`policies.exclude[1]` must be text, not a mapping'
  },
  {
    name: 'unknown policy kind',
    text: 'policies:\n  kinds:\n    "b/*.json": boundry\n',
    pointer: '/policies/kinds/b~1*.json',
    line: 3,
    column: 17,
    message:
      '`policies.kinds.b/*.json` must be one of `identity`, `resource`, `boundary`, `session`, `scp`, `rcp`, not `boundry`: did you mean `boundary`'
  },
  {
    name: 'kinds as a list',
    text: 'policies:\n  kinds: [a]\n',
    pointer: '/policies/kinds',
    line: 2,
    column: 10,
    message: '`policies.kinds` must be a mapping of file globs to policy kinds'
  },
  {
    name: 'a subject without files',
    text: 'subjects:\n  app:\n    principal: "arn:aws:iam::111122223333:role/app"\n',
    pointer: '/subjects/app',
    line: 3,
    column: 5,
    message: 'subject `app` names no policy files'
  },
  {
    name: 'unknown subject key',
    text: 'subjects:\n  app:\n    identiy: a.json\n',
    pointer: '/subjects/app/identiy',
    line: 3,
    column: 5,
    message: 'unknown key `identiy` in `subjects.app`: did you mean `identity`'
  },
  {
    name: 'requests not a list',
    text: 'requests:\n  actions: [s3:GetObject]\n',
    pointer: '/requests',
    line: 2,
    column: 3,
    message: '`requests` must be a list of request matrices'
  },
  {
    name: 'a request without actions',
    text: 'requests:\n  - resources: ["*"]\n',
    pointer: '/requests/0',
    line: 2,
    column: 5,
    message: '`requests[0]` needs `actions`'
  },
  {
    name: 'a context variant that is not a mapping',
    text: 'requests:\n  - actions: [s3:GetObject]\n    context: [x]\n',
    pointer: '/requests/0/context/0',
    line: 3,
    column: 15,
    message:
      '`requests[0].context[0]` must be a mapping of condition keys to values, not the text `x`'
  },
  {
    name: 'a context value that is a mapping',
    text: 'requests:\n  - actions: [s3:GetObject]\n    context: [{k: {a: b}}]\n',
    pointer: '/requests/0/context/0/k',
    line: 3,
    column: 19,
    message:
      '`requests[0].context[0].k` must be a text, number, boolean or a list of them, not a mapping'
  },
  {
    name: 'an unquoted account id (the leading zero is lost)',
    text: 'requests:\n  - actions: [s3:GetObject]\n    resource-account: 012345678901\n',
    pointer: '/requests/0/resource-account',
    line: 3,
    column: 23,
    message: '`requests[0].resource-account` must be text (quote it), not the number `12345678901`'
  },
  {
    name: 'an account id of the wrong length',
    text: 'requests:\n  - actions: [s3:GetObject]\n    resource-account: "1234"\n',
    pointer: '/requests/0/resource-account',
    line: 3,
    column: 23,
    message: '`requests[0].resource-account` must be a 12-digit account id, not `1234`'
  },
  {
    name: 'a root that is a list',
    text: '- a\n- b\n',
    pointer: '',
    line: 1,
    column: 1,
    message: 'the configuration must be a mapping of settings (e.g. `policies:`, `requests:`)'
  },
  {
    name: 'duplicate keys (JSON)',
    text: '{"auto": true, "auto": false}',
    pointer: '',
    line: 1,
    column: 16,
    message: 'yaml syntax: map keys must be unique'
  }
]

describe('parseConfig errors', () => {
  it.each(rows)('$name', (row) => {
    const { config, diagnostics } = parseConfig(row.text, 'cfg.yml')
    expect(diagnostics).toHaveLength(1)
    const [d] = diagnostics
    expect(d).toMatchObject({
      code: 'config-invalid',
      severity: 'error',
      file: 'cfg.yml',
      pointer: row.pointer,
      message: row.message,
      span: { line: row.line, column: row.column }
    })
    // the rest falls back to the defaults
    expect(config.failOn).toBe(DEFAULT_CONFIG.failOn)
  })

  it('reports a YAML syntax error at its position', () => {
    const { diagnostics } = parseConfig('requests: [a, b\n', 'cfg.yml')
    expect(diagnostics[0]).toMatchObject({ code: 'config-invalid', pointer: '' })
    expect(diagnostics[0]?.message).toMatch(/^yaml syntax: /)
    expect(diagnostics[0]?.span?.line).toBeGreaterThanOrEqual(1)
  })

  it('reports several problems in file order and keeps the valid settings', () => {
    const text = 'fail-on: any\nauto: 1\npolices: x\nmax-requests: 10\n'
    const { config, diagnostics } = parseConfig(text, 'cfg.yml')
    expect(diagnostics.map((d) => d.span?.line)).toEqual([2, 3])
    expect(config).toMatchObject({ failOn: 'any', auto: true, maxRequestsPerSubject: 10 })
  })

  it('lists the known keys in the help of an unknown key', () => {
    const { diagnostics } = parseConfig('zzz: 1\n', 'cfg.yml')
    expect(diagnostics[0]?.message).toBe('unknown key `zzz`')
    expect(diagnostics[0]?.help).toContain('`policies`')
  })
})
