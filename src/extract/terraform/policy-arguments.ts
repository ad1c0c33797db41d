// Where Terraform resources keep policies (the Terraform AWS provider's argument reference; the
// same table serves `.tf` code and plan JSON): the argument, the policy kind, the label in names,
// and what the document is attached to (the resource itself, or the resource an argument names).
import type { PolicyKind } from '../../policy/model.js'
import type { Attachment } from '../types.js'

export interface TargetRule {
  readonly kind: Attachment['kind']
  /** the argument naming the target; absent: the resource itself */
  readonly arg?: string
  /** the resource type the argument refers to */
  readonly type?: string
}

export interface PolicyArgument {
  readonly arg: string
  readonly kind: PolicyKind
  readonly label: string
  readonly target: TargetRule
}

const own = (kind: Attachment['kind']): TargetRule => ({ kind })
const named = (kind: Attachment['kind'], arg: string, type: string): TargetRule => ({
  kind,
  arg,
  type
})
const resource = (label: string, target: TargetRule): PolicyArgument[] => [
  { arg: 'policy', kind: 'resource', label, target }
]

export const POLICY_ARGUMENTS: Readonly<Record<string, readonly PolicyArgument[]>> = {
  aws_iam_policy: [
    { arg: 'policy', kind: 'identity', label: 'managed policy', target: own('policy') }
  ],
  aws_iam_role: [
    { arg: 'assume_role_policy', kind: 'resource', label: 'trust policy', target: own('role') }
  ],
  aws_iam_role_policy: [
    {
      arg: 'policy',
      kind: 'identity',
      label: 'inline policy',
      target: named('role', 'role', 'aws_iam_role')
    }
  ],
  aws_iam_user_policy: [
    {
      arg: 'policy',
      kind: 'identity',
      label: 'inline policy',
      target: named('user', 'user', 'aws_iam_user')
    }
  ],
  aws_iam_group_policy: [
    {
      arg: 'policy',
      kind: 'identity',
      label: 'inline policy',
      target: named('group', 'group', 'aws_iam_group')
    }
  ],
  aws_s3_bucket_policy: resource('bucket policy', named('resource', 'bucket', 'aws_s3_bucket')),
  aws_s3_bucket: resource('bucket policy', own('resource')),
  aws_sqs_queue_policy: resource('queue policy', named('resource', 'queue_url', 'aws_sqs_queue')),
  aws_sqs_queue: resource('queue policy', own('resource')),
  aws_sns_topic_policy: resource('topic policy', named('resource', 'arn', 'aws_sns_topic')),
  aws_sns_topic: resource('topic policy', own('resource')),
  aws_kms_key: resource('key policy', own('resource')),
  aws_ecr_repository_policy: resource(
    'repository policy',
    named('resource', 'repository', 'aws_ecr_repository')
  ),
  aws_secretsmanager_secret_policy: resource(
    'secret policy',
    named('resource', 'secret_arn', 'aws_secretsmanager_secret')
  ),
  aws_secretsmanager_secret: resource('secret policy', own('resource')),
  aws_cloudwatch_event_bus_policy: resource(
    'event bus policy',
    named('resource', 'event_bus_name', 'aws_cloudwatch_event_bus')
  ),
  aws_organizations_policy: [
    { arg: 'content', kind: 'scp', label: 'service control policy', target: own('organization') }
  ]
}

/** `aws_organizations_policy.type` → the kind; undefined for policy types that are not IAM. */
export function organizationsKind(
  type: string | undefined
): { kind: PolicyKind; label: string } | undefined {
  if (type === undefined || type === 'SERVICE_CONTROL_POLICY')
    return { kind: 'scp', label: 'service control policy' }
  if (type === 'RESOURCE_CONTROL_POLICY') return { kind: 'rcp', label: 'resource control policy' }
  return undefined
}

/** Attachments by reference: `(type) → [relation, principal kind, principal argument, policy argument]`. */
export const ATTACHMENT_RESOURCES: Readonly<
  Record<
    string,
    { readonly kind: 'role' | 'user' | 'group'; readonly arg: string; readonly type: string }
  >
> = {
  aws_iam_role_policy_attachment: { kind: 'role', arg: 'role', type: 'aws_iam_role' },
  aws_iam_user_policy_attachment: { kind: 'user', arg: 'user', type: 'aws_iam_user' },
  aws_iam_group_policy_attachment: { kind: 'group', arg: 'group', type: 'aws_iam_group' }
}

/** The types whose policies this extractor reads (for claims and the plan). */
export const POLICY_TYPES: readonly string[] = [
  ...Object.keys(POLICY_ARGUMENTS),
  ...Object.keys(ATTACHMENT_RESOURCES),
  'aws_lambda_permission',
  'aws_iam_user',
  'aws_iam_group'
]

/** A Lambda permission's statement from its arguments (as Lambda's AddPermission writes it). */
export const LAMBDA_CONDITIONS: readonly (readonly [string, string, string])[] = [
  ['source_arn', 'ArnLike', 'AWS:SourceArn'],
  ['source_account', 'StringEquals', 'AWS:SourceAccount'],
  ['principal_org_id', 'StringEquals', 'aws:PrincipalOrgID'],
  ['function_url_auth_type', 'StringEquals', 'lambda:FunctionUrlAuthType']
]

/** `Service` for a service principal, `*` as is, else `AWS`. */
export function principalType(principal: string): string | undefined {
  if (principal === '*') return undefined
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(principal) ||
    /^[a-z0-9-]+\.[a-z0-9.-]+$/.test(principal)
    ? 'Service'
    : 'AWS'
}
