// Resource / NotResource matching (IAM-SEMANTICS §3.2, §4.6 in the resource part, §6).
import { describe, expect, it } from '@jest/globals'
import { prepareContext } from '../../src/engine/context.js'
import { compileResourceMatcher, matchResource } from '../../src/engine/match-resource.js'
import type { ContextInput, EvalIssueCode } from '../../src/engine/types.js'
import { splitArn } from '../../src/policy/arn.js'

interface Probe {
  patterns: string[]
  resource: string
  negated?: boolean
  variables?: boolean
  context?: Record<string, ContextInput>
}

function run(probe: Probe): { matched: boolean; issues: EvalIssueCode[]; messages: string[] } {
  const matcher = compileResourceMatcher(
    { negated: probe.negated ?? false, values: probe.patterns },
    { variables: probe.variables ?? true }
  )
  const issues: EvalIssueCode[] = []
  const messages: string[] = []
  const matched = matchResource(
    matcher,
    { text: probe.resource, arn: splitArn(probe.resource) },
    prepareContext(probe.context, { 'aws:username': 'alice' }),
    (code, message) => {
      issues.push(code)
      messages.push(message)
    }
  )
  return { matched, issues, messages }
}

const matches = (patterns: string[], resource: string): boolean =>
  run({ patterns, resource }).matched

describe('§3.2 ARN patterns: five parts one by one, the resource part as a whole', () => {
  it.each([
    ['*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c', true], // `*` crosses `/`
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', false], // the bucket, not its objects
    ['arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket-2', true],
    [
      'arn:aws:dynamodb:us-east-1:111122223333:table/Books',
      'arn:aws:dynamodb:us-east-1:111122223333:table/Books/index/X',
      false
    ], // no implicit prefix
    [
      'arn:aws:lambda:*:111122223333:function:my-fn:*',
      'arn:aws:lambda:us-east-1:111122223333:function:my-fn:prod',
      true
    ],
    [
      'arn:aws:lambda:*:111122223333:function:my-fn',
      'arn:aws:lambda:us-east-1:111122223333:function:my-fn:prod',
      false
    ],
    [
      'arn:aws:lambda:*:111122223333:function:*',
      'arn:aws:lambda:eu-west-1:111122223333:function:a:b:c',
      true
    ], // resource part keeps colons
    ['arn:aws:s3:::bucket/*/test/*', 'arn:aws:s3:::bucket/1/2/test/x.jpg', true],
    ['arn:aws:s3:::bucket/*/test/*', 'arn:aws:s3:::bucket/test/x.jpg', false],
    ['arn:aws:s3:::bucket/*/test/*', 'arn:aws:s3:::bucket/1/test/x.jpg', true],
    [
      'arn:aws:ec2:*:111122223333:instance/*',
      'arn:aws:ec2:us-west-2:111122223333:instance/i-1',
      true
    ],
    [
      'arn:aws:ec2:*:111122223333:instance/*',
      'arn:aws:ec2:us-west-2:444455556666:instance/i-1',
      false
    ], // account part
    ['arn:aws:ec2:us-*:*:instance/*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', false], // region part
    ['arn:aws:ec2:us-?ast-1:*:*', 'arn:aws:ec2:us-east-1:111122223333:volume/v', true],
    ['arn:aws:ec2:*:*:*', 'arn:aws:ec2:us-east-1:111122223333:volume/v', true],
    ['arn:aws:*:*:*:*', 'arn:aws:ec2:us-east-1:111122223333:volume/v', true], // every part `*`
    ['arn:*:s3:::b/*', 'arn:aws-cn:s3:::b/k', true],
    ['arn:aws:s3:::b/*', 'arn:aws-cn:s3:::b/k', false], // partition part
    ['arn:aws:sqs:us-east-1:*:*', 'arn:aws:sqs:us-east-1:111122223333:q', true],
    // a `*` in a part cannot reach into the next part
    ['arn:aws:s3*', 'arn:aws:s3:::b/k', true], // short pattern: see below
    ['arn:aws:ec2:us-east-1*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i', false]
  ])('%s vs %s → %s', (pattern, resource, expected) => {
    expect(matches([pattern], resource)).toBe(expected)
  })

  it.each([
    // §3.2 the resource part is case-sensitive (and so are the other parts)
    ['arn:aws:s3:::Data-Bucket/*', 'arn:aws:s3:::data-bucket/k', false],
    ['arn:aws:iam::111122223333:user/Alice', 'arn:aws:iam::111122223333:user/alice', false],
    ['arn:aws:iam::111122223333:user/alice', 'arn:aws:iam::111122223333:user/alice', true],
    ['arn:AWS:s3:::b/*', 'arn:aws:s3:::b/k', false],
    ['arn:aws:S3:::b/*', 'arn:aws:s3:::b/k', false]
  ])('case-sensitive: %s vs %s → %s', (pattern, resource, expected) => {
    expect(matches([pattern], resource)).toBe(expected)
  })

  it('ORs the entries of a Resource list', () => {
    expect(matches(['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'], 'arn:aws:s3:::b/k')).toBe(true)
    expect(matches(['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'], 'arn:aws:s3:::c/k')).toBe(false)
  })
})

describe('§3.2 [UNCERTAIN] short patterns (shortPatternEntry in match-resource.ts)', () => {
  it.each([
    ['arn:aws:sqs:us-east-1:*', 'arn:aws:sqs:us-east-1:111122223333:queue-1', true],
    ['arn:aws:sqs:us-east-1:*', 'arn:aws:sqs:us-west-2:111122223333:queue-1', false],
    ['arn:aws:sqs:*', 'arn:aws:sqs:us-west-2:111122223333:queue-1', true],
    ['arn:aws:sqs:us-east-1:1111*', 'arn:aws:sqs:us-east-1:111122223333:q', true], // rest incl. colons
    ['arn:aws:s3*', 'arn:aws:s3-object-lambda:us-east-1:111122223333:accesspoint/x', true],
    ['arn:aws:sqs:us-east-1:111122223333', 'arn:aws:sqs:us-east-1:111122223333:q', false], // no trailing `*`
    ['arn:aws:sqs', 'arn:aws:sqs:us-east-1:111122223333:q', false],
    ['arn*', 'arn:aws:sqs:us-east-1:111122223333:q', true],
    ['arn:aws:sqs:us-east-1:*', '*', false]
  ])('%s vs %s → %s', (pattern, resource, expected) => {
    expect(matches([pattern], resource)).toBe(expected)
  })
})

describe('§6 a request resource `*` is matched literally', () => {
  it.each([
    ['*', true],
    ['?', true],
    ['**', true],
    ['arn:aws:ec2:*:111122223333:instance/*', false],
    ['arn:*', false],
    ['arn:aws:s3:::*', false]
  ])('pattern %s vs request `*` → %s', (pattern, expected) => {
    expect(matches([pattern], '*')).toBe(expected)
  })

  it('matches a non-ARN request resource as a whole', () => {
    expect(matches(['my-*'], 'my-thing')).toBe(true)
    expect(matches(['arn:aws:s3:::b/*'], 'b/k')).toBe(false)
  })
})

describe('§3.2 NotResource: applicable when no entry matches', () => {
  it.each([
    [['arn:aws:s3:::public/*'], 'arn:aws:s3:::secret/k', true],
    [['arn:aws:s3:::public/*'], 'arn:aws:s3:::public/k', false],
    [['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'], 'arn:aws:s3:::b/k', false],
    [['*'], 'arn:aws:s3:::b/k', false],
    [['arn:aws:s3:::public/*'], '*', true]
  ])('NotResource %j vs %s → %s', (patterns, resource, expected) => {
    expect(run({ patterns, resource, negated: true }).matched).toBe(expected)
  })
})

describe('§3.2 / §4.6 policy variables in the resource part', () => {
  const home = 'arn:aws:s3:::home/${aws:username}/*'

  it.each([
    // [pattern, request resource, context, expected]
    [home, 'arn:aws:s3:::home/alice/notes.txt', {}, true], // aws:username derived
    [home, 'arn:aws:s3:::home/bob/notes.txt', {}, false],
    [home, 'arn:aws:s3:::home/bob/notes.txt', { 'aws:username': 'bob' }, true], // given wins
    [home, 'arn:aws:s3:::home/bob/notes.txt', { 'AWS:UserName': 'bob' }, true], // keys ignore case
    [
      'arn:aws:s3:::t/${aws:PrincipalTag/team}/*',
      'arn:aws:s3:::t/data/k',
      { 'aws:principaltag/TEAM': 'data' },
      true
    ],
    ["arn:aws:s3:::t/${aws:PrincipalTag/team, 'shared'}/*", 'arn:aws:s3:::t/shared/k', {}, true], // default
    [
      "arn:aws:s3:::t/${aws:PrincipalTag/team, 'shared'}/*",
      'arn:aws:s3:::t/data/k',
      { 'aws:PrincipalTag/team': 'data' },
      true
    ],
    [
      "arn:aws:s3:::t/${aws:PrincipalTag/team, 'shared'}/*",
      'arn:aws:s3:::t/shared/k',
      { 'aws:PrincipalTag/team': 'data' },
      false
    ],
    [
      'arn:aws:s3:::t/${aws:PrincipalTag/team}/*',
      'arn:aws:s3:::t/*/k',
      { 'aws:PrincipalTag/team': '*' },
      true
    ],
    [
      'arn:aws:s3:::t/${aws:PrincipalTag/team}/*',
      'arn:aws:s3:::t/data/k',
      { 'aws:PrincipalTag/team': '*' },
      false
    ], // substituted text is literal
    ['arn:aws:s3:::t/${*}/*', 'arn:aws:s3:::t/*/k', {}, true], // escape: literal `*`
    ['arn:aws:s3:::t/${*}/*', 'arn:aws:s3:::t/x/k', {}, false],
    ['arn:aws:s3:::t/${$}x', 'arn:aws:s3:::t/$x', {}, true],
    ['arn:aws:s3:::t/${?}', 'arn:aws:s3:::t/?', {}, true],
    ['arn:aws:s3:::t/${?}', 'arn:aws:s3:::t/a', {}, false]
  ])('%s vs %s with %j → %s', (pattern, resource, context, expected) => {
    expect(run({ patterns: [pattern], resource, context }).matched).toBe(expected)
  })

  it('an unresolvable variable matches nothing and is reported', () => {
    const probe = {
      patterns: ['arn:aws:s3:::t/${aws:PrincipalTag/team}/*'],
      resource: 'arn:aws:s3:::t/x/k'
    }
    const result = run(probe)
    expect(result).toMatchObject({ matched: false, issues: ['variable-unresolved'] })
    expect(result.messages[0]).toContain('`${aws:principaltag/team}`')
    const multi = run({ ...probe, context: { 'aws:PrincipalTag/team': ['x'] } })
    expect(multi).toMatchObject({ matched: false, issues: ['variable-unresolved'] }) // multivalued
  })

  it('[UNCERTAIN] under NotResource an unresolvable entry excludes nothing (unresolvedEntryMatches)', () => {
    const probe = { patterns: ['arn:aws:s3:::t/${aws:PrincipalTag/team}/*'], negated: true }
    const result = run({ ...probe, resource: 'arn:aws:s3:::t/x/k' })
    expect(result).toMatchObject({ matched: true, issues: ['variable-unresolved'] })
  })

  it('other entries still match when one entry is unresolvable', () => {
    const patterns = ['arn:aws:s3:::t/${aws:PrincipalTag/team}/*', 'arn:aws:s3:::t/x/*']
    expect(run({ patterns, resource: 'arn:aws:s3:::t/x/k' }).matched).toBe(true)
  })

  it('substitutes only in the resource part (earlier parts keep `${...}` as text)', () => {
    const pattern = 'arn:aws:s3:${aws:username}::b/*'
    expect(run({ patterns: [pattern], resource: 'arn:aws:s3:alice::b/k' }).matched).toBe(false)
  })

  it('without Version 2012-10-17 variables are literal text (§4.6)', () => {
    const probe = { patterns: [home], variables: false }
    expect(run({ ...probe, resource: 'arn:aws:s3:::home/alice/k' }).matched).toBe(false)
    expect(run({ ...probe, resource: 'arn:aws:s3:::home/${aws:username}/k' }).matched).toBe(true)
  })
})

describe('a statement without Resource or NotResource applies to the attached resource (§2)', () => {
  it('matches any request resource', () => {
    const matcher = compileResourceMatcher(undefined, { variables: true })
    const resource = { text: 'arn:aws:iam::1:role/r', arn: splitArn('arn:aws:iam::1:role/r') }
    expect(matchResource(matcher, resource, prepareContext(undefined), undefined)).toBe(true)
  })
})
