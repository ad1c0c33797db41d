// A Terraform module call passes values into a child module: `module "app" { source =
// "./modules/app", bucket = "*" }`. When the child's policies take them as `var.…`, a change
// to the call's arguments changes those policies while no policy file changes. This review does
// not bind module inputs (docs/SOURCES.md), so such a change must not pass as "no policy
// changed": the calling file is reported as not reviewed, with the plan as the fix (fail closed).
import type { Unreviewable } from '../extract/types.js'
import { blocks, attribute, type Block, type Body } from '../extract/terraform/hcl-ast.js'
import { parseHcl } from '../extract/terraform/hcl-parse.js'
import { parseTerraformJson, searchableText } from '../extract/terraform/json-syntax.js'
import { indexModule } from '../extract/terraform/module-index.js'

/** A child module's file that holds IAM content fed by variables (a cheap scan, not a parse). */
const IAM_CONTENT =
  /"aws_(?:iam_[a-z0-9_]+|[a-z0-9_]*_policy|kms_key|lambda_permission|s3_bucket|sqs_queue|sns_topic|secretsmanager_secret)"|\bjsonencode\s*\(/

export const MODULE_CALL_FIX =
  'review the plan instead, which knows every module input (`terraform show -json plan.out > plan.json`, then the `terraform-plan` input or `diff --terraform-plan`; examples/workflows/terraform-plan.yml)'

export interface ModuleCall {
  readonly name: string
  /** the `source` as written */
  readonly source: string
  /** the block's text with white space collapsed: what the call passes */
  readonly text: string
  readonly line: number
  readonly column: number
}

/** The module calls of a Terraform file with a local `source` (`./…`, `../…`). */
export function localModuleCalls(path: string, text: string | undefined): Map<string, ModuleCall> {
  const calls = new Map<string, ModuleCall>()
  if (text === undefined || !/\bmodule\b/.test(searchableText(path, text))) return calls
  const parsed = path.toLowerCase().endsWith('.json') ? parseTerraformJson(text) : parseHcl(text)
  const body: Body | undefined = parsed.body
  if (body === undefined) return calls
  for (const block of blocks(body, 'module')) {
    const call = moduleCall(block, text)
    if (call !== undefined && !calls.has(call.name)) calls.set(call.name, call)
  }
  return calls
}

function moduleCall(block: Block, text: string): ModuleCall | undefined {
  const name = block.labels[0]
  const expr = attribute(block.body, 'source')?.expr
  if (name === undefined || expr?.k !== 'template') return undefined
  const [only] = expr.parts
  if (expr.parts.length !== 1 || only?.k !== 'text') return undefined
  const source = only.value
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined
  return {
    name,
    source,
    text: text.slice(block.at.start, block.at.end).replace(/\s+/g, ' '),
    line: block.at.line,
    column: block.at.column
  }
}

/**
 * What a file defines as a module's inputs: its variable defaults and locals (a `.tfvars` file:
 * all of it). Equal digests on both sides: the change set no input anew.
 */
export function inputsDigest(path: string, text: string | undefined): string {
  if (text === undefined) return ''
  const lower = path.toLowerCase()
  if (lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json')) return text
  const parsed = lower.endsWith('.json') ? parseTerraformJson(text) : parseHcl(text)
  // unreadable: any change may be one
  if (parsed.body === undefined) return text
  const index = indexModule(parsed.body)
  const parts: string[] = []
  const source = (at: { start: number; end: number }): string =>
    text.slice(at.start, at.end).replace(/\s+/g, ' ')
  for (const [name, block] of [...index.variables].sort(byName))
    parts.push(
      `var ${name} ${source(attribute(block.body, 'default')?.at ?? { start: 0, end: 0 })}`
    )
  for (const [name, local] of [...index.locals].sort(byName))
    parts.push(`local ${name} ${source(local.at)}`)
  return parts.join('\n')
}

const byName = (a: readonly [string, unknown], b: readonly [string, unknown]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0

/** The calls whose arguments differ between the sides (or that one side lacks). */
export function changedCalls(
  base: ReadonlyMap<string, ModuleCall>,
  head: ReadonlyMap<string, ModuleCall>
): ModuleCall[] {
  const out: ModuleCall[] = []
  for (const [name, call] of head) if (base.get(name)?.text !== call.text) out.push(call)
  for (const [name, call] of base) if (!head.has(name)) out.push(call)
  return out
}

/** Whether a file holds IAM content (a cheap scan of its decoded text). */
export function holdsIam(path: string, text: string): boolean {
  return IAM_CONTENT.test(searchableText(path, text))
}

/** Whether a file refers to variables or locals. */
export function usesInputs(path: string, text: string): boolean {
  return /\b(?:var|local)\./.test(searchableText(path, text))
}

export function moduleCallUnreviewable(
  call: ModuleCall,
  caller: string,
  childFiles: readonly string[],
  outside: boolean
): Unreviewable {
  const files = childFiles
    .slice(0, 3)
    .map((f) => `\`${f}\``)
    .join(', ')
  const more = childFiles.length > 3 ? ` and ${childFiles.length - 3} more` : ''
  const what = outside
    ? `its source \`${call.source}\` is outside the repository, so its policies are not known`
    : `what it passes may have changed, and the policies of ${files}${more} take it as \`var.…\`: this review does not bind module inputs, so what they grant now is not known`
  return {
    what: `Terraform module call \`${call.name}\` in \`${caller}\``,
    reason: what,
    fix: MODULE_CALL_FIX,
    position: { line: call.line, column: call.column }
  }
}
