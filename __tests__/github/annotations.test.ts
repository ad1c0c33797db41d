import { describe, expect, it } from '@jest/globals'
import { diagnostic } from '../../src/diagnostics/diagnostic.js'
import { ANNOTATIONS_PER_TYPE, planAnnotations } from '../../src/github/annotations.js'
import { change, fileReport, report, statement } from '../fakes/report.js'

describe('planAnnotations', () => {
  it('annotates a broadening at the head statement that now allows it', () => {
    const plan = planAnnotations(report([change('broadened')]))
    expect(plan).toEqual({
      annotations: [
        {
          type: 'warning',
          title: 'IAM access broadened',
          message:
            'statement Write now allows s3:DeleteObject on arn:aws:s3:::prod-data/* (ImplicitDeny → Allow)',
          file: 'iam/deploy.json',
          line: 4
        }
      ],
      omitted: 0
    })
  })

  it('groups the changes one statement causes into one annotation', () => {
    const changes = ['s3:DeleteObject', 's3:PutObject', 's3:GetObject'].map((action) =>
      change('broadened', { action })
    )
    const plan = planAnnotations(report(changes))
    expect(plan.annotations).toHaveLength(1)
    expect(plan.annotations[0]?.message).toMatch(/ and 2 more requests$/)
  })

  it('puts a request that is now implicitly denied on the file, without a line', () => {
    const plan = planAnnotations(report([change('narrowed')]))
    expect(plan.annotations[0]).toMatchObject({
      type: 'notice',
      file: 'iam/deploy.json',
      line: undefined
    })
    expect(plan.annotations[0]?.message).toBe(
      'this file no longer allows s3:DeleteObject on arn:aws:s3:::prod-data/* (Allow → ImplicitDeny)'
    )
  })

  it('a deny statement that appeared is annotated at its line', () => {
    const plan = planAnnotations(report([change('deny-changed')]))
    expect(plan.annotations[0]).toMatchObject({
      type: 'notice',
      line: 12,
      title: 'IAM explicit deny changed'
    })
  })

  it('does not point at a deleted file', () => {
    const deleted = fileReport({ file: 'iam/old.json', status: 'deleted' })
    const plan = planAnnotations(report([change('narrowed', { file: 'iam/old.json' })], [deleted]))
    expect(plan.annotations[0]).toMatchObject({ file: undefined, line: undefined })
  })

  it('keeps at most 10 per type: broadened first, then the statements that changed most', () => {
    // 12 statements broaden; the one on line 99 changes 3 requests and must survive the cut
    const changes = Array.from({ length: 12 }, (_, i) =>
      change('broadened', {
        after: {
          effect: 'Allow',
          reason: 'identity-allow',
          determining: [statement('iam/a.json', i + 1)]
        }
      })
    )
    const big = {
      effect: 'Allow' as const,
      reason: 'identity-allow' as const,
      determining: [statement('iam/a.json', 99, 'Big')]
    }
    changes.push(
      ...['a', 'b', 'c'].map((x) => change('broadened', { action: `s3:${x}`, after: big }))
    )
    changes.push(change('narrowed'))
    const plan = planAnnotations(report(changes))
    const warnings = plan.annotations.filter((a) => a.type === 'warning')
    expect(warnings).toHaveLength(ANNOTATIONS_PER_TYPE)
    expect(warnings[0]?.line).toBe(99)
    expect(plan.annotations.filter((a) => a.type === 'notice')).toHaveLength(1)
    expect(plan.omitted).toBe(3)
  })

  it('annotates invalid policies as errors at their position', () => {
    const bad = diagnostic('json-syntax', {
      message: 'expected `,` or `}`',
      file: 'iam/broken.json',
      span: { start: 10, end: 11, line: 3, column: 5 }
    })
    const files = [fileReport({ file: 'iam/broken.json', outcome: 'error', diagnostics: [bad] })]
    const plan = planAnnotations(report([], files))
    expect(plan.annotations).toEqual([
      {
        type: 'error',
        title: 'iam-policy-diff: json-syntax',
        message: 'expected `,` or `}`: fix the JSON syntax at the given position',
        file: 'iam/broken.json',
        line: 3,
        column: 5
      }
    ])
  })
})
