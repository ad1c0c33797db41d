// A witness resource stands for the resources of other types that no statement tells apart from
// it (witness-resources.ts, `alike`). When the witness's decision changes, the review asks the
// engine about one resource of each of those types too, in the same request otherwise, so the
// report names each resource type whose decision changed, not only the witness's.
import type { ProbeRequest } from './generate.js'
import { realize } from './realize.js'

/**
 * The request on each resource alike to its resource: realized like the original (its context
 * already carries the keys AWS always sends, so the resource moves to the same account and
 * Region), with the original's implied keys and assumptions.
 */
export function alikeRequests(request: ProbeRequest): ProbeRequest[] {
  const out: ProbeRequest[] = []
  for (const resource of request.alike ?? []) {
    const real = realize(
      request.principal,
      resource,
      request.resourceAccount,
      request.context ?? {}
    )
    if (real === undefined) continue
    out.push({
      origin: request.origin,
      principal: real.principal,
      action: request.action,
      resource: real.resource,
      context: real.context,
      ...(real.resourceAccount === undefined ? {} : { resourceAccount: real.resourceAccount }),
      implied: request.implied ?? [],
      ...(request.permitted === true ? { permitted: true } : {})
    })
  }
  return out
}
