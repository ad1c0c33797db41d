// `aws_lambda_permission` as the one-statement resource-based policy AWS adds to the function
// (Lambda's AddPermission: principal, action, function ARN, source ARN/account and organization
// as conditions). Shared by the `.tf` extractor and the plan extractor, which read the arguments
// from different places.
import { LAMBDA_CONDITIONS, principalType } from './policy-arguments.js'
import { tfString, type TfValue } from './values.js'
import type { SourcePosition } from '../types.js'

export interface PermissionArguments {
  /** the argument's value, or undefined when it is not set */
  readonly get: (argument: string) => TfValue | undefined
  /** the function's ARN (qualifier included) as the statement's Resource */
  readonly resource: TfValue
  /** the principal as text, to tell a service from an account */
  readonly principalText: string
  readonly at: SourcePosition | undefined
}

/** The policy document of one permission; undefined when an essential argument is missing. */
export function permissionDocument(args: PermissionArguments): TfValue | undefined {
  const { get, at } = args
  const action = get('action')
  const who = get('principal')
  if (!action || !who) return undefined
  const kind = principalType(args.principalText)
  const conditions = new Map<string, { key: string; value: TfValue }[]>()
  for (const [arg, test, key] of LAMBDA_CONDITIONS) {
    const v = get(arg)
    if (v) conditions.set(test, [...(conditions.get(test) ?? []), { key, value: v }])
  }
  const statement: { key: string; value: TfValue }[] = []
  const sid = get('statement_id')
  if (sid) statement.push({ key: 'Sid', value: sid })
  statement.push(
    { key: 'Effect', value: tfString('Allow', at) },
    {
      key: 'Principal',
      value: kind ? { t: 'map', entries: [{ key: kind, value: who }], at: who.at } : who
    },
    { key: 'Action', value: action },
    { key: 'Resource', value: args.resource }
  )
  if (conditions.size > 0) {
    const entries = [...conditions].map(([key, list]) => ({
      key,
      value: { t: 'map' as const, entries: list, at }
    }))
    statement.push({ key: 'Condition', value: { t: 'map', entries, at } })
  }
  return {
    t: 'map',
    entries: [
      { key: 'Version', value: tfString('2012-10-17', at) },
      { key: 'Statement', value: { t: 'list', items: [{ t: 'map', entries: statement, at }], at } }
    ],
    at
  }
}
