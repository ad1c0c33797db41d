import { describe, expect, it } from '@jest/globals'
import { parsePolicy } from '../../src/policy/parse.js'
import { policyJsonExtractor } from '../../src/extract/policy-json.js'
import { fixture, OPTIONS, positionOfText } from './helpers.js'

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/\${aws:username}/*" }
  ]
}
`

describe('policy JSON', () => {
  it('claims a top-level Statement under any file name, and nothing else', () => {
    expect(policyJsonExtractor.claims('policies/a.json', POLICY)).toBe(10)
    expect(policyJsonExtractor.claims('policy.txt', POLICY)).toBe(10)
    expect(policyJsonExtractor.claims('package.json', '{"name": "x", "x": {"Statement": 1}}')).toBe(
      0
    )
    expect(policyJsonExtractor.claims('a.json', '[{"Statement": []}]')).toBe(0)
    expect(policyJsonExtractor.claims('a.json', '')).toBe(0)
  })

  it('claims a broken policy below every recognised format, so the parser locates the error', () => {
    expect(policyJsonExtractor.claims('a.json', '{ "Statement": [ }')).toBe(5)
    expect(policyJsonExtractor.claims('README.md', 'see "Statement"')).toBe(0)
  })

  it('is the whole file, positions 1:1', () => {
    const result = policyJsonExtractor.extract('p.json', POLICY, OPTIONS)
    expect(result.unreviewable).toEqual([])
    const [doc] = result.documents
    expect(doc).toMatchObject({ location: '', name: 'p.json', kind: 'identity', text: POLICY })
    expect(doc!.positionOf('/Statement/0/Action')).toEqual(positionOfText(POLICY, '"s3:GetObject"'))
    expect(doc!.positionOf('/Statement/0/Nope/deeper')).toEqual(
      positionOfText(POLICY, '{ "Effect"')
    )
    expect(doc!.positionOf('')).toEqual({ line: 1, column: 1 })
    expect(parsePolicy(doc!.text, { file: 'p.json', kind: doc!.kind }).policy).toBeDefined()
  })

  it('is resource-based when a statement names a principal', () => {
    const text =
      '{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "s3:*", "Resource": "*"}}'
    expect(policyJsonExtractor.extract('b.json', text, OPTIONS).documents[0]?.kind).toBe('resource')
  })

  it('reports template syntax as not reviewed, with where it is', () => {
    const text = fixture('templated-policy.json')
    const result = policyJsonExtractor.extract('t.json', text, OPTIONS)
    expect(result.documents).toEqual([])
    expect(result.unreviewable).toEqual([
      expect.objectContaining({
        reason: 'template syntax `${account_id}` at 7:40',
        position: { line: 7, column: 40 }
      })
    ])
  })

  it.each([
    ['{{ account }}', '`{{ account }}`'],
    ['<%= account %>', '`<%= account %>`'],
    ['${AWS::AccountId}', '`${AWS::AccountId}`'],
    ['${var.account}', '`${var.account}`']
  ])('finds %s', (syntax, shown) => {
    const text = `{"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${syntax}"}]}`
    const [entry] = policyJsonExtractor.extract('t.json', text, OPTIONS).unreviewable
    expect(entry?.reason).toContain(shown)
  })

  it('keeps broken JSON as a document for the parser', () => {
    const result = policyJsonExtractor.extract('b.json', '{ "Statement": [ }', OPTIONS)
    expect(result.documents).toHaveLength(1)
    expect(result.documents[0]!.positionOf('/Statement')).toBeUndefined()
  })
})
