// The extraction stage (docs/SOURCES.md): one changed file's text → zero or more policy documents
// with a location, or the IAM content it holds that this tool cannot review. Pure: no I/O, no
// clock, no environment. Every input string is hostile (the pull request's author wrote it):
// extractors never throw, never evaluate code, and bound their work.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { PolicyKind } from '../policy/model.js'

/** 1-based line and column in the original file (UTF-16 code units). */
export interface SourcePosition {
  readonly line: number
  readonly column: number
}

/** What a document is attached to, as the source names it. */
export interface Attachment {
  /** `role`, `user`, `group`, `resource` (bucket, queue, key…), `policy` (a managed policy itself), `organization` */
  readonly kind: 'role' | 'user' | 'group' | 'resource' | 'policy' | 'organization'
  /** the template logical ID, Terraform address or IAM name */
  readonly name: string
  /** the resource type as the source writes it, e.g. `AWS::IAM::Role` */
  readonly type?: string
  /** the (placeholder) ARN of what it is attached to, when one can be derived */
  readonly arn?: string
}

/** A value the extractor substituted because the source computes it at deploy time. */
export interface Placeholder {
  /** the text substituted into the document */
  readonly value: string
  /** what it stands for, e.g. `!ImportValue SharedBucketArn`, `parameter BucketName (no Default)` */
  readonly stands: string
  /** `opaque`: nothing better than a marked token exists (ImportValue, unresolved condition) */
  readonly kind: 'pseudo' | 'parameter' | 'resource' | 'opaque'
}

export interface ExtractedDocument {
  /**
   * Stable key of the document inside its file, the same on base and head for "the same
   * policy": property path segments joined by `/`, with inline policies keyed by their name
   * rather than their list index, e.g. `Resources/DeployRole/Properties/Policies/s3-write/PolicyDocument`.
   */
  readonly location: string
  /** human name, e.g. `DeployRole › inline policy s3-write` */
  readonly name: string
  readonly kind: PolicyKind
  readonly attachedTo: Attachment | undefined
  /** the resolved policy document as JSON text (placeholders substituted), parsed by src/policy */
  readonly text: string
  /**
   * Where a JSON Pointer of `text` came from in the original file (the nearest mapped ancestor
   * when the pointer itself is not mapped); undefined only when nothing is known.
   */
  readonly positionOf: (pointer: string) => SourcePosition | undefined
  readonly placeholders: readonly Placeholder[]
  /** problems of this document found while extracting it, located in the original file */
  readonly diagnostics: readonly Diagnostic[]
}

/** A policy attached by reference, or a standalone policy's targets (CloudFormation `Roles`). */
export interface PolicyAttachment {
  /**
   * `managed-policy`: `policy` (an ARN, resolved) is attached to `to`;
   * `permissions-boundary`: `policy` is `to`'s permissions boundary;
   * `applies-to`: the document at location `policy` (this file) applies to `to`;
   * `member-of`: the user `to` is a member of the group `policy` (its name, address or ARN, as
   * the source writes it: CloudFormation `Groups`/`UserToGroupAddition`, Terraform
   * `aws_iam_user_group_membership`/`aws_iam_group_membership`, AWS CLI `GroupList`).
   */
  readonly relation: 'managed-policy' | 'permissions-boundary' | 'applies-to' | 'member-of'
  readonly to: Attachment
  readonly policy: string
  /** stable key of the attachment in the file, like ExtractedDocument.location */
  readonly location: string
  readonly position: SourcePosition | undefined
}

/** IAM content the tool found but cannot review: the file counts as not reviewed. */
export interface Unreviewable {
  /** e.g. `Terraform (.tf)`, `CDK source (TypeScript)`, `SAM policy template S3ReadPolicy` */
  readonly what: string
  /** why it is not reviewed */
  readonly reason: string
  /** what the user can do, e.g. `synthesize and review cdk.out, see examples/workflows/cdk.yml` */
  readonly fix: string
  readonly position: SourcePosition | undefined
}

export type SourceFormat =
  | 'policy-json'
  | 'aws-cli-json'
  | 'cloudformation'
  | 'sam'
  | 'serverless'
  | 'terraform'
  | 'terraform-plan'
  | 'unsupported'

export interface Extraction {
  readonly format: SourceFormat
  readonly documents: readonly ExtractedDocument[]
  readonly unreviewable: readonly Unreviewable[]
  /**
   * Managed policies and permissions boundaries attached by reference (not documents in this
   * file), and the principals a standalone policy applies to; for the integrator to pair with
   * documents it knows. Absent when the format records none.
   */
  readonly attachments?: readonly PolicyAttachment[]
  /** problems of the file as a whole (syntax, limits), located in the original file */
  readonly diagnostics: readonly Diagnostic[]
}

/** Values substituted for deploy-time facts (configurable; the same on both sides). */
export interface DeploymentFacts {
  readonly accountId: string
  readonly region: string
  readonly partition: string
  readonly urlSuffix: string
}

export const DEFAULT_FACTS: DeploymentFacts = {
  accountId: '123456789012',
  region: 'us-east-1',
  partition: 'aws',
  urlSuffix: 'amazonaws.com'
}

export interface ExtractOptions {
  readonly facts: DeploymentFacts
  /**
   * Optional: the text of another file of the change, by repository path (`a/b/policy.json`),
   * or undefined when absent. Only Terraform's `file()` / `templatefile()` use it; without it
   * such policies are reported as not reviewed. Paths that leave the repository are never asked.
   */
  readonly readSibling?: (path: string) => string | undefined
  /**
   * Optional, with `readSibling`: the repository paths of the files directly in a folder on the
   * same side (`infra` → `infra/main.tf`, `infra/terraform.tfvars`). Terraform reads the
   * module's `variable` defaults and `*.tfvars` values from the other files of its folder.
   */
  readonly listFolder?: (folder: string) => readonly string[]
}

export interface Extractor {
  readonly format: SourceFormat
  /**
   * How sure the extractor is that the file is its format, from the path and cheap content
   * markers: 0 = not mine; higher wins. Must be cheap (no full parse) and never throw.
   */
  claims(path: string, text: string): number
  /** Never throws: every failure is a located diagnostic (then the file is not reviewed). */
  extract(path: string, text: string, options: ExtractOptions): Extraction
}
