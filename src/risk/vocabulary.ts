// The risk vocabulary of broadened changes (docs/RISKS.md), most severe first: the verdict leads
// with the first one found, `fail-on` accepts each name. Pure data, no imports.

/** Every risk name, in severity order (the order of `Change.risks`). */
export const RISKS = [
  'public',
  'admin',
  'privilege-escalation',
  'cross-account',
  'permissions-management',
  'write',
  'tagging',
  'read',
  'list'
] as const

export type Risk = (typeof RISKS)[number]

/** The risks that make a change worth a reviewer's attention before anything else. */
export const SEVERE_RISKS: readonly Risk[] = [
  'public',
  'admin',
  'privilege-escalation',
  'cross-account',
  'permissions-management'
]

export function isRisk(value: string): value is Risk {
  return (RISKS as readonly string[]).includes(value)
}

/** The risks given, without duplicates, in severity order. */
export function sortRisks(risks: Iterable<Risk>): Risk[] {
  const present = new Set(risks)
  return RISKS.filter((risk) => present.has(risk))
}
