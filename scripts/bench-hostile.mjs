// `npm run bench:hostile`: the worst policies the issue tracker names for the request budget
// (issue 7), timed as whole `diff` runs of the committed command-line bundle: the three hostile
// fixtures, a generated policy of 50 statements over 20 condition keys with `*` actions, and a
// bucket policy naming 250 users of other accounts with per-user folders (`${aws:username}`),
// which is probed caller by caller (docs/MATRIX.md "Principals").
// Prints the median wall time and peak RSS of each, and whether the review was complete.
//
//   npm run bench:hostile                 5 runs each
//   npm run bench:hostile -- --runs 9
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist/cli/index.js')
const HOSTILE = join(ROOT, '__tests__/fixtures/hostile')
const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5

/** Twenty condition keys, each with an operator and satisfiable values. */
const KEYS = [
  ['StringEquals', 'aws:RequestedRegion', ['eu-west-1', 'us-east-1']],
  ['StringEquals', 'aws:PrincipalTag/team', ['ops', 'sre']],
  ['Bool', 'aws:SecureTransport', 'true'],
  ['Bool', 'aws:MultiFactorAuthPresent', 'true'],
  ['IpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16']],
  ['NumericLessThan', 'aws:MultiFactorAuthAge', '3600'],
  ['StringLike', 'aws:userid', 'AROA*'],
  ['ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/ops-*'],
  ['StringEquals', 'aws:SourceVpc', 'vpc-1'],
  ['StringEquals', 'aws:SourceVpce', 'vpce-1'],
  ['StringEquals', 'aws:PrincipalOrgID', 'o-abc'],
  ['ForAnyValue:StringEquals', 'aws:CalledVia', 'cloudformation.amazonaws.com'],
  ['Bool', 'aws:ViaAWSService', 'false'],
  ['StringEquals', 'aws:PrincipalTag/env', 'prod'],
  ['StringLike', 'aws:RequestTag/owner', 'team-*'],
  ['ForAllValues:StringEquals', 'aws:TagKeys', ['owner', 'env']],
  ['DateLessThan', 'aws:CurrentTime', '2027-01-01T00:00:00Z'],
  ['NumericGreaterThan', 'aws:EpochTime', '1700000000'],
  ['StringEquals', 'aws:SourceAccount', '111122223333'],
  ['Bool', 'aws:PrincipalIsAWSService', 'false']
]
const ACTIONS = ['*', ['s3:*', 'ec2:*'], 'iam:*', 'sts:Get*', '*']

function fiftyStatements() {
  const read = {
    Sid: 'Read',
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*'
  }
  const statements = [read]
  for (let i = 0; i < 49; i++) {
    const condition = {}
    for (let k = 0; k < 4; k++) {
      const [operator, key, value] = KEYS[(i * 3 + k) % KEYS.length]
      condition[operator] = { ...condition[operator], [key]: value }
    }
    statements.push({
      Sid: `S${i}`,
      Effect: i % 7 === 3 ? 'Deny' : 'Allow',
      Action: ACTIONS[i % ACTIONS.length],
      Resource: i % 3 === 0 ? '*' : `arn:aws:s3:::bucket-${i}/*`,
      Condition: condition
    })
  }
  return [
    { Version: '2012-10-17', Statement: [read] },
    { Version: '2012-10-17', Statement: statements }
  ]
}

/** 250 users of other accounts, `s3:*` on their own folders; the head adds a per-account folder. */
function perUserBucket() {
  const users = Array.from(
    { length: 250 },
    (_, i) => `arn:aws:iam::${300000000000 + i * 7}:user/u${i}`
  )
  const policy = (extra) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Folders',
        Effect: 'Allow',
        Principal: { AWS: users },
        Action: 's3:*',
        Resource: ['arn:aws:s3:::b/home/${aws:username}/*', ...extra],
        Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } }
      }
    ]
  })
  return [policy([]), policy(['arn:aws:s3:::b/team/${aws:PrincipalAccount}/*'])]
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

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

const temp = mkdtempSync(join(tmpdir(), 'iam-policy-diff-hostile-'))
try {
  const [base, head] = fiftyStatements()
  writeFileSync(join(temp, 'base.json'), JSON.stringify(base, null, 1))
  writeFileSync(join(temp, 'head.json'), JSON.stringify(head, null, 1))
  const [bucketBase, bucketHead] = perUserBucket()
  writeFileSync(join(temp, 'bucket-base.json'), JSON.stringify(bucketBase, null, 1))
  writeFileSync(join(temp, 'bucket-head.json'), JSON.stringify(bucketHead, null, 1))
  const cases = [
    ...['star-conditions', 'hardening', 'wide'].map((name) => ({
      name,
      base: join(HOSTILE, 'base', `${name}.json`),
      head: join(HOSTILE, 'head', `${name}.json`)
    })),
    {
      name: '50 statements, 20 keys',
      base: join(temp, 'base.json'),
      head: join(temp, 'head.json')
    },
    {
      name: '250 users, per-user folders',
      base: join(temp, 'bucket-base.json'),
      head: join(temp, 'bucket-head.json')
    }
  ]
  console.log(
    `bench:hostile: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB, ${RUNS} runs each (median)`
  )
  console.log('| policy | wall | peak RSS | requests | broadened | complete |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  for (const c of cases) {
    const runs = Array.from({ length: RUNS }, () =>
      timeRun(['diff', c.base, c.head, '--format', 'json'])
    )
    const report = JSON.parse(runs[0].stdout)
    const truncated = report.files.some((f) =>
      f.diagnostics.some((d) => d.code === 'matrix-truncated')
    )
    console.log(
      `| ${c.name} | ${median(runs.map((r) => r.seconds)).toFixed(2)} s | ` +
        `${Math.round(median(runs.map((r) => r.rss)))} MiB | ${report.summary.requests} | ` +
        `${report.summary.broadened} | ${truncated ? 'no (truncated)' : 'yes'} |`
    )
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
