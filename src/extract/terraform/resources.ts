// The policies and attachments of one resource block, per instance (`count` / `for_each` over a
// known collection expand to `address[0]` / `address["key"]`; an unknown collection is reviewed
// once with the iteration values as placeholders, and reported as not fully reviewed).
import { escapePointerToken } from '../../policy/located-json.js'
import type { Attachment, PolicyAttachment } from '../types.js'
import { attribute, blocks, type Block, type Expr } from './hcl-ast.js'
import type { Evaluator, Scope } from './evaluate.js'
import type { DocumentSpec } from './emit.js'
import { elements } from './operators.js'
import {
  ATTACHMENT_RESOURCES,
  organizationsKind,
  POLICY_ARGUMENTS,
  type PolicyArgument,
  type TargetRule
} from './policy-arguments.js'
import { permissionDocument } from './lambda-permission.js'
import { asText, tfString, type TfValue } from './values.js'

export const MAX_INSTANCES = 100

export interface ArgumentValue {
  readonly spec: Omit<DocumentSpec, 'doc'>
  readonly value: TfValue
  readonly at: Expr['at']
}

export interface ResourceFindings {
  readonly values: ArgumentValue[]
  readonly built: DocumentSpec[]
  readonly attachments: PolicyAttachment[]
}

interface Instance {
  readonly address: string
  readonly scope: Scope
}

function instances(ev: Evaluator, block: Block, address: string): Instance[] {
  const count = attribute(block.body, 'count')
  const forEach = attribute(block.body, 'for_each')
  if (!count && !forEach) return [{ address, scope: new Map() }]
  const what = count ? 'count' : 'for_each'
  const value = ev.evaluate((count ?? forEach)?.expr as Expr, new Map())
  const out: Instance[] = []
  if (count && value.t === 'number' && value.value >= 0) {
    for (let i = 0; i < Math.min(value.value, MAX_INSTANCES); i++) {
      const index: TfValue = { t: 'number', value: i, at: value.at }
      out.push({
        address: `${address}[${i}]`,
        scope: new Map([
          ['count', { t: 'map', entries: [{ key: 'index', value: index }], at: value.at }]
        ])
      })
    }
    return out
  }
  const items = forEach ? elements(value) : undefined
  if (items && items.length <= MAX_INSTANCES) {
    for (const item of items) {
      const key = value.t === 'list' ? item.value : item.key
      const text = asText(key) ?? ''
      const each: TfValue = {
        t: 'map',
        entries: [
          { key: 'key', value: tfString(text, key.at) },
          { key: 'value', value: item.value }
        ],
        at: value.at
      }
      out.push({ address: `${address}[${JSON.stringify(text)}]`, scope: new Map([['each', each]]) })
    }
    return out
  }
  ev.gap(
    `\`${what}\` of ${address}`,
    `its \`${what}\` is not known from the code: the policy is reviewed once, with placeholders for the iteration values`,
    ev.at(block.at)
  )
  return [{ address, scope: new Map() }]
}

function target(ev: Evaluator, rule: TargetRule, block: Block, inst: Instance): Attachment {
  const [type = '', name = ''] = block.labels
  if (rule.arg === undefined) {
    const arn = ev.shaped(type, name, block, 'arn')
    return arn === undefined
      ? { kind: rule.kind, name: inst.address, type }
      : { kind: rule.kind, name: inst.address, type, arn }
  }
  const a = attribute(block.body, rule.arg)
  if (!a) return { kind: rule.kind, name: `${inst.address}.${rule.arg}` }
  const [first] = a.expr.k === 'ref' ? a.expr.steps : []
  if (a.expr.k === 'ref' && a.expr.root === rule.type && first?.t === 'attr') {
    const referenced = ev.o.index.resources.get(`${rule.type}.${first.name}`)
    const arn = ev.shaped(rule.type, first.name, referenced, 'arn')
    const base = { kind: rule.kind, name: `${rule.type}.${first.name}`, type: rule.type }
    return arn === undefined ? base : { ...base, arn }
  }
  const v = ev.evaluate(a.expr, inst.scope)
  return {
    kind: rule.kind,
    name: asText(v) ?? ev.source(a.expr.at),
    ...(rule.type ? { type: rule.type } : {})
  }
}

function location(address: string, ...steps: string[]): string {
  return [address, ...steps].map(escapePointerToken).join('/')
}

function argumentValues(
  ev: Evaluator,
  block: Block,
  inst: Instance,
  args: readonly PolicyArgument[],
  out: ResourceFindings
): void {
  for (const rule of args) {
    const a = attribute(block.body, rule.arg)
    if (!a) continue
    let { kind, label } = rule
    if (block.labels[0] === 'aws_organizations_policy') {
      const type = attribute(block.body, 'type')
      const org = organizationsKind(type && asText(ev.evaluate(type.expr, inst.scope)))
      if (!org) continue
      ;({ kind, label } = org)
    }
    ev.owner = `${inst.address} › ${label}`
    out.values.push({
      spec: {
        location: location(inst.address, rule.arg),
        name: ev.owner,
        kind,
        attachedTo: target(ev, rule.target, block, inst)
      },
      value: ev.evaluate(a.expr, inst.scope),
      at: a.expr.at
    })
  }
}

function inlinePolicies(ev: Evaluator, block: Block, inst: Instance, out: ResourceFindings): void {
  const role = target(ev, { kind: 'role' }, block, inst)
  blocks(block.body, 'inline_policy').forEach((inline, i) => {
    const name = attribute(inline.body, 'name')
    const policy = attribute(inline.body, 'policy')
    if (!policy) return
    const key = (name && asText(ev.evaluate(name.expr, inst.scope))) || `#${i}`
    ev.owner = `${inst.address} › inline policy ${key}`
    out.values.push({
      spec: {
        location: location(inst.address, 'inline_policy', key),
        name: ev.owner,
        kind: 'identity',
        attachedTo: role
      },
      value: ev.evaluate(policy.expr, inst.scope),
      at: policy.expr.at
    })
  })
}

function attach(
  ev: Evaluator,
  out: ResourceFindings,
  relation: PolicyAttachment['relation'],
  to: Attachment,
  v: TfValue,
  loc: string,
  at: Expr['at']
): void {
  const values = v.t === 'list' ? v.items : [v]
  for (const item of values) {
    const policy = asText(item)
    if (policy === undefined) continue
    const where =
      relation === 'managed-policy' && v.t === 'list' ? `${loc}/${escapePointerToken(policy)}` : loc
    out.attachments.push({ relation, to, policy, location: where, position: item.at ?? ev.at(at) })
  }
}

/**
 * `aws_iam_user_group_membership` (`user`, `groups`) and `aws_iam_group_membership` (`group`,
 * `users`): `member-of` pairs, each side named by its address when the code references the
 * resource (`aws_iam_group.ops.name`), else by its evaluated name.
 */
function memberships(ev: Evaluator, block: Block, inst: Instance, out: ResourceFindings): void {
  const [type = ''] = block.labels
  const shape =
    type === 'aws_iam_user_group_membership'
      ? { one: 'user', many: 'groups', oneIsUser: true }
      : type === 'aws_iam_group_membership'
        ? { one: 'group', many: 'users', oneIsUser: false }
        : undefined
  if (!shape) return
  const one = attribute(block.body, shape.one)
  const many = attribute(block.body, shape.many)
  if (!one || !many) return
  const oneType = shape.oneIsUser ? 'aws_iam_user' : 'aws_iam_group'
  const manyType = shape.oneIsUser ? 'aws_iam_group' : 'aws_iam_user'
  const named = (expr: Expr, rtype: string): string | undefined => {
    const [first] = expr.k === 'ref' ? expr.steps : []
    if (expr.k === 'ref' && expr.root === rtype && first?.t === 'attr')
      return `${rtype}.${first.name}`
    return asText(ev.evaluate(expr, inst.scope))
  }
  const oneName = named(one.expr, oneType)
  if (oneName === undefined) return
  const items: { name: string | undefined; at: Expr['at'] }[] =
    many.expr.k === 'tuple'
      ? many.expr.items.map((e) => ({ name: named(e, manyType), at: e.at }))
      : (() => {
          const v = ev.evaluate(many.expr, inst.scope)
          return (v.t === 'list' ? v.items : [v]).map((i) => ({
            name: asText(i),
            at: many.expr.at
          }))
        })()
  for (const item of items) {
    if (item.name === undefined) continue
    const [user, group] = shape.oneIsUser ? [oneName, item.name] : [item.name, oneName]
    out.attachments.push({
      relation: 'member-of',
      to: { kind: 'user', name: user, type: 'aws_iam_user' },
      policy: group,
      location: location(inst.address, shape.many, item.name),
      position: ev.at(item.at)
    })
  }
}

function references(ev: Evaluator, block: Block, inst: Instance, out: ResourceFindings): void {
  const [type = ''] = block.labels
  memberships(ev, block, inst, out)
  const principal = type.replace(/^aws_iam_/, '')
  if (principal === 'role' || principal === 'user' || principal === 'group') {
    const to = target(ev, { kind: principal }, block, inst)
    for (const arg of ['managed_policy_arns', 'permissions_boundary']) {
      const a = attribute(block.body, arg)
      if (!a) continue
      const relation = arg === 'permissions_boundary' ? 'permissions-boundary' : 'managed-policy'
      attach(
        ev,
        out,
        relation,
        to,
        ev.evaluate(a.expr, inst.scope),
        location(inst.address, arg),
        a.expr.at
      )
    }
  }
  const rule = Object.hasOwn(ATTACHMENT_RESOURCES, type) ? ATTACHMENT_RESOURCES[type] : undefined
  const policyArn = attribute(block.body, 'policy_arn')
  if (rule && policyArn) {
    const to = target(ev, { kind: rule.kind, arg: rule.arg, type: rule.type }, block, inst)
    attach(
      ev,
      out,
      'managed-policy',
      to,
      ev.evaluate(policyArn.expr, inst.scope),
      location(inst.address),
      policyArn.expr.at
    )
  }
}

function lambdaPermission(
  ev: Evaluator,
  block: Block,
  inst: Instance,
  out: ResourceFindings
): void {
  const get = (arg: string): TfValue | undefined => {
    const a = attribute(block.body, arg)
    return a && ev.evaluate(a.expr, inst.scope)
  }
  const at = ev.at(block.at)
  const fn = get('function_name')
  const action = get('action')
  const who = get('principal')
  if (!fn || !action || !who) return
  const f = ev.o.facts
  const name = asText(fn) ?? ''
  const qualifier = get('qualifier')
  const arn = name.startsWith('arn:')
    ? name
    : `arn:${f.partition}:lambda:${f.region}:${f.accountId}:function:${name}`
  const resource = tfString(
    qualifier ? `${arn}:${asText(qualifier) ?? ''}` : arn,
    fn.at,
    fn.t !== 'string' || fn.opaque === true
  )
  const doc = permissionDocument({ get, resource, principalText: asText(who) ?? '', at })
  if (!doc) return
  const fnRef = attribute(block.body, 'function_name')
  const attachedTo = fnRef
    ? target(
        ev,
        { kind: 'resource', arg: 'function_name', type: 'aws_lambda_function' },
        block,
        inst
      )
    : undefined
  out.built.push({
    location: location(inst.address),
    name: `${inst.address} › permission`,
    kind: 'resource',
    attachedTo,
    doc
  })
}

/** Everything one resource block contributes. */
export function resourceFindings(ev: Evaluator, block: Block, out: ResourceFindings): void {
  const [type = '', name = ''] = block.labels
  const args = Object.hasOwn(POLICY_ARGUMENTS, type) ? POLICY_ARGUMENTS[type] : undefined
  const relevant = args || type === 'aws_lambda_permission' || type.startsWith('aws_iam_')
  if (!relevant) return
  for (const inst of instances(ev, block, `${type}.${name}`)) {
    if (args) argumentValues(ev, block, inst, args, out)
    if (type === 'aws_iam_role') inlinePolicies(ev, block, inst, out)
    if (type === 'aws_lambda_permission') lambdaPermission(ev, block, inst, out)
    references(ev, block, inst, out)
  }
}
