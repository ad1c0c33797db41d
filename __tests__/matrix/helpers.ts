// Shared by the matrix tests: parse policies, build the matrix with the real catalogue, and
// evaluate every request on both sides with the engine.
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { compilePolicySet, evaluateCompiled, prepareRequest } from '../../src/engine/evaluate.js'
import type { PolicySet } from '../../src/engine/types.js'
import { buildMatrix, type Matrix, type ProbeRequest } from '../../src/matrix/generate.js'
import type { PolicyKind, Policy } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

export const PRINCIPAL = 'arn:aws:iam::111122223333:role/example'
export const catalog = loadCatalog()

export function policy(doc: object, kind: PolicyKind | 'auto' = 'auto', file = 'p.json'): Policy {
  const { policy: parsed, diagnostics } = parsePolicy(JSON.stringify(doc, null, 2), { file, kind })
  if (!parsed) throw new Error(`test policy does not parse: ${JSON.stringify(diagnostics)}`)
  return parsed
}

/** A set with the document in the place its kind says (identity unless it names principals). */
export function setOf(
  doc: object | undefined,
  kind: PolicyKind | 'auto' = 'auto'
): PolicySet | undefined {
  if (doc === undefined) return undefined
  const p = policy(doc, kind)
  switch (p.kind) {
    case 'resource':
      return { identity: [], resource: p }
    case 'boundary':
      return { identity: [], boundary: [p] }
    case 'scp':
      return { identity: [], scp: [[p]] }
    default:
      return { identity: [p] }
  }
}

export function matrixOf(
  base: PolicySet | undefined,
  head: PolicySet | undefined,
  options: { principal?: string; limit?: number } = {}
): Matrix {
  return buildMatrix({
    base,
    head,
    catalog,
    specs: [],
    auto: true,
    principal: options.principal ?? PRINCIPAL,
    limit: options.limit ?? 200_000
  })
}

export interface Changed {
  readonly request: ProbeRequest
  readonly before: string
  readonly after: string
}

/** The requests of the matrix whose effect differs between base and head, classes expanded. */
export function changes(
  base: PolicySet | undefined,
  head: PolicySet | undefined,
  matrix: Matrix = matrixOf(base, head)
): Changed[] {
  const empty: PolicySet = { identity: [] }
  const b = compilePolicySet(base ?? empty)
  const h = compilePolicySet(head ?? empty)
  const out: Changed[] = []
  for (const request of matrix.requests) {
    const prepared = prepareRequest(request)
    const before = evaluateCompiled(b, prepared).effect
    const after = evaluateCompiled(h, prepared).effect
    if (before !== after) {
      // a probed action stands for its class: every action of it changed alike (docs/MATRIX.md)
      for (const action of matrix.actionClasses.get(request.action) ?? [request.action])
        out.push({ request: { ...request, action }, before, after })
    }
  }
  return out
}

/** Sorted distinct actions whose decision changed for some request of the matrix. */
export function changedActions(
  baseDoc: object | undefined,
  headDoc: object | undefined,
  kind: PolicyKind | 'auto' = 'auto'
): string[] {
  const found = changes(setOf(baseDoc, kind), setOf(headDoc, kind)).map((c) => c.request.action)
  return [...new Set(found)].sort()
}

export function doc(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements }
}

export function allow(
  action: string | string[],
  resource: string | string[] = '*',
  extra: object = {}
): object {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra }
}

export function deny(
  action: string | string[],
  resource: string | string[] = '*',
  extra: object = {}
): object {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra }
}
