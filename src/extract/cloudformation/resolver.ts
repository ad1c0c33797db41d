// Intrinsic functions → values, deterministically (docs/SOURCES.md, "CloudFormation"). Values
// known only at deploy time become marked placeholders (placeholders.ts), identical on base and
// head. `Fn::If` on a condition that parameter defaults cannot decide is recorded in
// `undecided`; the extractor then resolves the document once per assumption (variants).
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js'
import type { DiagnosticCode } from '../../diagnostics/codes.js'
import { quote } from '../../diagnostics/quote.js'
import { valueOf, type LocatedNode } from '../located-tree.js'
import type { DeploymentFacts, SourcePosition } from '../types.js'
import { fillPattern, shapeOf } from './arn-table.js'
import { decideCondition } from './conditions.js'
import { callFunction } from './functions.js'
import { sanitizeArnName, sanitizeName, type PlaceholderLog } from './placeholders.js'
import { isOpaque, sameValue, scalarText, str, type RNode } from './resolved.js'
import { substitute } from './sub.js'
import type { TemplateIndex } from './template-index.js'

export const STACK_NAME = 'iam-policy-diff-stack'

const INTRINSICS = new Set([
  'Ref',
  'Fn::Sub',
  'Fn::GetAtt',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::If',
  'Fn::ImportValue',
  'Fn::GetAZs',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Transform',
  'Fn::ToJsonString',
  'Fn::Length',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not'
])

export interface ResolverOptions {
  readonly index: TemplateIndex
  readonly facts: DeploymentFacts
  readonly log: PlaceholderLog
  readonly file: string | undefined
  /** condition name → assumed outcome (variants, a resource's own Condition) */
  readonly assumptions: ReadonlyMap<string, boolean>
}

export function positionOf(node: LocatedNode): SourcePosition {
  return { line: node.line, column: node.column }
}

export class Resolver {
  readonly index: TemplateIndex
  readonly facts: DeploymentFacts
  readonly log: PlaceholderLog
  readonly assumptions: ReadonlyMap<string, boolean>
  /** conditions an `Fn::If` could not decide while its branches differ, in order met */
  readonly undecided: string[] = []
  readonly diagnostics: Diagnostic[] = []
  /** shown in messages, e.g. "resource `DeployRole`" */
  owner = 'template'
  readonly conditionMemo = new Map<string, boolean | undefined>()
  readonly conditionStack = new Set<string>()
  private readonly names = new Map<string, { name: string; path: string }>()
  private readonly naming = new Set<string>()
  private readonly file: string | undefined
  private readonly seen = new Set<string>()

  constructor(options: ResolverOptions) {
    this.index = options.index
    this.facts = options.facts
    this.log = options.log
    this.file = options.file
    this.assumptions = options.assumptions
  }

  report(code: DiagnosticCode, node: LocatedNode, message: string): void {
    const text = `${this.owner}: ${message}`
    const key = `${code}\u0000${node.start}\u0000${text}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    const span = { start: node.start, end: node.end, line: node.line, column: node.column }
    this.diagnostics.push(diagnostic(code, { message: text, span, file: this.file }))
  }

  /** Resolves a value; undefined is `AWS::NoValue` (the property or item is removed). */
  resolve(node: LocatedNode): RNode | undefined {
    const at = positionOf(node)
    if (node.kind === 'scalar') return { t: 'scalar', value: node.value, at }
    if (node.kind === 'seq') {
      const items = node.items.map((item) => this.resolve(item)).filter((v) => v !== undefined)
      return { t: 'array', items, at }
    }
    const only = node.entries.length === 1 ? node.entries[0] : undefined
    if (only && INTRINSICS.has(only.key)) return this.call(only.key, only.value, node)
    const entries: { key: string; value: RNode }[] = []
    for (const e of node.entries) {
      const value = this.resolve(e.value)
      if (value !== undefined) entries.push({ key: e.key, value })
    }
    return { t: 'object', entries, at }
  }

  /** A resolved string (numbers and booleans as text); undefined otherwise. */
  resolveString(node: LocatedNode | undefined): string | undefined {
    return node === undefined ? undefined : scalarText(this.resolve(node))
  }

  private call(name: string, arg: LocatedNode, node: LocatedNode): RNode | undefined {
    switch (name) {
      case 'Ref':
        return this.ref(arg, node)
      case 'Fn::GetAtt':
        return this.getAtt(arg, node)
      case 'Fn::Sub':
        return substitute(this, arg, node)
      case 'Fn::If':
        return this.fnIf(arg, node)
      default:
        return callFunction(this, name, arg, node)
    }
  }

  /** A token for something known only at deploy time, with a warning. */
  unresolved(what: string, name: string, stands: string, node: LocatedNode): RNode {
    this.report('template-unresolved', node, `${stands} is known only at deploy time`)
    return str(this.log.opaque(what, name, stands), positionOf(node), true)
  }

  invalid(node: LocatedNode, message: string): RNode {
    this.report('template-intrinsic-invalid', node, message)
    return str(
      this.log.opaque('invalid', 'value', 'an invalid intrinsic call'),
      positionOf(node),
      true
    )
  }

  ref(arg: LocatedNode, node: LocatedNode): RNode | undefined {
    const name = this.resolveString(arg)
    if (name === undefined)
      return this.invalid(node, '`Ref` takes the name of a parameter or resource')
    return this.refByName(name, node)
  }

  /**
   * Inside a condition expression: deploy-time inputs (parameters, pseudo parameters) are
   * unknown there, so no condition is decided from a Default or a configured fact. A Default is
   * only a guess, and deciding from it would review one branch while the stack deploys the other.
   */
  conditionDepth = 0

  refByName(name: string, node: LocatedNode): RNode | undefined {
    const at = positionOf(node)
    if (name === 'AWS::NoValue') return undefined
    if (this.conditionDepth > 0 && this.isDeployInput(name)) {
      return str(`iam-policy-diff.input.${sanitizeName(name)}`, at, true)
    }
    const pseudo = this.pseudo(name)
    if (pseudo !== undefined) return str(this.log.add(pseudo, name, 'pseudo'), at)
    if (name === 'AWS::NotificationARNs') return { t: 'array', items: [], at }
    if (this.index.parameters.has(name)) return this.parameter(name, node)
    const resource = this.index.resources.get(name)
    if (!resource) return this.invalid(node, `\`Ref\` to unknown name ${quote(name)}`)
    const shape = shapeOf(resource.type)
    if (!shape) {
      if (resource.type.startsWith('AWS::')) {
        return str(this.log.add(sanitizeName(name), `Ref ${name}`, 'resource'), at)
      }
      return this.unresolved('ref', name, `\`Ref\` of custom resource ${quote(name)}`, node)
    }
    const value = fillPattern(shape.ref, { ...this.nameOf(name), facts: this.facts })
    return str(this.log.add(value, `Ref ${name}`, 'resource'), at)
  }

  /** A parameter or pseudo parameter whose value the stack's deployment chooses. */
  private isDeployInput(name: string): boolean {
    if (this.pseudo(name) !== undefined) return true
    const def = this.index.parameters.get(name)
    if (def === undefined) return false
    // a parameter allowed exactly one value has that value, whatever the deployment says
    const allowed = valueOf(def, 'AllowedValues')
    return !(allowed?.kind === 'seq' && allowed.items.length === 1 && valueOf(def, 'Default'))
  }

  private pseudo(name: string): string | undefined {
    const f = this.facts
    const values: Record<string, string> = {
      'AWS::AccountId': f.accountId,
      'AWS::Region': f.region,
      'AWS::Partition': f.partition,
      'AWS::URLSuffix': f.urlSuffix,
      'AWS::StackName': STACK_NAME,
      'AWS::StackId': `arn:${f.partition}:cloudformation:${f.region}:${f.accountId}:stack/${STACK_NAME}/00000000-0000-0000-0000-000000000000`
    }
    return Object.hasOwn(values, name) ? values[name] : undefined
  }

  private parameter(name: string, node: LocatedNode): RNode {
    const def = this.index.parameters.get(name)
    const at = positionOf(node)
    const type = this.resolveString(valueOf(def, 'Type')) ?? 'String'
    const fallback = valueOf(def, 'Default')
    if (fallback === undefined || type.startsWith('AWS::SSM::Parameter::Value')) {
      const why = fallback === undefined ? 'has no `Default`' : 'is read from SSM'
      this.report(
        'template-unresolved',
        node,
        `parameter ${quote(name)} ${why}: a placeholder stands for it`
      )
      return str(this.log.opaque('param', name, `parameter ${name}`, 'parameter'), at, true)
    }
    const text = fallback.kind === 'seq' ? undefined : scalarText(this.resolve(fallback))
    const stands = `parameter ${name} (Default)`
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
      const parts = text === undefined ? [] : text.split(',').map((p) => p.trim())
      return {
        t: 'array',
        items: parts.map((p) => str(this.log.add(p, stands, 'parameter'), at)),
        at
      }
    }
    if (text === undefined)
      return this.invalid(node, `parameter ${quote(name)} has no usable \`Default\``)
    return str(this.log.add(text, stands, 'parameter'), at)
  }

  /** The physical name of a resource (its name property, else the logical ID) and IAM path. */
  nameOf(id: string): { name: string; path: string } {
    const known = this.names.get(id)
    if (known) return known
    const resource = this.index.resources.get(id)
    const shape = resource && shapeOf(resource.type)
    let name: string | undefined
    let path = '/'
    if (resource && shape && !this.naming.has(id)) {
      this.naming.add(id)
      let holder = resource.properties
      const steps = shape.nameProperty?.split('/') ?? []
      for (const step of steps) holder = valueOf(holder, step)
      if (steps.length > 0) name = this.resolveString(holder)
      if (shape.pathProperty)
        path = this.resolveString(valueOf(resource.properties, shape.pathProperty)) ?? '/'
      this.naming.delete(id)
    }
    const fallback = shape?.lowerCase ? id.toLowerCase() : id
    const result = {
      name: sanitizeArnName(name ?? sanitizeName(fallback)),
      path: sanitizeArnName(path)
    }
    this.names.set(id, result)
    return result
  }

  getAtt(arg: LocatedNode, node: LocatedNode): RNode {
    let parts: (string | undefined)[] = []
    if (arg.kind === 'seq') parts = arg.items.map((item) => this.resolveString(item))
    else {
      const text = this.resolveString(arg) ?? ''
      const dot = text.indexOf('.')
      parts = dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)]
    }
    const [id, attribute] = parts
    if (parts.length !== 2 || id === undefined || attribute === undefined) {
      return this.invalid(node, '`Fn::GetAtt` takes a logical ID and an attribute name')
    }
    const resource = this.index.resources.get(id)
    if (!resource) return this.invalid(node, `\`Fn::GetAtt\` of unknown resource ${quote(id)}`)
    const shape = shapeOf(resource.type)
    const pattern =
      shape && Object.hasOwn(shape.attributes, attribute) ? shape.attributes[attribute] : undefined
    if (pattern === undefined) {
      const stands = `\`Fn::GetAtt\` ${quote(`${id}.${attribute}`)}`
      return this.unresolved('getatt', `${id}.${attribute}`, stands, node)
    }
    const value = fillPattern(pattern, { ...this.nameOf(id), facts: this.facts })
    return str(this.log.add(value, `GetAtt ${id}.${attribute}`, 'resource'), positionOf(node))
  }

  private fnIf(arg: LocatedNode, node: LocatedNode): RNode | undefined {
    const [condition, whenTrue, whenFalse] = arg.kind === 'seq' ? arg.items : []
    const name = this.resolveString(condition)
    if (
      arg.kind !== 'seq' ||
      arg.items.length !== 3 ||
      name === undefined ||
      !whenTrue ||
      !whenFalse
    ) {
      return this.invalid(node, '`Fn::If` takes a condition name and two values')
    }
    if (!this.index.conditions.has(name)) {
      return this.invalid(node, `\`Fn::If\` names unknown condition ${quote(name)}`)
    }
    const decided = this.decide(name)
    if (decided !== undefined) return this.resolve(decided ? whenTrue : whenFalse)
    const a = this.resolve(whenTrue)
    const b = this.resolve(whenFalse)
    if ((a === undefined && b === undefined) || (a && b && sameValue(a, b))) return a
    if (!this.undecided.includes(name)) this.undecided.push(name)
    return b
  }

  /** A condition's outcome: assumed, else decided from defaults; undefined when unknown. */
  decide(name: string): boolean | undefined {
    if (this.assumptions.has(name)) return this.assumptions.get(name)
    return decideCondition(this, name)
  }

  isOpaque(node: RNode): boolean {
    return isOpaque(node)
  }
}
