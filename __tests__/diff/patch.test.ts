import { describe, expect, it } from '@jest/globals'
import { normaliseDocument, policyPatch } from '../../src/diff/patch.js'
import { parsePolicy } from '../../src/policy/parse.js'
import type { Policy } from '../../src/policy/model.js'

function policy(doc: unknown): Policy {
  const { policy: parsed, diagnostics } = parsePolicy(JSON.stringify(doc), {
    file: 'p.json',
    kind: 'auto'
  })
  if (!parsed) throw new Error(JSON.stringify(diagnostics))
  return parsed
}

const doc = (...statements: unknown[]): unknown => ({
  Version: '2012-10-17',
  Statement: statements
})
const s3Read = {
  Sid: 'Read',
  Effect: 'Allow',
  Action: ['s3:GetObject', 's3:ListBucket'],
  Resource: '*'
}
const kms = {
  Effect: 'Allow',
  Action: 'kms:Decrypt',
  Resource: 'arn:aws:kms:us-east-1:111122223333:key/k'
}
const deny = {
  Effect: 'Deny',
  Action: 'iam:*',
  Resource: '*',
  Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }
}

describe('policyPatch', () => {
  it('gives no patch for reordered statements, set members or string-vs-array', () => {
    const before = policy(doc(s3Read, kms, deny))
    const after = policy(
      doc({ ...kms, Action: ['kms:Decrypt', 'kms:Decrypt'] }, deny, {
        Resource: ['*'],
        Action: ['s3:ListBucket', 's3:GetObject'],
        Effect: 'Allow',
        Sid: 'Read'
      })
    )
    expect(policyPatch(before, after)).toEqual([])
  })

  it('gives no patch for action-name case when a canonical spelling is supplied', () => {
    const lower = policy(doc({ ...s3Read, Action: ['S3:getobject', 's3:LISTBUCKET'] }))
    const canonical = (a: string): string =>
      ({ 's3:getobject': 's3:GetObject', 's3:listbucket': 's3:ListBucket' })[a.toLowerCase()] ?? a
    expect(policyPatch(policy(doc(s3Read)), lower, { canonicalAction: canonical })).toEqual([])
    expect(policyPatch(policy(doc(s3Read)), lower)).not.toEqual([])
  })

  it('shows one added action as one add, not a cascade of replaces', () => {
    const before = policy(doc(kms, { ...s3Read, Action: ['s3:GetObject', 's3:PutObject'] }))
    const after = policy(
      doc({ ...s3Read, Action: ['s3:GetObject', 's3:DeleteObject', 's3:PutObject'] }, kms)
    )
    const ops = policyPatch(before, after)
    expect(ops).toHaveLength(1)
    expect(ops[0]).toMatchObject({ op: 'add', value: 's3:DeleteObject' })
    expect(ops[0]?.path).toMatch(/^\/Statement\/\d\/Action\/2$/)
  })

  it('shows an added statement as one add of the whole statement', () => {
    const ops = policyPatch(policy(doc(s3Read)), policy(doc(s3Read, deny)))
    expect(ops).toEqual([
      {
        op: 'add',
        path: '/Statement/1',
        value: {
          Effect: 'Deny',
          Action: ['iam:*'],
          Resource: ['*'],
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } }
        }
      }
    ])
  })

  it('pairs statements by Sid when their content changed', () => {
    const ops = policyPatch(
      policy(doc(kms, s3Read)),
      policy(doc({ ...s3Read, Resource: 'arn:aws:s3:::b/*' }, kms))
    )
    expect(ops).toEqual([
      { op: 'replace', path: '/Statement/1/Resource/0', value: 'arn:aws:s3:::b/*' }
    ])
  })

  it('patches from and to the empty document for added and deleted files', () => {
    expect(
      policyPatch(undefined, policy(doc(kms)))
        .map((op) => `${op.op} ${op.path}`)
        .sort()
    ).toEqual(['add /Statement', 'add /Version'])
    expect(policyPatch(policy(doc(kms)), undefined).map((op) => op.op)).toEqual([
      'remove',
      'remove'
    ])
  })

  it('keeps hostile condition keys as data', () => {
    const odd = { ...kms, Condition: { StringEquals: { __proto__: 'a', constructor: 'b' } } }
    const text =
      '{"Statement":[{"Effect":"Allow","Action":"a:b","Resource":"*","Condition":{"StringEquals":{"__proto__":"x"}}}]}'
    const parsed = parsePolicy(text, { file: 'p.json', kind: 'identity' }).policy
    expect(parsed).toBeDefined()
    const ops = policyPatch(policy(doc(odd)), parsed)
    expect(ops.length).toBeGreaterThan(0)
    expect(({} as Record<string, unknown>)['x']).toBeUndefined()
  })
})

describe('normaliseDocument', () => {
  it('sorts statements by content and keeps only evaluation-relevant structure', () => {
    const normal = normaliseDocument(policy({ Id: 'x', Statement: [kms, s3Read] }))
    expect(normal).toEqual({
      Id: 'x',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['kms:Decrypt'],
          Resource: ['arn:aws:kms:us-east-1:111122223333:key/k']
        },
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['*'] }
      ]
    })
  })

  it('groups principals by type', () => {
    const normal = normaliseDocument(
      policy(
        doc({
          Effect: 'Allow',
          Principal: { Service: 'b.amazonaws.com', AWS: ['222222222222', '111111111111'] },
          Action: 'sts:AssumeRole'
        })
      )
    )
    expect(normal.Statement[0]?.['Principal']).toEqual({
      AWS: ['111111111111', '222222222222'],
      Service: ['b.amazonaws.com']
    })
  })
})
