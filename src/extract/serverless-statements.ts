// Serverless statement lists → one policy document. Serverless hands the statements to
// CloudFormation, so they may hold intrinsic functions: pseudo parameters (`AWS::AccountId`…)
// become the deployment facts, `Fn::Sub` / `Fn::Join` over known parts are computed, and
// `Ref` / `Fn::GetAtt` / anything else becomes a stable opaque token (a whole-value token in
// `Resource` takes the shape of an ARN, so the document stays valid). `${…}` left over that is
// not an IAM policy variable becomes a token too: the engine never reads it as a variable.
import { diagnostic } from '../diagnostics/diagnostic.js'
import { quote } from '../diagnostics/quote.js'
import type { Located, LocatedNode } from './located-tree.js'
import { isIamVariableBody } from './sniff-template.js'
import { resolveVariables, type VariableContext } from './serverless-variables.js'
import type { Attachment, ExtractedDocument } from './types.js'
import { positionByPointer, writeLocated } from './write-located.js'

export interface StatementSource {
  readonly node: LocatedNode
  /** the dotted path shown in messages, e.g. `provider.iamRoleStatements` */
  readonly key: string
}

export interface StatementsSpec {
  readonly location: string
  readonly name: string
  readonly sources: readonly StatementSource[]
  readonly attachedTo: Attachment
}

export function buildStatementsDocument(
  ctx: VariableContext,
  spec: StatementsSpec
): ExtractedDocument | undefined {
  const statements: LocatedNode[] = []
  for (const source of spec.sources) {
    const resolved = resolveVariables(source.node, ctx)
    if (resolved.kind !== 'seq') {
      const message = `${quote(source.key)} is not a list of statements`
      const span = {
        start: resolved.start,
        end: resolved.end,
        line: resolved.line,
        column: resolved.column
      }
      ctx.diagnostics.push(
        diagnostic('extract-document-invalid', { message, span, file: ctx.file })
      )
      continue
    }
    statements.push(...resolved.items.map((item) => shapeStatement(ctx, intrinsics(ctx, item))))
  }
  if (statements.length === 0) return undefined
  const anchor: Located = spec.sources[0]?.node ?? { start: 0, end: 0, line: 1, column: 1 }
  const version: LocatedNode = { kind: 'scalar', ...locatedOf(anchor), value: '2012-10-17' }
  const document: LocatedNode = {
    kind: 'map',
    ...locatedOf(anchor),
    entries: [
      { key: 'Version', keyAt: locatedOf(anchor), value: version },
      {
        key: 'Statement',
        keyAt: locatedOf(anchor),
        value: { kind: 'seq', ...locatedOf(anchor), items: statements }
      }
    ]
  }
  const written = writeLocated(document)
  return {
    location: spec.location,
    name: spec.name,
    kind: 'identity',
    attachedTo: spec.attachedTo,
    text: written.text,
    positionOf: (pointer) => positionByPointer(written, pointer),
    placeholders: ctx.placeholders.usedIn(written.text),
    diagnostics: []
  }
}

function locatedOf(node: Located): Located {
  return { start: node.start, end: node.end, line: node.line, column: node.column }
}

const PSEUDO: Readonly<Record<string, (ctx: VariableContext) => string>> = {
  'AWS::AccountId': (ctx) => ctx.facts.accountId,
  'AWS::Region': (ctx) => ctx.facts.region,
  'AWS::Partition': (ctx) => ctx.facts.partition,
  'AWS::URLSuffix': (ctx) => ctx.facts.urlSuffix
}

function pseudo(ctx: VariableContext, name: string): string | undefined {
  const fact = PSEUDO[name]?.(ctx)
  return fact === undefined ? undefined : ctx.placeholders.fact(fact, name)
}

/** Intrinsic functions → text; other `${…}` → tokens. Returns a new tree, positions kept. */
export function intrinsics(ctx: VariableContext, node: LocatedNode): LocatedNode {
  if (node.kind === 'scalar') {
    return typeof node.value === 'string' ? { ...node, value: sweep(ctx, node.value) } : node
  }
  if (node.kind === 'seq') return { ...node, items: node.items.map((i) => intrinsics(ctx, i)) }
  const only = node.entries.length === 1 ? node.entries[0] : undefined
  if (only && (only.key === 'Ref' || only.key.startsWith('Fn::'))) {
    return { kind: 'scalar', ...locatedOf(node), value: intrinsic(ctx, only.key, only.value) }
  }
  return { ...node, entries: node.entries.map((e) => ({ ...e, value: intrinsics(ctx, e.value) })) }
}

function intrinsic(ctx: VariableContext, fn: string, arg: LocatedNode): string {
  const text = arg.kind === 'scalar' && arg.value !== null ? String(arg.value) : undefined
  if (fn === 'Ref' && text !== undefined) {
    return pseudo(ctx, text) ?? ctx.placeholders.opaque('cloudformation-ref', text, `Ref ${text}`)
  }
  if (fn === 'Fn::GetAtt') {
    const parts = arg.kind === 'seq' ? arg.items.map(scalarOf) : [text]
    const name = parts.filter((p) => p !== undefined).join('.')
    return ctx.placeholders.opaque('cloudformation-getatt', name, `Fn::GetAtt ${name}`)
  }
  if (fn === 'Fn::Sub' && text !== undefined) return substitute(ctx, text)
  if (fn === 'Fn::Join' && arg.kind === 'seq' && arg.items.length === 2) {
    const [delimiter, list] = arg.items
    if (delimiter?.kind === 'scalar' && list?.kind === 'seq') {
      const parts = list.items.map((item) => intrinsics(ctx, item))
      if (parts.every((p) => p.kind === 'scalar')) {
        return parts.map((p) => scalarOf(p) ?? '').join(String(delimiter.value ?? ''))
      }
    }
  }
  const stands = `${fn} ${text ?? '(…)'}`
  return ctx.placeholders.opaque(
    `cloudformation-${fn.replace('Fn::', '').toLowerCase()}`,
    text ?? 'value',
    stands
  )
}

function scalarOf(node: LocatedNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined
}

/** `Fn::Sub` with a string: pseudo parameters, `${!Literal}`, everything else a token. */
function substitute(ctx: VariableContext, text: string): string {
  return text.replace(/\$\{([^{}]*)\}/g, (match, body: string) => {
    if (body.startsWith('!')) return `\${${body.slice(1)}}`
    if (isIamVariableBody(body)) return match
    return (
      pseudo(ctx, body.trim()) ?? ctx.placeholders.opaque('cloudformation-sub', body, `\${${body}}`)
    )
  })
}

/** `${…}` that IAM would read as a variable but is not one → token. */
function sweep(ctx: VariableContext, text: string): string {
  if (!text.includes('${')) return text
  return text.replace(/\$\{([^{}]*)\}/g, (match, body: string) =>
    isIamVariableBody(body) ? match : ctx.placeholders.opaque('template', body, match)
  )
}

/** A whole-value token in `Resource` / `NotResource` becomes an ARN-shaped token. */
function shapeStatement(ctx: VariableContext, statement: LocatedNode): LocatedNode {
  if (statement.kind !== 'map') return statement
  const shape = (node: LocatedNode): LocatedNode =>
    node.kind === 'scalar' && typeof node.value === 'string' && ctx.placeholders.isToken(node.value)
      ? { ...node, value: ctx.placeholders.asArn(node.value, ctx.facts.partition) }
      : node
  return {
    ...statement,
    entries: statement.entries.map((e) => {
      if (e.key !== 'Resource' && e.key !== 'NotResource') return e
      const value =
        e.value.kind === 'seq' ? { ...e.value, items: e.value.items.map(shape) } : shape(e.value)
      return { ...e, value }
    })
  }
}
