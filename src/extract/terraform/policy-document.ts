// The `aws_iam_policy_document` data source rendered as the provider does (Terraform AWS
// provider, data source aws_iam_policy_document): `statement` blocks (and `dynamic "statement"`
// over a known collection), `principals`/`not_principals` grouped by type, `condition` grouped
// by test and variable, `&{…}` → `${…}` (the provider's escape for IAM policy variables), and
// the merge order: `source_policy_documents` (statements must have unique Sids), then this
// document's statements, then each of `override_policy_documents`, where a statement with a
// non-empty Sid replaces the earlier one with the same Sid and any other is appended.
import { attribute, blocks, type Block, type Body, type Pos } from './hcl-ast.js'
import { EMPTY_SCOPE, type Evaluator, type Scope } from './evaluate.js'
import { elements } from './operators.js'
import { jsonDocument } from './policy-value.js'
import { entry, mapStrings, tfString, type TfValue } from './values.js'

export interface Instance {
  readonly body: Body
  readonly scope: Scope
  readonly at: Pos
}

/** The blocks of a type, static and `dynamic`, each with the scope its content sees. */
export function expandBlocks(
  ev: Evaluator,
  body: Body,
  type: string,
  scope: Scope,
  owner: string
): Instance[] {
  const out: Instance[] = []
  for (const item of body.items) {
    if (item.kind !== 'block') continue
    if (item.type === type) out.push({ body: item.body, scope, at: item.at })
    if (item.type !== 'dynamic' || item.labels[0] !== type) continue
    const forEach = attribute(item.body, 'for_each')
    const iterator = attribute(item.body, 'iterator')
    const name = iterator?.expr.k === 'ref' ? iterator.expr.root : type
    const [content] = blocks(item.body, 'content')
    const collection = forEach && ev.evaluate(forEach.expr, scope)
    const items = collection && elements(collection)
    if (!content || items === undefined) {
      ev.gap(
        `\`dynamic "${type}"\` in ${owner}`,
        'its `for_each` is not known from the code: those blocks are not reviewed',
        ev.at(item.at)
      )
      continue
    }
    for (const element of items) {
      const inner = new Map(scope)
      inner.set(name, {
        t: 'map',
        entries: [
          { key: 'key', value: element.key },
          { key: 'value', value: element.value }
        ],
        at: element.value.at
      })
      out.push({ body: content.body, scope: inner, at: content.at })
    }
  }
  return out
}

function value(ev: Evaluator, inst: Instance, name: string): TfValue | undefined {
  const a = attribute(inst.body, name)
  return a && mapStrings(ev.evaluate(a.expr, inst.scope), (s) => s.replaceAll('&{', '${'))
}

function asList(v: TfValue): TfValue {
  return v.t === 'list' || v.t === 'unknown' ? v : { t: 'list', items: [v], at: v.at }
}

function principals(
  ev: Evaluator,
  inst: Instance,
  type: string,
  owner: string
): TfValue | undefined {
  const found = expandBlocks(ev, inst.body, type, inst.scope, owner)
  if (found.length === 0) return undefined
  const byType: { key: string; value: TfValue }[] = []
  for (const p of found) {
    const kind = value(ev, p, 'type')
    const ids = value(ev, p, 'identifiers')
    if (kind?.t !== 'string' || ids === undefined) continue
    if (found.length === 1 && kind.value === '*' && ids.t === 'list' && ids.items.length === 1) {
      const [only] = ids.items
      if (only?.t === 'string' && only.value === '*') return tfString('*', ev.at(p.at))
    }
    const existing = byType.find((e) => e.key === kind.value)
    const list = asList(ids)
    if (existing?.value.t === 'list' && list.t === 'list') {
      existing.value = { ...existing.value, items: [...existing.value.items, ...list.items] }
    } else if (!existing) byType.push({ key: kind.value, value: list })
  }
  return { t: 'map', entries: byType, at: ev.at(found[0]?.at ?? inst.at) }
}

function conditions(ev: Evaluator, inst: Instance, owner: string): TfValue | undefined {
  const found = expandBlocks(ev, inst.body, 'condition', inst.scope, owner)
  if (found.length === 0) return undefined
  const tests: { key: string; value: TfValue }[] = []
  for (const c of found) {
    const test = value(ev, c, 'test')
    const variable = value(ev, c, 'variable')
    const values = value(ev, c, 'values')
    if (test?.t !== 'string' || variable?.t !== 'string' || values === undefined) continue
    let group = tests.find((t) => t.key === test.value)
    if (!group) {
      group = { key: test.value, value: { t: 'map', entries: [], at: ev.at(c.at) } }
      tests.push(group)
    }
    if (group.value.t !== 'map') continue
    const entries = [...group.value.entries]
    const existing = entries.findIndex((e) => e.key === variable.value)
    const list = asList(values)
    const before = existing >= 0 ? entries[existing]?.value : undefined
    const merged =
      before?.t === 'list' && list.t === 'list'
        ? { ...before, items: [...before.items, ...list.items] }
        : list
    if (existing >= 0) entries.splice(existing, 1, { key: variable.value, value: merged })
    else entries.push({ key: variable.value, value: merged })
    group.value = { ...group.value, entries }
  }
  return { t: 'map', entries: tests, at: ev.at(found[0]?.at ?? inst.at) }
}

const LISTS = [
  ['actions', 'Action'],
  ['not_actions', 'NotAction'],
  ['resources', 'Resource'],
  ['not_resources', 'NotResource']
] as const

function statement(ev: Evaluator, inst: Instance, owner: string): TfValue {
  const entries: { key: string; value: TfValue }[] = []
  const sid = value(ev, inst, 'sid')
  if (sid !== undefined && !(sid.t === 'string' && sid.value === ''))
    entries.push({ key: 'Sid', value: sid })
  entries.push({
    key: 'Effect',
    value: value(ev, inst, 'effect') ?? tfString('Allow', ev.at(inst.at))
  })
  for (const [arg, key] of LISTS) {
    const v = value(ev, inst, arg)
    if (v !== undefined) entries.push({ key, value: asList(v) })
  }
  const principal = principals(ev, inst, 'principals', owner)
  if (principal) entries.push({ key: 'Principal', value: principal })
  const notPrincipal = principals(ev, inst, 'not_principals', owner)
  if (notPrincipal) entries.push({ key: 'NotPrincipal', value: notPrincipal })
  const condition = conditions(ev, inst, owner)
  if (condition) entries.push({ key: 'Condition', value: condition })
  return { t: 'map', entries, at: ev.at(inst.at) }
}

function sidOf(s: TfValue): string | undefined {
  const sid = entry(s, 'Sid')
  return sid?.t === 'string' && sid.value !== '' ? sid.value : undefined
}

/** Statements with a Sid replace the earlier one with the same Sid; others are appended. */
function mergeStatements(into: TfValue[], statements: readonly TfValue[]): void {
  for (const s of statements) {
    const sid = sidOf(s)
    const at = sid === undefined ? -1 : into.findIndex((t) => sidOf(t) === sid)
    if (at >= 0) into.splice(at, 1, s)
    else into.push(s)
  }
}

/** The statements of the documents an argument lists (JSON text or `.json` of another document). */
function documentsOf(
  ev: Evaluator,
  body: Body,
  names: readonly string[],
  owner: string
): TfValue[][] {
  const out: TfValue[][] = []
  for (const name of names) {
    const a = attribute(body, name)
    if (!a) continue
    const v = ev.evaluate(a.expr, EMPTY_SCOPE)
    const items = name.endsWith('_json') ? [v] : v.t === 'list' ? v.items : [v]
    for (const item of items) {
      const doc = jsonDocument(item)
      const statements = doc && entry(doc, 'Statement')
      if (statements === undefined) {
        ev.gap(
          `\`${name}\` of ${owner}`,
          `\`${ev.source(a.expr.at).slice(0, 80)}\` is not a policy known from the code: its statements are not reviewed`,
          ev.at(a.at)
        )
        continue
      }
      out.push(statements.t === 'list' ? [...statements.items] : [statements])
    }
  }
  return out
}

/** Renders `data "aws_iam_policy_document" "<name>"` of the file. */
export function renderPolicyDocument(ev: Evaluator, block: Block, owner: string): TfValue {
  const body = block.body
  const merged: TfValue[] = []
  for (const statements of documentsOf(
    ev,
    body,
    ['source_json', 'source_policy_documents'],
    owner
  )) {
    mergeStatements(merged, statements)
  }
  const own = expandBlocks(ev, body, 'statement', EMPTY_SCOPE, owner).map((i) =>
    statement(ev, i, owner)
  )
  mergeStatements(merged, own)
  for (const statements of documentsOf(
    ev,
    body,
    ['override_json', 'override_policy_documents'],
    owner
  )) {
    mergeStatements(merged, statements)
  }
  const at = ev.at(block.at)
  const version = attribute(body, 'version')
  const id = attribute(body, 'policy_id')
  const entries: { key: string; value: TfValue }[] = [
    {
      key: 'Version',
      value: version ? ev.evaluate(version.expr, EMPTY_SCOPE) : tfString('2012-10-17', at)
    }
  ]
  if (id) entries.push({ key: 'Id', value: ev.evaluate(id.expr, EMPTY_SCOPE) })
  entries.push({ key: 'Statement', value: { t: 'list', items: merged, at } })
  return { t: 'map', entries, at }
}
