// Hostile sources (issue 8): names that could break the comment, huge files, alias bombs. Never
// a crash, never a silent pass.
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { renderComment } from '../../src/render/comment.js'
import { renderText } from '../../src/render/text.js'
import { review } from '../../src/review/review.js'
import { memorySource } from './memory-source.js'

const catalog = loadCatalog()
const run = (base: Record<string, string>, head: Record<string, string>): Promise<Report> =>
  review({
    source: memorySource({ base, head }),
    config: DEFAULT_CONFIG,
    catalog,
    toolVersion: 't'
  })

const NASTY = 'x<!--y`|*${z}\n-->@here #1'

const template = (name: string, action: string): string =>
  JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        [`Role${name}`]: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Principal: { Service: 'ec2.amazonaws.com' },
                  Action: 'sts:AssumeRole'
                }
              ]
            },
            Policies: [
              {
                PolicyName: name,
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [{ Sid: 'S', Effect: 'Allow', Action: action, Resource: '*' }]
                }
              }
            ]
          }
        }
      }
    },
    null,
    2
  )

describe('hostile sources', () => {
  it('keeps logical IDs, policy names and paths with markup inert', async () => {
    const path = 'infra/a`b|<!--c-->.template.json'
    const report = await run(
      { [path]: template(NASTY, 's3:GetObject') },
      { [path]: template(NASTY, 's3:*') }
    )
    expect(report.summary.broadened).toBeGreaterThan(0)
    const comment = renderComment(report, { marker: '<!-- iam-policy-diff -->' })
    expect(comment).toContain('› Rolex')
    expect(comment.split('\n').slice(1).join('\n')).not.toContain('<!--')
    expect(comment).not.toContain('<!--y')
    // a mention outside code would notify: only code spans (shown as written, never a mention)
    // may hold `@here`
    const outsideCode = comment.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '')
    expect(outsideCode).not.toContain('@here')
    for (const line of comment.split('\n').filter((l) => l.startsWith('|')))
      expect(line.endsWith('|')).toBe(true)
    expect(renderText(report)).not.toMatch(/\n-->/)
  })

  it('refuses a 5 MB YAML template with an error, not a crash', async () => {
    const big = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${'  # padding\n'.repeat(480_000)}`
    const report = await run({}, { 'big.yaml': big })
    expect(report.files).toHaveLength(1)
    expect(report.files[0]?.outcome).toBe('error')
    expect(report.files[0]?.diagnostics.map((d) => d.code)).toContain('template-too-large')
  })

  it('refuses a YAML alias bomb with an error, not a crash', async () => {
    const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'a0: &a0 [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 12; i++) {
      const prev = `*a${i - 1}`
      lines.push(`a${i}: &a${i} [${Array(9).fill(prev).join(', ')}]`)
    }
    lines.push(
      'Resources:',
      '  R:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument: *a11'
    )
    const report = await run({}, { 'bomb.yaml': `${lines.join('\n')}\n` })
    expect(report.files).toHaveLength(1)
    expect(report.files[0]?.outcome).toBe('error')
  })
})
