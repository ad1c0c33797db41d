// The named things of one configuration file: variables, locals, resources and data sources,
// by the names references use (`var.x`, `local.y`, `aws_s3_bucket.b`, `data.aws_region.r`).
import { blocks, type Attribute, type Block, type Body } from './hcl-ast.js'

export interface ModuleIndex {
  readonly variables: ReadonlyMap<string, Block>
  readonly locals: ReadonlyMap<string, Attribute>
  /** `type.name` → block */
  readonly resources: ReadonlyMap<string, Block>
  /** `type.name` → block */
  readonly data: ReadonlyMap<string, Block>
}

export function indexModule(body: Body): ModuleIndex {
  const variables = new Map<string, Block>()
  const locals = new Map<string, Attribute>()
  const resources = new Map<string, Block>()
  const data = new Map<string, Block>()
  for (const block of blocks(body, 'variable')) {
    const [name] = block.labels
    if (name !== undefined && !variables.has(name)) variables.set(name, block)
  }
  for (const block of blocks(body, 'locals')) {
    for (const item of block.body.items) {
      if (item.kind === 'attribute' && !locals.has(item.name)) locals.set(item.name, item)
    }
  }
  for (const [kind, into] of [
    ['resource', resources],
    ['data', data]
  ] as const) {
    for (const block of blocks(body, kind)) {
      const [type, name] = block.labels
      if (type === undefined || name === undefined) continue
      const key = `${type}.${name}`
      if (!into.has(key)) into.set(key, block)
    }
  }
  return { variables, locals, resources, data }
}
