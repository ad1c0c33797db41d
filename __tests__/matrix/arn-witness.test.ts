// ARN witnesses, part by part (IAM-SEMANTICS §3.2): templates from the catalogue, short patterns,
// per-part escapes, and agreement with the engine's resource matcher.
import { describe, expect, it } from '@jest/globals'
import { compileResourceMatcher, matchResource } from '../../src/engine/match-resource.js'
import { prepareContext } from '../../src/engine/context.js'
import { parseGlob } from '../../src/engine/wildcard.js'
import { splitArn } from '../../src/policy/arn.js'
import {
  arnGlob,
  arnMatcher,
  findArnWitness,
  mayOverlap,
  templateGlob,
  type ArnGlob
} from '../../src/matrix/arn-witness.js'

const ACCOUNT = { account: '111122223333' }
const glob = (pattern: string): ArnGlob => {
  const g = arnGlob(parseGlob(pattern))
  if (g === undefined) throw new Error(`no glob for ${pattern}`)
  return g
}

/** The engine's own answer (§3.2), so the witnesses are judged by the evaluator's rules. */
function engineMatches(pattern: string, resource: string): boolean {
  const m = compileResourceMatcher({ negated: false, values: [pattern] }, { variables: false })
  return matchResource(
    m,
    { text: resource, arn: splitArn(resource) },
    prepareContext({}),
    () => undefined
  )
}

describe('arnGlob', () => {
  it('reads `*` as any resource', () => {
    expect(arnGlob(parseGlob('*'))).toBe('any')
  })

  it('pads a short pattern ending in `*` and rejects other short ones (§3.2)', () => {
    expect(arnGlob(parseGlob('arn:aws:sqs:us-east-1:*'))).not.toBeUndefined()
    expect(arnGlob(parseGlob('arn:aws:sqs:us-east-1'))).toBeUndefined()
  })

  it('keeps colons of the resource part in the last part', () => {
    const g = glob('arn:aws:lambda:*:*:function:my-fn:*')
    expect(g !== 'any' && g.parts.length).toBe(6)
  })
})

describe('findArnWitness', () => {
  it('instantiates a catalogue template with the sample Region and account', () => {
    const t = templateGlob('arn:${Partition}:sqs:${Region}:${Account}:${QueueName}')
    expect(findArnWitness([t ?? 'any'], [], ACCOUNT)).toBe(
      'arn:aws:sqs:us-east-1:111122223333:example'
    )
  })

  // the catalogue writes `*` where any Region or account goes (Braket devices): a real ARN names
  // one, so the request AWS receives does not carry `aws:RequestedRegion: *`
  it('fills a `*` in the first five parts of a template with a real Region and account', () => {
    const t = templateGlob(
      'arn:${Partition}:braket:*:*:device/${DeviceType}/${Provider}/${DeviceId}'
    )
    expect(findArnWitness([t ?? 'any'], [], ACCOUNT)).toBe(
      'arn:aws:braket:us-east-1:111122223333:device/example/example/example'
    )
  })

  it('leaves parts empty where the template has none (S3)', () => {
    const t = templateGlob('arn:${Partition}:s3:::${BucketName}/${ObjectName}')
    expect(findArnWitness([t ?? 'any'], [], ACCOUNT)).toBe('arn:aws:s3:::example/example')
  })

  it.each([
    ['inside a pattern and its template', ['arn:aws:s3:::b/*'], [], 'arn:aws:s3:::b/example'],
    [
      'inside one pattern, outside its sibling',
      ['arn:aws:s3:::b/*'],
      ['arn:aws:s3:::b/ex*'],
      undefined
    ],
    ['in another Region', ['arn:aws:sqs:*:*:q'], ['arn:aws:sqs:us-east-1:*:q'], undefined],
    [
      'in another account',
      ['arn:aws:sqs:us-east-1:*:q'],
      ['arn:aws:sqs:us-east-1:111122223333:q'],
      undefined
    ]
  ])('%s', (_name, pos, neg, exact) => {
    const found = findArnWitness(pos.map(glob), neg.map(glob), ACCOUNT)
    expect(found).toBeDefined()
    if (exact !== undefined) expect(found).toBe(exact)
    for (const p of pos) expect(engineMatches(p, found ?? '')).toBe(true)
    for (const n of neg) expect(engineMatches(n, found ?? '')).toBe(false)
  })

  it('finds none when the negative covers the positive', () => {
    expect(
      findArnWitness([glob('arn:aws:s3:::b/a/*')], [glob('arn:aws:s3:::b/*')], ACCOUNT)
    ).toBeUndefined()
    expect(findArnWitness([glob('arn:aws:s3:::b/*')], ['any'], ACCOUNT)).toBeUndefined()
  })

  it('agrees with arnMatcher and the engine on a short pattern', () => {
    const short = glob('arn:aws:sqs:us-east-1:*')
    const found = findArnWitness([short], [], ACCOUNT) ?? ''
    expect(arnMatcher(short)(found)).toBe(true)
    expect(engineMatches('arn:aws:sqs:us-east-1:*', found)).toBe(true)
  })
})

describe('mayOverlap', () => {
  it.each([
    ['arn:aws:s3:::b/*', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', true],
    ['arn:aws:s3:::b', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', true],
    ['arn:aws:sqs:*:*:q', 'arn:${Partition}:s3:::${BucketName}', false],
    [
      'arn:aws:apigateway:*::/apis/*',
      'arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}',
      false
    ]
  ])('%s ~ %s → %s', (pattern, template, expected) => {
    expect(mayOverlap(glob(pattern), templateGlob(template) ?? 'any')).toBe(expected)
  })
})

describe('findArnWitness: real partition, region and account names', () => {
  // Witnesses are requests AWS could receive (issue 11): a wildcard in the partition, region or
  // account part is filled with a real name the pattern admits, not with a sample pasted into
  // the wildcard. Regions and partitions: https://docs.aws.amazon.com/general/latest/gr/rande.html
  it.each([
    ['a region prefix', 'arn:aws:sqs:us-*:*:q', 'arn:aws:sqs:us-east-1:111122223333:q'],
    ['another geography', 'arn:aws:sqs:eu-*:*:q', 'arn:aws:sqs:eu-central-1:111122223333:q'],
    [
      'a one-character wildcard',
      'arn:aws:sqs:us-east-?:*:q',
      'arn:aws:sqs:us-east-1:111122223333:q'
    ],
    ['the China regions', 'arn:aws-cn:sqs:cn-*:*:q', 'arn:aws-cn:sqs:cn-north-1:111122223333:q'],
    ['a partition prefix', 'arn:aws*:sqs:us-east-1:*:q', 'arn:aws:sqs:us-east-1:111122223333:q'],
    ['an account prefix', 'arn:aws:sqs:us-east-1:1111*:q', 'arn:aws:sqs:us-east-1:111122223333:q']
  ])('%s', (_name, pattern, expected) => {
    const witness = findArnWitness([glob(pattern)], [], ACCOUNT)
    expect(witness).toBe(expected)
    expect(engineMatches(pattern, expected)).toBe(true)
  })

  it('still escapes a negative with the other sample', () => {
    const witness = findArnWitness(
      [glob('arn:aws:sqs:*:*:q')],
      [glob('arn:aws:sqs:us-east-1:*:q')],
      ACCOUNT
    )
    expect(witness).toBe('arn:aws:sqs:us-west-2:111122223333:q')
  })
})
