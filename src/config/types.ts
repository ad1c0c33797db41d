// The review configuration (`.github/iam-policy-diff.yml`), after validation. Parsing and
// validation live in src/config/parse-config.ts; defaults are applied there.
import type { PolicyKind } from '../policy/model.js'
import type { ContextInput } from '../engine/types.js'
import type { FailOn } from '../risk/fail-on.js'

/** `fail-on`, normalised (src/risk/fail-on.ts): `never`, `any`, `broadened`, risk names, comma-separated */
export type { FailOn }

/** A hand-written request matrix: the product of its lists. */
export interface MatrixSpec {
  readonly actions: readonly string[]
  readonly resources: readonly string[]
  /** empty = the default principal of the subject */
  readonly principals: readonly string[]
  /** each entry is one context variant; empty = one empty context */
  readonly contexts: readonly Readonly<Record<string, ContextInput>>[]
  readonly resourceAccount: string | undefined
}

/** Files that apply together and are evaluated as one policy set. */
export interface SubjectSpec {
  readonly name: string
  readonly identity: readonly string[]
  readonly boundary: readonly string[]
  readonly resource: readonly string[]
  readonly session: readonly string[]
  /** SCP levels, root first; each level is a list of globs */
  readonly scp: readonly (readonly string[])[]
  readonly rcp: readonly (readonly string[])[]
  /** principal used for generated requests, e.g. the role's ARN */
  readonly principal: string | undefined
}

export interface ReviewConfig {
  /** globs of files to review; empty = every .json file */
  readonly include: readonly string[]
  readonly exclude: readonly string[]
  /** first matching glob decides a file's kind; otherwise it is guessed from content */
  readonly kinds: readonly { readonly glob: string; readonly kind: PolicyKind }[]
  readonly subjects: readonly SubjectSpec[]
  readonly requests: readonly MatrixSpec[]
  /** derive requests from the policies themselves */
  readonly auto: boolean
  readonly failOn: FailOn
  /** upper bound of requests per subject (each evaluated on base and head) */
  readonly maxRequestsPerSubject: number
  /**
   * globs of files whose IAM content cannot be reviewed (Terraform, CDK source, templated
   * policies…) that are listed with a warning instead of failing the review (`not-reviewed.warn`)
   */
  readonly notReviewedWarn: readonly string[]
}

export const DEFAULT_CONFIG: ReviewConfig = {
  include: [],
  exclude: [],
  kinds: [],
  subjects: [],
  requests: [],
  auto: true,
  failOn: 'never',
  maxRequestsPerSubject: 200_000,
  notReviewedWarn: []
}
