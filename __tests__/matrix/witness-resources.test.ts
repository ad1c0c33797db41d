// Resource witnesses per action (IAM-SEMANTICS §3.2; docs/MATRIX.md): `*` for actions without
// resource types, templates instantiated, each pattern inside/outside the others, variables.
import { describe, expect, it } from '@jest/globals'
import { expandActions, type ProbeAction } from '../../src/matrix/expand-actions.js'
import { keyAvailability } from '../../src/matrix/key-availability.js'
import { samplesFor } from '../../src/matrix/samples.js'
import { collectStatements } from '../../src/matrix/statements.js'
import { ResourceWitnessBuilder } from '../../src/matrix/witness-resources.js'
import { PRINCIPAL, allow, catalog, doc, setOf } from './helpers.js'

function witnesses(
  action: string,
  ...docs: object[]
): { resources: readonly string[]; bindings: object } {
  const statements = collectStatements(setOf(docs[0]), setOf(docs[1]))
  const found = expandActions(catalog, statements).actions.find(
    (a) => a.name === action
  ) as ProbeAction
  const builder = new ResourceWitnessBuilder(catalog, samplesFor(PRINCIPAL), false)
  return builder.witnesses(found, keyAvailability(catalog, found.catalog))
}

describe('resource witnesses', () => {
  it('use `*` alone for an action without resource types', () => {
    expect(
      witnesses('s3:ListAllMyBuckets', doc(allow('s3:ListAllMyBuckets', 'arn:aws:s3:::b')))
        .resources
    ).toEqual(['*'])
  })

  it('instantiate the action’s templates when the policy says `*`', () => {
    // one witness: every template instance matches `*` alike
    expect(witnesses('sqs:SendMessage', doc(allow('sqs:SendMessage'))).resources).toEqual([
      'arn:aws:sqs:us-east-1:111122223333:example'
    ])
  })

  it('give a resource inside and one outside a pattern', () => {
    const { resources } = witnesses('s3:GetObject', doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')))
    expect(resources).toEqual(['arn:aws:s3:::b/example', 'arn:aws:s3:::example/example'])
  })

  it('give a resource inside one side’s pattern and outside the other’s', () => {
    const { resources } = witnesses(
      's3:GetObject',
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/*')),
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/ex*'))
    )
    expect(resources).toHaveLength(3)
    expect(resources.some((r) => r.startsWith('arn:aws:s3:::b/ex'))).toBe(true)
    expect(
      resources.some((r) => r.startsWith('arn:aws:s3:::b/') && !r.startsWith('arn:aws:s3:::b/ex'))
    ).toBe(true)
  })

  it('ignore patterns that cannot name a resource of the action', () => {
    // a bucket ARN is no object: GetObject never sees it
    const { resources } = witnesses(
      's3:GetObject',
      doc(allow('s3:*', ['arn:aws:s3:::b', 'arn:aws:s3:::b/*']))
    )
    expect(resources).toEqual(['arn:aws:s3:::b/example', 'arn:aws:s3:::example/example'])
  })

  it('substitute variables and record the value they assume (§4.6)', () => {
    const found = witnesses(
      's3:GetObject',
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:PrincipalTag/team}/*'))
    )
    expect(found.resources).toContain('arn:aws:s3:::b/example/example')
    expect(found.bindings).toEqual({ 'aws:PrincipalTag/team': 'example' })
  })

  it('use the value the engine derives from the principal without binding it', () => {
    const found = witnesses(
      's3:GetObject',
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/${aws:PrincipalAccount}/*'))
    )
    expect(found.resources).toContain('arn:aws:s3:::b/111122223333/example')
    expect(found.bindings).toEqual({})
  })

  it('drop a pattern whose variable the action can never carry', () => {
    const found = witnesses(
      's3:GetObject',
      doc(allow('s3:GetObject', 'arn:aws:s3:::b/${iam:PassedToService}/*'))
    )
    expect(found.resources).toEqual(['arn:aws:s3:::example/example'])
  })

  it('add `*` for actions outside the catalogue and keep pattern instances', () => {
    const { resources } = witnesses(
      'foo:Bar',
      doc(allow('foo:Bar', 'arn:aws:foo:us-east-1:*:thing/*'))
    )
    expect(resources).toEqual(['*', 'arn:aws:foo:us-east-1:111122223333:thing/example'])
  })
})
