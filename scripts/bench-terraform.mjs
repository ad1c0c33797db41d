// `npm run bench:terraform`: a pull request touching 200 Terraform `.tf` files (issue 9), timed
// as whole `diff` runs of the committed command-line bundle over a temporary git repository.
// Each of the 200 modules has a main.tf of realistic size (an aws_iam_policy_document with four
// statements, a role with a jsonencode trust policy, a role policy, a managed policy from a
// heredoc, an S3 bucket policy), a variables.tf and a terraform.tfvars; the pull request adds an
// action to every main.tf. The fixed cost (Node, the bundle, the catalogue, the HCL parser) is
// timed separately: a `diff` of the same repository where one `.tf` file changed.
//
//   npm run bench:terraform                5 runs each (median)
//   npm run bench:terraform -- --runs 9 --modules 400
//   npm run bench:terraform -- --runs 1 --modules 2 --keep   keep the repository to look at
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist/cli/index.js')
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const RUNS = argument('--runs', 5)
const MODULES = argument('--modules', 200)

function mainTf(i, extra) {
  const name = `svc${String(i).padStart(3, '0')}`
  return `# ${name}: the service's IAM (generated for bench:terraform)
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  prefix = "${name}-\${var.environment}"
  tags = {
    service     = "${name}"
    environment = var.environment
  }
}

data "aws_iam_policy_document" "app" {
  statement {
    sid     = "ReadData"
    actions = ["s3:GetObject", "s3:ListBucket"${extra ? ', "s3:PutObject"' : ''}]
    resources = [
      aws_s3_bucket.data.arn,
      "\${aws_s3_bucket.data.arn}/*",
    ]
  }

  statement {
    sid       = "Queue"
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"]
    resources = ["arn:\${data.aws_partition.current.partition}:sqs:\${var.region}:\${data.aws_caller_identity.current.account_id}:\${local.prefix}-*"]
  }

  statement {
    sid       = "Secrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:aws:secretsmanager:\${var.region}:\${data.aws_caller_identity.current.account_id}:secret:\${local.prefix}/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/service"
      values   = ["${name}"]
    }
  }

  statement {
    sid       = "DenyOtherRegions"
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = [var.region]
    }
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "\${local.prefix}-data"
  tags   = local.tags
}

resource "aws_iam_role" "app" {
  name = "\${local.prefix}-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
      }
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.app.json
}

resource "aws_iam_policy" "logs" {
  name   = "\${local.prefix}-logs"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
          "Resource": "arn:aws:logs:*:*:log-group:/ecs/${name}:*"
        }
      ]
    }
  EOF
}

resource "aws_iam_role_policy_attachment" "logs" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.logs.arn
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TlsOnly"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = [aws_s3_bucket.data.arn, "\${aws_s3_bucket.data.arn}/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
`
}

const VARIABLES = `variable "environment" {
  type    = string
  default = "dev"
}

variable "region" {
  type = string
}
`

function git(dir, ...args) {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null'
    }
  }).trim()
}

function write(dir, file, text) {
  mkdirSync(dirname(join(dir, file)), { recursive: true })
  writeFileSync(join(dir, file), text)
}

function timeRun(args) {
  const started = process.hrtime.bigint()
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const rss = Number(run.stderr.trim().split('\n').at(-1)) / 1024
  return { seconds, rss, stdout: run.stdout }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const repo = mkdtempSync(join(tmpdir(), 'iam-policy-diff-terraform-'))
try {
  let bytes = 0
  for (let i = 0; i < MODULES; i++) {
    const folder = `modules/svc${String(i).padStart(3, '0')}`
    const text = mainTf(i, false)
    bytes += Buffer.byteLength(text)
    write(repo, `${folder}/main.tf`, text)
    write(repo, `${folder}/variables.tf`, VARIABLES)
    write(repo, `${folder}/terraform.tfvars`, `region = "eu-west-1"\n`)
  }
  git(repo, 'init', '--quiet', '--initial-branch=main')
  git(repo, 'add', '--all')
  git(repo, 'commit', '--quiet', '-m', 'base')
  git(repo, 'checkout', '--quiet', '-b', 'one')
  write(repo, 'modules/svc000/main.tf', mainTf(0, true))
  git(repo, 'commit', '--quiet', '-am', 'one file')
  git(repo, 'checkout', '--quiet', '-b', 'all', 'main')
  for (let i = 0; i < MODULES; i++)
    write(repo, `modules/svc${String(i).padStart(3, '0')}/main.tf`, mainTf(i, true))
  git(repo, 'commit', '--quiet', '-am', 'all files')

  console.log(
    `bench:terraform: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}, ${RUNS} runs each (median)`
  )
  console.log(
    `${MODULES} modules: main.tf ${Math.round(bytes / MODULES)} bytes on average ` +
      `(${Math.round(bytes / 1024)} KiB in all), variables.tf, terraform.tfvars`
  )
  console.log(
    '| run | changed .tf files | wall | peak RSS | documents | broadened | not reviewed |'
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- |')
  const cases = [
    { name: 'no change (start-up: Node, bundle, git)', head: 'main', files: 0 },
    { name: 'one .tf file (+ catalogue, HCL parser)', head: 'one', files: 1 },
    { name: `${MODULES} .tf files`, head: 'all', files: MODULES }
  ]
  for (const c of cases) {
    const args = ['diff', '--repo', repo, '--base', 'main', '--head', c.head, '--format', 'json']
    const runs = Array.from({ length: RUNS }, () => timeRun(args))
    const report = JSON.parse(runs[0].stdout)
    const errors = report.files.filter((f) => f.outcome === 'error').length
    console.log(
      `| ${c.name} | ${c.files} | ${median(runs.map((r) => r.seconds)).toFixed(2)} s | ` +
        `${Math.round(median(runs.map((r) => r.rss)))} MiB | ${report.files.length} | ` +
        `${report.summary.broadened} | ${errors} |`
    )
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`
  )
} finally {
  if (process.argv.includes('--keep')) console.log(`kept the repository: ${repo}`)
  else rmSync(repo, { recursive: true, force: true })
}
