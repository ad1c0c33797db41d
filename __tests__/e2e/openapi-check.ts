// Checks a request against GitHub's official REST description (npm @octokit/openapi,
// api.github.com.json): the method and path must name a documented operation, path parameters
// must have the documented type, query parameters must be documented (required ones present,
// integers and enums valid) and a JSON body must carry the required properties with their types.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

interface Schema {
  readonly type?: string
  readonly enum?: readonly unknown[]
  readonly properties?: Readonly<Record<string, Schema>>
  readonly required?: readonly string[]
}
interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema?: Schema
  readonly 'x-multi-segment'?: boolean
  readonly $ref?: string
}
interface Operation {
  readonly operationId: string
  readonly parameters?: readonly Parameter[]
  readonly requestBody?: {
    readonly required?: boolean
    readonly content: Record<string, { schema: Schema & { $ref?: string } }>
  }
  readonly responses: Record<
    string,
    { content?: Record<string, { examples?: Record<string, { $ref?: string; value?: unknown }> }> }
  >
}
interface Description {
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: {
    readonly parameters: Record<string, Parameter>
    readonly schemas: Record<string, Schema>
    readonly examples: Record<string, { value: unknown }>
  }
}

export interface MatchedOperation {
  readonly operationId: string
  readonly template: string
  readonly params: Readonly<Record<string, string>>
}

interface Route {
  readonly method: string
  readonly template: string
  readonly pattern: RegExp
  readonly names: readonly string[]
  readonly operation: Operation
  /** literal characters: the most specific template wins */
  readonly weight: number
}

let loaded: { spec: Description; routes: Route[] } | undefined

function load(): { spec: Description; routes: Route[] } {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const spec = JSON.parse(readFileSync(file, 'utf8')) as Description
  const routes: Route[] = []
  for (const [template, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (typeof operation !== 'object' || !('responses' in operation)) continue
      const params = parameters(spec, operation)
      const names: string[] = []
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_m, name: string) => {
          names.push(name)
          return params.find((p) => p.name === name && p.in === 'path')?.['x-multi-segment']
            ? '(.+)'
            : '([^/]+)'
        })
      routes.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${source}$`),
        names,
        operation,
        weight: template.replace(/\{\w+\}/g, '').length
      })
    }
  }
  routes.sort((a, b) => b.weight - a.weight)
  return (loaded = { spec, routes })
}

function parameters(spec: Description, operation: Operation): Parameter[] {
  return (operation.parameters ?? []).map((p) =>
    p.$ref ? spec.components.parameters[p.$ref.split('/').at(-1)!]! : p
  )
}

function typeProblem(schema: Schema | undefined, value: string): string | undefined {
  if (schema?.type === 'integer' && !/^-?\d+$/.test(value))
    return `expected an integer, got \`${value}\``
  if (schema?.type === 'boolean' && !/^(true|false)$/.test(value))
    return `expected a boolean, got \`${value}\``
  if (schema?.enum && !schema.enum.includes(value))
    return `expected one of ${schema.enum.join(', ')}, got \`${value}\``
  return undefined
}

const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
}

function bodyProblems(spec: Description, operation: Operation, body: unknown): string[] {
  const content = operation.requestBody?.content['application/json']
  if (!content) return body === undefined ? [] : ['the operation takes no JSON body']
  if (body === undefined)
    return operation.requestBody?.required ? ['the JSON body is required'] : []
  const ref = content.schema.$ref
  const schema = ref ? spec.components.schemas[ref.split('/').at(-1)!]! : content.schema
  if (!JSON_TYPES['object']!(body)) return ['the body must be a JSON object']
  const record = body as Record<string, unknown>
  const problems = (schema.required ?? [])
    .filter((k) => !(k in record))
    .map((k) => `body property \`${k}\` is required`)
  for (const [key, value] of Object.entries(record)) {
    const property = schema.properties?.[key]
    if (!property) problems.push(`body property \`${key}\` is not documented`)
    else if (property.type && !JSON_TYPES[property.type]?.(value))
      problems.push(`body property \`${key}\` must be a ${property.type}`)
  }
  return problems
}

export type CheckResult =
  | { readonly ok: true; readonly match: MatchedOperation }
  | { readonly ok: false; readonly problems: readonly string[] }

/** Checks one request; `path` is the raw path (percent-encoded), `body` the parsed JSON body. */
export function checkRequest(
  method: string,
  rawPath: string,
  query: URLSearchParams,
  body: unknown
): CheckResult {
  const { spec, routes } = load()
  const candidates = routes.filter((r) => r.method === method && r.pattern.test(rawPath))
  const route = candidates[0]
  if (!route) return { ok: false, problems: [`no documented operation for ${method} ${rawPath}`] }
  const values = route.pattern.exec(rawPath)!.slice(1).map(decodeURIComponent)
  const params = Object.fromEntries(route.names.map((name, i) => [name, values[i] ?? '']))
  const declared = parameters(spec, route.operation)
  const problems: string[] = []
  for (const p of declared) {
    const value =
      p.in === 'path'
        ? params[p.name]
        : p.in === 'query'
          ? (query.get(p.name) ?? undefined)
          : undefined
    if (p.in === 'query' && p.required && value === undefined)
      problems.push(`query parameter \`${p.name}\` is required`)
    const problem = value === undefined ? undefined : typeProblem(p.schema, value)
    if (problem) problems.push(`${p.in} parameter \`${p.name}\`: ${problem}`)
  }
  for (const key of query.keys()) {
    if (!declared.some((p) => p.in === 'query' && p.name === key))
      problems.push(`query parameter \`${key}\` is not documented`)
  }
  problems.push(...bodyProblems(spec, route.operation, body))
  if (problems.length > 0)
    return { ok: false, problems: problems.map((p) => `${route.operation.operationId}: ${p}`) }
  return {
    ok: true,
    match: { operationId: route.operation.operationId, template: route.template, params }
  }
}

/** GitHub's own example response of an operation (deep copy), to answer like GitHub does. */
export function exampleResponse(operationId: string, status: string, example?: string): unknown {
  const { spec, routes } = load()
  const route = routes.find((r) => r.operation.operationId === operationId)
  const content = route?.operation.responses[status]?.content?.['application/json']
  const examples = content?.examples ?? {}
  const chosen = example === undefined ? Object.values(examples)[0] : examples[example]
  const value = chosen?.$ref
    ? spec.components.examples[chosen.$ref.split('/').at(-1)!]?.value
    : chosen?.value
  if (value === undefined)
    throw new Error(`no example ${example ?? ''} for ${operationId} ${status}`)
  return structuredClone(value)
}
