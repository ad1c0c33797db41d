// JSON Pointer → position in the original file, for documents that are sub-trees of a located
// JSON tree (src/policy/located-json.ts): the nearest node that exists on the pointer's path.
import type { LineIndex } from '../policy/line-index.js'
import type { JsonNode } from '../policy/located-json.js'
import type { SourcePosition } from './types.js'

/** Splits an RFC 6901 pointer into unescaped tokens (`''` → no tokens). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
}

/** The deepest node along `pointer` from `base` (the base itself when the first token misses). */
export function nearestNode(base: JsonNode, pointer: string): JsonNode {
  let node = base
  for (const token of pointerTokens(pointer)) {
    const next = childOf(node, token)
    if (next === undefined) break
    node = next
  }
  return node
}

function childOf(node: JsonNode, token: string): JsonNode | undefined {
  if (node.kind === 'object') return node.entries.find((entry) => entry.key === token)?.value
  if (node.kind === 'array' && /^(?:0|[1-9][0-9]{0,8})$/.test(token)) return node.items[+token]
  return undefined
}

/** `positionOf` for a document whose text is (or decodes from) `base`. */
export function positionsUnder(
  base: JsonNode,
  lines: LineIndex,
  options: { opaque: boolean }
): (pointer: string) => SourcePosition | undefined {
  if (options.opaque) {
    const at = lines.position(base.start)
    return () => at
  }
  return (pointer) => lines.position(nearestNode(base, pointer).start)
}
