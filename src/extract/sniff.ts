// IAM content in a file no extractor reads (docs/SOURCES.md, "What is not reviewed"): such a
// file is reported as not reviewed, never passed in silence. Each rule is a cheap, linear-time
// look at the path and the text; the first rule that matches names what was found and the fix.
import { quote } from '../diagnostics/quote.js'
import { LineIndex } from '../policy/line-index.js'
import { TEMPLATE_FIX } from './policy-json.js'
import { findTemplateSyntax } from './sniff-template.js'
import type { Unreviewable } from './types.js'

interface Found {
  readonly what: string
  readonly reason: string
  readonly fix: string
  readonly offset: number
}

type Rule = (path: string, text: string) => Found | undefined

/**
 * `.tf` and `.tf.json` files are read by src/extract/terraform/ when its first 256 KiB name an
 * IAM resource type; this rule catches the Terraform files with IAM content it did not claim.
 */
export const TERRAFORM_FIX =
  'the Terraform reader looks for IAM resource types in the first 256 KiB of a file: move them into a file of their own, or review the plan instead (`terraform show -json plan.out > plan.json`, then the `terraform-plan` input or `diff --terraform-plan`; examples/workflows/terraform-plan.yml)'
export const CDK_FIX = 'synthesize and review cdk.out, see examples/workflows/cdk.yml'
export const PULUMI_FIX =
  'keep the policy documents in `.json` files that the program reads, so they are reviewed as bare policies'
export const SHELL_FIX =
  'move the policy into a `.json` file and pass it as `file://policy.json`, so it is reviewed'
export const SERVERLESS_CODE_FIX =
  'write the configuration as serverless.yml or serverless.json, or review the template `serverless package` writes to .serverless/'
export const UNKNOWN_SHAPE_FIX =
  'put each policy in its own `.json` file with a top-level `Statement`, or exclude the file in the configuration'

const LANGUAGES: Readonly<Record<string, string>> = {
  ts: 'TypeScript',
  tsx: 'TypeScript',
  mts: 'TypeScript',
  cts: 'TypeScript',
  js: 'JavaScript',
  mjs: 'JavaScript',
  cjs: 'JavaScript',
  py: 'Python',
  java: 'Java',
  go: 'Go',
  cs: 'C#'
}

/** What a file no extractor claimed holds of IAM, each with a reason and a fix. */
export function sniffUnreviewable(path: string, text: string): Unreviewable[] {
  for (const rule of RULES) {
    const found = rule(path, text)
    if (found === undefined) continue
    const position = new LineIndex(text).position(found.offset)
    return [{ what: found.what, reason: found.reason, fix: found.fix, position }]
  }
  return []
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function extension(path: string): string {
  const name = baseName(path).toLowerCase()
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1)
}

function first(text: string, patterns: readonly RegExp[]): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined
  for (const pattern of patterns) {
    const match = pattern.exec(text)
    if (match && (best === undefined || match.index < best.index)) best = match
  }
  return best
}

const TERRAFORM_MARKERS = [
  /\b(?:resource|data)\s+"aws_iam_[a-z0-9_]+"/,
  /"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy)"/,
  /\bjsonencode\s*\(/
]

const terraform: Rule = (path, text) => {
  const lower = baseName(path).toLowerCase()
  if (!lower.endsWith('.tf') && !lower.endsWith('.tf.json')) return undefined
  const match = first(text, TERRAFORM_MARKERS)
  if (match === undefined) return undefined
  if (match[0].startsWith('jsonencode') && !/\bStatement\b/.test(text)) return undefined
  return {
    what: lower.endsWith('.json') ? 'Terraform (.tf.json)' : 'Terraform (.tf)',
    reason: `Terraform configuration with IAM policies (${quote(match[0].trim())})`,
    fix: TERRAFORM_FIX,
    offset: match.index
  }
}

const PULUMI_MARKERS = [
  /@pulumi\/aws\b/,
  /\bpulumi_aws\b/,
  /pulumi\/pulumi-aws\//,
  /\bPulumi\.Aws\b/
]
const PULUMI_IAM = /\biam\.|\bPolicy\b|\bStatement\b/
const CDK_MARKERS = [
  /aws-cdk-lib/,
  /@aws-cdk\/aws-iam/,
  /\baws_cdk\b/,
  /\baws_iam\b/,
  /software\.amazon\.awscdk/,
  /aws-cdk-go\/awscdk/,
  /\bAmazon\.CDK\b/,
  /\bPolicyStatement\b/,
  /\bnew iam\./
]

const code: Rule = (path, text) => {
  const language = LANGUAGES[extension(path)]
  if (language === undefined) return undefined
  if (
    /^serverless\.[cm]?[jt]s$/i.test(baseName(path)) &&
    /iamRoleStatements|\biam\s*:/.test(text)
  ) {
    return {
      what: `serverless configuration (${language})`,
      reason: 'a serverless configuration written as code is not read: the tool does not run code',
      fix: SERVERLESS_CODE_FIX,
      offset: text.search(/iamRoleStatements|\biam\s*:/)
    }
  }
  const pulumi = first(text, PULUMI_MARKERS)
  if (pulumi !== undefined && PULUMI_IAM.test(text)) {
    return {
      what: `Pulumi program (${language})`,
      reason: 'IAM policies built by a Pulumi program are not read: the tool does not run code',
      fix: PULUMI_FIX,
      offset: pulumi.index
    }
  }
  const cdk = first(text, CDK_MARKERS)
  if (cdk === undefined) return undefined
  return {
    what: `CDK source (${language})`,
    reason: `IAM policies built in CDK code (${quote(cdk[0])}) are not read: the tool does not run code`,
    fix: CDK_FIX,
    offset: cdk.index
  }
}

const AWS_IAM_COMMAND =
  /\baws\s+iam\s+(?:put-(?:role|user|group)-policy|create-policy(?:-version)?|update-assume-role-policy|create-role)\b/
const INLINE_JSON =
  /--(?:policy-document|assume-role-policy-document)\s+(?:'\s*\{|"\s*\{|"\$\(|\$\(|"\$|\$)/
const HEREDOC = /<<-?\s*['"]?[A-Za-z_]+['"]?/

const shell: Rule = (path, text) => {
  const command = AWS_IAM_COMMAND.exec(text)
  if (command !== undefined && command !== null && INLINE_JSON.test(text)) {
    return {
      what: 'shell command (aws iam)',
      reason: `${quote(command[0].replace(/\s+/g, ' '))} with a policy written inline`,
      fix: SHELL_FIX,
      offset: command.index
    }
  }
  const name = baseName(path).toLowerCase()
  const script =
    ['sh', 'bash', 'zsh', 'mk'].includes(extension(path)) || /^(?:gnu)?makefile$/.test(name)
  const heredoc = script ? HEREDOC.exec(text) : null
  if (heredoc === null || !/"Statement"|\bStatement\s*:/.test(text.slice(heredoc.index))) {
    return undefined
  }
  return {
    what: 'shell heredoc',
    reason: 'a policy written in a heredoc of a script is not read',
    fix: SHELL_FIX,
    offset: heredoc.index
  }
}

/** Text that looks like a policy: `"Statement"`, or an `Effect` with an `Action`. */
function iamMarker(text: string): number {
  const statement = text.search(/"Statement"\s*:|\bStatement\s*:/)
  if (statement >= 0) return statement
  const effect = text.search(/["']?\bEffect\b["']?\s*:\s*["']?(?:Allow|Deny)\b/)
  return effect >= 0 && /["']?\b(?:Not)?Action\b["']?\s*:/.test(text) ? effect : -1
}

const templated: Rule = (path, text) => {
  if (iamMarker(text) < 0) return undefined
  const template = findTemplateSyntax(text)
  if (template === undefined) return undefined
  const position = new LineIndex(text).position(template.offset)
  return {
    what: `templated policy (${extension(path) === '' ? baseName(path) : `.${extension(path)}`})`,
    reason: `template syntax ${quote(template.syntax)} at ${position.line}:${position.column}`,
    fix: TEMPLATE_FIX,
    offset: template.offset
  }
}

const DATA_EXTENSIONS = ['json', 'yaml', 'yml', 'template', 'tpl', 'txt', 'hcl']

const unknownShape: Rule = (path, text) => {
  if (!DATA_EXTENSIONS.includes(extension(path))) return undefined
  const offset = iamMarker(text)
  if (offset < 0) return undefined
  return {
    what: `IAM-like content (.${extension(path)})`,
    reason:
      'the file mentions policy statements but is not a policy document, AWS CLI output, CloudFormation or SAM template, or serverless configuration this tool reads',
    fix: UNKNOWN_SHAPE_FIX,
    offset
  }
}

const RULES: readonly Rule[] = [terraform, code, shell, templated, unknownShape]
