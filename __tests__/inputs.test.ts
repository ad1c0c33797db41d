import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readInputs, type ActionConfig } from '../src/inputs.js'

interface ActionYml {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
}
const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as ActionYml

/** What the runner does: every input has its action.yml default unless the workflow sets it. */
function runner(overrides: Record<string, string> = {}): {
  read: (name: string) => string
  names: string[]
} {
  const names: string[] = []
  const values: Record<string, string> = {}
  for (const [name, input] of Object.entries(action.inputs)) {
    values[name] = (input.default ?? '').replace('${{ github.token }}', 'ghs_test')
  }
  Object.assign(values, overrides)
  return {
    names,
    read: (name) => {
      names.push(name)
      if (!(name in action.inputs)) throw new Error(`input \`${name}\` is not in action.yml`)
      return values[name] ?? ''
    }
  }
}

describe('readInputs', () => {
  it('reads every input declared in action.yml, and only those', () => {
    const { read, names } = runner()
    readInputs(read)
    expect([...new Set(names)].sort()).toEqual(Object.keys(action.inputs).sort())
  })

  it('the action.yml defaults give the documented configuration', () => {
    const expected: ActionConfig = {
      token: 'ghs_test',
      failOn: 'broadened',
      comment: 'on-change',
      config: '.github/iam-policy-diff.yml',
      base: undefined,
      head: undefined,
      pullNumber: undefined,
      approveLabel: undefined,
      approvers: [],
      approveMinPermission: 'write',
      mode: 'review',
      reportPath: undefined,
      workingDirectory: '.',
      dirs: undefined,
      commentKey: undefined,
      terraformPlan: undefined
    }
    expect(readInputs(runner().read)).toEqual(expected)
  })

  it('reads base-dir and head-dir together, and refuses one without the other', () => {
    const both = runner({ 'base-dir': 'synth/base', 'head-dir': 'synth/head' })
    expect(readInputs(both.read).dirs).toEqual({ base: 'synth/base', head: 'synth/head' })
    expect(() => readInputs(runner({ 'head-dir': 'synth/head' }).read)).toThrow(
      'input `base-dir` is empty: `base-dir` and `head-dir` go together'
    )
  })

  it('reads terraform-plan (relative to the working directory), not with base-dir/head-dir', () => {
    expect(readInputs(runner().read).terraformPlan).toBeUndefined()
    expect(readInputs(runner({ 'terraform-plan': ' plan.json ' }).read).terraformPlan).toBe(
      'plan.json'
    )
    const both = { 'terraform-plan': 'plan.json', 'base-dir': 'a', 'head-dir': 'b' }
    expect(() => readInputs(runner(both).read)).toThrow(
      'input `terraform-plan` cannot be combined with `base-dir`/`head-dir`'
    )
  })

  it('returns a frozen object', () => {
    expect(Object.isFrozen(readInputs(runner().read))).toBe(true)
  })

  it.each<[Record<string, string>, Partial<ActionConfig>]>([
    [{ 'fail-on': 'any' }, { failOn: 'any' }],
    [{ 'fail-on': ' never ' }, { failOn: 'never' }],
    [
      { 'fail-on': 'cross-account, public,privilege-escalation' },
      { failOn: 'public,privilege-escalation,cross-account' }
    ],
    [{ comment: 'always' }, { comment: 'always' }],
    [{ comment: 'never' }, { comment: 'never' }],
    [{ config: 'iam/review.json' }, { config: 'iam/review.json' }],
    [{ config: '' }, { config: undefined }],
    [
      { base: 'main', head: 'feature/x' },
      { base: 'main', head: 'feature/x' }
    ],
    [{ 'pull-number': '42' }, { pullNumber: 42 }],
    [{ 'pull-number': '#42' }, { pullNumber: 42 }],
    [{ 'approve-label': 'iam-approved' }, { approveLabel: 'iam-approved' }],
    [
      { approvers: 'alice, @bob\n@octo-org/iam-reviewers,\nrelease-bot[bot]\n' },
      {
        approvers: [
          { kind: 'user', login: 'alice' },
          { kind: 'user', login: 'bob' },
          { kind: 'team', org: 'octo-org', team: 'iam-reviewers' },
          { kind: 'user', login: 'release-bot[bot]' }
        ]
      }
    ],
    [{ approvers: ' , \n' }, { approvers: [] }],
    [{ 'approve-min-permission': 'maintain' }, { approveMinPermission: 'maintain' }],
    [{ 'comment-key': 'prod.eu-west_1' }, { commentKey: 'prod.eu-west_1' }],
    [
      { mode: 'publish-report', 'report-path': 'report/report.json' },
      { mode: 'publish-report', reportPath: 'report/report.json' }
    ],
    [{ 'working-directory': 'repo' }, { workingDirectory: 'repo' }]
  ])('%j', (overrides, expected) => {
    expect(readInputs(runner(overrides).read)).toMatchObject(expected)
  })

  it.each([
    [
      { 'fail-on': 'broaden' },
      'input `fail-on`: unknown value `broaden` (did you mean `broadened`?): use `never`'
    ],
    [
      { 'fail-on': 'public,never' },
      'input `fail-on`: `public,never` combines `never` with other values'
    ],
    [
      { comment: 'yes' },
      'input `comment` must be one of `on-change`, `always`, `never`: got `yes`'
    ],
    [{ mode: 'publish' }, 'input `mode` must be one of `review`, `publish-report`: got `publish`'],
    [
      { mode: 'publish-report' },
      'input `report-path` is required with `mode: publish-report`: set it to the saved report JSON file'
    ],
    [
      { 'pull-number': 'abc' },
      'input `pull-number` must be a pull request number such as `42`: got `abc`'
    ],
    [
      { 'pull-number': '0' },
      'input `pull-number` must be a pull request number such as `42`: got `0`'
    ],
    [
      { 'pull-number': '1.5' },
      'input `pull-number` must be a pull request number such as `42`: got `1.5`'
    ],
    [
      { base: '--upload-pack=x' },
      'input `base` must be a branch, tag or commit SHA: got `--upload-pack=x`'
    ],
    [{ head: 'a b' }, 'input `head` must be a branch, tag or commit SHA: got `a b`'],
    [
      { 'comment-key': 'a-->b' },
      'input `comment-key` may hold only letters, digits, `.`, `_` and `-` (at most 64): got `a-->b`'
    ],
    [
      { approvers: 'alice bob' },
      'input `approvers` takes logins and `@org/team` slugs separated by commas or new lines: got `alice bob`'
    ],
    [
      { approvers: '@octo-org/' },
      'input `approvers` takes logins and `@org/team` slugs separated by commas or new lines: got `@octo-org/`'
    ],
    [
      { 'approve-min-permission': 'read' },
      'input `approve-min-permission` must be one of `triage`, `write`, `maintain`, `admin`: got `read`'
    ],
    [
      { 'github-token': '' },
      'input `github-token` is empty: pass `${{ github.token }}` or a token with `pull-requests: write`'
    ]
  ])('rejects %j', (overrides, message) => {
    expect(() => readInputs(runner(overrides).read)).toThrow(message)
  })
})

describe('readInputs through @actions/core', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
  })

  it('reads INPUT_* variables the way the runner names them (hyphens kept, upper case)', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      process.env[`INPUT_${name.toUpperCase()}`] = (input.default ?? '').replace(
        '${{ github.token }}',
        'ghs_env'
      )
    }
    process.env['INPUT_FAIL-ON'] = 'any'
    process.env['INPUT_PULL-NUMBER'] = '9'
    expect(readInputs()).toMatchObject({ token: 'ghs_env', failOn: 'any', pullNumber: 9 })
  })
})

describe('action.yml', () => {
  it('documents every input and output', () => {
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect(entry.description.length).toBeGreaterThan(10)
    }
  })

  it('declares the outputs the action sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      ['broadened', 'changed', 'comment-url', 'deny-changed', 'narrowed', 'report-path'].sort()
    )
  })
})
