// The fast path of the case reader: a case checked on the values JSON.parse gave. It accepts
// exactly the cases read-case.ts and read-request.ts accept without a problem, and reports none:
// a case it does not accept is read again from its located tree by readCase, which explains
// what is wrong with positions in the case file. Only the policies are read from a located tree
// here (their statements carry lines), by the caller.
import type { ActionCatalog } from '../catalog/catalog.js'
import type { ContextInput, Request } from '../engine/types.js'
import { isPlainObject } from './case-file-layout.js'
import { CASE_KEYS, isMetadata } from './read-case.js'
import { REQUEST_KEYS } from './read-request.js'

export interface PlainCase {
  readonly id: string
  readonly many: boolean
  readonly requests: readonly Request[]
}

/** The case's id and requests, or undefined when readCase would report a problem. */
export function readPlainCase(
  value: Readonly<Record<string, unknown>>,
  index: number,
  catalog: ActionCatalog | undefined
): PlainCase | undefined {
  for (const key of Object.keys(value)) {
    if (!CASE_KEYS.includes(key) && !isMetadata(key)) return undefined
  }
  const id = value.id === undefined ? `case-${index + 1}` : value.id
  if (!isNonEmptyString(id)) return undefined
  const { request, requests } = value
  if ((request === undefined) === (requests === undefined)) return undefined
  const items = requests === undefined ? [request] : requests
  if (!Array.isArray(items) || items.length === 0) return undefined
  const read: Request[] = []
  for (const item of items) {
    const one = plainRequest(item, catalog)
    if (one === undefined) return undefined
    read.push(one)
  }
  return { id, many: requests !== undefined, requests: read }
}

function plainRequest(value: unknown, catalog: ActionCatalog | undefined): Request | undefined {
  if (!isPlainObject(value)) return undefined
  for (const key of Object.keys(value)) if (!REQUEST_KEYS.includes(key)) return undefined
  const { principal, action, resource, resourceAccount, context } = value
  if (!isNonEmptyString(principal) || !isNonEmptyString(action) || !isNonEmptyString(resource)) {
    return undefined
  }
  if (catalog !== undefined && catalog.action(action) === undefined) return undefined
  if (resourceAccount !== undefined && !isNonEmptyString(resourceAccount)) return undefined
  const ctx = context === undefined ? {} : plainContext(context)
  if (ctx === undefined) return undefined
  return {
    principal,
    action,
    resource,
    context: ctx,
    ...(resourceAccount === undefined ? {} : { resourceAccount })
  }
}

/** The context as JSON.parse gave it, when every value is a scalar or a list of scalars. */
function plainContext(value: unknown): Record<string, ContextInput> | undefined {
  if (!isPlainObject(value)) return undefined
  const keys = Object.keys(value)
  const folded = new Set<string>()
  for (const key of keys) {
    const lower = key.toLowerCase()
    if (folded.has(lower)) return undefined
    folded.add(lower)
    const v = value[key]
    if (Array.isArray(v) ? !v.every(isScalar) : !isScalar(v)) return undefined
  }
  return value as Record<string, ContextInput>
}

function isScalar(value: unknown): boolean {
  const type = typeof value
  return type === 'string' || type === 'number' || type === 'boolean'
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}
