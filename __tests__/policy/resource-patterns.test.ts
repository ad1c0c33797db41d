// Resource patterns the validator accepts but that do not mean what they seem (IAM-SEMANTICS
// §3.2): short patterns that match nothing, and wildcards in the resource-type word.
import { describe, expect, it } from '@jest/globals'
import { evaluate } from '../../src/engine/evaluate.js'
import type { Request } from '../../src/engine/types.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { wildcardTypeWord } from '../../src/policy/resource-type-word.js'
import { expectDiagnostics, policyText } from './policy-kit.js'

const ACCOUNT = '111122223333'
const QUEUE = `arn:aws:sqs:us-east-1:${ACCOUNT}:orders`
const send = (resource = QUEUE): Request => ({
  principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
  action: 'sqs:SendMessage',
  resource
})

function parseIdentity(statements: unknown[]): ReturnType<typeof parsePolicy> {
  return parsePolicy(policyText(statements), { file: 'policy.json', kind: 'identity' })
}

describe('§3.2 a short pattern not ending in `*` is valid and matches nothing', () => {
  it('warns at the entry, keeps the policy, and the Allow grants nothing', () => {
    const result = parseIdentity([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1' }
    ])
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'resource-matches-nothing',
        severity: 'warning',
        pointer: '/Statement/0/Resource',
        message:
          'statement 0: resource `arn:aws:sqs:us-east-1` matches no resource: it has fewer than six parts and does not end in `*`'
      })
    ])
    expect(result.policy).toBeDefined()
    const set = { identity: result.policy ? [result.policy] : [] }
    expect(evaluate(set, send()).effect).toBe('ImplicitDeny')
    expect(evaluate(set, send(`arn:aws:sqs:us-east-1:${ACCOUNT}:a:b`)).effect).toBe('ImplicitDeny')
  })

  it('a Deny written that way denies nothing; NotResource written that way excludes nothing', () => {
    const result = parseIdentity([
      { Effect: 'Allow', Action: 'sqs:*', NotResource: `arn:aws:sqs:us-east-1:${ACCOUNT}` },
      { Effect: 'Deny', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1' }
    ])
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['resource-matches-nothing', '/Statement/0/NotResource'],
      ['resource-matches-nothing', '/Statement/1/Resource']
    ])
    const set = { identity: result.policy ? [result.policy] : [] }
    expect(evaluate(set, send()).effect).toBe('Allow')
  })

  it('the same pattern ending in `*` spans the remaining colons (no warning)', () => {
    const result = parseIdentity([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:*' }
    ])
    expect(result.diagnostics).toEqual([])
    const set = { identity: result.policy ? [result.policy] : [] }
    expect(evaluate(set, send()).effect).toBe('Allow')
    expect(evaluate(set, send(`arn:aws:sqs:eu-west-1:${ACCOUNT}:orders`)).effect).toBe(
      'ImplicitDeny'
    )
  })
})

describe('§3.2 [UNCERTAIN] wildcardTypeWord', () => {
  it.each([
    // the documented example and other truncated type words
    ['iam', 'u*', 'u*', ['user']],
    ['iam', 'us?r/alice', 'us?r', ['user']],
    ['iam', 'ro*/admin', 'ro*', ['role', 'role-template', 'root']],
    ['ec2', 'inst*', 'inst*', ['instance', 'instance-connect-endpoint', 'instance-event-window']],
    ['lambda', 'func*:my-fn', 'func*', ['function']]
  ])('%s %j cuts the type word short', (service, resource, token, words) => {
    expect(wildcardTypeWord(service, resource)).toEqual({ token, words })
  })

  it.each([
    ['iam', '*', 'the whole resource part'],
    ['iam', '*/alice', 'a leading wildcard (AWS writes `*-model/*`)'],
    ['iam', '*ser/alice', 'a leading wildcard'],
    ['iam', 'user/*', 'a wildcard after the type word'],
    ['iam', 'user*', 'a complete type word, then a wildcard (AWS writes `security-group*/*`)'],
    ['iam', 'role?', 'a complete type word, then `?`'],
    ['iam', 'user', 'no wildcard'],
    ['iam', 'x*', 'no type word starts with `x`'],
    ['iam', 'User*', 'type words are case-sensitive (AWS writes `Canvas*`)'],
    ['iam', '${aws:username}*', 'a variable first'],
    ['s3', 'b*', 's3 ARNs start with a bucket name'],
    ['sqs', 'q*', 'sqs ARNs start with a queue name'],
    ['no-such-service', 'u*', 'a service the catalogue does not know']
  ])('%s %j is not reported: %s', (service, resource) => {
    expect(wildcardTypeWord(service, resource)).toBeUndefined()
  })
})

describe('§3.2 [UNCERTAIN] resource-wildcard-type through the parser', () => {
  it('reports the documented example at the entry, naming the type words', () => {
    const text = policyText([
      { Effect: 'Allow', Action: 'iam:GetUser', Resource: `arn:aws:iam::${ACCOUNT}:u*` }
    ])
    const [d] = expectDiagnostics(text, 'identity', [
      {
        code: 'resource-wildcard-type',
        pointer: '/Statement/0/Resource',
        at: `"arn:aws:iam::${ACCOUNT}:u*"`,
        help: 'write the resource type in full: `user`'
      }
    ])
    expect(d?.message).toBe(
      `statement 0: invalid resource \`arn:aws:iam::${ACCOUNT}:u*\`: wildcards are not allowed in the resource type \`u*\``
    )
  })

  it('names at most five type words in the help', () => {
    const resource = `arn:aws:ec2:us-east-1:${ACCOUNT}:s*`
    const text = policyText([{ Effect: 'Allow', Action: 'ec2:*', NotResource: [resource] }])
    const [d] = expectDiagnostics(text, 'identity', [
      {
        code: 'resource-wildcard-type',
        pointer: '/Statement/0/NotResource/0',
        at: JSON.stringify(resource)
      }
    ])
    expect(d?.help).toMatch(/^write the resource type in full: (`[a-z-]+`, ){5}…$/)
  })

  it.each([
    `arn:aws:iam::${ACCOUNT}:user/*`,
    `arn:aws:iam::${ACCOUNT}:*`,
    `arn:aws:ec2:*:*:security-group*/*`,
    'arn:aws:bedrock:*:*:*-model/*',
    'arn:aws:s3:::b*'
  ])('accepts %j', (resource) => {
    expectDiagnostics(
      policyText([{ Effect: 'Allow', Action: '*', Resource: resource }]),
      'identity',
      []
    )
  })
})
