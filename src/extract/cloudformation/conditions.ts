// The template's `Conditions`, decided only when they do not depend on a deploy-time input
// (a parameter, a pseudo parameter): a Default is a guess, and the stack may deploy with another
// value. Three-valued: undefined means "depends on a deploy-time value".
import { quote } from '../../diagnostics/quote.js'
import type { LocatedNode } from '../located-tree.js'
import { sameValue, type RNode } from './resolved.js'
import type { Resolver } from './resolver.js'

/** The outcome of the named condition (memoised; a cycle is undecidable and reported). */
export function decideCondition(r: Resolver, name: string): boolean | undefined {
  if (r.conditionMemo.has(name)) return r.conditionMemo.get(name)
  const node = r.index.conditions.get(name)
  if (!node) return undefined
  if (r.conditionStack.has(name)) {
    r.report('template-intrinsic-invalid', node, `condition ${quote(name)} refers to itself`)
    return undefined
  }
  r.conditionStack.add(name)
  r.conditionDepth++
  const outcome = evaluate(r, node)
  r.conditionDepth--
  r.conditionStack.delete(name)
  r.conditionMemo.set(name, outcome)
  return outcome
}

function args(node: LocatedNode): readonly LocatedNode[] | undefined {
  return node.kind === 'seq' ? node.items : undefined
}

/** One condition expression: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`. */
export function evaluate(r: Resolver, node: LocatedNode): boolean | undefined {
  const only = node.kind === 'map' && node.entries.length === 1 ? node.entries[0] : undefined
  if (!only) {
    if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value
    r.report('template-intrinsic-invalid', node, 'a condition must be one condition function')
    return undefined
  }
  const list = args(only.value)
  switch (only.key) {
    case 'Condition': {
      const name = r.resolveString(only.value)
      return name === undefined ? undefined : r.decide(name)
    }
    case 'Fn::Equals':
      return equals(r, list, node)
    case 'Fn::Not':
      return not(r, list, node)
    case 'Fn::And':
    case 'Fn::Or':
      return combine(r, only.key, list, node)
    default:
      r.report('template-intrinsic-invalid', node, `${quote(only.key)} is not a condition function`)
      return undefined
  }
}

function equals(
  r: Resolver,
  list: readonly LocatedNode[] | undefined,
  node: LocatedNode
): boolean | undefined {
  const [a, b] = list ?? []
  if (!a || !b || list?.length !== 2) {
    r.report('template-intrinsic-invalid', node, '`Fn::Equals` takes two values')
    return undefined
  }
  const x = r.resolve(a)
  const y = r.resolve(b)
  if (!x || !y || r.isOpaque(x) || r.isOpaque(y)) return undefined
  return sameValue(text(x), text(y))
}

/** CloudFormation compares as strings: `1` equals `"1"`. */
function text(node: RNode): RNode {
  return node.t === 'scalar' && node.value !== null ? { ...node, value: String(node.value) } : node
}

function not(
  r: Resolver,
  list: readonly LocatedNode[] | undefined,
  node: LocatedNode
): boolean | undefined {
  const [only] = list ?? []
  if (!only || list?.length !== 1) {
    r.report('template-intrinsic-invalid', node, '`Fn::Not` takes one condition')
    return undefined
  }
  const inner = evaluate(r, only)
  return inner === undefined ? undefined : !inner
}

function combine(
  r: Resolver,
  name: 'Fn::And' | 'Fn::Or',
  list: readonly LocatedNode[] | undefined,
  node: LocatedNode
): boolean | undefined {
  if (!list || list.length < 2 || list.length > 10) {
    r.report('template-intrinsic-invalid', node, `${quote(name)} takes 2 to 10 conditions`)
    return undefined
  }
  const decisive = name === 'Fn::Or'
  let unknown = false
  for (const item of list) {
    const value = evaluate(r, item)
    if (value === decisive) return decisive
    if (value === undefined) unknown = true
  }
  return unknown ? undefined : !decisive
}
