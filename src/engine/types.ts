// Engine inputs and outputs (IAM-SEMANTICS §5, §6). The decision is a value with reasons.
import type { Policy, PolicyKind } from '../policy/model.js'

/** The policies in force for one request (§6). All parts are optional except identity. */
export interface PolicySet {
  /** union of the principal's identity policies */
  readonly identity: readonly Policy[]
  /** the resource-based policy of the requested resource, if any */
  readonly resource?: Policy | undefined
  /** the permissions boundary, possibly split over several documents (absent/empty = none) */
  readonly boundary?: readonly Policy[] | undefined
  /** the session policy of a role or federated session */
  readonly session?: Policy | undefined
  /** SCP levels, organisation root first; each level must allow (absent/empty = no organisation) */
  readonly scp?: readonly (readonly Policy[])[] | undefined
  /** RCP levels, organisation root first; each level must allow */
  readonly rcp?: readonly (readonly Policy[])[] | undefined
}

/** A context value as given by a user: booleans and numbers are stringified; arrays are multivalued. */
export type ContextInput = string | number | boolean | readonly (string | number | boolean)[]

export interface Request {
  /** caller ARN, or a service principal such as `lambda.amazonaws.com`, or `*`/`anonymous` */
  readonly principal: string
  /** `service:Action` */
  readonly action: string
  /** resource ARN or `*` */
  readonly resource: string
  /** needed for ARNs without an account (S3); see §6 */
  readonly resourceAccount?: string | undefined
  /** condition context; keys are case-insensitive */
  readonly context?: Readonly<Record<string, ContextInput>> | undefined
}

export type DecisionEffect = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

/** Points at one statement of one policy of the set. */
export interface StatementRef {
  readonly file: string
  readonly policyKind: PolicyKind
  readonly statementIndex: number
  readonly sid: string | undefined
  /** JSON Pointer of the statement in its document */
  readonly pointer: string
  /** 1-based line of the statement's opening brace */
  readonly line: number
}

export type EvalIssueCode =
  /** a `${...}` variable had no value and no default (§4.6) */
  | 'variable-unresolved'
  /** a context value could not be read for the operator, e.g. non-numeric for Numeric* (§4.5) */
  | 'context-value-unparsable'
  /** a multivalued context key met an operator without ForAllValues/ForAnyValue (§4.4) */
  | 'multivalued-without-qualifier'

/** Something that made a statement's evaluation depend on a documented choice. Never swallowed. */
export interface EvalIssue {
  readonly code: EvalIssueCode
  readonly message: string
  readonly statement: StatementRef
}

/**
 * Why the decision came out as it did: keys of a const table so renderers can explain them.
 * 'explicit-deny': an applicable Deny; the rest name the gate that allowed or failed.
 */
export const DECISION_REASONS = {
  'explicit-deny': 'an applicable Deny statement',
  'rcp-no-allow': 'a resource control policy level has no applicable Allow',
  'scp-no-allow': 'a service control policy level has no applicable Allow',
  'identity-allow': 'identity policies allow and every other gate passes',
  'resource-allow': 'the resource-based policy allows the principal directly',
  'resource-role-allow':
    'the resource-based policy allows the role (boundary and session must allow)',
  'root-user': 'the root user of the resource account',
  'no-permission-required':
    'the action needs no permission: `sts:GetCallerIdentity` succeeds even against an explicit Deny',
  'no-identity-allow': 'no identity policy allows the request',
  'boundary-no-allow': 'the permissions boundary does not allow the request',
  'session-no-allow':
    'the session policy does not allow the request (or a federated session has none)',
  'resource-policy-required':
    'only the resource-based policy can allow this request (a role trust or KMS key policy, or a caller without identity policies: a service, an identity provider or anonymous) and it does not',
  'cross-account-no-resource-allow':
    'cross-account: the resource-based policy does not allow the principal',
  'cross-account-no-identity-allow': 'cross-account: the principal side does not allow the request'
} as const

export type DecisionReason = keyof typeof DECISION_REASONS

export interface Decision {
  readonly effect: DecisionEffect
  readonly reason: DecisionReason
  /**
   * ExplicitDeny: every applicable Deny statement. Allow: the Allow statements that granted it
   * (one per gate that had to allow). ImplicitDeny: empty, except statements that allowed but
   * were capped by a failing gate are not listed; `reason` names the failing gate.
   */
  readonly determining: readonly StatementRef[]
  readonly issues: readonly EvalIssue[]
}
