// Located tree → plain JavaScript value, for callers that want JSON.parse's result without a
// second parse (and without its prototype pitfalls).
import type { JsonArray, JsonNode, JsonObject } from './located-json.js'

/**
 * Converts a located tree to plain JavaScript values, equal to what JSON.parse returns (the last
 * duplicate wins). `__proto__` becomes an own property, so no key can change a prototype.
 * Iterative, like the parser, so depth is never a problem.
 */
export function toPlainValue(node: JsonNode): unknown {
  const root = shallowValue(node)
  const work: { source: JsonObject | JsonArray; target: unknown }[] = []
  if (node.kind === 'object' || node.kind === 'array') work.push({ source: node, target: root })
  for (let job = work.pop(); job; job = work.pop()) {
    const children =
      job.source.kind === 'array'
        ? job.source.items.map((value, index) => ({ key: String(index), value }))
        : job.source.entries
    for (const { key, value } of children) {
      const plain = shallowValue(value)
      defineOwn(job.target as Record<string, unknown>, key, plain)
      if (value.kind === 'object' || value.kind === 'array')
        work.push({ source: value, target: plain })
    }
  }
  return root
}

function shallowValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return {}
    case 'array':
      return new Array<unknown>(node.items.length)
    case 'null':
      return null
    default:
      return node.value
  }
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true
    })
  } else target[key] = value
}
