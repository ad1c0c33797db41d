// Issue 9: Terraform through the normal review pipeline. A module's `.tf` files are reviewed
// with the rest of the module on the same side (`variables.tf` defaults, `terraform.tfvars`,
// templatefile() policies); a change to a `.tfvars` file or a template re-reviews the `.tf`
// files that use it; a plan JSON file is reviewed before → after by address.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { shouldFail } from '../../src/diff/classify.js'
import type { Report } from '../../src/diff/report.js'
import { renderText } from '../../src/render/text.js'
import { review } from '../../src/review/review.js'
import { planSource } from '../../src/sources/plan-source.js'
import type { PolicySource } from '../../src/sources/port.js'
import { memorySource } from './memory-source.js'

const catalog = loadCatalog()

function run(source: PolicySource): Promise<Report> {
  return review({ source, config: DEFAULT_CONFIG, catalog, toolVersion: 'test' })
}

/** `document location → broadened action@resource` (action classes expanded), sorted. */
function broadened(report: Report): string[] {
  const classes = new Map(
    report.files.flatMap((f) => f.actionClasses.map((c) => [c.action, c.actions] as const))
  )
  const out = new Set<string>()
  for (const c of report.changes.filter((x) => x.kind === 'broadened'))
    for (const action of classes.get(c.action) ?? [c.action])
      out.add(`${c.document?.location ?? ''} ${action} ${c.resource} ${c.principal}`.trim())
  return [...out].sort()
}

function actions(report: Report, location: string): string[] {
  const classes = new Map(
    report.files.flatMap((f) => f.actionClasses.map((c) => [c.action, c.actions] as const))
  )
  return [
    ...new Set(
      report.changes
        .filter((c) => c.kind === 'broadened' && c.document?.location === location)
        .flatMap((c) => classes.get(c.action) ?? [c.action])
    )
  ].sort()
}

const VARIABLES = `variable "bucket_name" {
  type = string
}

variable "account_id" {
  type    = string
  default = "111122223333"
}
`

const TFVARS = `bucket_name = "orders-data"\n`

const TEMPLATE = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
      "Resource": "arn:aws:logs:\${region}:\${account_id}:log-group:/app/*"
    }
  ]
}
`

function main(options: { deployActions: string; trust: string }): string {
  return `data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "Orders"
    actions   = [${options.deployActions}]
    resources = ["arn:aws:s3:::\${var.bucket_name}/*"]
  }
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { ${options.trust} }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  name   = "orders"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

resource "aws_iam_policy" "logs" {
  name = "app-logs"
  policy = templatefile("\${path.module}/policies/logs.json.tpl", {
    account_id = var.account_id
    region     = "eu-west-1"
  })
}
`
}

const BASE_MAIN = main({
  deployActions: '"s3:GetObject"',
  trust: 'Service = "ec2.amazonaws.com"'
})

const MODULE = {
  'infra/main.tf': BASE_MAIN,
  'infra/variables.tf': VARIABLES,
  'infra/terraform.tfvars': TFVARS,
  'infra/policies/logs.json.tpl': TEMPLATE,
  'README.md': '# app\n'
}

describe('a Terraform module change (issue 9)', () => {
  it('names the exact broadened actions of a policy document, a jsonencode trust policy and their addresses', async () => {
    const head = main({
      deployActions: '"s3:GetObject", "s3:PutObject"',
      trust: 'Service = "ec2.amazonaws.com", AWS = "arn:aws:iam::444455556666:root"'
    })
    const report = await run(
      memorySource({ base: MODULE, head: { ...MODULE, 'infra/main.tf': head } })
    )
    expect(report.summary.filesWithErrors).toBe(0)
    // the bucket comes from terraform.tfvars, not a placeholder
    expect(actions(report, 'aws_iam_role_policy.deploy/policy')).toEqual(['s3:PutObject'])
    const s3 = report.changes.filter(
      (c) => c.document?.location === 'aws_iam_role_policy.deploy/policy'
    )
    expect(s3.length).toBeGreaterThan(0)
    expect(s3.every((c) => c.resource.startsWith('arn:aws:s3:::orders-data/'))).toBe(true)
    expect(actions(report, 'aws_iam_role.deploy/assume_role_policy')).toEqual(['sts:AssumeRole'])
    const trust = report.changes.filter(
      (c) => c.document?.location === 'aws_iam_role.deploy/assume_role_policy'
    )
    expect(trust.every((c) => c.principal.includes('444455556666'))).toBe(true)
    // the unchanged templatefile() policy is not part of the change
    expect(report.files.map((f) => f.document?.location).sort()).toEqual([
      'aws_iam_role.deploy/assume_role_policy',
      'aws_iam_role_policy.deploy/policy'
    ])
    expect(report.files.every((f) => f.document?.format === 'terraform')).toBe(true)
    const names = report.files.map((f) => f.document?.name)
    expect(names).toContain('aws_iam_role_policy.deploy › inline policy')
    expect(shouldFail(report, 'broadened')).toBe(true)
    const text = renderText(report)
    expect(text).toContain('infra/main.tf')
    expect(text).toContain('s3:PutObject')
  })

  it('a `.tfvars` change re-reviews the `.tf` files that use it (not in the change themselves)', async () => {
    const report = await run(
      memorySource({
        base: MODULE,
        head: { ...MODULE, 'infra/terraform.tfvars': 'bucket_name = "orders-*"\n' }
      })
    )
    expect(report.summary.filesWithErrors).toBe(0)
    expect(report.files.map((f) => `${f.file}#${f.document?.location ?? ''}`)).toEqual([
      'infra/main.tf#aws_iam_role_policy.deploy/policy'
    ])
    expect(actions(report, 'aws_iam_role_policy.deploy/policy')).toEqual(['s3:GetObject'])
    expect(report.changes.some((c) => c.resource.startsWith('arn:aws:s3:::orders-'))).toBe(true)
    expect(shouldFail(report, 'broadened')).toBe(true)
  })

  it('a changed `variables.tf` default or `locals.tf` local re-reviews the `.tf` file that uses it', async () => {
    // the policy file is unchanged: only the module's other files widen what it grants
    const iam = `resource "aws_iam_policy" "read" {
  name = "read"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::\${var.bucket}/*" },
      { Effect = "Allow", Action = "s3:PutObject", Resource = local.upload_arn }
    ]
  })
}
`
    const module = (bucket: string, upload: string): Record<string, string> => ({
      'infra/iam.tf': iam,
      'infra/variables.tf': `variable "bucket" {\n  default = "${bucket}"\n}\n`,
      'infra/locals.tf': `locals {\n  upload_arn = "arn:aws:s3:::${upload}"\n}\n`
    })
    const base = module('reports', 'uploads/*')
    const viaVariables = await run(memorySource({ base, head: module('*', 'uploads/*') }))
    expect(viaVariables.files.map((f) => f.file)).toEqual(['infra/iam.tf'])
    expect(actions(viaVariables, 'aws_iam_policy.read/policy')).toEqual(['s3:GetObject'])
    const viaLocals = await run(memorySource({ base, head: module('reports', '*') }))
    expect(actions(viaLocals, 'aws_iam_policy.read/policy')).toEqual(['s3:PutObject'])
    // the local was read from locals.tf, not left a placeholder
    const put = viaLocals.changes.find((c) => c.action === 's3:PutObject')
    expect(put?.resource).not.toContain('iam-policy-diff')
    const unchanged = await run(memorySource({ base, head: base }))
    expect(unchanged.changes).toEqual([])
  })

  it('a changed local module call into a module whose policies take variables is not reviewed (fail closed)', async () => {
    const child = `variable "bucket" {}
resource "aws_iam_policy" "read" {
  name   = "read"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::\${var.bucket}/*" }] })
}
`
    const root = (bucket: string, extra = ''): string =>
      `module "app" {\n  source = "./modules/app"\n  bucket = "${bucket}"\n}\n${extra}`
    const files = (main: string, module = child): Record<string, string> => ({
      'infra/main.tf': main,
      'infra/modules/app/iam.tf': module
    })
    const widened = await run(
      memorySource({ base: files(root('reports')), head: files(root('*')) })
    )
    const [file] = widened.files
    expect(file?.file).toBe('infra/main.tf')
    expect(file?.outcome).toBe('error')
    expect(file?.diagnostics[0]?.message).toContain('Terraform module call `app`')
    expect(file?.diagnostics[0]?.message).toContain('infra/modules/app/iam.tf')
    expect(file?.diagnostics[0]?.span?.line).toBe(1)
    expect(shouldFail(widened, 'broadened')).toBe(true)
    // the same call, another change to the file: nothing to say
    const other = await run(
      memorySource({
        base: files(root('reports')),
        head: files(root('reports', 'output "x" {\n  value = 1\n}\n'))
      })
    )
    expect(other.files).toEqual([])
    // a module whose policies take no variables: its own review covers it
    const fixed = child.replace('${var.bucket}', 'reports')
    const literal = await run(
      memorySource({ base: files(root('reports'), fixed), head: files(root('*'), fixed) })
    )
    expect(literal.files).toEqual([])
  })

  it('a policy passed to a registry module is reviewed as a document of the call', async () => {
    // terraform-aws-modules/iam's iam-policy module takes the policy as an argument
    const root = (resource: string): string => `module "read_policy" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-policy"
  version = "5.39.0"
  name    = "read"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${resource}" }]
  })
}
`
    const report = await run(
      memorySource({
        base: { 'infra/main.tf': root('arn:aws:s3:::reports/*') },
        head: { 'infra/main.tf': root('*') }
      })
    )
    expect(report.files.map((f) => f.document?.location)).toEqual(['module.read_policy/policy'])
    expect(actions(report, 'module.read_policy/policy')).toEqual(['s3:GetObject'])
  })

  describe('module inputs set anew elsewhere are not reviewed either (fail closed)', () => {
    const child = `variable "bucket" {}
resource "aws_iam_policy" "read" {
  name   = "read"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = local.objects }] })
}
`
    const childLocals = 'locals {\n  objects = "arn:aws:s3:::${var.bucket}/*"\n}\n'
    const call = (source = './modules/app'): string =>
      `module "app" {\n  source = "${source}"\n  bucket = var.bucket\n}\n`
    const variables = (bucket: string): string =>
      `variable "bucket" {\n  default = "${bucket}"\n}\n`
    const tree = (extra: Record<string, string>): Record<string, string> => ({
      'infra/main.tf': call(),
      'infra/variables.tf': variables('reports'),
      'infra/modules/app/iam.tf': child,
      'infra/modules/app/locals.tf': childLocals,
      ...extra
    })
    const notReviewed = (report: Report): string[] =>
      report.files
        .filter((f) => f.outcome === 'error')
        .map((f) => `${f.file}: ${f.diagnostics[0]?.message ?? ''}`)

    it('a changed variable default the call passes', async () => {
      const report = await run(
        memorySource({ base: tree({}), head: tree({ 'infra/variables.tf': variables('*') }) })
      )
      const [entry] = notReviewed(report)
      expect(entry).toMatch(
        /^infra\/variables\.tf: Terraform module call `app` in `infra\/main\.tf`/
      )
      // IAM content in iam.tf, the variable in locals.tf: the module as a whole takes inputs
      expect(entry).toContain('infra/modules/app/iam.tf')
    })

    it('a changed `.tfvars` value the call passes', async () => {
      const report = await run(
        memorySource({
          base: tree({ 'infra/terraform.tfvars': 'bucket = "reports"\n' }),
          head: tree({ 'infra/terraform.tfvars': 'bucket = "*"\n' })
        })
      )
      expect(notReviewed(report)[0]).toMatch(
        /^infra\/terraform\.tfvars: Terraform module call `app`/
      )
    })

    it('a wrapper module between the caller and the policies', async () => {
      const wrap =
        'variable "bucket" {}\nmodule "inner" {\n  source = "../app"\n  bucket = var.bucket\n}\n'
      const report = await run(
        memorySource({
          base: tree({
            'infra/main.tf': call('./modules/wrap'),
            'infra/modules/wrap/main.tf': wrap
          }),
          head: tree({
            'infra/main.tf': call('./modules/wrap'),
            'infra/modules/wrap/main.tf': wrap,
            'infra/variables.tf': variables('*')
          })
        })
      )
      expect(notReviewed(report)[0]).toContain('infra/modules/app/iam.tf')
    })

    it('an unrelated change next to the call says nothing', async () => {
      const report = await run(
        memorySource({
          base: tree({}),
          head: tree({ 'infra/main.tf': `${call()}output "x" {\n  value = 1\n}\n` })
        })
      )
      expect(report.files).toEqual([])
    })

    it('a module call whose key is written with a JSON escape in `.tf.json`', async () => {
      const json = (bucket: string): string =>
        `{"modul\\u0065": {"app": {"source": "./modules/app", "bucket": "${bucket}"}}}`
      const report = await run(
        memorySource({
          base: tree({ 'infra/main.tf': '', 'infra/app.tf.json': json('reports') }),
          head: tree({ 'infra/main.tf': '', 'infra/app.tf.json': json('*') })
        })
      )
      expect(notReviewed(report)[0]).toMatch(/^infra\/app\.tf\.json: Terraform module call `app`/)
    })
  })

  it('a template change re-reviews the templatefile() policy; the template is not reported as unread', async () => {
    const template = TEMPLATE.replace(
      '"logs:PutLogEvents"]',
      '"logs:PutLogEvents", "logs:DeleteLogGroup"]'
    )
    const report = await run(
      memorySource({
        base: MODULE,
        head: { ...MODULE, 'infra/policies/logs.json.tpl': template }
      })
    )
    expect(report.summary.filesWithErrors).toBe(0)
    expect(report.files.map((f) => `${f.file}#${f.document?.location ?? ''}`)).toEqual([
      'infra/main.tf#aws_iam_policy.logs/policy'
    ])
    expect(actions(report, 'aws_iam_policy.logs/policy')).toEqual(['logs:DeleteLogGroup'])
    // rendered with the variables: region from the call, account from variables.tf
    expect(
      report.changes.every((c) => c.resource.startsWith('arn:aws:logs:eu-west-1:111122223333:'))
    ).toBe(true)
  })

  it('without the tfvars the variable is a placeholder, identical on both sides', async () => {
    const { 'infra/terraform.tfvars': _dropped, ...rest } = MODULE
    const head = main({
      deployActions: '"s3:GetObject", "s3:DeleteObject"',
      trust: 'Service = "ec2.amazonaws.com"'
    })
    const report = await run(memorySource({ base: rest, head: { ...rest, 'infra/main.tf': head } }))
    expect(actions(report, 'aws_iam_role_policy.deploy/policy')).toEqual(['s3:DeleteObject'])
    const placeholders = report.files.flatMap((f) => f.document?.placeholders ?? [])
    expect(placeholders.some((p) => p.value.includes('terraform-var.bucket_name'))).toBe(true)
  })

  it('-var-file values that disagree are not silently picked: the policy is not fully reviewed', async () => {
    const { 'infra/terraform.tfvars': _dropped, ...rest } = MODULE
    const files = {
      ...rest,
      'infra/prod.tfvars': 'bucket_name = "orders-prod"\n',
      'infra/dev.tfvars': 'bucket_name = "orders-dev"\n'
    }
    const report = await run(
      memorySource({
        base: files,
        head: { ...files, 'infra/dev.tfvars': 'bucket_name = "*"\n' }
      })
    )
    const messages = report.files.flatMap((f) => f.diagnostics.map((d) => d.message))
    expect(messages.join('\n')).toMatch(/set differently in `dev.tfvars`, `prod.tfvars`/)
    expect(shouldFail(report, 'broadened')).toBe(true)
  })

  it('a sibling is read from the same side: a template added with its .tf file', async () => {
    const base = { 'infra/variables.tf': VARIABLES, 'infra/terraform.tfvars': TFVARS }
    const report = await run(memorySource({ base, head: MODULE }))
    expect(report.summary.filesWithErrors).toBe(0)
    expect(actions(report, 'aws_iam_policy.logs/policy')).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents'
    ])
  })

  it('`.tf.json` (CDK for Terraform output) is reviewed like `.tf`, with its variables file', async () => {
    // what `cdktf synth` writes: a stack's cdk.tf.json; the variable sits in another JSON file
    const stack = (actions: string[]): string =>
      JSON.stringify({
        resource: {
          aws_iam_role_policy: {
            deploy: {
              role: 'deploy',
              policy: `\${jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = ${JSON.stringify(actions)}, Resource = "arn:aws:s3:::\${var.bucket}/*"}]})}`
            }
          }
        }
      })
    const variables = JSON.stringify({ variable: { bucket: { default: 'reports' } } })
    const report = await run(
      memorySource({
        base: {
          'stacks/app/cdk.tf.json': stack(['s3:GetObject']),
          'stacks/app/variables.tf.json': variables
        },
        head: {
          'stacks/app/cdk.tf.json': stack(['s3:GetObject', 's3:PutObject']),
          'stacks/app/variables.tf.json': variables
        }
      })
    )
    expect(report.files.map((f) => f.outcome)).not.toContain('error')
    expect(actions(report, 'aws_iam_role_policy.deploy/policy')).toEqual(['s3:PutObject'])
    const change = report.changes.find((c) => c.action === 's3:PutObject')
    expect(change?.resource).toMatch(/^arn:aws:s3:::reports\//)
  })

  it('a path outside the repository is never read', async () => {
    const head = BASE_MAIN.replace('${path.module}/policies/logs.json.tpl', '../../etc/passwd')
    const report = await run(
      memorySource({ base: MODULE, head: { ...MODULE, 'infra/main.tf': head } })
    )
    const messages = report.files.flatMap((f) => f.diagnostics.map((d) => d.message))
    expect(messages.join('\n')).toMatch(/outside the repository/)
  })
})

const PLAN = path.join(process.cwd(), '__tests__/fixtures/terraform/plan.json')

describe('a Terraform plan JSON review (issue 9)', () => {
  it('create, update, delete and unknown-after-apply, named by address', async () => {
    expect(readFileSync(PLAN, 'utf8')).toContain('resource_changes')
    const report = await run(planSource({ plan: 'plan.json', cwd: path.dirname(PLAN) }))
    const byLocation = new Map(report.files.map((f) => [f.document?.location ?? '', f]))
    // update: a broadened role policy
    expect(actions(report, 'aws_iam_role_policy.deploy/policy')).toEqual(['s3:PutObject'])
    expect(byLocation.get('aws_iam_role_policy.deploy/policy')?.status).toBe('modified')
    // create: reviewed against nothing
    expect(byLocation.get('module.ci.aws_iam_policy.ci["main"]/policy')?.status).toBe('added')
    expect(actions(report, 'module.ci.aws_iam_policy.ci["main"]/policy')).toEqual([
      'ecr:GetAuthorizationToken'
    ])
    // delete: narrowed to nothing
    expect(byLocation.get('aws_iam_policy.legacy/policy')?.status).toBe('deleted')
    expect(
      report.changes.some(
        (c) => c.kind === 'narrowed' && c.document?.location === 'aws_iam_policy.legacy/policy'
      )
    ).toBe(true)
    // unknown until apply: not reviewed (not a deletion either), fails closed
    expect(byLocation.has('aws_iam_role.app/assume_role_policy')).toBe(false)
    const unknown = report.files.find((f) => f.file === 'plan.json' && f.outcome === 'error')
    expect(unknown?.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /aws_iam_role\.app|known only/
    )
    expect(broadened(report).length).toBeGreaterThan(0)
    expect(shouldFail(report, 'broadened')).toBe(true)
    expect(report.files.every((f) => f.file === 'plan.json')).toBe(true)
  })
})
