// The syntax tree of the HCL2 native syntax subset Terraform configurations use (hcl-parse.ts):
// bodies of attributes and blocks, and expressions. Every node keeps its offsets and 1-based
// line/column in the original file.

export interface Pos {
  readonly start: number
  readonly end: number
  /** 1-based */
  readonly line: number
  /** 1-based, UTF-16 code units */
  readonly column: number
}

export type Step =
  | { readonly t: 'attr'; readonly name: string }
  | { readonly t: 'index'; readonly key: Expr }
  | { readonly t: 'splat' }

export type TemplatePart =
  | { readonly k: 'text'; readonly value: string }
  | { readonly k: 'interp'; readonly expr: Expr }
  /** `%{ if … }`, `%{ for … }` and their ends: not evaluated, the template is opaque */
  | { readonly k: 'directive'; readonly text: string }

/** Where a heredoc's content starts, to map positions inside literal JSON back to the file. */
export interface HeredocOrigin {
  /** line of the first content line */
  readonly line: number
  /** columns removed from each line (`<<-` strips the common indentation) */
  readonly indent: number
}

export type Expr =
  | { readonly k: 'literal'; readonly value: number | boolean | null; readonly at: Pos }
  | {
      readonly k: 'template'
      readonly parts: readonly TemplatePart[]
      readonly at: Pos
      readonly heredoc?: HeredocOrigin
    }
  | { readonly k: 'tuple'; readonly items: readonly Expr[]; readonly at: Pos }
  | { readonly k: 'object'; readonly items: readonly ObjectItem[]; readonly at: Pos }
  /** a variable and its traversal: `var.x`, `aws_s3_bucket.b.arn`, `each.value["k"]` */
  | { readonly k: 'ref'; readonly root: string; readonly steps: readonly Step[]; readonly at: Pos }
  /** a traversal of another expression: `(x).y`, `f()[0]` */
  | {
      readonly k: 'traverse'
      readonly target: Expr
      readonly steps: readonly Step[]
      readonly at: Pos
    }
  | {
      readonly k: 'call'
      readonly name: string
      readonly args: readonly Expr[]
      /** `f(list...)` */
      readonly expand: boolean
      readonly at: Pos
    }
  | {
      readonly k: 'cond'
      readonly test: Expr
      readonly yes: Expr
      readonly no: Expr
      readonly at: Pos
    }
  | { readonly k: 'op'; readonly op: string; readonly args: readonly Expr[]; readonly at: Pos }
  | {
      readonly k: 'for'
      readonly keyVar: string | undefined
      readonly valueVar: string
      readonly collection: Expr
      /** present for `{ for … : key => value }` */
      readonly key: Expr | undefined
      readonly value: Expr
      readonly when: Expr | undefined
      /** `...` grouping in object for-expressions */
      readonly group: boolean
      readonly at: Pos
    }

export interface ObjectItem {
  readonly key: Expr
  /** the key as written when it is a bare identifier or a literal string */
  readonly name: string | undefined
  readonly value: Expr
}

export interface Attribute {
  readonly kind: 'attribute'
  readonly name: string
  readonly expr: Expr
  readonly at: Pos
}

export interface Block {
  readonly kind: 'block'
  readonly type: string
  readonly labels: readonly string[]
  readonly body: Body
  readonly at: Pos
}

export interface Body {
  readonly items: readonly (Attribute | Block)[]
}

export function attribute(body: Body, name: string): Attribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item
  return undefined
}

export function blocks(body: Body, type: string): Block[] {
  return body.items.filter((i): i is Block => i.kind === 'block' && i.type === type)
}
