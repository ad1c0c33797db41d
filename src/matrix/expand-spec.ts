// A hand-written request matrix (configuration `requests:`) expands to the product of its lists:
// actions × resources × principals × context variants. Wildcard actions expand against the
// catalogue like policy patterns; empty lists mean `*`, the subject's principal and `{}`.
import type { ActionCatalog } from '../catalog/catalog.js'
import type { MatrixSpec } from '../config/types.js'
import { expandPattern } from './expand-actions.js'
import type { ProbeRequest } from './generate.js'

const isWild = (text: string): boolean => text.includes('*') || text.includes('?')

function specActions(catalog: ActionCatalog, actions: readonly string[]): string[] {
  const out: string[] = []
  for (const action of actions) {
    const found = expandPattern(catalog, action)
    if (found.length > 0 && (isWild(action) || found.length === 1)) {
      out.push(...found.map((a) => a.name))
    } else out.push(action)
  }
  return [...new Set(out)]
}

export function expandSpec(
  spec: MatrixSpec,
  options: { readonly catalog: ActionCatalog; readonly principal: string }
): ProbeRequest[] {
  const actions = specActions(options.catalog, spec.actions)
  const resources = spec.resources.length > 0 ? spec.resources : ['*']
  const principals = spec.principals.length > 0 ? spec.principals : [options.principal]
  const contexts = spec.contexts.length > 0 ? spec.contexts : [{}]
  const out: ProbeRequest[] = []
  for (const action of actions) {
    for (const resource of resources) {
      for (const principal of principals) {
        for (const context of contexts) {
          out.push({
            origin: 'config',
            principal,
            action,
            resource,
            context,
            ...(spec.resourceAccount === undefined ? {} : { resourceAccount: spec.resourceAccount })
          })
        }
      }
    }
  }
  return out
}
