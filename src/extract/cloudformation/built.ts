// Resource policies that CloudFormation builds from properties rather than holding as a
// document: `AWS::Lambda::Permission` (one statement, as Lambda's AddPermission writes it) and
// the older form of `AWS::Events::EventBusPolicy` (`Principal`, `Action`, `Condition`).
import { valueOf, type LocatedNode } from '../located-tree.js'
import { obj, str, type RNode } from './resolved.js'
import { positionOf, type Resolver } from './resolver.js'

type Entries = { key: string; value: RNode }[]

function add(entries: Entries, key: string, value: RNode | undefined): void {
  if (value !== undefined) entries.push({ key, value })
}

/** A service principal (`s3.amazonaws.com`), else an account or ARN (`AWS`), or `*`. */
function principal(value: RNode): RNode {
  const text = value.t === 'scalar' ? String(value.value) : ''
  if (text === '*') return value
  const type =
    /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(text) || /^[a-z0-9-]+\.[a-z0-9.-]+$/.test(text)
      ? 'Service'
      : 'AWS'
  return obj([{ key: type, value }], value.at)
}

/** `AWS::Lambda::Permission` → one Allow statement on the function. */
export function lambdaPermission(r: Resolver, properties: LocatedNode): RNode | undefined {
  const get = (key: string): RNode | undefined => {
    const node = valueOf(properties, key)
    return node && r.resolve(node)
  }
  const at = positionOf(properties)
  const who = get('Principal')
  const action = get('Action')
  const fn = get('FunctionName')
  if (!who || !action || !fn || fn.t !== 'scalar') {
    r.report(
      'template-policy-invalid',
      properties,
      '`Principal`, `Action` and `FunctionName` are required'
    )
    return undefined
  }
  const name = String(fn.value)
  const f = r.facts
  const arn = name.startsWith('arn:')
    ? name
    : `arn:${f.partition}:lambda:${f.region}:${f.accountId}:function:${name}`
  const conditions: Entries = []
  const arnLike: Entries = []
  const equals: Entries = []
  add(arnLike, 'aws:SourceArn', get('SourceArn'))
  add(equals, 'aws:SourceAccount', get('SourceAccount'))
  add(equals, 'aws:PrincipalOrgID', get('PrincipalOrgID'))
  add(equals, 'lambda:FunctionUrlAuthType', get('FunctionUrlAuthType'))
  if (equals.length > 0) conditions.push({ key: 'StringEquals', value: obj(equals, at) })
  if (arnLike.length > 0) conditions.push({ key: 'ArnLike', value: obj(arnLike, at) })
  const statement: Entries = [
    { key: 'Effect', value: str('Allow', at) },
    { key: 'Principal', value: principal(who) },
    { key: 'Action', value: action },
    { key: 'Resource', value: str(arn, fn.at) }
  ]
  if (conditions.length > 0) statement.push({ key: 'Condition', value: obj(conditions, at) })
  return document([obj(statement, at)], at)
}

function document(statements: RNode[], at: RNode['at']): RNode {
  return obj(
    [
      { key: 'Version', value: str('2012-10-17', at) },
      { key: 'Statement', value: { t: 'array', items: statements, at } }
    ],
    at
  )
}

/** `AWS::Events::EventBusPolicy`: its `Statement` property, or the older separate properties. */
export function eventBusPolicy(
  r: Resolver,
  properties: LocatedNode,
  busArn: string
): RNode | undefined {
  const at = positionOf(properties)
  const statementNode = valueOf(properties, 'Statement')
  if (statementNode) {
    const statement = r.resolve(statementNode)
    return statement && document(statement.t === 'array' ? [...statement.items] : [statement], at)
  }
  const get = (key: string): RNode | undefined => {
    const node = valueOf(properties, key)
    return node && r.resolve(node)
  }
  const who = get('Principal')
  const action = get('Action')
  if (!who || !action) {
    r.report(
      'template-policy-invalid',
      properties,
      'the policy needs `Statement`, or `Principal` and `Action`'
    )
    return undefined
  }
  const entries: Entries = []
  add(entries, 'Sid', get('StatementId'))
  entries.push(
    { key: 'Effect', value: str('Allow', at) },
    { key: 'Principal', value: principal(who) },
    { key: 'Action', value: action },
    { key: 'Resource', value: str(busArn, at) }
  )
  const condition = get('Condition')
  const type =
    condition?.t === 'object' ? condition.entries.find((e) => e.key === 'Type')?.value : undefined
  const key =
    condition?.t === 'object' ? condition.entries.find((e) => e.key === 'Key')?.value : undefined
  const value =
    condition?.t === 'object' ? condition.entries.find((e) => e.key === 'Value')?.value : undefined
  if (type?.t === 'scalar' && key?.t === 'scalar' && value) {
    const inner = obj([{ key: String(key.value), value }], condition?.at)
    entries.push({
      key: 'Condition',
      value: obj([{ key: String(type.value), value: inner }], condition?.at)
    })
  }
  return document([obj(entries, at)], at)
}
