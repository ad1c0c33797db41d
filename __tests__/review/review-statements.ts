// Reviews one identity-policy file changed from `base` to `head` statements, with the default
// configuration and the built catalogue: the shape most matrix regression tests need.
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import type { Report } from '../../src/diff/report.js'
import { review } from '../../src/review/review.js'
import { memorySource, policy } from './memory-source.js'

export function reviewStatements(
  base: readonly object[],
  head: readonly object[],
  path = 'iam/p.json'
): Promise<Report> {
  return review({
    source: memorySource({ base: { [path]: policy(...base) }, head: { [path]: policy(...head) } }),
    config: DEFAULT_CONFIG,
    catalog: loadCatalog(),
    toolVersion: 'test'
  })
}
