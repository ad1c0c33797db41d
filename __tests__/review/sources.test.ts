// The review reads policies where they live (issue 8): every changed file goes through the
// extraction stage, each document is one reviewed unit paired by location, positions point at
// the original file, and IAM content that cannot be reviewed fails closed.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG, type ReviewConfig } from '../../src/config/types.js'
import { shouldFail } from '../../src/diff/classify.js'
import type { FileReport, Report } from '../../src/diff/report.js'
import { renderText } from '../../src/render/text.js'
import { review } from '../../src/review/review.js'
import { memorySource, policy } from './memory-source.js'

const catalog = loadCatalog()
const run = (
  init: Parameters<typeof memorySource>[0],
  config: ReviewConfig = DEFAULT_CONFIG
): Promise<Report> => review({ source: memorySource(init), config, catalog, toolVersion: 'test' })
const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')

const DEPLOY_ROLE_S3 = 'Resources/DeployRole/Properties/Policies/s3-write/PolicyDocument'
const codes = (file: FileReport | undefined): string[] =>
  (file?.diagnostics ?? []).map((d) => `${d.severity} ${d.code}`)

describe('review of the formats of docs/SOURCES.md', () => {
  const head = {
    'infra/deploy.yaml': fixture('sources/head/deploy.yaml'),
    'sam/template.yaml': fixture('extract/cfn/sam-function.yaml'),
    'svc/serverless.yml': fixture('extract/serverless.yml'),
    'aws/get-role.json': fixture('extract/get-role.json'),
    'cdk/stack.ts': fixture('extract/stack.ts'),
    'iam/templated.json': fixture('extract/templated-policy.json'),
    'package.json': '{"name":"x","version":"1.0.0"}\n',
    'README.md': '# Policies\n\nSee `iam/`.\n',
    'logo.png': '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'
  }
  const init = { base: { 'infra/deploy.yaml': fixture('sources/base/deploy.yaml') }, head }
  let report: Report
  const unit = (file: string, location?: string): FileReport | undefined =>
    report.files.find((f) => f.file === file && f.document?.location === location)

  it('reviews a CloudFormation template per document, with template lines', async () => {
    report = await run(init)
    const s3 = unit('infra/deploy.yaml', DEPLOY_ROLE_S3)
    expect(s3).toMatchObject({
      status: 'modified',
      outcome: 'changed',
      policyKind: 'identity',
      document: {
        name: 'DeployRole › inline policy s3-write',
        format: 'cloudformation',
        attachedTo: { kind: 'role', name: 'DeployRole' }
      }
    })
    expect(s3?.document?.placeholders.map((p) => p.stands)).toContain('parameter Stage (Default)')
    const change = report.changes.find(
      (c) => c.document?.location === DEPLOY_ROLE_S3 && c.resource.includes('/releases/')
    )
    expect(change).toMatchObject({
      kind: 'broadened',
      file: 'infra/deploy.yaml',
      resource: 'arn:aws:s3:::orders-prod-123456789012/releases/example'
    })
    // `- Sid: WriteArtifacts` is line 29 of the head template
    expect(change?.after.determining[0]).toMatchObject({ sid: 'WriteArtifacts', line: 29 })
    expect(change?.after.determining[0]?.file).toBe(`infra/deploy.yaml#${DEPLOY_ROLE_S3}`)
    // the new AWS::IAM::Policy is an added document of the modified file; !GetAtt resolved
    const queue = unit('infra/deploy.yaml', 'Resources/QueueReader/Properties/PolicyDocument')
    expect(queue).toMatchObject({ status: 'added', outcome: 'changed' })
    // the trust policy did not change: no unit for it
    expect(report.files.filter((f) => f.file === 'infra/deploy.yaml')).toHaveLength(2)
  })

  it('reviews SAM, serverless and AWS CLI documents', () => {
    expect(report.files.some((f) => f.file === 'sam/template.yaml' && f.document)).toBe(true)
    // the SAM policy template is not reviewed: an error of the file as a whole
    expect(codes(unit('sam/template.yaml'))).toContain('error source-not-reviewed')
    expect(unit('svc/serverless.yml', 'provider/iam/role/statements')?.outcome).toBe('changed')
    expect(unit('aws/get-role.json', 'Role/deploy/AssumeRolePolicyDocument')).toMatchObject({
      outcome: 'changed',
      policyKind: 'resource'
    })
  })

  it('fails closed on CDK source and on a policy with template syntax', () => {
    const cdk = unit('cdk/stack.ts')
    expect(cdk?.outcome).toBe('error')
    expect(codes(cdk)).toEqual(['error source-not-reviewed'])
    expect(cdk?.diagnostics[0]?.help).toMatch(/cdk\.out/)
    const templated = unit('iam/templated.json')
    expect(templated?.outcome).toBe('error')
    expect(templated?.diagnostics[0]?.message).toContain('${account_id}')
    expect(templated?.diagnostics[0]?.span?.line).toBe(7)
    expect(shouldFail(report, 'broadened')).toBe(true)
    expect(report.summary.filesWithErrors).toBeGreaterThanOrEqual(3)
  })

  it('ignores unrelated files without a word', () => {
    const paths = new Set(report.files.map((f) => f.file))
    for (const path of ['package.json', 'README.md', 'logo.png'])
      expect(paths.has(path)).toBe(false)
  })

  it('names the document in the terminal output', () => {
    const text = renderText(report)
    // reviewed as the role it belongs to (issue 10)
    expect(text).toContain(
      '↑ infra/deploy.yaml › DeployRole › inline policy s3-write [subject role DeployRole]  '
    )
    expect(text).toContain('(WriteArtifacts, line 29)')
    expect(text).toMatch(/cdk\/stack\.ts:\d+:\d+: error source-not-reviewed: /)
  })

  it('downgrades not-reviewed files matching `not-reviewed.warn` to a listed warning', async () => {
    const warned = await run(
      { base: {}, head: { 'cdk/stack.ts': fixture('extract/stack.ts') } },
      { ...DEFAULT_CONFIG, notReviewedWarn: ['cdk/**'] }
    )
    expect(warned.files).toHaveLength(1)
    expect(warned.files[0]?.outcome).not.toBe('error')
    expect(codes(warned.files[0])).toEqual(['warning source-not-reviewed'])
    expect(shouldFail(warned, 'broadened')).toBe(false)
    expect(renderText(warned)).toMatch(
      /not reviewed:\n {2}cdk\/stack\.ts:.*warning source-not-reviewed/
    )
  })
})

const template = (logicalId: string, statements: string): string =>
  [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    `  ${logicalId}:`,
    '    Type: AWS::IAM::ManagedPolicy',
    '    Properties:',
    '      PolicyDocument:',
    "        Version: '2012-10-17'",
    '        Statement:',
    statements,
    ''
  ].join('\n')
const READ = [
  '          - Sid: Read',
  '            Effect: Allow',
  '            Action: s3:GetObject',
  "            Resource: '*'"
].join('\n')
const LIST = [
  '          - Sid: List',
  '            Effect: Allow',
  '            Action: s3:ListBucket',
  "            Resource: '*'"
].join('\n')

describe('pairing documents by location', () => {
  it('a statement moved inside a document is a change of that document, not add + delete', async () => {
    const report = await run({
      base: { 't.yaml': template('Policy', `${READ}\n${LIST}`) },
      head: { 't.yaml': template('Policy', `${LIST}\n${READ}`) }
    })
    expect(report.files).toHaveLength(1)
    expect(report.files[0]).toMatchObject({
      status: 'modified',
      outcome: 'neutral',
      document: { location: 'Resources/Policy/Properties/PolicyDocument' }
    })
    expect(report.changes).toEqual([])
  })

  it('a renamed logical ID is a deleted and an added document', async () => {
    const report = await run({
      base: { 't.yaml': template('Policy', READ) },
      head: { 't.yaml': template('Renamed', READ) }
    })
    expect(report.files.map((f) => [f.document?.location, f.status])).toEqual([
      ['Resources/Policy/Properties/PolicyDocument', 'deleted'],
      ['Resources/Renamed/Properties/PolicyDocument', 'added']
    ])
    expect(report.summary.broadened).toBeGreaterThan(0)
    expect(report.summary.narrowed).toBeGreaterThan(0)
  })

  it('an invalid statement in a template is reported at its template line', async () => {
    const broken = READ.replace('Effect: Allow', 'Effect: Alow')
    const report = await run({
      base: { 't.yaml': template('Policy', READ) },
      head: { 't.yaml': template('Policy', broken) }
    })
    expect(report.files[0]?.outcome).toBe('error')
    const d = report.files[0]?.diagnostics.find((x) => x.code === 'statement-effect-invalid')
    expect(d).toMatchObject({ file: 't.yaml', span: { line: 10 } })
  })

  it('keeps a bare policy file exactly as before (its path is its key)', async () => {
    const report = await run({
      base: { 'iam/p.json': policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
      head: { 'iam/p.json': policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }
    })
    expect(report.files[0]?.document).toBeUndefined()
    expect(report.changes[0]?.document).toBeUndefined()
    expect(report.changes[0]?.after.determining[0]?.file).toBe('iam/p.json')
  })
})
