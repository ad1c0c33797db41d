// Typed readers over the located configuration tree. Each reports a wrong type with the
// expected type and the value found, and returns undefined so the caller keeps the default.
import { suggest } from '../diagnostics/suggest.js'
import type { ContextInput } from '../engine/types.js'
import type { ConfigEntry, ConfigNode, Reporter } from './config-node.js'

/** How a value reads in a message: "the text `yes`", "a list", "nothing". */
export function describe(node: ConfigNode): string {
  if (node.kind === 'map') return 'a mapping'
  if (node.kind === 'list') return 'a list'
  const { value } = node
  if (value === null) return 'nothing'
  if (typeof value === 'string') return `the text \`${value}\``
  return `the ${typeof value} \`${String(value)}\``
}

function wrongType(
  reporter: Reporter,
  node: ConfigNode,
  name: string,
  expected: string
): undefined {
  reporter.error(node.at, `\`${name}\` must be ${expected}, not ${describe(node)}`)
  return undefined
}

/** A mapping whose keys are all known; unknown keys are reported with a "did you mean". */
export function readMap(
  node: ConfigNode,
  name: string,
  known: readonly string[],
  reporter: Reporter
): Map<string, ConfigEntry> | undefined {
  if (node.kind !== 'map') return wrongType(reporter, node, name, 'a mapping')
  const out = new Map<string, ConfigEntry>()
  for (const entry of node.entries) {
    if (known.includes(entry.key)) {
      out.set(entry.key, entry)
      continue
    }
    const guess = suggest(entry.key, known, { ignoreCase: true })
    const where = name === '' ? '' : ` in \`${name}\``
    reporter.error(
      entry.keyAt,
      `unknown key \`${entry.key}\`${where}${guess === undefined ? '' : `: did you mean \`${guess}\``}`,
      `known keys: ${known.map((k) => `\`${k}\``).join(', ')}`
    )
  }
  return out
}

export function readString(node: ConfigNode, name: string, reporter: Reporter): string | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    if (node.value.trim() !== '') return node.value
    reporter.error(node.at, `\`${name}\` must not be empty`)
    return undefined
  }
  const hint = node.kind === 'scalar' && typeof node.value === 'number' ? ' (quote it)' : ''
  return wrongType(reporter, node, name, `text${hint}`)
}

/** A text or a list of texts (a single text is a list of one). */
export function readStringList(
  node: ConfigNode,
  name: string,
  reporter: Reporter
): string[] | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const one = readString(node, name, reporter)
    return one === undefined ? undefined : [one]
  }
  if (node.kind !== 'list') return wrongType(reporter, node, name, 'a text or a list of texts')
  const out: string[] = []
  node.items.forEach((item, i) => {
    const value = readString(item, `${name}[${i}]`, reporter)
    if (value !== undefined) out.push(value)
  })
  return out
}

export function readBool(node: ConfigNode, name: string, reporter: Reporter): boolean | undefined {
  if (node.kind === 'scalar' && typeof node.value === 'boolean') return node.value
  return wrongType(reporter, node, name, 'a boolean (`true` or `false`)')
}

export function readEnum<T extends string>(
  node: ConfigNode,
  name: string,
  values: readonly T[],
  reporter: Reporter
): T | undefined {
  const list = values.map((v) => `\`${v}\``).join(', ')
  if (node.kind !== 'scalar' || typeof node.value !== 'string') {
    return wrongType(reporter, node, name, `one of ${list}`)
  }
  const found = values.find((v) => v === node.value)
  if (found !== undefined) return found
  const guess = suggest(node.value, values, { ignoreCase: true })
  const tail = guess === undefined ? '' : `: did you mean \`${guess}\``
  reporter.error(node.at, `\`${name}\` must be one of ${list}, not \`${node.value}\`${tail}`)
  return undefined
}

export function readPositiveInteger(
  node: ConfigNode,
  name: string,
  reporter: Reporter
): number | undefined {
  if (
    node.kind === 'scalar' &&
    typeof node.value === 'number' &&
    Number.isSafeInteger(node.value) &&
    node.value > 0
  ) {
    return node.value
  }
  return wrongType(reporter, node, name, 'a positive whole number')
}

function readContextValue(
  node: ConfigNode,
  name: string,
  reporter: Reporter
): ContextInput | undefined {
  if (node.kind === 'scalar' && node.value !== null) return node.value
  if (node.kind === 'list') {
    const out: (string | number | boolean)[] = []
    for (const [i, item] of node.items.entries()) {
      if (item.kind !== 'scalar' || item.value === null) {
        return wrongType(reporter, item, `${name}[${i}]`, 'a text, number or boolean')
      }
      out.push(item.value)
    }
    return out
  }
  return wrongType(reporter, node, name, 'a text, number, boolean or a list of them')
}

/** One context variant: condition key → value (a list is a multivalued key). */
export function readContext(
  node: ConfigNode,
  name: string,
  reporter: Reporter
): Record<string, ContextInput> | undefined {
  if (node.kind !== 'map')
    return wrongType(reporter, node, name, 'a mapping of condition keys to values')
  const out: Record<string, ContextInput> = {}
  for (const entry of node.entries) {
    const value = readContextValue(entry.value, `${name}.${entry.key}`, reporter)
    // defineProperty: a key such as `__proto__` stays a plain key
    if (value !== undefined) {
      Object.defineProperty(out, entry.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
      })
    }
  }
  return out
}
