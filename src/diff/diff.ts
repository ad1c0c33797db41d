// Evaluate every probe request against the base and the head policies and keep the ones whose
// effect differs. Each request is prepared once and reused for both sides; each side's policy
// set is compiled once by the caller (the engine caches compiled documents per Policy object).
import {
  evaluateCompiled,
  prepareRequest,
  type CompiledPolicySet,
  type PreparedRequest
} from '../engine/evaluate.js'
import type { Decision, Request } from '../engine/types.js'
import { outsiderVariants } from '../risk/pinning.js'
import { classifyChange } from './classify.js'
import type { ChangeKind } from './report.js'

/** A request of the matrix (structurally the matrix's ProbeRequest). */
export interface ProbeRequestLike extends Request {
  readonly origin: 'auto' | 'config'
  /** context keys set because AWS always sends them (matrix/realize.ts) */
  readonly implied?: readonly string[]
  /** the caller's own identity policies are assumed to allow every action (matrix ProbeRequest) */
  readonly permitted?: boolean
}

/**
 * One side of the comparison: the compiled policy set a request is evaluated against.
 * undefined = no policy at all on that side (an added or deleted file): every request is an
 * implicit deny. The choice may depend on the request (e.g. its accounts), never on the side.
 */
export type SideSelector = (request: PreparedRequest) => CompiledPolicySet | undefined

export interface DecisionDiff<R extends ProbeRequestLike = ProbeRequestLike> {
  readonly request: R
  readonly before: Decision
  readonly after: Decision
  readonly kind: ChangeKind
  /**
   * a broadened request by the anonymous caller or the outsider that the new policies still
   * allow when its pinning keys take the outsider's own values (risk/pinning.ts): public
   */
  readonly unpinned?: boolean
}

/** The decision when a side has no policy: nothing allows, nothing denies. */
export const NO_POLICY_DECISION: Decision = {
  effect: 'ImplicitDeny',
  reason: 'no-identity-allow',
  determining: [],
  issues: []
}

export function diffRequests<R extends ProbeRequestLike>(
  requests: readonly R[],
  base: SideSelector,
  head: SideSelector
): DecisionDiff<R>[] {
  const diffs: DecisionDiff<R>[] = []
  for (const request of requests) {
    const prepared = prepareRequest(request)
    const before = decideOn(base(prepared), prepared)
    const after = decideOn(head(prepared), prepared)
    const kind = classifyChange(before.effect, after.effect)
    if (kind === undefined) continue
    const diff = { request, before: settle(before), after: settle(after), kind }
    diffs.push(
      kind === 'broadened' && stillAllowed(request, head) ? { ...diff, unpinned: true } : diff
    )
  }
  return diffs
}

/**
 * The engine explains a decision lazily, holding on to the compiled policies and the request;
 * a kept change reads its explanation now, so that nothing else outlives the subject.
 */
function settle(decision: Decision): Decision {
  return {
    effect: decision.effect,
    reason: decision.reason,
    determining: [...decision.determining],
    issues: [...decision.issues]
  }
}

/** Whether an outsider's variant of the request (risk/pinning.ts) is allowed too. */
function stillAllowed(request: ProbeRequestLike, head: SideSelector): boolean {
  return outsiderVariants(request, request.implied).some((variant) => {
    const prepared = prepareRequest(variant)
    return decideOn(head(prepared), prepared).effect === 'Allow'
  })
}

function decideOn(set: CompiledPolicySet | undefined, request: PreparedRequest): Decision {
  return set === undefined ? NO_POLICY_DECISION : evaluateCompiled(set, request)
}
