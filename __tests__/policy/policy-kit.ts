// Shared helpers for the parser tests: build policy texts and find where a token is.
import { expect } from '@jest/globals'
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js'
import type { PolicyKind } from '../../src/policy/model.js'
import { parsePolicy } from '../../src/policy/parse.js'

/** A policy document as pretty-printed JSON (two-space indent, as most repositories have). */
export function policyText(statement: unknown, top: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', ...top, Statement: statement }, null, 2)
}

/** 1-based line/column of the `occurrence`-th (1-based) appearance of `needle` in `text`. */
export function where(
  text: string,
  needle: string,
  occurrence = 1
): { line: number; column: number } {
  let at = -1
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1)
    if (at < 0) throw new Error(`${needle} not found ${occurrence} times`)
  }
  const before = text.slice(0, at)
  const line = before.split('\n').length
  return { line, column: at - (before.lastIndexOf('\n') + 1) + 1 }
}

export interface ExpectedDiagnostic {
  readonly code: string
  readonly pointer: string
  /** a token in the text the diagnostic must start at (first occurrence unless `nth`) */
  readonly at: string
  readonly nth?: number
  readonly help?: string
}

/** Parses, then checks that exactly the expected diagnostics (code, pointer, position) appear. */
export function expectDiagnostics(
  text: string,
  kind: PolicyKind | 'auto',
  expected: readonly ExpectedDiagnostic[]
): Diagnostic[] {
  const result = parsePolicy(text, { file: 'policy.json', kind })
  const actual = result.diagnostics.map((d) => ({
    code: d.code,
    pointer: d.pointer,
    line: d.span?.line,
    column: d.span?.column,
    file: d.file
  }))
  const wanted = expected.map((e) => ({
    code: e.code,
    pointer: e.pointer,
    ...where(text, e.at, e.nth),
    file: 'policy.json'
  }))
  expect(actual).toEqual(wanted)
  expected.forEach((e, i) => {
    if (e.help !== undefined) expect(result.diagnostics[i]?.help).toBe(e.help)
  })
  const errors = result.diagnostics.some((d) => d.severity === 'error')
  expect(result.policy === undefined).toBe(errors)
  return result.diagnostics
}
