// Lists the engine's hot loops read, all of one V8 array kind. An empty literal `[]` (or an
// empty `filter`/`map` result) starts as small-integer elements, and `map`/`filter` results are
// sometimes packed, sometimes holey: code optimized for one kind deoptimizes at the next, and
// on a cold process (`iam-policy-diff evaluate`) each deoptimization costs a recompile. Lists
// built here are always packed, with elements of any kind (V8: PACKED_ELEMENTS).

/** A new, empty list of the kind that holds objects and strings. */
export function emptyList<T>(): T[] {
  const list: unknown[] = [undefined]
  list.pop()
  return list as T[]
}

/** `items.map(fn)` as a packed list of any elements. */
export function listOf<T, U = T>(items: readonly T[], fn?: (item: T) => U): U[] {
  const list = emptyList<U>()
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T
    list.push(fn === undefined ? (item as unknown as U) : fn(item))
  }
  return list
}
