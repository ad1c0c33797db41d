// Bool and BinaryEquals (IAM-SEMANTICS §4.2). Bool compares true/false case-insensitively
// ([UNCERTAIN], in parseBool) and substitutes policy variables (§7.2: the current condition
// operators page lists Boolean among the operators that support them; a value that resolves to
// no boolean, or not at all, matches nothing). BinaryEquals compares decoded bytes.
import { decodeBase64, parseBool } from '../../policy/values.js'
import { parseTemplate, resolveTemplateText } from '../variables.js'
import type { ConditionOperator, PolicyValues } from './operator.js'
import { templateValues } from './string.js'

export const BOOL_OPERATOR: ConditionOperator = {
  family: 'bool',
  expects: '`true` or `false`',
  compile(_info, values, variables) {
    const templates = values.map((v) => parseTemplate(v, { variables, wildcards: false }))
    return templateValues(templates, resolveTemplateText, boolValues)
  }
}

/** Policy values → tester; values that are no boolean (after substitution) match nothing. */
function boolValues(texts: readonly string[]): PolicyValues {
  const parsed = texts.map(parseBool)
  const acceptsTrue = parsed.includes(true)
  const acceptsFalse = parsed.includes(false)
  return {
    test(value, index) {
      const bool = parseBool(value.values[index] ?? '')
      if (bool === undefined) return 'unparsable'
      return (bool ? acceptsTrue : acceptsFalse) ? 'match' : 'no-match'
    }
  }
}

export const BINARY_OPERATOR: ConditionOperator = {
  family: 'binary',
  expects: 'base64 text',
  compile(_info, values) {
    const expected: Uint8Array[] = []
    for (const value of values) {
      const bytes = decodeBase64(value)
      if (bytes !== undefined) expected.push(bytes)
    }
    const tester: PolicyValues = {
      test(value, index) {
        const bytes = decodeBinaryContextValue(value.values[index] ?? '')
        if (bytes === undefined) return 'unparsable'
        return expected.some((e) => sameBytes(e, bytes)) ? 'match' : 'no-match'
      }
    }
    return { fixed: tester, bind: () => tester }
  }
}

/**
 * [UNCERTAIN] §4.2 leaves the request side's form open; JSON context values cannot carry raw
 * bytes, so a binary context value is base64 text like the policy value.
 */
export function decodeBinaryContextValue(value: string): Uint8Array | undefined {
  return decodeBase64(value)
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
