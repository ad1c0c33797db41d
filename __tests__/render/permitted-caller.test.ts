// A caller of the resource's own account probed as holding identity policies that allow every
// action (docs/REPORT.md, `permittedCaller`) is named as such wherever the report shows callers,
// so a reader never takes its change for one of a caller without permissions.
import { describe, expect, it } from '@jest/globals'
import { PERMITTED_NOTE } from '../../src/render/groups.js'
import { renderComment } from '../../src/render/comment.js'
import { renderText } from '../../src/render/text.js'
import { change, fileReport, report } from './report-fixtures.js'

const caller = 'arn:aws:iam::123456789012:user/example'
const relaxed = {
  ...change({
    kind: 'broadened',
    file: 'bucket.json',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket-a/example',
    principal: caller,
    before: 'ExplicitDeny',
    after: 'Allow'
  }),
  permittedCaller: true as const
}
const sample = report([fileReport({ file: 'bucket.json', policyKind: 'resource' })], [relaxed])

describe('permittedCaller in the rendered report', () => {
  it('the comment names the caller with its own permissions', () => {
    const comment = renderComment(sample, { marker: '<!-- iam-policy-diff -->' })
    expect(comment).toContain(PERMITTED_NOTE)
  })

  it('the text output does too', () => {
    expect(renderText(sample)).toContain(`(${PERMITTED_NOTE})`)
  })
})
