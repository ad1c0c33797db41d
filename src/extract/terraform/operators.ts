// Operators and `for` expressions over known values; anything over an unknown is unknown.
import type { Expr } from './hcl-ast.js'
import type { Evaluator, Scope } from './evaluate.js'
import { isKnown, plain, tfString, type TfValue } from './values.js'

type Op = Extract<Expr, { k: 'op' }>
type For = Extract<Expr, { k: 'for' }>

function scalar(v: TfValue): string | number | boolean | null | undefined {
  if (v.t === 'string') return v.opaque === true ? undefined : v.value
  if (v.t === 'number' || v.t === 'bool') return v.value
  if (v.t === 'null') return null
  return undefined
}

export function evaluateOp(ev: Evaluator, expr: Op, scope: Scope): TfValue {
  const at = ev.at(expr.at)
  const args = expr.args.map((a) => ev.evaluate(a, scope))
  const [a, b] = args
  const opaque = (): TfValue =>
    ev.unknown('terraform-expr', ev.source(expr.at), `\`${ev.source(expr.at)}\``, at)
  if (a === undefined) return opaque()
  if (expr.op === '!') return a.t === 'bool' ? { t: 'bool', value: !a.value, at } : opaque()
  if (expr.op === 'neg') return a.t === 'number' ? { t: 'number', value: -a.value, at } : opaque()
  if (b === undefined) return opaque()
  if (expr.op === '==' || expr.op === '!=') {
    if (!isKnown(a) || !isKnown(b)) return opaque()
    const same = JSON.stringify(plain(a)) === JSON.stringify(plain(b)) && a.t === b.t
    return { t: 'bool', value: expr.op === '==' ? same : !same, at }
  }
  if (expr.op === '&&' || expr.op === '||') {
    if (a.t !== 'bool' || b.t !== 'bool') return opaque()
    return { t: 'bool', value: expr.op === '&&' ? a.value && b.value : a.value || b.value, at }
  }
  const x = scalar(a)
  const y = scalar(b)
  const nx = typeof x === 'string' && x.trim() !== '' ? Number(x) : x
  const ny = typeof y === 'string' && y.trim() !== '' ? Number(y) : y
  if (typeof nx !== 'number' || typeof ny !== 'number' || Number.isNaN(nx) || Number.isNaN(ny)) {
    return opaque()
  }
  const results: Record<string, number | boolean> = {
    '+': nx + ny,
    '-': nx - ny,
    '*': nx * ny,
    '/': nx / ny,
    '%': nx % ny,
    '<': nx < ny,
    '>': nx > ny,
    '<=': nx <= ny,
    '>=': nx >= ny
  }
  const value = results[expr.op]
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return opaque()
  return typeof value === 'number' ? { t: 'number', value, at } : { t: 'bool', value, at }
}

/** The elements of a collection as (key, value) pairs; undefined when not known. */
export function elements(v: TfValue): { key: TfValue; value: TfValue }[] | undefined {
  if (v.t === 'list') {
    return v.items.map((value, i) => ({ key: { t: 'number', value: i, at: value.at }, value }))
  }
  if (v.t === 'map')
    return v.entries.map((e) => ({ key: tfString(e.key, e.value.at), value: e.value }))
  return undefined
}

export function evaluateFor(ev: Evaluator, expr: For, scope: Scope): TfValue {
  const at = ev.at(expr.at)
  const opaque = (): TfValue =>
    ev.unknown(
      'terraform-for',
      ev.source(expr.collection.at),
      `the for expression \`${ev.source(expr.at)}\``,
      at
    )
  const items = elements(ev.evaluate(expr.collection, scope))
  if (items === undefined) return opaque()
  const list: TfValue[] = []
  const map: { key: string; value: TfValue }[] = []
  for (const item of items) {
    const inner = new Map(scope)
    inner.set(expr.valueVar, item.value)
    if (expr.keyVar !== undefined) inner.set(expr.keyVar, item.key)
    if (expr.when) {
      const keep = ev.evaluate(expr.when, inner)
      if (keep.t !== 'bool') return opaque()
      if (!keep.value) continue
    }
    const value = ev.evaluate(expr.value, inner)
    if (expr.key === undefined) {
      list.push(value)
      continue
    }
    const key = scalar(ev.evaluate(expr.key, inner))
    if (key === undefined || key === null) return opaque()
    const existing = map.find((e) => e.key === String(key))
    if (expr.group) {
      if (existing?.value.t === 'list')
        existing.value = { ...existing.value, items: [...existing.value.items, value] }
      else map.push({ key: String(key), value: { t: 'list', items: [value], at } })
    } else if (existing) existing.value = value
    else map.push({ key: String(key), value })
    if (ev.exhausted) return opaque()
  }
  return expr.key === undefined ? { t: 'list', items: list, at } : { t: 'map', entries: map, at }
}
