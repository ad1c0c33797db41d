// The closed set of diagnostic codes. Every code is listed in docs/DIAGNOSTICS.md (checked by a
// test). Add a code here first, then use it; never invent codes at the call site.

export type Severity = 'error' | 'warning' | 'info'

interface CodeInfo {
  readonly severity: Severity
  /** one-line advice shown under the message */
  readonly help: string
}

export const DIAGNOSTIC_CODES = {
  // located JSON
  'json-syntax': { severity: 'error', help: 'fix the JSON syntax at the given position' },
  'json-duplicate-key': {
    severity: 'error',
    help: 'IAM rejects duplicate keys; JSON.parse would silently keep the last one'
  },
  'json-too-deep': { severity: 'error', help: 'IAM policies are never this deeply nested' },
  'json-too-large': { severity: 'error', help: 'the file exceeds the size this tool reads' },
  // document structure (IAM-SEMANTICS §2)
  'policy-not-object': { severity: 'error', help: 'a policy document is a JSON object' },
  'policy-version-invalid': { severity: 'error', help: 'use "2012-10-17"' },
  'policy-version-missing': {
    severity: 'warning',
    help: 'without "Version": "2012-10-17" policy variables are literal text'
  },
  'policy-statement-missing': { severity: 'error', help: 'add a "Statement" element' },
  'policy-statement-empty': { severity: 'error', help: 'add at least one statement' },
  'policy-element-unknown': { severity: 'error', help: 'remove the element or fix its name' },
  'policy-id-in-identity': {
    severity: 'warning',
    help: 'the grammar does not allow "Id" in identity policies'
  },
  'statement-not-object': { severity: 'error', help: 'a statement is a JSON object' },
  'statement-element-unknown': { severity: 'error', help: 'remove the element or fix its name' },
  'statement-effect-missing': { severity: 'error', help: 'add "Effect": "Allow" or "Deny"' },
  'statement-effect-invalid': { severity: 'error', help: 'use exactly "Allow" or "Deny"' },
  'statement-action-missing': { severity: 'error', help: 'add "Action" or "NotAction"' },
  'statement-action-conflict': { severity: 'error', help: 'use "Action" or "NotAction", not both' },
  'statement-resource-missing': { severity: 'error', help: 'add "Resource" or "NotResource"' },
  'statement-resource-conflict': {
    severity: 'error',
    help: 'use "Resource" or "NotResource", not both'
  },
  'statement-principal-missing': {
    severity: 'error',
    help: 'resource-based policies name a "Principal" or "NotPrincipal"'
  },
  'statement-principal-forbidden': {
    severity: 'error',
    help: 'identity policies, boundaries, session policies and SCPs cannot name principals'
  },
  'statement-principal-conflict': {
    severity: 'error',
    help: 'use "Principal" or "NotPrincipal", not both'
  },
  'statement-notprincipal-allow': {
    severity: 'error',
    help: '"NotPrincipal" is valid only with "Deny"'
  },
  'statement-notprincipal-forbidden': {
    severity: 'error',
    help: '"NotPrincipal" is not allowed in trust policies, SCPs or RCPs'
  },
  'statement-sid-duplicate': { severity: 'error', help: 'give every statement a unique Sid' },
  'statement-sid-invalid': {
    severity: 'warning',
    help: 'IAM accepts only letters and digits in a Sid'
  },
  'value-type': { severity: 'error', help: 'use a string or an array of strings' },
  'value-empty': { severity: 'error', help: 'the list must not be empty' },
  'action-invalid': { severity: 'error', help: 'write actions as "service:Name" or "*"' },
  'action-unknown': { severity: 'warning', help: 'the action is not in the IAM catalogue' },
  'resource-invalid': {
    severity: 'error',
    help: 'write "*" or an ARN "arn:partition:service:region:account:resource"'
  },
  'resource-wildcard-service': {
    severity: 'error',
    help: 'wildcards are not allowed in the service segment of a resource ARN'
  },
  'resource-wildcard-type': {
    severity: 'error',
    help: 'write the resource type in full before any wildcard, e.g. "user/*" rather than "u*"'
  },
  'resource-matches-nothing': {
    severity: 'warning',
    help: 'write all six ARN parts, or end a shorter pattern in "*" (IAM-SEMANTICS §3.2)'
  },
  'principal-invalid': { severity: 'error', help: 'see the Principal forms in IAM-SEMANTICS §2' },
  'principal-rcp': { severity: 'error', help: 'RCP statements use "Principal": "*" only' },
  'condition-not-object': {
    severity: 'error',
    help: 'a condition block maps operators to { key: value } objects'
  },
  'condition-operator-unknown': {
    severity: 'error',
    help: 'use an operator from docs/OPERATORS.md'
  },
  'condition-operator-null-ifexists': {
    severity: 'error',
    help: '"Null" takes no IfExists suffix'
  },
  'condition-value-invalid': {
    severity: 'error',
    help: 'the value does not fit the operator (number, date, CIDR, base64, true/false)'
  },
  'condition-key-invalid': { severity: 'error', help: 'condition keys are non-empty strings' },
  // statements that never apply (src/lint/, docs/DIAGNOSTICS.md)
  'action-resource-mismatch': {
    severity: 'warning',
    help: 'use `"Resource": "*"` for actions without resource-level permissions, and ARNs of the service the actions act on (service authorization reference)'
  },
  'condition-key-unavailable': {
    severity: 'warning',
    help: 'use a condition key the actions support (service authorization reference), or move the actions that lack it to their own statement'
  },
  'condition-key-wildcard': {
    severity: 'warning',
    help: 'name the key exactly: only condition values take wildcards (under `StringLike`, `ArnLike`)'
  },
  // files, configuration and review (issues 3 and 4)
  'file-unreadable': { severity: 'error', help: 'the file could not be read from the repository' },
  'file-too-large': { severity: 'error', help: 'split the policy or exclude the file' },
  'config-invalid': { severity: 'error', help: 'see docs/CONFIGURATION.md' },
  'case-invalid': { severity: 'error', help: 'see the case format in docs/CLI.md' },
  'matrix-truncated': {
    severity: 'error',
    help: 'configure subjects or hand-written requests (docs/CONFIGURATION.md), or raise `max-requests`'
  },
  'principals-truncated': {
    severity: 'error',
    help: 'a change reaches more principals than are reviewed for one change: review it in smaller steps'
  },
  'managed-policy-unknown': {
    severity: 'error',
    help: 'check the ARN; a policy AWS published after the data was gathered needs a newer iam-policy-diff'
  },
  'principal-policy-missing': {
    severity: 'warning',
    help: 'the policy is not in the repository at that commit: the principal is reviewed without it'
  },
  'git-failed': {
    severity: 'error',
    help: 'check the refs and that the history is fetched (fetch-depth: 0)'
  },
  'api-failed': { severity: 'error', help: 'see the message for the GitHub API error and its fix' },
  // approval and configuration of the action (docs/ACTION.md#security-model)
  'config-base-invalid': {
    severity: 'warning',
    help: 'fix the configuration on the base branch; until then every policy file is reviewed with the defaults'
  },
  'approval-not-counted': {
    severity: 'warning',
    help: 'see the security model in docs/ACTION.md'
  },
  // extraction of policies from other file formats (docs/SOURCES.md)
  'extract-failed': {
    severity: 'error',
    help: 'this is a bug in iam-policy-diff: please report it with the file'
  },
  'source-not-reviewed': {
    severity: 'error',
    help: 'see docs/SOURCES.md for the formats this tool reads'
  },
  'extract-document-invalid': {
    severity: 'error',
    help: 'the value must be a policy document: a JSON object, or its URL-encoded JSON text'
  },
  'yaml-syntax': { severity: 'error', help: 'fix the YAML syntax at the given position' },
  'serverless-variable-limit': {
    severity: 'warning',
    help: 'serverless variables that refer to each other in a cycle or too deeply stay unresolved'
  },
  // CloudFormation / SAM templates (src/extract/located-tree.ts, src/extract/cloudformation/)
  'template-too-large': {
    severity: 'error',
    help: 'the template exceeds the size this tool reads'
  },
  'template-too-deep': { severity: 'error', help: 'no real template is nested this deeply' },
  'template-alias-limit': {
    severity: 'error',
    help: 'the yaml uses too many aliases (an alias bomb?); expand them or simplify the template'
  },
  'template-duplicate-key': {
    severity: 'error',
    help: 'CloudFormation rejects duplicate keys; keep one of them'
  },
  'template-intrinsic-invalid': {
    severity: 'error',
    help: 'see the intrinsic function reference in the CloudFormation user guide'
  },
  'template-unresolved': {
    severity: 'warning',
    help: 'the value is known only at deploy time; the review uses a marked placeholder for it'
  },
  'template-condition-limit': {
    severity: 'error',
    help: 'split the policy, or decide the conditions in the template; each undecidable condition doubles the variants reviewed'
  },
  'template-condition-variants': {
    severity: 'info',
    help: 'the condition depends on deploy-time values; each outcome is reviewed as its own variant'
  },
  'template-policy-invalid': {
    severity: 'error',
    help: 'the property must be a policy document: a mapping, or its JSON text'
  },
  // Terraform configurations and plans (src/extract/terraform/)
  'terraform-syntax': {
    severity: 'error',
    help: 'fix the HCL syntax at the given position (`terraform validate` shows the same problem)'
  },
  'terraform-policy-invalid': {
    severity: 'error',
    help: 'the argument must be a policy document: `jsonencode({...})`, JSON text, or an `aws_iam_policy_document`'
  },
  'terraform-limit': {
    severity: 'warning',
    help: 'the configuration computes more than this tool evaluates; the values beyond the limits are placeholders'
  }
} as const satisfies Record<string, CodeInfo>

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES
