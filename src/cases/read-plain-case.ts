// The fast path of the case reader: a case checked on the values JSON.parse gave. It accepts
// exactly the cases read-case.ts and read-request.ts accept without a problem, and reports none:
// a case it does not accept is read again from its located tree by readCase, which explains
// what is wrong with positions in the case file. Only the policies are read from a located tree
// here (their statements carry lines), by the caller. Requests come out prepared for the
// engine: their contexts are checked while they are prepared, so each is read once.
import type { ActionCatalog } from '../catalog/catalog.js'
import { givenContext, type GivenContext } from '../engine/context.js'
import { prepareGivenRequest, type PreparedRequest } from '../engine/request.js'
import type { ContextInput, Request } from '../engine/types.js'
import { isPlainObject } from './case-file-layout.js'
import { CASE_KEYS, isMetadata } from './read-case.js'
import { REQUEST_KEYS } from './read-request.js'

export interface PlainCase {
  readonly id: string
  readonly many: boolean
  readonly requests: readonly PreparedRequest[]
  /**
   * the object properties read outside `policies`: fewer than the text's keys there means that
   * JSON.parse dropped a duplicate key (case-file-layout.ts)
   */
  readonly properties: number
}

/** The case's id and requests, or undefined when readCase would report a problem. */
export function readPlainCase(
  value: Readonly<Record<string, unknown>>,
  index: number,
  catalog: ActionCatalog | undefined
): PlainCase | undefined {
  const keys = Object.keys(value)
  let properties = keys.length
  for (const key of keys) {
    if (CASE_KEYS.includes(key)) continue
    if (!isMetadata(key)) return undefined
    properties += countProperties(value[key])
  }
  const id = value.id === undefined ? `case-${index + 1}` : value.id
  if (!isNonEmptyString(id)) return undefined
  const { request, requests } = value
  if ((request === undefined) === (requests === undefined)) return undefined
  const items = requests === undefined ? [request] : requests
  if (!Array.isArray(items) || items.length === 0) return undefined
  const read: PreparedRequest[] = []
  for (const item of items) {
    if (!isPlainObject(item)) return undefined
    const keys = requestKeys(item)
    if (keys < 0) return undefined
    const given = givenContext(item.context === undefined ? {} : item.context)
    if (given === undefined) return undefined
    const prepared = plainRequest(item, given, catalog)
    if (prepared === undefined) return undefined
    properties += keys + given.size
    read.push(prepared)
  }
  return { id, many: requests !== undefined, requests: read, properties }
}

/** How many keys a request object has, or -1 when one is not a request key. */
function requestKeys(item: Readonly<Record<string, unknown>>): number {
  let count = 0
  // for…in, not Object.keys: no array per request (JSON.parse objects inherit nothing enumerable)
  for (const key in item) {
    if (!Object.hasOwn(item, key) || !REQUEST_KEYS.includes(key)) return -1
    count++
  }
  return count
}

function plainRequest(
  value: Readonly<Record<string, unknown>>,
  given: GivenContext,
  catalog: ActionCatalog | undefined
): PreparedRequest | undefined {
  const { principal, action, resource, resourceAccount, context } = value
  if (!isNonEmptyString(principal) || !isNonEmptyString(action) || !isNonEmptyString(resource)) {
    return undefined
  }
  if (catalog !== undefined && !knownAction(catalog, action)) return undefined
  if (resourceAccount !== undefined && !isNonEmptyString(resourceAccount)) return undefined
  // one literal (no spread): every request has one hidden class
  const request: Request = {
    principal,
    action,
    resource,
    context: (context ?? {}) as Record<string, ContextInput>,
    resourceAccount
  }
  return prepareGivenRequest(request, given)
}

// A case file repeats a few hundred actions thousands of times: each is looked up once.
let knownFor: ActionCatalog | undefined
const KNOWN = new Map<string, boolean>()

function knownAction(catalog: ActionCatalog, action: string): boolean {
  if (knownFor !== catalog) {
    knownFor = catalog
    KNOWN.clear()
  }
  let known = KNOWN.get(action)
  if (known === undefined) {
    known = catalog.action(action) !== undefined
    if (KNOWN.size >= 4096) KNOWN.clear()
    KNOWN.set(action, known)
  }
  return known
}

/** Own properties of every object in a metadata value (the layout bounds its depth). */
function countProperties(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value)
  let count = Array.isArray(value) ? 0 : items.length
  for (const item of items) count += countProperties(item)
  return count
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}
