// Terraform plan JSON (`terraform show -json PLAN`, the documented "JSON Output Format":
// `format_version`, `resource_changes[].{address, type, mode, change: {actions, before, after,
// after_unknown}}`). The plan holds every policy as Terraform will send it, so nothing needs
// evaluating: each managed resource with a policy argument gives a document per side, located by
// its address (`module.x.aws_iam_role.r["key"]/assume_role_policy`).
//
// Contract of `extractPlanChange(path, text, options)`: pure, never throws; returns
// `{ base, head }`, two Extractions of format `terraform-plan` built from the `before` and the
// `after` values of the same plan file, so the pipeline compares them as base and head of one
// file. A create has no base document, a delete no head document (their side is empty). A value
// unknown until apply (`after_unknown`) is a placeholder token (`iam-policy-diff.terraform-plan
// .<address>.<argument>`) where it is part of a document (a Lambda permission's function), and
// makes the head document not reviewable (an `unreviewable` entry on `head`) where it is the
// whole policy: Terraform marks a policy string unknown as soon as any part of it is. Both sides
// share one placeholder log, so the same token stands for the same value. Syntax problems are
// `json-syntax` diagnostics on both sides; no document is then returned.
import { parseLocatedJson, escapePointerToken, type JsonNode } from '../../policy/located-json.js'
import type { LineIndex } from '../../policy/line-index.js'
import { PlaceholderLog } from '../cloudformation/placeholders.js'
import type {
  Attachment,
  ExtractedDocument,
  Extraction,
  Extractor,
  ExtractOptions,
  PolicyAttachment,
  SourcePosition,
  Unreviewable
} from '../types.js'
import { emitDocument } from './emit.js'
import { ATTACHMENT_RESOURCES, organizationsKind, POLICY_ARGUMENTS } from './policy-arguments.js'
import { permissionDocument } from './lambda-permission.js'
import { policyValue } from './policy-value.js'
import { tfString, type TfValue } from './values.js'

export const TERRAFORM_PLAN_CLAIM = 45
export const PLAN_MAX_BYTES = 64 * 1024 * 1024
const SNIFF_BYTES = 64 * 1024

export const terraformPlanExtractor: Extractor = {
  format: 'terraform-plan',
  claims(_path, text) {
    const head = text.slice(0, SNIFF_BYTES)
    if (!/^\s*\{/.test(head) || !/"format_version"\s*:/.test(head)) return 0
    return /"(resource_changes|planned_values)"\s*:/.test(text) ? TERRAFORM_PLAN_CLAIM : 0
  },
  /** one text, one side: the planned state (`after`); use extractPlanChange for both sides */
  extract(path, text, options) {
    return extractPlanChange(path, text, options).head
  }
}

type Side = 'before' | 'after'

interface SideOut {
  readonly documents: ExtractedDocument[]
  readonly unreviewable: Unreviewable[]
  readonly attachments: PolicyAttachment[]
  /** locations whose policy is known only after apply */
  readonly unknown: Set<string>
}

function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined
}

function stringOf(node: JsonNode | undefined): string | undefined {
  return node?.kind === 'string' ? node.value : undefined
}

export function extractPlanChange(
  path: string,
  text: string,
  options: ExtractOptions
): { base: Extraction; head: Extraction } {
  const parsed = parseLocatedJson(text, { file: path, maxBytes: PLAN_MAX_BYTES, maxDepth: 256 })
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error')
  const empty = (): SideOut => ({
    documents: [],
    unreviewable: [],
    attachments: [],
    unknown: new Set()
  })
  const base = empty()
  const head = empty()
  const changes = member(parsed.root, 'resource_changes')
  if (errors.length === 0 && changes?.kind === 'array') {
    const ctx = new PlanContext(parsed.lines, options, new PlaceholderLog())
    for (const change of changes.items) {
      if (stringOf(member(change, 'mode')) === 'data') continue
      ctx.change(change, 'before', base)
      ctx.change(change, 'after', head)
    }
  }
  // a policy known only after apply is not reviewed (head): its base is not a deletion either
  const before = base.documents.filter((d) => !head.unknown.has(d.location))
  const extraction = (side: SideOut, documents = side.documents): Extraction => ({
    format: 'terraform-plan',
    documents,
    unreviewable: side.unreviewable,
    attachments: side.attachments,
    diagnostics: parsed.diagnostics
  })
  return { base: extraction(base, before), head: extraction(head) }
}

class PlanContext {
  constructor(
    readonly lines: LineIndex,
    readonly options: ExtractOptions,
    readonly log: PlaceholderLog
  ) {}

  at(node: JsonNode | undefined): SourcePosition | undefined {
    return node ? this.lines.position(node.start) : undefined
  }

  change(change: JsonNode, side: Side, out: SideOut): void {
    const address = stringOf(member(change, 'address'))
    const type = stringOf(member(change, 'type'))
    const body = member(change, 'change')
    const values = member(body, side)
    if (address === undefined || type === undefined || values?.kind !== 'object') return
    const unknown = side === 'after' ? member(body, 'after_unknown') : undefined
    const r = { address, type, values, unknown, out }
    for (const rule of Object.hasOwn(POLICY_ARGUMENTS, type)
      ? (POLICY_ARGUMENTS[type] ?? [])
      : []) {
      let { kind, label } = rule
      if (type === 'aws_organizations_policy') {
        const org = organizationsKind(stringOf(member(values, 'type')))
        if (!org) continue
        ;({ kind, label } = org)
      }
      const target =
        rule.target.arg === undefined
          ? this.self(r, rule.target.kind)
          : {
              kind: rule.target.kind,
              name: stringOf(member(values, rule.target.arg)) ?? `${address}.${rule.target.arg}`
            }
      this.document(r, [rule.arg], member(values, rule.arg), member(unknown, rule.arg), {
        name: `${address} › ${label}`,
        kind,
        attachedTo: target
      })
    }
    if (type === 'aws_iam_role') this.inline(r)
    if (type === 'aws_lambda_permission') this.lambda(r)
    this.attachments(r)
  }

  private self(r: Resource, kind: Attachment['kind']): Attachment {
    const arn = stringOf(member(r.values, 'arn'))
    return arn === undefined
      ? { kind, name: r.address, type: r.type }
      : { kind, name: r.address, type: r.type, arn }
  }

  private document(
    r: Resource,
    steps: string[],
    node: JsonNode | undefined,
    unknown: JsonNode | undefined,
    spec: { name: string; kind: ExtractedDocument['kind']; attachedTo: Attachment | undefined }
  ): void {
    const location = [r.address, ...steps].map(escapePointerToken).join('/')
    if (unknown?.kind === 'boolean' && unknown.value) {
      r.out.unknown.add(location)
      r.out.unreviewable.push({
        what: `Terraform plan: ${spec.name}`,
        reason: 'the policy is known only after apply (`after_unknown`)',
        fix: 'review the `.tf` code, or plan again once the values it depends on exist',
        position: this.at(unknown)
      })
      return
    }
    const text = stringOf(node)
    if (text === undefined || text === '') return
    const v = policyValue(tfString(text, this.at(node)))
    if (!v.doc) {
      r.out.unreviewable.push({
        what: `Terraform plan: ${spec.name}`,
        reason: `the policy is not a JSON object: ${v.error ?? ''}`,
        fix: 'check the policy argument in the `.tf` code',
        position: this.at(node)
      })
      return
    }
    r.out.documents.push(
      emitDocument({ location, ...spec, doc: v.doc }, this.log, this.options.facts.partition)
    )
  }

  private inline(r: Resource): void {
    const list = member(r.values, 'inline_policy')
    if (list?.kind !== 'array') return
    const unknownList = member(r.unknown, 'inline_policy')
    list.items.forEach((item, i) => {
      const name = stringOf(member(item, 'name')) || `#${i}`
      const unknown =
        unknownList?.kind === 'array' ? member(unknownList.items[i], 'policy') : undefined
      this.document(r, ['inline_policy', name], member(item, 'policy'), unknown, {
        name: `${r.address} › inline policy ${name}`,
        kind: 'identity',
        attachedTo: this.self(r, 'role')
      })
    })
  }

  private value(r: Resource, arg: string): TfValue | undefined {
    const node = member(r.values, arg)
    const unknown = member(r.unknown, arg)
    if (unknown?.kind === 'boolean' && unknown.value) {
      const token = this.log.opaque(
        'terraform-plan',
        `${r.address}.${arg}`,
        `\`${r.address}.${arg}\` (known after apply)`
      )
      return { t: 'unknown', token, at: this.at(unknown) }
    }
    const s = stringOf(node)
    return s === undefined || s === '' ? undefined : tfString(s, this.at(node))
  }

  private lambda(r: Resource): void {
    const fn = this.value(r, 'function_name')
    const action = this.value(r, 'action')
    const who = this.value(r, 'principal')
    if (!fn || !action || !who) return
    const at = this.at(r.values)
    const f = this.options.facts
    const name = fn.t === 'string' ? fn.value : fn.t === 'unknown' ? fn.token : ''
    const qualifier = this.value(r, 'qualifier')
    const arn = name.startsWith('arn:')
      ? name
      : `arn:${f.partition}:lambda:${f.region}:${f.accountId}:function:${name}`
    const resource = tfString(qualifier?.t === 'string' ? `${arn}:${qualifier.value}` : arn, fn.at)
    const doc = permissionDocument({
      get: (argument) => this.value(r, argument),
      resource,
      principalText: who.t === 'string' ? who.value : '',
      at
    })
    if (!doc) return
    const attachedTo: Attachment = { kind: 'resource', name, type: 'aws_lambda_function' }
    r.out.documents.push(
      emitDocument(
        {
          location: escapePointerToken(r.address),
          name: `${r.address} › permission`,
          kind: 'resource',
          attachedTo,
          doc
        },
        this.log,
        f.partition
      )
    )
  }

  private attachments(r: Resource): void {
    const principal = r.type.replace(/^aws_iam_/, '')
    const add = (
      relation: PolicyAttachment['relation'],
      to: Attachment,
      node: JsonNode | undefined,
      location: string
    ): void => {
      const policy = stringOf(node)
      if (policy !== undefined && policy !== '')
        r.out.attachments.push({ relation, to, policy, location, position: this.at(node) })
    }
    if (principal === 'role' || principal === 'user' || principal === 'group') {
      const to = this.self(r, principal)
      const arns = member(r.values, 'managed_policy_arns')
      if (arns?.kind === 'array')
        for (const item of arns.items)
          add(
            'managed-policy',
            to,
            item,
            `${escapePointerToken(r.address)}/managed_policy_arns/${escapePointerToken(stringOf(item) ?? '')}`
          )
      add(
        'permissions-boundary',
        to,
        member(r.values, 'permissions_boundary'),
        `${escapePointerToken(r.address)}/permissions_boundary`
      )
    }
    const rule = Object.hasOwn(ATTACHMENT_RESOURCES, r.type)
      ? ATTACHMENT_RESOURCES[r.type]
      : undefined
    if (rule) {
      const to: Attachment = {
        kind: rule.kind,
        name: stringOf(member(r.values, rule.arg)) ?? r.address,
        type: rule.type
      }
      add('managed-policy', to, member(r.values, 'policy_arn'), escapePointerToken(r.address))
    }
  }
}

interface Resource {
  readonly address: string
  readonly type: string
  readonly values: JsonNode
  readonly unknown: JsonNode | undefined
  readonly out: SideOut
}
