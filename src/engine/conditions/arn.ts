// Arn* operators (IAM-SEMANTICS §4.2): ArnEquals ≡ ArnLike, ArnNotEquals ≡ ArnNotLike. Both
// sides split into six colon-separated components (the resource part keeps further colons) and
// each component is glob-matched on its own, case-sensitively: `*` never crosses a component
// colon. Policy variables are substituted (§4.6); substituted text is literal but its colons
// still separate components.
import type { GlobPart, RangeMatcher } from '../wildcard.js'
import { compileGlobRange } from '../wildcard.js'
import { parseTemplate, resolveTemplate } from '../variables.js'
import type { ConditionOperator, PolicyValues, Verdict } from './operator.js'
import { templateValues } from './string.js'

export const ARN_OPERATOR: ConditionOperator = {
  family: 'arn',
  expects: 'an arn',
  compile(_info, values, variables) {
    const templates = values.map((v) => parseTemplate(v, { variables, wildcards: true }))
    return templateValues(templates, resolveTemplate, (patterns) => arnValues(patterns))
  }
}

function arnValues(patterns: readonly (readonly GlobPart[])[]): PolicyValues {
  const matchers = patterns.map(compileArnPattern)
  return {
    test(value, index) {
      const r = value.values[index] ?? ''
      if (!isArnValue(r)) return nonArnValueVerdict()
      for (let i = 0; i < matchers.length; i++) if (matchers[i]?.(r) === true) return 'match'
      return 'no-match'
    }
  }
}

/** `arn:` followed by five more colon-separated components (the resource part may hold more). */
function isArnValue(value: string): boolean {
  if (!value.startsWith('arn:')) return false
  let from = 4
  for (let i = 0; i < 4; i++) {
    const colon = value.indexOf(':', from)
    if (colon < 0) return false
    from = colon + 1
  }
  return true
}

/**
 * A request value that is not an ARN (`aws:SourceArn` = `test2`) satisfies neither `ArnLike`
 * nor `ArnNotLike` (nor the Equals spellings): 'unparsable' makes the comparison false for both
 * (unparsableValueResult, modifiers.ts) and reports `context-value-unparsable`, so `ArnNotLike`
 * does not allow. The IAM documentation is silent; the evidence is two other evaluators that
 * agree: iam-simulate (its ArnLike and ArnNotLike tests: "should return false if not a valid
 * request arn") and a second evaluator validated against the IAM policy simulator (issue 11).
 */
export function nonArnValueVerdict(): Verdict {
  return 'unparsable'
}

/**
 * One ARN pattern → matcher. A request value that is not six components matches nothing (and
 * arnValues never offers one: nonArnValueVerdict).
 * [UNCERTAIN] a pattern of fewer than six components matches only when its last component
 * ends in `*`, which then also spans the remaining colons (the §3.2 rule for short Resource
 * patterns; so `*` alone matches any value).
 */
export function compileArnPattern(parts: readonly GlobPart[]): (value: string) => boolean {
  const components = splitComponents(parts)
  const matchers: RangeMatcher[] = components.map(compileGlobRange)
  const short = components.length < 6
  const lastComponent = components.at(-1)
  if (short && lastComponent?.at(-1)?.kind !== 'star') return () => false
  return (value) => {
    let start = 0
    for (let k = 0; k < matchers.length; k++) {
      const last = k === matchers.length - 1
      const colon = last ? -1 : value.indexOf(':', start)
      if (!last && colon < 0) return false
      const end = last ? value.length : colon
      if (matchers[k]?.(value, start, end) !== true) return false
      start = end + 1
    }
    return true
  }
}

/** Cuts pattern parts at their first five colons into components (text parts may be split). */
function splitComponents(parts: readonly GlobPart[]): GlobPart[][] {
  const components: GlobPart[][] = [[]]
  for (const part of parts) {
    if (part.kind !== 'text') {
      components.at(-1)?.push(part)
      continue
    }
    let text = part.text
    let colon = text.indexOf(':')
    while (colon >= 0 && components.length < 6) {
      if (colon > 0) components.at(-1)?.push({ kind: 'text', text: text.slice(0, colon) })
      components.push([])
      text = text.slice(colon + 1)
      colon = text.indexOf(':')
    }
    if (text !== '') components.at(-1)?.push({ kind: 'text', text })
  }
  return components
}
