import { describe, expect, it } from '@jest/globals'
import {
  chooseExtractor,
  EXTRACTORS,
  extractFile,
  sniffUnreviewable
} from '../../src/extract/registry.js'
import type { Extractor } from '../../src/extract/types.js'
import { fixture, OPTIONS } from './helpers.js'

const POLICY =
  '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}'

describe('extractFile', () => {
  it.each([
    ['p.json', POLICY, 'policy-json'],
    ['role.json', fixture('get-role.json'), 'aws-cli-json'],
    ['details.json', fixture('authorization-details.json'), 'aws-cli-json'],
    ['serverless.yml', fixture('serverless-old.yml'), 'serverless'],
    ['iam.tf', fixture('iam.tf'), 'terraform'],
    ['package.json', '{"name": "x"}', 'unsupported']
  ])('%s → %s', (path, text, format) => {
    expect(extractFile(path, text, OPTIONS).format).toBe(format)
  })

  it('lists every extractor once, CloudFormation included', () => {
    expect(EXTRACTORS.map((e) => e.format)).toEqual([
      'serverless',
      'aws-cli-json',
      'policy-json',
      'cloudformation',
      'terraform',
      'terraform-plan'
    ])
  })

  it('hands serverless resources to the registered CloudFormation extractor', () => {
    const text = fixture('serverless.yml')
    const result = extractFile('serverless.yml', text, OPTIONS)
    const queue = result.documents.find((d) => d.location.startsWith('resources/'))
    expect(queue?.location).toMatch(/^resources\/Resources\/OrdersQueuePolicy\//)
    const at = queue?.positionOf('/Statement/0/Action')
    expect(at?.line).toBe(text.slice(0, text.lastIndexOf('sqs:SendMessage')).split('\n').length)
  })

  it('reports unclaimed IAM content as not reviewed', () => {
    // IAM resource types past the 256 KiB the Terraform reader looks at
    const text = `${' '.repeat(300 * 1024)}resource "aws_iam_role_policy" "p" {}`
    const result = extractFile('iam.tf', text, OPTIONS)
    expect(result.documents).toEqual([])
    expect(result.unreviewable).toEqual(sniffUnreviewable('iam.tf', text))
    expect(result.unreviewable).toHaveLength(1)
  })

  it('honours a format override', () => {
    expect(
      extractFile('x.json', '{"Statement": []}', { ...OPTIONS, format: 'aws-cli-json' }).format
    ).toBe('aws-cli-json')
  })

  it('turns a throwing extractor into an extract-failed diagnostic, never a throw', () => {
    const throwing: Extractor = {
      format: 'terraform',
      claims: () => 100,
      extract: () => {
        throw new Error('boom\nsecond line')
      }
    }
    const brokenClaims: Extractor = {
      ...throwing,
      claims: () => {
        throw new TypeError('bad claim')
      }
    }
    const result = extractFile('a.tf', 'x', { ...OPTIONS, extractors: [throwing] })
    expect(result.format).toBe('terraform')
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['extract-failed', 'internal error while reading the file as terraform: boom']
    ])
    const sniffed = extractFile('p.json', POLICY, {
      ...OPTIONS,
      extractors: [brokenClaims, ...EXTRACTORS]
    })
    expect(sniffed.format).toBe('policy-json')
    expect(sniffed.diagnostics[0]?.message).toBe(
      'internal error while sniffing the file: terraform: bad claim'
    )
  })

  it('picks the highest claim, the first listed on a tie, and ignores NaN', () => {
    const make = (format: Extractor['format'], score: number): Extractor => ({
      format,
      claims: () => score,
      extract: () => ({ format, documents: [], unreviewable: [], diagnostics: [] })
    })
    const pick = (list: Extractor[]) => chooseExtractor('x', 'y', list).extractor?.format
    expect(pick([make('sam', 1), make('terraform', 2)])).toBe('terraform')
    expect(pick([make('sam', 2), make('terraform', 2)])).toBe('sam')
    expect(pick([make('sam', Number.NaN), make('terraform', 0)])).toBeUndefined()
  })

  describe('hostile input never throws', () => {
    const cases: [string, string][] = [
      ['<!--*${x}.json', `{"Statement": [{"<!--": "\${x}", "*": "%E0%A4%A"}]}`],
      ['serverless.yml', 'service: a\nprovider:\n  iamRoleStatements:\n    - &a [*a]\n'],
      [
        'serverless.yml',
        `service: a\nprovider:\n  iamRoleStatements: \${self:provider.iamRoleStatements}\n`
      ],
      [
        'serverless.yml',
        `service: \${self:service}\nprovider: {}\ncustom: {a: '\${self:custom.b}', b: '\${self:custom.a}'}\n`
      ],
      ['d.json', '{"RoleDetailList": [{"RoleName": {"x": 1}, "AssumeRolePolicyDocument": "%"}]}'],
      ['x.json', '\uFEFF{"Statement": "\uD800\uDFFF\uFFFD"}'],
      ['x.json', '{'.repeat(100_000)],
      ['x.json', `{"Role": ${'['.repeat(100_000)}`],
      ['serverless.yml', `service: a\nprovider:\n${'  '.repeat(1)}${'['.repeat(10_000)}`]
    ]
    it.each(cases)('%s', (path, text) => {
      const result = extractFile(path, text, OPTIONS)
      expect(result.diagnostics.filter((d) => d.code === 'extract-failed')).toEqual([])
      for (const doc of result.documents) {
        expect(() => doc.positionOf('/Statement/0/~1x')).not.toThrow()
      }
    })

    it('a 5 MiB policy is claimed and left to the parser limit', () => {
      const big = `{"Statement": [${'{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},'.repeat(84_000)}{}]}`
      expect(big.length).toBeGreaterThan(5 * 1024 * 1024)
      const started = performance.now()
      const result = extractFile('big.json', big, OPTIONS)
      expect(result.format).toBe('policy-json')
      expect(result.documents[0]?.text).toBe(big)
      expect(result.documents[0]?.positionOf('/Statement/3')).toBeUndefined()
      expect(performance.now() - started).toBeLessThan(5000)
    })

    it('a 5 MiB serverless file stays bounded', () => {
      const yaml = `service: a\nprovider:\n  iamRoleStatements:\n${'    - {Effect: Allow, Action: "s3:*", Resource: "${self:custom.x}"}\n'.repeat(80_000)}custom:\n  x: arn:aws:s3:::b\n`
      expect(yaml.length).toBeGreaterThan(5 * 1024 * 1024)
      const result = extractFile('serverless.yml', yaml, OPTIONS)
      expect(result.diagnostics.map((d) => d.code)).toEqual(['template-too-large'])
    })
  })
})
