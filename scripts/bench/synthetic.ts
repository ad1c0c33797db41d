// (a) the synthetic workload: 200 policy sets × 500 requests from a fixed seed.
import {
  compilePolicySet,
  prepareRequest,
  type CompiledPolicySet,
  type PreparedRequest
} from '../../src/engine/evaluate.js'
import type { PolicySet } from '../../src/engine/types.js'
import type { Policy, PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { BOUNDARY, SCP_LEVEL, syntheticPolicy } from './policies.js'
import { seededRandom } from './prng.js'
import { syntheticRequest } from './requests.js'

export const SEED = 20260401

export interface Workload {
  readonly sets: readonly CompiledPolicySet[]
  readonly requests: readonly PreparedRequest[]
  readonly statements: number
  readonly compileMs: number
  readonly prepareMs: number
}

/** Parses a generated document; a generator bug must fail the bench, not shrink the workload. */
export function parseOrThrow(document: unknown, file: string, kind: PolicyKind): Policy {
  const { policy, diagnostics } = parsePolicy(JSON.stringify(document), { file, kind })
  if (policy === undefined) {
    const first = diagnostics.find((d) => d.severity === 'error')
    throw new Error(
      `${file}: generated policy is invalid: ${first?.code ?? '?'}: ${first?.message ?? ''}`
    )
  }
  return policy
}

/** Every 4th set also has a permissions boundary, every 10th a two-level organisation. */
export function syntheticSets(policyCount: number): PolicySet[] {
  const random = seededRandom(SEED)
  const boundary = parseOrThrow(BOUNDARY, 'boundary.json', 'boundary')
  const root = parseOrThrow(SCP_LEVEL[0], 'scp-root.json', 'scp')
  const ou = parseOrThrow(SCP_LEVEL[1], 'scp-ou.json', 'scp')
  return Array.from({ length: policyCount }, (_, i) => ({
    identity: [parseOrThrow(syntheticPolicy(random), `policy-${i}.json`, 'identity')],
    ...(i % 4 === 3 ? { boundary: [boundary] } : {}),
    ...(i % 10 === 9 ? { scp: [[root], [root, ou]] } : {})
  }))
}

export function syntheticWorkload(policyCount: number, requestCount: number): Workload {
  const sets = syntheticSets(policyCount)
  const random = seededRandom(SEED + 1)
  const requests = Array.from({ length: requestCount }, () => syntheticRequest(random))
  let started = performance.now()
  const compiled = sets.map(compilePolicySet)
  const compileMs = performance.now() - started
  started = performance.now()
  const prepared = requests.map(prepareRequest)
  const prepareMs = performance.now() - started
  const statements = sets.reduce((sum, set) => sum + (set.identity[0]?.statements.length ?? 0), 0)
  return { sets: compiled, requests: prepared, statements, compileMs, prepareMs }
}
