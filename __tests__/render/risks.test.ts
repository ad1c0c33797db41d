// The verdict leads with the most severe risk (docs/RISKS.md), naming what and where; change rows
// and terminal lines carry the risks; user strings stay inert. Golden files: comment-risks.md,
// text-risks.txt.
import { describe, expect, it } from '@jest/globals'
import type { Change, Report } from '../../src/diff/report.js'
import { renderComment } from '../../src/render/comment.js'
import { renderText } from '../../src/render/text.js'
import { verdict } from '../../src/render/verdict.js'
import type { Risk } from '../../src/risk/vocabulary.js'
import { change, expectGolden, fileReport, ref, report } from './report-fixtures.js'

const BUS = 'arn:aws:events:us-east-1:123456789012:event-bus/OrdersBus'
const OUTSIDER = 'arn:aws:iam::444455556666:user/outsider'

function broadened(
  file: string,
  action: string,
  risks: readonly Risk[],
  extra: Partial<Parameters<typeof change>[0]> = {}
): Change {
  return change({
    kind: 'broadened',
    file,
    action,
    risks,
    afterRefs: [ref(file, 0, 'Grant', 3)],
    ...extra
  })
}

function single(c: Change, files = [fileReport({ file: c.file })]): Report {
  return report(files, [c])
}

describe('verdict: the most severe finding first', () => {
  it.each<[string, Report, string, string]>([
    [
      'public to any AWS account',
      single(
        broadened('bus.json', 'events:PutEvents', ['public', 'cross-account', 'write'], {
          resource: BUS,
          principal: OUTSIDER
        })
      ),
      `⚠️ IAM policy diff: **public**: makes \`${BUS}\` accessible to any AWS account (\`events:PutEvents\` in \`bus.json\`); access **broadened** for 1 request in 1 file`,
      `⚠ public: makes ${BUS} accessible to any AWS account (events:PutEvents in bus.json); access broadened for 1 request in 1 file`
    ],
    [
      'public to anonymous callers',
      single(
        broadened('bucket.json', 's3:GetObject', ['public', 'cross-account', 'read'], {
          resource: 'arn:aws:s3:::site/example',
          principal: '*'
        })
      ),
      '⚠️ IAM policy diff: **public**: makes `arn:aws:s3:::site/example` accessible to anyone, unsigned (`s3:GetObject` in `bucket.json`); access **broadened** for 1 request in 1 file',
      '⚠ public: makes arn:aws:s3:::site/example accessible to anyone, unsigned (s3:GetObject in bucket.json); access broadened for 1 request in 1 file'
    ],
    [
      'public through web-identity federation names the provider and the role',
      single(
        broadened(
          'trust.json',
          'sts:AssumeRoleWithWebIdentity',
          ['public', 'cross-account', 'write'],
          {
            resource: 'arn:aws:iam::123456789012:role/deploy',
            principal:
              'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
            context: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }
          }
        )
      ),
      "⚠️ IAM policy diff: **public**: anyone with a token from `token.actions.githubusercontent.com` can assume `arn:aws:iam::123456789012:role/deploy`: no condition pins the token's subject (`sts:AssumeRoleWithWebIdentity` in `trust.json`); access **broadened** for 1 request in 1 file",
      "⚠ public: anyone with a token from token.actions.githubusercontent.com can assume arn:aws:iam::123456789012:role/deploy: no condition pins the token's subject (sts:AssumeRoleWithWebIdentity in trust.json); access broadened for 1 request in 1 file"
    ],
    [
      'privilege escalation names the action, resource and file',
      single(
        broadened('iam/deploy.json', 'iam:PassRole', ['privilege-escalation', 'write'], {
          resource: '*'
        })
      ),
      '⚠️ IAM policy diff: **privilege escalation**: `iam:PassRole` on `*` in `iam/deploy.json`; access **broadened** for 1 request in 1 file',
      '⚠ privilege escalation: iam:PassRole on * in iam/deploy.json; access broadened for 1 request in 1 file'
    ],
    [
      'cross-account names the principal',
      single(
        broadened('trust.json', 'sts:AssumeRole', ['cross-account', 'write'], {
          resource: 'arn:aws:iam::123456789012:role/deploy',
          principal: 'arn:aws:iam::777788889999:root'
        })
      ),
      '⚠️ IAM policy diff: **cross-account**: `arn:aws:iam::777788889999:root` gains `sts:AssumeRole` on `arn:aws:iam::123456789012:role/deploy` in `trust.json`; access **broadened** for 1 request in 1 file',
      '⚠ cross-account: arn:aws:iam::777788889999:root gains sts:AssumeRole on arn:aws:iam::123456789012:role/deploy in trust.json; access broadened for 1 request in 1 file'
    ],
    [
      'permissions management with the actions alike',
      single(
        broadened('p.json', 's3:AbortMultipartUpload', ['permissions-management', 'write'], {
          resource: 'arn:aws:s3:::b/example',
          classSize: 104
        })
      ),
      '⚠️ IAM policy diff: **permissions management**: `s3:AbortMultipartUpload` and 103 more alike on `arn:aws:s3:::b/example` in `p.json`; access **broadened** for 1 request in 1 file',
      '⚠ permissions management: s3:AbortMultipartUpload and 103 more alike on arn:aws:s3:::b/example in p.json; access broadened for 1 request in 1 file'
    ],
    [
      'admin',
      single(
        broadened('admin.json', 'a2c:GetContainerizationJobDetails', [
          'admin',
          'privilege-escalation',
          'write'
        ])
      ),
      '⚠️ IAM policy diff: **admin**: nearly every action on `*` in `admin.json`; access **broadened** for 1 request in 1 file',
      '⚠ admin: nearly every action on * in admin.json; access broadened for 1 request in 1 file'
    ],
    [
      'a plain write keeps the usual sentence',
      single(broadened('w.json', 'sqs:DeleteQueue', ['write'])),
      '⚠️ IAM policy diff: access **broadened** for 1 request in 1 file',
      '⚠ access broadened for 1 request in 1 file'
    ]
  ])('%s', (_name, r, markdown, text) => {
    expect(verdict(r).markdown).toBe(markdown)
    expect(verdict(r).text).toBe(text)
  })

  it('public beats privilege escalation, whatever the order of the changes', () => {
    const r = report(
      [fileReport({ file: 'a.json' }), fileReport({ file: 'b.json' })],
      [
        broadened('a.json', 'iam:AttachRolePolicy', ['privilege-escalation']),
        broadened('b.json', 's3:GetObject', ['public', 'cross-account', 'read'], { principal: '*' })
      ]
    )
    expect(verdict(r).markdown).toContain('**public**: makes `*` accessible to anyone')
  })

  it('names the escalation member of a class when the probed action is not one', () => {
    const c = broadened(
      'p.json',
      'iam:AddClientIDToOpenIDConnectProvider',
      ['privilege-escalation'],
      {
        classSize: 3
      }
    )
    const file = fileReport({
      file: 'p.json',
      actionClasses: [
        {
          action: 'iam:AddClientIDToOpenIDConnectProvider',
          size: 3,
          actions: ['iam:AddClientIDToOpenIDConnectProvider', 'iam:AttachRolePolicy', 'iam:TagRole']
        }
      ]
    })
    expect(verdict(single(c, [file])).markdown).toContain(
      '**privilege escalation**: `iam:AttachRolePolicy` on `*` in `p.json`'
    )
  })

  it('keeps hostile resource and file names inert', () => {
    const c = broadened('x`<!-- -->@team\n.json', 's3:GetObject', ['public', 'read'], {
      resource: 'arn:aws:s3:::b/``<!--\u001b[31m',
      principal: '*'
    })
    const { markdown, text } = verdict(single(c))
    expect(markdown).not.toContain('<!--')
    expect(markdown).not.toContain('\n')
    expect(markdown).toContain('```arn:aws:s3:::b/``<\u200d!--\\u001b[31m```')
    expect(text).not.toContain('\u001b')
    expect(text).toContain('\\n.json')
  })

  it('an unreviewed file with nothing broadened has no finding', () => {
    const r = report([fileReport({ file: 'bad.json', outcome: 'error' })], [])
    expect(verdict(r).markdown).not.toContain('**public**')
  })
})

describe('risks in rows and lines', () => {
  const risky = (): Report =>
    report(
      [
        fileReport({ file: 'bus.json', policyKind: 'resource' }),
        fileReport({ file: 'iam/deploy.json' })
      ],
      [
        broadened('bus.json', 'events:PutEvents', ['public', 'cross-account', 'write'], {
          resource: BUS,
          principal: OUTSIDER
        }),
        broadened('bus.json', 'events:PutEvents', ['cross-account', 'write'], {
          resource: BUS,
          principal: 'arn:aws:iam::777788889999:root'
        }),
        broadened('iam/deploy.json', 'iam:PassRole', ['privilege-escalation', 'write']),
        broadened('iam/deploy.json', 'iam:GetRole', ['read'], {
          resource: 'arn:aws:iam::123456789012:role/app'
        }),
        change({
          kind: 'narrowed',
          file: 'iam/deploy.json',
          action: 's3:GetObject',
          beforeRefs: [ref('iam/deploy.json', 1, 'Old', 7)]
        })
      ]
    )

  it('renders the comment with risks (golden)', async () => {
    await expectGolden(
      'comment-risks.md',
      renderComment(risky(), { marker: '<!-- iam-policy-diff -->' })
    )
  })

  it('renders the terminal text with risks (golden)', async () => {
    await expectGolden('text-risks.txt', renderText(risky()))
  })

  it('shows a row’s risks under its change, severe ones in bold', () => {
    const body = renderComment(risky(), { marker: '<!-- iam-policy-diff -->' })
    expect(body).toContain('Allow**<br>**public** **cross-account** write |')
    expect(renderText(risky())).toContain(
      '*  ImplicitDeny → Allow  (Grant, line 3)  [privilege-escalation, write]'
    )
  })
})
