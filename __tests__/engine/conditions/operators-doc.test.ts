// docs/OPERATORS.md is kept in sync with the operator table (STYLE habit 7): every operator of
// src/policy/condition-operators.ts has exactly one row whose columns match the table.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { OPERATORS, operatorNames } from '../../../src/policy/condition-operators.js'
import { absentKeyResult } from '../../../src/engine/conditions/modifiers.js'

interface DocRow {
  name: string
  family: string
  negated: string
  vars: string
  ifExists: string
  absent: string
}

function docRows(): DocRow[] {
  const text = readFileSync(new URL('../../../docs/OPERATORS.md', import.meta.url), 'utf8')
  const section = text.split('## Operators')[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim())
      return {
        name: (cells[1] ?? '').replace(/`/g, ''),
        family: cells[2] ?? '',
        negated: cells[3] ?? '',
        vars: cells[5] ?? '',
        ifExists: cells[6] ?? '',
        absent: cells[8] ?? ''
      }
    })
}

describe('docs/OPERATORS.md', () => {
  const rows = docRows()

  it('lists every operator once, in table order', () => {
    expect(rows.map((r) => r.name)).toEqual(OPERATORS.map((o) => o.name))
  })

  it.each(OPERATORS.map((o) => [o.name, o] as const))('%s row matches the table', (name, info) => {
    const row = rows.find((r) => r.name === name)
    expect(row?.family).toBe(info.family)
    expect(row?.negated).toBe(info.negated ? 'yes' : 'no')
    expect(row?.vars).toBe(info.variables ? 'yes' : 'no')
    expect(row?.ifExists.startsWith('yes')).toBe(operatorNames().includes(`${name}IfExists`))
    if (info.family !== 'null') {
      expect(row?.absent).toBe(String(absentKeyResult(undefined, false, info.negated)))
    }
  })
})
