// "Did you mean" suggestions: the closest candidate by edit distance (insertions, deletions,
// substitutions and swaps of neighbours each cost 1), if it is close enough to be a likely typo.

export interface SuggestOptions {
  /** compare case-insensitively (a candidate differing only in case then always wins) */
  readonly ignoreCase?: boolean
}

/**
 * The candidate nearest to `input`, or undefined when none is within the typo budget:
 * one edit for short words, about a third of the input's length for longer ones. Ties keep the
 * candidates' order, so results are deterministic. An exact match is not a suggestion.
 */
export function suggest(
  input: string,
  candidates: readonly string[],
  options: SuggestOptions = {}
): string | undefined {
  const needle = input.toLowerCase()
  const budget = Math.max(1, Math.floor(input.length / 3))
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    if (candidate === input) continue
    const folded = candidate.toLowerCase()
    // case-only differences first: `version` → `Version`
    const distance =
      folded === needle
        ? 0.5
        : editDistance(
            options.ignoreCase ? needle : input,
            options.ignoreCase ? folded : candidate,
            budget
          )
    if (distance <= budget && distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/**
 * Optimal-string-alignment distance, giving up (returning budget + 1) as soon as it must exceed
 * `budget`; so a hostile multi-megabyte input costs nothing.
 */
export function editDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1)
      }
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > budget) return budget + 1
    previous2 = previous
    previous = current
  }
  return Math.min(previous[b.length] ?? budget + 1, budget + 1)
}
