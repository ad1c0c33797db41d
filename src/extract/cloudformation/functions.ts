// The list and string intrinsics (`Fn::Join`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`,
// `Fn::Length`, `Fn::ToJsonString`), condition functions used as values, and the deploy-time
// ones that become marked placeholders (`Fn::ImportValue`, `Fn::GetAZs`, `Fn::Base64`,
// `Fn::Cidr`, `Fn::Transform`).
import { quote } from '../../diagnostics/quote.js'
import { entryOf, valueOf, type LocatedNode } from '../located-tree.js'
import { evaluate } from './conditions.js'
import { isOpaque, scalarText, serialise, str, type RNode } from './resolved.js'
import { positionOf, type Resolver } from './resolver.js'

type Call = (r: Resolver, arg: LocatedNode, node: LocatedNode) => RNode | undefined

function items(arg: LocatedNode): readonly LocatedNode[] {
  return arg.kind === 'seq' ? arg.items : []
}

function list(r: Resolver, node: LocatedNode | undefined): readonly RNode[] | undefined {
  const value = node && r.resolve(node)
  return value?.t === 'array' ? value.items : undefined
}

const join: Call = (r, arg, node) => {
  const [delimiter, values] = items(arg)
  const sep = delimiter?.kind === 'scalar' ? scalarText(r.resolve(delimiter)) : undefined
  const parts = list(r, values)
  if (sep === undefined || !parts || items(arg).length !== 2) {
    return r.invalid(node, '`Fn::Join` takes a delimiter and a list')
  }
  const texts = parts.map(scalarText)
  if (texts.some((t) => t === undefined)) return r.invalid(node, '`Fn::Join` joins strings only')
  return str(texts.join(sep), positionOf(node), parts.some(isOpaque))
}

const select: Call = (r, arg, node) => {
  const [index, values] = items(arg)
  const at = Number(index && r.resolveString(index))
  const parts = list(r, values)
  if (!parts || !Number.isInteger(at) || items(arg).length !== 2) {
    return r.invalid(node, '`Fn::Select` takes an index and a list')
  }
  const picked = parts[at]
  if (picked === undefined) return r.invalid(node, `\`Fn::Select\` index \`${at}\` is out of range`)
  return picked
}

const split: Call = (r, arg, node) => {
  const [delimiter, source] = items(arg)
  const sep = delimiter && r.resolveString(delimiter)
  const value = source && r.resolve(source)
  const text = scalarText(value)
  if (!sep || text === undefined || items(arg).length !== 2) {
    return r.invalid(node, '`Fn::Split` takes a delimiter and a string')
  }
  const opaque = value !== undefined && isOpaque(value)
  const at = positionOf(node)
  return { t: 'array', items: text.split(sep).map((part) => str(part, at, opaque)), at }
}

const findInMap: Call = (r, arg, node) => {
  const [map, top, second, options] = items(arg)
  const keys = [map, top, second].map((k) => k && r.resolveString(k))
  if (keys.some((k) => k === undefined) || items(arg).length < 3) {
    return r.invalid(node, '`Fn::FindInMap` takes a map name and two keys')
  }
  let found: LocatedNode | undefined = r.index.mappings
  for (const key of keys) found = valueOf(found, key ?? '')
  if (found) return r.resolve(found)
  const fallback = entryOf(options, 'DefaultValue')
  if (fallback) return r.resolve(fallback.value)
  const shown = keys.map((k) => quote(k ?? '')).join(' › ')
  return r.invalid(node, `\`Fn::FindInMap\` finds nothing at ${shown}`)
}

const importValue: Call = (r, arg, node) => {
  const name = r.resolveString(arg)
  if (name === undefined) return r.invalid(node, '`Fn::ImportValue` takes an export name')
  return r.unresolved('import', name, `\`Fn::ImportValue\` ${quote(name)}`, node)
}

const getAzs: Call = (r, _arg, node) => {
  const at = positionOf(node)
  const stands = '`Fn::GetAZs`'
  r.report('template-unresolved', node, `${stands} is known only at deploy time`)
  const zones = ['0', '1', '2'].map((i) => str(r.log.opaque('az', i, stands), at, true))
  return { t: 'array', items: zones, at }
}

const base64: Call = (r, arg, node) => {
  const text = r.resolveString(arg) ?? 'value'
  return r.unresolved('base64', text, '`Fn::Base64`', node)
}

const cidr: Call = (r, arg, node) => {
  const count = Number(r.resolveString(items(arg)[1]))
  const n = Number.isInteger(count) && count > 0 && count <= 256 ? count : 1
  const at = positionOf(node)
  r.report('template-unresolved', node, '`Fn::Cidr` is known only at deploy time')
  const blocks = Array.from({ length: n }, (_, i) =>
    str(r.log.opaque('cidr', String(i), '`Fn::Cidr`'), at, true)
  )
  return { t: 'array', items: blocks, at }
}

const transform: Call = (r, arg, node) => {
  const name = r.resolveString(valueOf(arg, 'Name')) ?? 'macro'
  return r.unresolved('transform', name, `\`Fn::Transform\` ${quote(name)}`, node)
}

const toJsonString: Call = (r, arg, node) => {
  const value = r.resolve(arg)
  if (!value) return r.invalid(node, '`Fn::ToJsonString` takes a value')
  const text = JSON.stringify(JSON.parse(serialise(value).text))
  return str(text, positionOf(node), isOpaque(value))
}

const length: Call = (r, arg, node) => {
  const parts = list(r, arg)
  if (!parts) return r.invalid(node, '`Fn::Length` takes a list')
  return { t: 'scalar', value: parts.length, at: positionOf(node) }
}

const condition: Call = (r, _arg, node) => {
  const outcome = evaluate(r, node)
  if (outcome === undefined) return r.unresolved('condition', 'value', 'a condition value', node)
  return { t: 'scalar', value: outcome, at: positionOf(node) }
}

const CALLS: Readonly<Record<string, Call>> = {
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::FindInMap': findInMap,
  'Fn::ImportValue': importValue,
  'Fn::GetAZs': getAzs,
  'Fn::Base64': base64,
  'Fn::Cidr': cidr,
  'Fn::Transform': transform,
  'Fn::ToJsonString': toJsonString,
  'Fn::Length': length,
  'Fn::Equals': condition,
  'Fn::And': condition,
  'Fn::Or': condition,
  'Fn::Not': condition
}

export function callFunction(
  r: Resolver,
  name: string,
  arg: LocatedNode,
  node: LocatedNode
): RNode | undefined {
  const call = Object.hasOwn(CALLS, name) ? CALLS[name] : undefined
  return call ? call(r, arg, node) : r.invalid(node, `unknown function ${quote(name)}`)
}
