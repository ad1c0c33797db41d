// Shared by the extraction tests: fixtures and the default options.
import { readFileSync } from 'node:fs'
import { DEFAULT_FACTS, type ExtractOptions } from '../../src/extract/types.js'

export const OPTIONS: ExtractOptions = { facts: DEFAULT_FACTS }

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/extract/${name}`, import.meta.url), 'utf8')
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function positionOfText(
  text: string,
  needle: string,
  from = 0
): { line: number; column: number } {
  const offset = text.indexOf(needle, from)
  if (offset < 0) throw new Error(`not found: ${needle}`)
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}
