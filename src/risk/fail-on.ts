// `fail-on` (action input, configuration file, `--fail-on`): `never`, or a comma-separated list
// of `any`, `broadened` and risk names (docs/RISKS.md). One parser for the three front ends, so
// they accept and refuse the same values with the same message. Pure.
import { suggest } from '../diagnostics/suggest.js'
import { isRisk, RISKS, type Risk } from './vocabulary.js'

export const FAIL_ON_WORDS = ['any', 'broadened', 'never'] as const

/** One entry of a `fail-on` list. */
export type FailOnTerm = (typeof FAIL_ON_WORDS)[number] | Risk

/**
 * A normalised `fail-on` value: its terms without spaces or duplicates, in the order of
 * `FAIL_ON_TERMS`, joined by `,` (`broadened`, `public,privilege-escalation`). Shown as is.
 */
export type FailOn = FailOnTerm | `${FailOnTerm},${string}`

/** Every accepted term, in the order a normalised value lists them. */
export const FAIL_ON_TERMS: readonly FailOnTerm[] = ['never', 'any', 'broadened', ...RISKS]

/** The accepted values, for messages and documentation. */
export const FAIL_ON_HELP = `\`never\`, \`any\`, \`broadened\` or risk names (${RISKS.map((r) => `\`${r}\``).join(', ')}), comma-separated`

export type FailOnParse =
  { readonly ok: true; readonly value: FailOn } | { readonly ok: false; readonly message: string }

/**
 * Parses `public, privilege-escalation`-style text. The message quotes the bad entry; each front
 * end prefixes it with the setting's name (`input \`fail-on\`: …`, `--fail-on: …`).
 */
export function parseFailOn(text: string): FailOnParse {
  const entries = text.split(',').map((entry) => entry.trim())
  if (entries.every((entry) => entry === '')) {
    return { ok: false, message: `empty: use ${FAIL_ON_HELP}` }
  }
  const terms = new Set<FailOnTerm>()
  for (const entry of entries) {
    if (entry === '') {
      return { ok: false, message: `\`${text}\` has an empty entry: use ${FAIL_ON_HELP}` }
    }
    if (!isFailOnTerm(entry)) {
      const guess = suggest(entry, FAIL_ON_TERMS, { ignoreCase: true })
      const tail = guess === undefined ? '' : ` (did you mean \`${guess}\`?)`
      return {
        ok: false,
        message: `unknown value \`${entry}\`${tail}: use ${FAIL_ON_HELP}`
      }
    }
    terms.add(entry)
  }
  if (terms.has('never') && terms.size > 1) {
    return {
      ok: false,
      message: `\`${text}\` combines \`never\` with other values: use \`never\` alone`
    }
  }
  return { ok: true, value: FAIL_ON_TERMS.filter((term) => terms.has(term)).join(',') as FailOn }
}

export function isFailOnTerm(value: string): value is FailOnTerm {
  return (FAIL_ON_WORDS as readonly string[]).includes(value) || isRisk(value)
}

/** The terms of a (normalised or hand-written) value; unknown entries are dropped. */
export function failOnTerms(failOn: FailOn): FailOnTerm[] {
  return failOn
    .split(',')
    .map((entry) => entry.trim())
    .filter(isFailOnTerm)
}

/** The risk names a value asks about. */
export function failOnRisks(failOn: FailOn): Risk[] {
  return failOnTerms(failOn).filter(isRisk)
}
