// Condition witnesses per operator family (IAM-SEMANTICS §4): each statement satisfied, each key
// varied over absent / literal / outside / boundaries / sets; only keys the action can carry.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { compileCondition } from '../../src/engine/conditions/index.js'
import { prepareContext } from '../../src/engine/context.js'
import type { ContextInput } from '../../src/engine/types.js'
import { clauseValues } from '../../src/matrix/condition-values.js'
import { expandActions } from '../../src/matrix/expand-actions.js'
import { ipWitnesses } from '../../src/matrix/ip-witness.js'
import { keyAvailability } from '../../src/matrix/key-availability.js'
import { samplesFor } from '../../src/matrix/samples.js'
import { collectStatements } from '../../src/matrix/statements.js'
import { ContextWitnessBuilder, contextKey } from '../../src/matrix/witness-contexts.js'
import type { ConditionClause } from '../../src/policy/model.js'
import { PRINCIPAL, allow, catalog, doc, policy, setOf } from './helpers.js'

const samples = samplesFor(PRINCIPAL)

function contextsFor(
  action: string,
  ...docs: object[]
): readonly Readonly<Record<string, ContextInput>>[] {
  const statements = collectStatements(setOf(docs[0]), setOf(docs[1]))
  const probe = expandActions(catalog, statements).actions.find((a) => a.name === action)
  if (probe === undefined) throw new Error(`no ${action}`)
  return new ContextWitnessBuilder(samples).contexts(
    probe.statements,
    keyAvailability(catalog, probe.catalog),
    {}
  ).all
}

function clause(condition: object): ConditionClause {
  const p = policy(doc(allow('s3:GetObject', '*', { Condition: condition })))
  const first = p.statements[0]?.conditions[0]
  if (first === undefined) throw new Error('no clause')
  return first
}

const valuesOf = (condition: object): readonly string[] =>
  clauseValues(clause(condition), true, samples, keyAvailability(catalog, undefined)).values

describe('clause values per family (§4.2)', () => {
  it.each([
    [
      'StringEquals: each value and one outside',
      { StringEquals: { k: ['a', 'b'] } },
      ['a', 'b', 'other']
    ],
    [
      'StringEqualsIgnoreCase: also the other case',
      { StringEqualsIgnoreCase: { k: 'Ab' } },
      ['Ab', 'aB', 'other']
    ],
    [
      'StringLike: an instance of each pattern',
      { StringLike: { k: ['x*', 'xy*'] } },
      ['xexample', 'xyexample', 'other']
    ],
    [
      'StringLike: inside one pattern, outside the other',
      { StringLike: { k: ['ex*', '*'] } },
      ['exexample', 'example', 'other']
    ],
    ['Numeric: equal, just below, just above', { NumericLessThan: { k: '10' } }, ['10', '9', '11']],
    [
      'Date: equal, a second before, a second after',
      { DateGreaterThan: { k: '2024-01-01T00:00:00Z' } },
      ['2024-01-01T00:00:00Z', '2023-12-31T23:59:59.000Z', '2024-01-01T00:00:01.000Z']
    ],
    [
      'Date in epoch seconds',
      { DateLessThan: { k: '1700000000' } },
      ['1700000000', '1699999999', '1700000001']
    ],
    ['Bool', { Bool: { k: 'true' } }, ['true', 'false']],
    [
      'IpAddress: inside, after, before',
      { IpAddress: { k: '10.0.0.0/8' } },
      ['10.0.0.0', '11.0.0.0', '9.255.255.255']
    ],
    [
      'Arn: an instance, moved to another account the pattern admits, and an outsider',
      { ArnLike: { k: 'arn:aws:iam::*:role/app-*' } },
      [
        'arn:aws:iam::111122223333:role/app-example',
        'arn:aws:iam::444455556666:role/app-example',
        'arn:aws:example:us-east-1:444455556666:example'
      ]
    ],
    [
      'Arn: a pinned region and account are not moved; two patterns differ in the account',
      {
        ArnLike: { k: ['arn:aws:sqs:us-east-1:111122223333:*', 'arn:aws:sqs:us-east-1:*:q-*'] }
      },
      [
        'arn:aws:sqs:us-east-1:111122223333:example',
        'arn:aws:sqs:us-east-1:111122223333:q-example',
        'arn:aws:sqs:us-east-1:444455556666:q-example',
        'arn:aws:example:us-east-1:444455556666:example'
      ]
    ],
    ['Null: a present value', { Null: { k: 'true' } }, ['example']]
  ])('%s', (_name, condition, expected) => {
    expect(valuesOf(condition)).toEqual(expected)
  })

  it('resolves policy variables and records what they assume (§4.6)', () => {
    const found = clauseValues(
      clause({ StringEquals: { 's3:prefix': 'home/${aws:PrincipalTag/team}/' } }),
      true,
      samples,
      keyAvailability(catalog, undefined)
    )
    expect(found.values).toContain('home/example/')
    expect(found.bindings).toEqual({ 'aws:PrincipalTag/team': 'example' })
  })

  it('gives IPv6 ranges inside and outside', () => {
    expect(ipWitnesses('2001:db8::/32')).toEqual([
      '2001:db8:0:0:0:0:0:0',
      '2001:db9:0:0:0:0:0:0',
      '2001:db7:ffff:ffff:ffff:ffff:ffff:ffff'
    ])
  })
})

describe('context witnesses', () => {
  it('are only the empty context without conditions', () => {
    expect(contextsFor('s3:GetObject', doc(allow('s3:GetObject')))).toEqual([{}])
  })

  it('make a condition true and false', () => {
    const contexts = contextsFor(
      's3:GetObject',
      doc(
        allow('s3:GetObject', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })
      )
    )
    const compiled = compileCondition(clause({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }), {
      variables: true
    })
    const truths = contexts.map((c) => compiled.evaluate(prepareContext(c), () => undefined))
    expect(truths).toContain(true)
    expect(truths).toContain(false)
    expect(contexts).toContainEqual({})
  })

  it('set only keys the action can carry', () => {
    const d = doc(
      allow(['s3:GetObject', 'iam:PassRole'], '*', {
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }
      })
    )
    expect(contextsFor('s3:GetObject', d)).toEqual([{}])
    // a context that satisfies a statement's every clause comes first (issue 7: when a budget
    // cuts an action's requests, those that can switch a statement on are kept)
    expect(contextsFor('iam:PassRole', d)).toEqual([
      { 'iam:PassedToService': 'ec2.amazonaws.com' },
      {}
    ])
  })

  it('give multivalued keys sets (§4.4); equivalent ones merge, satisfying first', () => {
    const forAll = doc(
      allow('ec2:CreateTags', '*', {
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }
      })
    )
    // absent, [] and ['a'] all satisfy ForAllValues; a set with an outside value does not
    expect(contextsFor('ec2:CreateTags', forAll)).toEqual([{}, { 'aws:TagKeys': ['other'] }])
    const forAny = doc(
      allow('ec2:CreateTags', '*', {
        Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } }
      })
    )
    expect(contextsFor('ec2:CreateTags', forAny)).toEqual([{ 'aws:TagKeys': ['a'] }, {}])
  })

  it('keep the empty set when it differs from an absent key', () => {
    const d = doc(
      allow('ec2:CreateTags', '*', {
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } }
      }),
      {
        Effect: 'Deny',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: { Null: { 'aws:TagKeys': 'false' } }
      }
    )
    expect(contextsFor('ec2:CreateTags', d)).toContainEqual({ 'aws:TagKeys': ['a'] })
    expect(contextsFor('ec2:CreateTags', d)).toContainEqual({})
  })

  it('satisfy an Allow and vary a Deny on another key together', () => {
    const d = doc(
      allow('s3:GetObject', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }),
      {
        Effect: 'Deny',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } }
      }
    )
    expect(contextsFor('s3:GetObject', d)).toContainEqual({
      'aws:SourceIp': '10.0.0.0',
      'aws:SecureTransport': 'false'
    })
  })

  it('do not depend on statement order', () => {
    const a = allow('s3:GetObject', '*', {
      Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }
    })
    const b = allow('s3:GetObject', '*', { Condition: { StringLike: { 's3:prefix': 'x*' } } })
    expect(contextsFor('s3:GetObject', doc(a, b))).toEqual(contextsFor('s3:GetObject', doc(b, a)))
  })
})

describe('contextKey', () => {
  const value = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()), { maxLength: 3 })
  )
  // candidates are sorted and deduplicated by this text, so it must stay exactly the JSON of
  // the sorted pairs (and so unambiguous for any key or value the policy author writes)
  it('is the JSON text of the sorted [key, value] pairs', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 8 }), (context) => {
        const pairs = Object.keys(context)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          .map((k) => [k, context[k]])
        expect(contextKey(context)).toBe(JSON.stringify(pairs))
      })
    )
  })
})
