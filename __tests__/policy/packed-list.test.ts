// src/policy/packed-list.ts: lists the engine's hot loops read are all of one V8 array kind
// (packed, elements of any kind), so optimized code meets one array map. The kind is asked of
// V8 itself through its natives syntax, enabled for this test file only.
import { setFlagsFromString } from 'node:v8'
import { describe, expect, it } from '@jest/globals'
import { emptyList, listOf } from '../../src/policy/packed-list.js'

setFlagsFromString('--allow-natives-syntax')
// compiled after the flag is set; `%…` is not TypeScript, so the functions are built from text
const natives = (params: string[], body: string): ((...args: unknown[]) => boolean) =>
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- V8 natives exist only in text
  new Function(...params, body) as (...args: unknown[]) => boolean
const isHoley = natives(['list'], 'return %HasHoleyElements(list)')
const isSmiKind = natives(['list'], 'return %HasSmiElements(list)')
const sameMap = natives(['a', 'b'], 'return %HaveSameMap(a, b)')

const objectsKind = listOf([{}])

describe('packed lists', () => {
  it('the control: an empty literal is of small-integer kind, with another map', () => {
    expect(isSmiKind([])).toBe(true)
    expect(sameMap([], objectsKind)).toBe(false)
  })

  it.each([
    ['emptyList()', emptyList()],
    ['listOf([])', listOf([])],
    ['listOf of strings', listOf(['a', 'b'])],
    ['listOf of small integers', listOf([1, 2, 3])],
    ['listOf mapping to null and strings', listOf(['*', 'x'], (s) => (s === '*' ? null : s))],
    ['listOf of a holey array', listOf(new Array<string>(3).fill('x'))],
    ['listOf of a filter result', listOf([{ a: 1 }, { a: 2 }].filter((o) => o.a > 5))]
  ])('%s is packed, of any elements, with one map', (_label, list) => {
    expect(isHoley(list)).toBe(false)
    expect(isSmiKind(list)).toBe(false)
    expect(sameMap(list, objectsKind)).toBe(true)
  })

  it('listOf keeps the items and their order, and maps them', () => {
    expect(listOf([3, 1, 2])).toEqual([3, 1, 2])
    expect(listOf(['a', 'b'], (s) => s.toUpperCase())).toEqual(['A', 'B'])
    expect(listOf([])).toEqual([])
  })

  it('an empty list stays usable: pushing keeps its kind', () => {
    const list = emptyList<number>()
    list.push(1)
    expect(list).toEqual([1])
    expect(isSmiKind(list)).toBe(false)
  })
})
