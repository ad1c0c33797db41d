// The case-file reader behind `iam-policy-diff evaluate` (issue 2): unreadable input, malformed
// cases, invalid policies, and where each problem is reported in the case file.
import { describe, expect, it } from '@jest/globals'
import { runCaseFile, type CaseResult } from '../../src/cases/run-case-file.js'

const ALICE = 'arn:aws:iam::111122223333:user/alice'
const REQUEST = { principal: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }
const ALLOW_S3 = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]
}

const run = (text: string) => runCaseFile(text, { file: 'cases.json', explain: false })
const runCases = (cases: unknown[]) => run(JSON.stringify(cases, null, 2))

/** 1-based line and column of the n-th (0-based) occurrence of `needle`, `skip` characters in. */
function positionOf(
  text: string,
  needle: string,
  nth = 0,
  skip = 0
): { line: number; column: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`\`${needle}\` not in the text`)
  const before = text.slice(0, at + skip).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

/** The results of a readable file. */
function results(cases: unknown[]): CaseResult[] {
  const out = runCases(cases)
  expect(out.results).toBeDefined()
  return out.results ?? []
}

/** The single Error result of a one-case file. */
function errorOf(kase: unknown) {
  const [result] = results([kase])
  if (result === undefined || !('diagnostics' in result)) {
    throw new Error(`expected an Error result, got ${JSON.stringify(result)}`)
  }
  return result
}

describe('unreadable input → diagnostics and no results (CLI exit 2)', () => {
  it.each([
    ['an object', '{"id": "x"}', 'case-invalid', 1, 1],
    ['a string', '\n  "cases"', 'case-invalid', 2, 3],
    ['invalid JSON', '[\n  {"id": }\n]', 'json-syntax', 2, 10],
    ['an empty file', '', 'json-syntax', 1, 1]
  ])('%s', (_what, text, code, line, column) => {
    const out = run(text)
    expect(out.results).toBeUndefined()
    expect(out.diagnostics[0]).toMatchObject({ code, file: 'cases.json', span: { line, column } })
  })

  it('an empty array is readable and has no results', () => {
    expect(run('[]')).toEqual({ results: [], diagnostics: [] })
  })
})

describe('malformed cases → Error for that case only', () => {
  it('a request without action is an Error located at the request; other cases still run', () => {
    const cases = [
      {
        id: 'bad',
        policies: { identity: [ALLOW_S3] },
        request: { principal: ALICE, resource: 'r' }
      },
      { id: 'good', policies: { identity: [ALLOW_S3] }, request: REQUEST }
    ]
    const text = JSON.stringify(cases, null, 2)
    const out = run(text)
    expect(out.results?.[1]).toEqual({ id: 'good', decision: 'Allow' })
    const bad = out.results?.[0]
    expect(bad).toMatchObject({ id: 'bad', decision: 'Error' })
    expect(bad && 'diagnostics' in bad ? bad.diagnostics : []).toEqual([
      expect.objectContaining({
        code: 'case-invalid',
        message: 'case `bad`: request: missing `action`',
        file: 'cases.json',
        pointer: '/0/request',
        ...positionOf(text, '"request": {', 0, '"request": '.length)
      })
    ])
  })

  it.each([
    ['no request', { policies: {} }, 'case `case-1`: missing `request` (or `requests`)'],
    [
      'request and requests',
      { request: REQUEST, requests: [REQUEST] },
      'give `request` or `requests`, not both'
    ],
    [
      'empty requests',
      { requests: [] },
      '`requests` must be a non-empty array of requests, not an empty array'
    ],
    ['a non-object case', 'just text', 'case 1: a case must be an object, not a string'],
    ['a numeric id', { id: 7, request: REQUEST }, '`id` must be a non-empty string, not a number'],
    [
      'an empty principal',
      { request: { ...REQUEST, principal: '' } },
      '`principal` must be a non-empty string'
    ],
    [
      'a numeric resourceAccount',
      { request: { ...REQUEST, resourceAccount: 111122223333 } },
      '`resourceAccount` must be an account id string'
    ],
    [
      'a context that is an array',
      { request: { ...REQUEST, context: ['a'] } },
      '`context` must be an object of condition keys'
    ],
    [
      'a nested context value',
      { request: { ...REQUEST, context: { k: { v: 1 } } } },
      'context key `k`: values are strings, numbers, booleans or arrays of them, not an object'
    ],
    [
      'a null inside a context list',
      { request: { ...REQUEST, context: { k: ['a', null] } } },
      'context key `k`'
    ],
    [
      'context keys equal ignoring case',
      { request: { ...REQUEST, context: { 'aws:username': 'a', 'AWS:USERNAME': 'b' } } },
      'context key `AWS:USERNAME` is given twice (keys are case-insensitive)'
    ],
    [
      'a misspelt request key',
      { request: { ...REQUEST, contxt: {} } },
      'request: unknown key `contxt`'
    ],
    ['a misspelt case key', { polices: {}, request: REQUEST }, 'unknown key `polices`'],
    [
      'policies that are an array',
      { policies: [ALLOW_S3], request: REQUEST },
      'policies: must be an object, not an array'
    ],
    [
      'an unknown policy slot',
      { policies: { identiy: [ALLOW_S3] }, request: REQUEST },
      'policies: unknown key `identiy`'
    ],
    [
      'identity that is one document',
      { policies: { identity: ALLOW_S3 }, request: REQUEST },
      '`identity` must be an array of policy documents, not an object'
    ],
    [
      'scp that is one document',
      { policies: { scp: ALLOW_S3 }, request: REQUEST },
      '`scp` must be an array of levels (root first), not an object'
    ]
  ])('%s', (_what, kase, message) => {
    const result = errorOf(kase)
    expect(result.decision).toBe('Error')
    expect(result.diagnostics.map((d) => d.message).join('\n')).toContain(message)
    expect(result.diagnostics.every((d) => d.line !== null && d.column !== null)).toBe(true)
  })

  it('a misspelt key gets a "did you mean"', () => {
    const result = errorOf({ policies: { boundry: [ALLOW_S3] }, request: REQUEST })
    expect(result.diagnostics[0]?.help).toBe('did you mean `boundary`?')
  })

  it('duplicate keys in the case structure are errors (JSON.parse would keep the last)', () => {
    const text = `[{"request": ${JSON.stringify(REQUEST)}, "request": ${JSON.stringify(REQUEST)}}]`
    const [result] = run(text).results ?? []
    const at = positionOf(text, '"request"', 1)
    expect(result).toMatchObject({
      decision: 'Error',
      diagnostics: [{ message: 'duplicate key `request`', ...at }]
    })
  })

  it('metadata keys are accepted and ignored', () => {
    const kase = {
      id: 'm',
      name: 'n',
      note: '§1',
      expect: 'Allow',
      expectDeterminingSids: [],
      tags: ['x'],
      _comment: 'c',
      'x-owner': 'me',
      policies: { identity: [ALLOW_S3] },
      request: REQUEST
    }
    expect(results([kase])).toEqual([{ id: 'm', decision: 'Allow' }])
  })

  it('cases without id are numbered from 1', () => {
    const ids = results([{ request: REQUEST }, { request: REQUEST }]).map((r) => r.id)
    expect(ids).toEqual(['case-1', 'case-2'])
  })

  it('a context key named __proto__ is an ordinary key and pollutes nothing', () => {
    const text = `[{"request": {"principal": "${ALICE}", "action": "s3:GetObject", "resource": "r", "context": {"__proto__": {"polluted": true}}}}]`
    expect(run(text).results?.[0]).toMatchObject({ decision: 'Error' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('invalid policies → Error with located diagnostics', () => {
  const badEffect = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'allow', Action: 's3:*', Resource: '*' }]
  }

  it('reports the parser diagnostic with the policy label, case-file position and policy pointer', () => {
    const text = JSON.stringify(
      [{ id: 'c1', policies: { identity: [ALLOW_S3, badEffect] }, request: REQUEST }],
      null,
      2
    )
    const [result] = run(text).results ?? []
    expect(result && 'diagnostics' in result ? result.diagnostics : []).toEqual([
      expect.objectContaining({
        code: 'statement-effect-invalid',
        severity: 'error',
        file: 'c1:identity[1]',
        pointer: '/Statement/0/Effect',
        ...positionOf(text, '"allow"')
      })
    ])
  })

  it.each([
    ['resource', { resource: badEffect }, 'c:resource'],
    ['boundary', { boundary: [ALLOW_S3, badEffect] }, 'c:boundary[1]'],
    ['session', { session: badEffect }, 'c:session'],
    ['scp level document', { scp: [ALLOW_S3, badEffect] }, 'c:scp[1]'],
    ['scp level array', { scp: [[ALLOW_S3, badEffect]] }, 'c:scp[0][1]'],
    ['rcp level array', { rcp: [ALLOW_S3, [badEffect]] }, 'c:rcp[1][0]']
  ])('an invalid %s document names its slot', (_slot, policies, file) => {
    const result = errorOf({
      id: 'c',
      policies: { identity: [ALLOW_S3], ...policies },
      request: REQUEST
    })
    expect(result.diagnostics.map((d) => d.file)).toContain(file)
  })

  it('the slot decides the policy kind: Principal is forbidden in identity, required in resource', () => {
    const withPrincipal = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }]
    }
    expect(
      errorOf({ policies: { identity: [withPrincipal] }, request: REQUEST }).diagnostics[0]?.code
    ).toBe('statement-principal-forbidden')
    expect(
      errorOf({ policies: { resource: ALLOW_S3 }, request: REQUEST }).diagnostics[0]?.code
    ).toBe('statement-principal-missing')
  })

  it('duplicate keys inside a policy are reported once, by the policy parser', () => {
    const text = `[{"policies": {"identity": [{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Effect": "Allow", "Action": "*", "Resource": "*"}]}]}, "request": ${JSON.stringify(REQUEST)}}]`
    const [result] = run(text).results ?? []
    const codes = result && 'diagnostics' in result ? result.diagnostics.map((d) => d.code) : []
    expect(codes).toEqual(['json-duplicate-key'])
  })

  it('a policy warning does not stop evaluation; it is returned with the file diagnostics', () => {
    const noVersion = { Statement: ALLOW_S3.Statement }
    const out = runCases([{ policies: { identity: [noVersion] }, request: REQUEST }])
    expect(out.results).toEqual([{ id: 'case-1', decision: 'Allow' }])
    expect(out.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['policy-version-missing', 'case-1:identity[0]']
    ])
  })
})
