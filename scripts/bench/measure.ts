// Times evaluateCompiled over every (policy set × request) pair: the work a review does once
// policies are compiled and requests prepared. Each round repeats the full matrix until it has
// run for at least `minRoundMs`; the result is the median rate over the rounds.
import {
  evaluateCompiled,
  type CompiledPolicySet,
  type PreparedRequest
} from '../../src/engine/evaluate.js'
import type { DecisionEffect } from '../../src/engine/types.js'
import { median } from './stats.js'

export interface Measurement {
  readonly decisionsPerRound: number
  readonly rounds: readonly number[]
  /** median decisions per second (one thread = one core) */
  readonly rate: number
  /** effects over one pass of the matrix: shows the workload is not trivially all-deny */
  readonly effects: Readonly<Record<DecisionEffect, number>>
}

function onePass(
  sets: readonly CompiledPolicySet[],
  requests: readonly PreparedRequest[],
  effects: Record<DecisionEffect, number>
): void {
  for (const set of sets) {
    for (const request of requests) effects[evaluateCompiled(set, request).effect]++
  }
}

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.()

export function measure(
  sets: readonly CompiledPolicySet[],
  requests: readonly PreparedRequest[],
  options: { rounds: number; minRoundMs: number }
): Measurement {
  const effects = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
  onePass(sets, requests, effects) // warm-up: lets the JIT settle and gives the effect counts
  const perPass = sets.length * requests.length
  const rates: number[] = []
  for (let round = 0; round < options.rounds; round++) {
    collectGarbage()
    const scratch = { Allow: 0, ExplicitDeny: 0, ImplicitDeny: 0 }
    let passes = 0
    const started = performance.now()
    let elapsed = 0
    do {
      onePass(sets, requests, scratch)
      passes++
      elapsed = performance.now() - started
    } while (elapsed < options.minRoundMs)
    if (scratch.Allow !== effects.Allow * passes) throw new Error('the engine is not deterministic')
    rates.push((passes * perPass) / (elapsed / 1000))
  }
  return { decisionsPerRound: perPass, rounds: rates, rate: median(rates), effects }
}
