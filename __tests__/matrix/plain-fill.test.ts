// fillsPlainly (src/matrix/plain-fill.ts): which witness ARNs fill their resource type's ARN
// format with plain names. Formats are the catalogue's, quoted from AWS's "Resource types defined
// by …" tables of the Service Authorization Reference.
import { describe, expect, it } from '@jest/globals'
import { fillsPlainly, MAX_PLAIN_ARN } from '../../src/matrix/plain-fill.js'

const ROUTE = 'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/routes/${RouteId}'
const AUTHORIZER =
  'arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/authorizers/${AuthorizerId}'
const OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'
const BUCKET = 'arn:${Partition}:s3:::${BucketName}'
// two variables in one piece, joined by `-` (AWS Backup "framework")
const FRAMEWORK =
  'arn:${Partition}:backup:${Region}:${Account}:framework:${FrameworkName}-${FrameworkId}'
// two variables with nothing between them (CodeArtifact "package-group")
const PACKAGE_GROUP =
  'arn:${Partition}:codeartifact:${Region}:${Account}:package-group/${DomainName}${EncodedPackageGroupPattern}'

describe('fillsPlainly', () => {
  it.each([
    ['a route', 'arn:aws:apigateway:us-east-1::/apis/a1/routes/r1', [AUTHORIZER, ROUTE], true],
    [
      'an authorizer ID holding a path',
      'arn:aws:apigateway:us-east-1::/apis/a1/authorizers/routes/r1',
      [AUTHORIZER, ROUTE],
      false
    ],
    ['an object in a bucket', 'arn:aws:s3:::example/example.iso', [BUCKET, OBJECT], true],
    ['an object key with a path', 'arn:aws:s3:::example/home/alice', [BUCKET, OBJECT], false],
    ['a bucket', 'arn:aws:s3:::example', [BUCKET, OBJECT], true],
    ['an empty variable', 'arn:aws:s3:::/example', [OBJECT], false],
    ['a literal that differs', 'arn:aws:s3:::example', [ROUTE], false],
    ['a region where the format has none', 'arn:aws:s3:us-east-1::example', [BUCKET], false],
    [
      'two variables joined by `-`',
      'arn:aws:backup:us-east-1:123456789012:framework:name-id',
      [FRAMEWORK],
      true
    ],
    [
      'a `-` piece without a second variable',
      'arn:aws:backup:us-east-1:123456789012:framework:name-',
      [FRAMEWORK],
      false
    ],
    [
      'two adjacent variables',
      'arn:aws:codeartifact:us-east-1:123456789012:package-group/dom/p',
      [PACKAGE_GROUP],
      false
    ],
    [
      'two adjacent variables, plain',
      'arn:aws:codeartifact:us-east-1:123456789012:package-group/domp',
      [PACKAGE_GROUP],
      true
    ],
    ['no formats: nothing to prefer', 'arn:aws:x:::a/b/c', [], true]
  ])('%s', (_name, arn, templates, expected) => {
    expect(fillsPlainly(arn, templates)).toBe(expected)
  })

  it('does not count an ARN past IAM’s length limit as plain', () => {
    const name = 'a'.repeat(MAX_PLAIN_ARN)
    expect(fillsPlainly(`arn:aws:s3:::${name}`, [BUCKET])).toBe(false)
    expect(fillsPlainly(`arn:aws:s3:::${name.slice(0, 100)}`, [BUCKET])).toBe(true)
  })

  it('answers a long ARN that almost fits a format with two variables in one piece', () => {
    // the case that made a regular expression backtrack (quadratic in the ARN's length); the
    // matcher places each literal once, left to right
    const arn = `arn:aws:backup:us-east-1:123456789012:framework:${'-'.repeat(2000)}/x`
    expect(fillsPlainly(arn, [FRAMEWORK, PACKAGE_GROUP, ROUTE])).toBe(false)
    expect(fillsPlainly(arn.slice(0, -2), [FRAMEWORK])).toBe(true)
  })
})
