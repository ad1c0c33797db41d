// src/policy/arn-type-words.ts is generated from the IAM catalogue: the committed file must be
// exactly what scripts/gen-arn-type-words.mjs prints, so it cannot drift from the package.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'
import { ARN_TYPE_WORDS } from '../../src/policy/arn-type-words.js'

const script = fileURLToPath(new URL('../../scripts/gen-arn-type-words.mjs', import.meta.url))
const committed = new URL('../../src/policy/arn-type-words.ts', import.meta.url)

describe('arn-type-words.ts (generated)', () => {
  it('equals the output of `node scripts/gen-arn-type-words.mjs --stdout`', () => {
    const generated = execFileSync(process.execPath, [script, '--stdout'], { encoding: 'utf8' })
    // compared as text, so a failure shows the differing lines
    expect(readFileSync(committed, 'utf8')).toBe(generated)
  })

  // IAM-SEMANTICS §3.2: the services of the rule, and the ones it must not apply to
  it.each([
    ['iam', ['user', 'role', 'policy', 'group', 'root']],
    ['ec2', ['instance', 'security-group', 'vpc']],
    ['lambda', ['function', 'layer']],
    ['dynamodb', ['table']]
  ])('lists %s with its type words', (service, words) => {
    const listed = ARN_TYPE_WORDS[service]?.split(' ') ?? []
    expect(listed).toEqual(expect.arrayContaining(words))
  })

  it.each([
    ['s3', 'arn:aws:s3:::${BucketName}'],
    ['sqs', 'arn:aws:sqs:${Region}:${Account}:${QueueName}'],
    ['sns', 'arn:aws:sns:${Region}:${Account}:${TopicName}'],
    ['apigateway', 'arn:aws:apigateway:${Region}::/restapis/…'],
    ['execute-api', 'arn:aws:execute-api:${Region}:${Account}:${ApiId}/…']
  ])('leaves out %s, whose ARNs start with a name (%s)', (service) => {
    expect(Object.hasOwn(ARN_TYPE_WORDS, service)).toBe(false)
  })

  it('is sorted, with sorted, unique, literal words', () => {
    const services = Object.keys(ARN_TYPE_WORDS)
    expect(services).toEqual([...services].sort())
    for (const [service, text] of Object.entries(ARN_TYPE_WORDS)) {
      const words = text.split(' ')
      expect({ service, words }).toEqual({ service, words: [...new Set(words)].sort() })
      expect({ service, bad: words.filter((w) => !/^[^\s/:*?${}]+$/.test(w)) }).toEqual({
        service,
        bad: []
      })
    }
  })
})
