import { describe, expect, it } from '@jest/globals'
import { sniffUnreviewable } from '../../src/extract/sniff.js'
import { fixture } from './helpers.js'

function what(path: string, text: string): string | undefined {
  return sniffUnreviewable(path, text)[0]?.what
}

describe('unreviewable IAM content', () => {
  it('Terraform .tf and .tf.json, located, with the plan-output fix', () => {
    const [entry] = sniffUnreviewable('infra/iam.tf', fixture('iam.tf'))
    expect(entry).toMatchObject({ what: 'Terraform (.tf)', position: { line: 1, column: 1 } })
    expect(entry?.fix).toContain('terraform show -json')
    expect(entry?.fix).toContain('256 KiB')
    expect(what('x.tf', 'data "aws_iam_policy_document" "p" {}')).toBe('Terraform (.tf)')
    expect(what('x.tf.json', '{"resource": {"aws_s3_bucket_policy": {}}}')).toBe(
      'Terraform (.tf.json)'
    )
    expect(what('x.tf', 'x = jsonencode({ Statement = [] })')).toBe('Terraform (.tf)')
    expect(what('x.tf', 'x = jsonencode({ a = 1 })')).toBeUndefined()
    expect(what('x.tf', 'resource "aws_s3_bucket" "b" {}')).toBeUndefined()
  })

  it.each([
    ['stack.ts', "import * as iam from 'aws-cdk-lib/aws-iam'", 'CDK source (TypeScript)'],
    ['app.py', 'from aws_cdk import aws_iam as iam', 'CDK source (Python)'],
    [
      'Stack.java',
      'import software.amazon.awscdk.services.iam.PolicyStatement;',
      'CDK source (Java)'
    ],
    ['main.go', '"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"', 'CDK source (Go)'],
    ['Stack.cs', 'using Amazon.CDK.AWS.IAM;', 'CDK source (C#)'],
    ['x.js', 'const s = new iam.PolicyStatement({})', 'CDK source (JavaScript)'],
    [
      'index.ts',
      "import * as aws from '@pulumi/aws'\nnew aws.iam.Role('r', {})",
      'Pulumi program (TypeScript)'
    ],
    ['__main__.py', 'import pulumi_aws as aws\naws.iam.Policy("p")', 'Pulumi program (Python)'],
    [
      'serverless.ts',
      'export default { provider: { iam: { role: {} } } }',
      'serverless configuration (TypeScript)'
    ]
  ])('code: %s', (path, text, expected) => {
    expect(what(path, text)).toBe(expected)
  })

  it('CDK fix names the synthesized output', () => {
    expect(sniffUnreviewable('stack.ts', fixture('stack.ts'))[0]?.fix).toBe(
      'synthesize and review cdk.out, see examples/workflows/cdk.yml'
    )
    expect(what('plain.ts', "import { x } from './y'")).toBeUndefined()
  })

  it('shell: aws iam commands with inline JSON, heredocs; not file:// references', () => {
    const [entry] = sniffUnreviewable('setup.sh', fixture('setup.sh'))
    expect(entry).toMatchObject({
      what: 'shell command (aws iam)',
      position: { line: 2, column: 1 }
    })
    expect(entry?.reason).toContain('`aws iam put-role-policy`')
    expect(what('Makefile', 'x:\n\taws iam create-policy --policy-document "$(cat p)"')).toBe(
      'shell command (aws iam)'
    )
    expect(
      what('ci.yml', 'run: aws iam put-user-policy --policy-document file://p.json')
    ).toBeUndefined()
    const heredoc = 'cat > p.json <<EOF\n{"Statement": []}\nEOF\n'
    expect(what('make.sh', heredoc)).toBe('shell heredoc')
    expect(what('GNUmakefile', heredoc)).toBe('shell heredoc')
    expect(what('notes.md', heredoc)).toBeUndefined()
  })

  it('templated policies, with the syntax and where it is', () => {
    const [entry] = sniffUnreviewable('policy.json.tpl', fixture('templated-policy.json'))
    expect(entry).toMatchObject({
      what: 'templated policy (.tpl)',
      reason: 'template syntax `${account_id}` at 7:40'
    })
    expect(what('p.yaml', 'Statement:\n  - Effect: Allow\n    Resource: "{{ arn }}"')).toBe(
      'templated policy (.yaml)'
    )
    expect(
      what('p.j2', '{"Effect": "Allow", "Action": "s3:*", "Resource": "%{ if x }a%{ endif }"}')
    ).toBe('templated policy (.j2)')
    expect(what('p.erb', '{"Statement": [{"Resource": "<%= arn %>"}]}')).toBe(
      'templated policy (.erb)'
    )
    expect(what('script.sh', 'echo ${HOME}')).toBeUndefined()
  })

  it('JSON / YAML that mention statements in a shape no extractor reads', () => {
    expect(what('cases.json', '[{"policies": [{"Statement": []}]}]')).toBe(
      'IAM-like content (.json)'
    )
    expect(what('k8s.yaml', 'spec:\n  policy:\n    Effect: Allow\n    Action: s3:*')).toBe(
      'IAM-like content (.yaml)'
    )
    expect(what('package.json', '{"name": "x"}')).toBeUndefined()
    expect(what('readme.md', '"Statement": []')).toBeUndefined()
  })

  describe('hostile input', () => {
    it.each([
      ['a<!--*${x}.tf', 'resource "aws_iam_role" "r" {}', 'Terraform (.tf)'],
      ['${x}/<!-- -->.json', '{"x": {"Statement": 1}}', 'IAM-like content (.json)'],
      ['*.sh', 'aws iam put-role-policy --policy-document \'{"a":1}\'', 'shell command (aws iam)']
    ])('odd names: %s', (path, text, expected) => {
      expect(what(path, text)).toBe(expected)
    })

    it('5 MiB files and invalid UTF-8 replacement text, in linear time', () => {
      const big = `${'\uFFFD\uD800x'.repeat((5 * 1024 * 1024) / 3)}\n"Statement": \${x`
      const started = performance.now()
      expect(what('big.json', big)).toBe('templated policy (.json)')
      expect(what('big.ts', big)).toBe('templated policy (.ts)')
      expect(what('big.tf', big.replace('${', '$'))).toBeUndefined()
      expect(performance.now() - started).toBeLessThan(5000)
    })
  })
})
