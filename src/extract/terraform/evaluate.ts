// Evaluates Terraform expressions as far as the file says what they are: literals, templates,
// `var.x` with a literal default, `local.y`, the AWS account/partition/region data sources (the
// deployment facts), attributes of resources of the file (or an ARN of the right shape), and a
// few pure functions (functions.ts). Everything else becomes an `unknown` with a deterministic
// placeholder token. Work is bounded: a step budget, a reference depth and a string size.
import { sanitizeArnName, type PlaceholderLog } from '../cloudformation/placeholders.js'
import { fillPattern } from '../cloudformation/arn-table.js'
import type { DeploymentFacts, SourcePosition } from '../types.js'
import { attribute, type Block, type Expr, type Pos, type Step } from './hcl-ast.js'
import type { ModuleIndex } from './module-index.js'
import { terraformShape } from './arn-shapes.js'
import { asText, entry, tfString, type TfValue } from './values.js'
import { callFunction } from './functions.js'
import { evaluateFor, evaluateOp } from './operators.js'
import type { ModuleVariables } from './module-context.js'

export const MAX_STEPS = 200_000
export const MAX_STRING = 1024 * 1024
const MAX_REF_DEPTH = 32

export type Scope = ReadonlyMap<string, TfValue>
export const EMPTY_SCOPE: Scope = new Map()

/** Something that keeps a document from being fully reviewed. */
export interface Gap {
  readonly what: string
  readonly reason: string
  readonly at: SourcePosition | undefined
}

export interface EvaluatorOptions {
  readonly text: string
  readonly file: string
  readonly index: ModuleIndex
  readonly facts: DeploymentFacts
  readonly log: PlaceholderLog
  readonly lines: { position(offset: number): { line: number; column: number } }
  readonly readSibling: ((path: string) => string | undefined) | undefined
  /** renders `data.aws_iam_policy_document.<name>` (policy-document.ts) */
  readonly policyDocument: (name: string) => TfValue | undefined
  /** called for every reference to `data.aws_iam_policy_document.<name>` */
  readonly onReference?: (name: string) => void
  /** `.tfvars` values and `variable` defaults of the other files of the module (module-context.ts) */
  readonly module?: ModuleVariables | undefined
}

export class Evaluator {
  steps = 0
  exhausted = false
  readonly gaps: Gap[] = []
  /** the document being evaluated, named in gaps */
  owner = ''
  private depth = 0
  private readonly memo = new Map<string, TfValue>()
  private readonly active = new Set<string>()

  constructor(readonly o: EvaluatorOptions) {}

  at(pos: Pos): SourcePosition {
    return { line: pos.line, column: pos.column }
  }

  source(pos: Pos): string {
    return this.o.text.slice(pos.start, Math.min(pos.end, pos.start + 200))
  }

  gap(what: string, reason: string, at: SourcePosition | undefined): void {
    if (!this.gaps.some((g) => g.what === what && g.reason === reason))
      this.gaps.push({ what, reason, at })
  }

  unknown(
    what: string,
    name: string,
    stands: string,
    at: SourcePosition | undefined,
    kind: 'parameter' | 'opaque' = 'opaque'
  ): TfValue {
    return { t: 'unknown', token: this.o.log.opaque(what, name, stands, kind), at }
  }

  evaluate(expr: Expr, scope: Scope): TfValue {
    if (++this.steps > MAX_STEPS || this.depth > MAX_REF_DEPTH) {
      this.exhausted = true
      return this.unknown(
        'terraform-limit',
        'expression',
        'an expression beyond the evaluation limits',
        this.at(expr.at)
      )
    }
    const at = this.at(expr.at)
    switch (expr.k) {
      case 'literal':
        if (expr.value === null) return { t: 'null', at }
        return typeof expr.value === 'number'
          ? { t: 'number', value: expr.value, at }
          : { t: 'bool', value: expr.value, at }
      case 'template':
        return this.template(expr, scope)
      case 'tuple':
        return { t: 'list', items: expr.items.map((i) => this.evaluate(i, scope)), at }
      case 'object':
        return this.object(expr, scope)
      case 'ref':
        return this.reference(expr.root, expr.steps, scope, expr.at)
      case 'traverse':
        return this.traverse(this.evaluate(expr.target, scope), expr.steps, scope, expr.at)
      case 'call':
        return callFunction(this, expr, scope)
      case 'cond': {
        const test = this.evaluate(expr.test, scope)
        if (test.t === 'bool') return this.evaluate(test.value ? expr.yes : expr.no, scope)
        return this.unknown(
          'terraform-conditional',
          this.source(expr.test.at),
          `the conditional \`${this.source(expr.at)}\``,
          at
        )
      }
      case 'op':
        return evaluateOp(this, expr, scope)
      case 'for':
        return evaluateFor(this, expr, scope)
    }
  }

  private template(expr: Extract<Expr, { k: 'template' }>, scope: Scope): TfValue {
    const at = this.at(expr.at)
    const [only] = expr.parts
    if (expr.parts.length === 1 && only?.k === 'interp') return this.evaluate(only.expr, scope)
    let text = ''
    let opaque = false
    for (const part of expr.parts) {
      if (part.k === 'text') text += part.value
      else if (part.k === 'directive') {
        return this.unknown(
          'terraform-template',
          this.source(expr.at).slice(0, 40),
          `the template directive \`${part.text.slice(0, 60)}\``,
          at
        )
      } else {
        const value = this.evaluate(part.expr, scope)
        const piece = asText(value)
        if (piece === undefined) {
          return this.unknown(
            'terraform-expr',
            this.source(part.expr.at),
            `\`${this.source(part.expr.at)}\` (not a string)`,
            at
          )
        }
        if (value.t === 'unknown' || (value.t === 'string' && value.opaque === true)) opaque = true
        text += piece
      }
      if (text.length > MAX_STRING) {
        this.exhausted = true
        return this.unknown('terraform-limit', 'string', 'a string beyond the size limit', at)
      }
    }
    if (expr.heredoc && expr.parts.every((p) => p.k === 'text')) {
      return { t: 'string', value: text, at, heredoc: expr.heredoc }
    }
    return tfString(text, at, opaque)
  }

  private object(expr: Extract<Expr, { k: 'object' }>, scope: Scope): TfValue {
    const entries: { key: string; value: TfValue }[] = []
    for (const item of expr.items) {
      let key = item.name
      if (
        key === undefined ||
        (item.key.k === 'template' && item.key.parts.some((p) => p.k !== 'text'))
      ) {
        const k = this.evaluate(item.key, scope)
        key = k.t === 'string' || k.t === 'number' || k.t === 'bool' ? asText(k) : undefined
        if (key === undefined)
          return this.unknown(
            'terraform-expr',
            this.source(item.key.at),
            `the object key \`${this.source(item.key.at)}\``,
            this.at(expr.at)
          )
      }
      const value = this.evaluate(item.value, scope)
      const existing = entries.findIndex((e) => e.key === key)
      if (existing >= 0) entries.splice(existing, 1)
      entries.push({ key, value })
    }
    return { t: 'map', entries, at: this.at(expr.at) }
  }

  /** A traversal applied to a known value; an unknown one stays unknown. */
  traverse(base: TfValue, steps: readonly Step[], scope: Scope, pos: Pos): TfValue {
    let value = base
    for (const step of steps) {
      if (value.t === 'unknown') return value
      let next: TfValue | undefined
      if (step.t === 'attr') next = entry(value, step.name)
      else if (step.t === 'index') {
        const key = this.evaluate(step.key, scope)
        if (value.t === 'list' && key.t === 'number') next = value.items[key.value]
        else if (key.t === 'string' || key.t === 'number') next = entry(value, String(key.value))
      }
      if (next === undefined) {
        return this.unknown(
          'terraform-expr',
          this.source(pos),
          `\`${this.source(pos)}\``,
          this.at(pos)
        )
      }
      value = next
    }
    return value
  }

  private reference(root: string, steps: readonly Step[], scope: Scope, pos: Pos): TfValue {
    const at = this.at(pos)
    const scoped = scope.get(root)
    if (scoped !== undefined) return this.traverse(scoped, steps, scope, pos)
    const [first, second, third] = steps.map((s) => (s.t === 'attr' ? s.name : undefined))
    const text = this.source(pos)
    if (root === 'var' && first !== undefined)
      return this.traverse(this.variable(first, at), steps.slice(1), scope, pos)
    if (root === 'local' && first !== undefined)
      return this.traverse(this.local(first, at), steps.slice(1), scope, pos)
    if (root === 'data' && first !== undefined && second !== undefined) {
      return this.traverse(
        this.dataSource(first, second, third, text, at),
        steps.slice(3),
        scope,
        pos
      )
    }
    if (root === 'path' && (first === 'module' || first === 'root' || first === 'cwd')) {
      // relative to the file's folder, where file() / templatefile() look
      return tfString('.', at)
    }
    if (root === 'each' || root === 'count' || root === 'self') {
      return this.unknown('terraform-each', text, `\`${text}\` (an unexpanded iteration)`, at)
    }
    if (
      root === 'module' ||
      root === 'var' ||
      root === 'local' ||
      root === 'data' ||
      root === 'path' ||
      root === 'terraform'
    ) {
      return this.unknown(`terraform-${root}`, text.slice(root.length + 1), `\`${text}\``, at)
    }
    if (first === undefined) return this.unknown('terraform-ref', text, `\`${text}\``, at)
    return this.resourceRef(root, first, steps.slice(1), scope, pos)
  }

  private guarded(key: string, at: SourcePosition, compute: () => TfValue): TfValue {
    const cached = this.memo.get(key)
    if (cached !== undefined) return cached
    if (this.active.has(key))
      return this.unknown('terraform-cycle', key, `\`${key}\` (refers to itself)`, at)
    this.active.add(key)
    this.depth++
    const value = compute()
    this.depth--
    this.active.delete(key)
    this.memo.set(key, value)
    return value
  }

  private variable(name: string, at: SourcePosition): TfValue {
    return this.guarded(`var.${name}`, at, () => {
      const set = this.o.module?.set(name, at)
      if (set !== undefined) return set
      const block = this.o.index.variables.get(name)
      const value = block && attribute(block.body, 'default')
      const declared = block === undefined ? this.o.module?.declared(name, at) : undefined
      if (declared !== undefined) return declared
      if (value === undefined)
        return this.unknown(
          'terraform-var',
          name,
          `variable \`${name}\` (no default in ${this.o.module ? 'the module' : 'this file'})`,
          at,
          'parameter'
        )
      const result = this.evaluate(value.expr, EMPTY_SCOPE)
      if (result.t === 'string' && result.value !== '' && result.opaque !== true) {
        this.o.log.add(result.value, `variable \`${name}\` (default)`, 'parameter')
      }
      return result.t === 'null'
        ? this.unknown(
            'terraform-var',
            name,
            `variable \`${name}\` (default null)`,
            at,
            'parameter'
          )
        : result
    })
  }

  private local(name: string, at: SourcePosition): TfValue {
    return this.guarded(`local.${name}`, at, () => {
      const local = this.o.index.locals.get(name)
      const sibling = local === undefined ? this.o.module?.local(name, at) : undefined
      if (sibling !== undefined) return sibling
      if (local === undefined)
        return this.unknown(
          'terraform-local',
          name,
          `local \`${name}\` (not in ${this.o.module ? 'the module' : 'this file'})`,
          at
        )
      return this.evaluate(local.expr, EMPTY_SCOPE)
    })
  }

  private dataSource(
    type: string,
    name: string,
    attr: string | undefined,
    text: string,
    at: SourcePosition
  ): TfValue {
    const f = this.o.facts
    const fact = (value: string): TfValue =>
      tfString(this.o.log.add(value, `\`${text}\``, 'pseudo'), at)
    if (type === 'aws_caller_identity' && attr === 'account_id') return fact(f.accountId)
    if (type === 'aws_partition' && attr === 'partition') return fact(f.partition)
    if (type === 'aws_partition' && attr === 'dns_suffix') return fact(f.urlSuffix)
    if (type === 'aws_region' && (attr === 'name' || attr === 'region' || attr === 'id'))
      return fact(f.region)
    if (type === 'aws_iam_policy_document' && (attr === 'json' || attr === 'minified_json')) {
      this.o.onReference?.(name)
      const doc = this.o.index.data.has(`${type}.${name}`)
        ? this.guarded(
            `data.${type}.${name}`,
            at,
            () =>
              this.o.policyDocument(name) ??
              this.unknown('terraform-data', `${type}.${name}`, `\`${text}\``, at)
          )
        : undefined
      if (doc !== undefined) return doc.t === 'unknown' ? doc : { t: 'json', doc, at }
    }
    return this.unknown('terraform-data', `${type}.${name}.${attr ?? ''}`, `\`${text}\``, at)
  }

  private resourceRef(
    type: string,
    name: string,
    steps: readonly Step[],
    scope: Scope,
    pos: Pos
  ): TfValue {
    const at = this.at(pos)
    const text = this.source(pos)
    const block = this.o.index.resources.get(`${type}.${name}`)
    const repeated = block && (attribute(block.body, 'count') || attribute(block.body, 'for_each'))
    const [step] = steps
    if (repeated || step?.t !== 'attr')
      return this.unknown('terraform-ref', `${type}.${name}`, `\`${text}\``, at)
    const own = block && attribute(block.body, step.name)
    if (own) {
      const value = this.guarded(`${type}.${name}.${step.name}`, at, () =>
        this.evaluate(own.expr, EMPTY_SCOPE)
      )
      if (value.t !== 'unknown') return this.traverse(value, steps.slice(1), scope, pos)
    }
    const arn = this.shaped(type, name, block, step.name)
    if (arn === undefined)
      return this.unknown('terraform-ref', `${type}.${name}.${step.name}`, `\`${text}\``, at)
    return this.traverse(
      tfString(this.o.log.add(arn, `\`${type}.${name}.${step.name}\``, 'resource'), at),
      steps.slice(1),
      scope,
      pos
    )
  }

  /** An attribute of the resource type's shape: its name argument when literal, else the resource name. */
  shaped(type: string, name: string, block: Block | undefined, attr: string): string | undefined {
    const shape = terraformShape(type)
    const pattern = shape?.attributes[attr]
    if (shape === undefined || pattern === undefined) return undefined
    const literal = (arg: string | undefined): string | undefined => {
      const a = arg && block && attribute(block.body, arg)
      const v = a ? this.evaluate(a.expr, EMPTY_SCOPE) : undefined
      return v?.t === 'string' && v.opaque !== true ? v.value : undefined
    }
    let physical = literal(shape.nameArg) ?? name
    if (shape.lowerCase) physical = physical.toLowerCase()
    const path = literal(shape.pathArg) ?? '/'
    return fillPattern(pattern, {
      name: sanitizeArnName(physical),
      path: sanitizeArnName(path),
      facts: this.o.facts
    })
  }
}
