// Principal/NotPrincipal (IAM-SEMANTICS §2, §3.3): where they may appear (by policy kind), the
// NotPrincipal restrictions, and the written form of every principal. `"*"` becomes
// `{ type: 'AWS', value: '*' }`; object values become one entry per principal, in order.
import { quote } from '../diagnostics/quote.js'
import { suggest } from '../diagnostics/suggest.js'
import { splitArn } from './arn.js'
import type { JsonEntry, JsonObject, JsonString } from './located-json.js'
import type { PolicyKind, PrincipalEntry, PrincipalList, PrincipalType } from './model.js'
import { stringList } from './normalize.js'
import { describeNode, didYouMean, keyOf, type PolicyContext } from './validate-context.js'

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Service', 'Federated', 'CanonicalUser']
const NO_PRINCIPALS: ReadonlySet<PolicyKind> = new Set(['identity', 'boundary', 'session', 'scp'])
const KIND_NAMES: Readonly<Record<PolicyKind, string>> = {
  identity: 'an identity policy',
  resource: 'a resource-based policy',
  boundary: 'a permissions boundary',
  session: 'a session policy',
  scp: 'a service control policy',
  rcp: 'a resource control policy'
}

export function readPrincipal(
  ctx: PolicyContext,
  statement: JsonObject,
  get: ReadonlyMap<string, JsonEntry>,
  effect: 'Allow' | 'Deny' | undefined
): PrincipalList | undefined {
  const present = [get.get('Principal'), get.get('NotPrincipal')].filter((e) => e !== undefined)
  if (NO_PRINCIPALS.has(ctx.kind)) {
    for (const entry of present) {
      const message = `\`${entry.key}\` is not allowed in ${KIND_NAMES[ctx.kind]}`
      ctx.report('statement-principal-forbidden', keyOf(entry), message)
    }
    return undefined
  }
  const [entry, second] = present
  if (second) {
    ctx.report(
      'statement-principal-conflict',
      keyOf(second),
      '`Principal` and `NotPrincipal` cannot both appear'
    )
    return undefined
  }
  if (!entry) {
    if (ctx.kind === 'rcp') ctx.report('principal-rcp', statement, 'missing `"Principal": "*"`')
    else
      ctx.report('statement-principal-missing', statement, 'missing `Principal` or `NotPrincipal`')
    return undefined
  }
  const negated = entry.key === 'NotPrincipal'
  if (negated) checkNotPrincipal(ctx, entry, effect)
  if (ctx.kind === 'rcp' && !isStar(entry)) {
    ctx.report(
      'principal-rcp',
      entry.value,
      'resource control policies allow only `"Principal": "*"`'
    )
  }
  const entries = readPrincipalValue(ctx, entry)
  return entries && { negated, entries }
}

function checkNotPrincipal(ctx: PolicyContext, entry: JsonEntry, effect: string | undefined): void {
  if (ctx.kind === 'rcp') {
    ctx.report(
      'statement-notprincipal-forbidden',
      keyOf(entry),
      '`NotPrincipal` is not allowed in a resource control policy'
    )
  }
  if (effect === 'Allow') {
    ctx.report(
      'statement-notprincipal-allow',
      keyOf(entry),
      '`NotPrincipal` cannot be used with `"Effect": "Allow"`'
    )
  }
}

function isStar(entry: JsonEntry): boolean {
  return entry.value.kind === 'string' && entry.value.value === '*'
}

function readPrincipalValue(ctx: PolicyContext, entry: JsonEntry): PrincipalEntry[] | undefined {
  const node = entry.value
  if (node.kind === 'string') {
    if (node.value === '*') return [{ type: 'AWS', value: '*' }]
    const message = `invalid principal ${quote(node.value)}: use \`"*"\` or an object such as \`{"AWS": "123456789012"}\``
    ctx.report('principal-invalid', node, message)
    return undefined
  }
  if (node.kind !== 'object') {
    ctx.report(
      'value-type',
      node,
      `\`${entry.key}\` must be \`"*"\` or an object, not ${describeNode(node)}`
    )
    return undefined
  }
  if (node.entries.length === 0) {
    ctx.report('value-empty', node, `\`${entry.key}\` must name at least one principal`)
    return undefined
  }
  const before = ctx.errorCount()
  const entries = node.entries.flatMap((member) => readTypedPrincipals(ctx, member))
  return ctx.errorCount() === before ? entries : undefined
}

function readTypedPrincipals(ctx: PolicyContext, member: JsonEntry): PrincipalEntry[] {
  const type = PRINCIPAL_TYPES.find((t) => t === member.key)
  if (type === undefined) {
    const help = didYouMean(suggest(member.key, PRINCIPAL_TYPES, { ignoreCase: true }))
    ctx.report(
      'principal-invalid',
      keyOf(member),
      `unknown principal type ${quote(member.key)}`,
      help
    )
    return []
  }
  const nodes = stringList(ctx, member) ?? []
  for (const node of nodes) checkPrincipal(ctx, type, node)
  return nodes.map((node) => ({ type, value: node.value }))
}

const EXPECTED: Readonly<Record<PrincipalType, string>> = {
  AWS: 'use `*`, a 12-digit account id, or an iam or sts arn of an account, user, role or session',
  Service: 'use a service principal such as `ec2.amazonaws.com`',
  Federated:
    'use an identity provider such as `accounts.google.com` or a saml or oidc provider arn',
  CanonicalUser: 'use a canonical user id'
}

function checkPrincipal(ctx: PolicyContext, type: PrincipalType, node: JsonString): void {
  const value = node.value
  if (type === 'AWS' && value === '*') return
  if (value.includes('*') || value.includes('?')) {
    const message = `invalid \`${type}\` principal ${quote(value)}: partial wildcards are not allowed in principals`
    ctx.report('principal-invalid', node, message)
    return
  }
  if (!VALID[type](value)) {
    ctx.report(
      'principal-invalid',
      node,
      `invalid \`${type}\` principal ${quote(value)}: ${EXPECTED[type]}`
    )
  }
}

const VALID: Readonly<Record<PrincipalType, (value: string) => boolean>> = {
  AWS: (v) => ACCOUNT.test(v) || isAwsPrincipalArn(v),
  Service: isHostName,
  Federated: (v) => isHostName(v) || isProviderArn(v),
  CanonicalUser: (v) => v !== ''
}

const ACCOUNT = /^\d{12}$/
const PARTITION = /^aws(-[a-z]+)*$/
const IAM_PRINCIPAL = /^(root|(user|role)\/.*[^/])$/
const STS_PRINCIPAL = /^(assumed-role\/[^/]+\/[^/]+|federated-user\/[^/]+)$/
const PROVIDER = /^(saml-provider|oidc-provider)\/./

/** `arn:aws:iam::A:root|user/…|role/…` or `arn:aws:sts::A:assumed-role/R/S|federated-user/N`. */
function isAwsPrincipalArn(value: string): boolean {
  const arn = splitArn(value)
  if (!arn || !PARTITION.test(arn.partition) || arn.region !== '' || !ACCOUNT.test(arn.account)) {
    return false
  }
  if (arn.service === 'iam') return IAM_PRINCIPAL.test(arn.resource)
  return arn.service === 'sts' && STS_PRINCIPAL.test(arn.resource)
}

function isProviderArn(value: string): boolean {
  const arn = splitArn(value)
  return (
    arn !== undefined &&
    PARTITION.test(arn.partition) &&
    arn.service === 'iam' &&
    ACCOUNT.test(arn.account) &&
    PROVIDER.test(arn.resource)
  )
}

/** Dot-separated labels of letters, digits and inner hyphens, at least two labels. */
function isHostName(value: string): boolean {
  const labels = value.split('.')
  return labels.length >= 2 && labels.every(isLabel)
}

function isLabel(label: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(label) && !label.startsWith('-') && !label.endsWith('-')
}
