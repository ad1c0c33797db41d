// The sections of the configuration (docs/CONFIGURATION.md): `policies`, `subjects` and
// `requests`. Each reader reports problems and returns what it could read.
import { POLICY_KINDS, type PolicyKind } from '../policy/model.js'
import type { ConfigNode, Reporter } from './config-node.js'
import {
  describe,
  readContext,
  readEnum,
  readMap,
  readString,
  readStringList
} from './read-values.js'
import type { MatrixSpec, SubjectSpec } from './types.js'
import type { ContextInput } from '../engine/types.js'

export interface PoliciesSection {
  include?: string[]
  exclude?: string[]
  kinds?: { glob: string; kind: PolicyKind }[]
}

export function readPolicies(node: ConfigNode, reporter: Reporter): PoliciesSection {
  const out: PoliciesSection = {}
  const map = readMap(node, 'policies', ['include', 'exclude', 'kinds'], reporter)
  if (map === undefined) return out
  const include = map.get('include')
  const exclude = map.get('exclude')
  const kinds = map.get('kinds')
  if (include) out.include = readStringList(include.value, 'policies.include', reporter) ?? []
  if (exclude) out.exclude = readStringList(exclude.value, 'policies.exclude', reporter) ?? []
  if (kinds) out.kinds = readKinds(kinds.value, reporter)
  return out
}

/** `glob: kind` pairs in file order (the first matching glob decides). */
function readKinds(node: ConfigNode, reporter: Reporter): { glob: string; kind: PolicyKind }[] {
  if (node.kind !== 'map') {
    reporter.error(node.at, '`policies.kinds` must be a mapping of file globs to policy kinds')
    return []
  }
  const out: { glob: string; kind: PolicyKind }[] = []
  for (const entry of node.entries) {
    const kind = readEnum(entry.value, `policies.kinds.${entry.key}`, POLICY_KINDS, reporter)
    if (kind !== undefined) out.push({ glob: entry.key, kind })
  }
  return out
}

const SUBJECT_KEYS = ['identity', 'boundary', 'resource', 'session', 'scp', 'rcp', 'principal']

/** SCP/RCP levels, root first: each level is a glob or a list of globs; a text is one level. */
function readLevels(node: ConfigNode, name: string, reporter: Reporter): string[][] {
  if (node.kind === 'scalar') return [readStringList(node, name, reporter) ?? []]
  if (node.kind !== 'list') {
    reporter.error(node.at, `\`${name}\` must be a list of levels (each a glob or a list of globs)`)
    return []
  }
  return node.items.map((item, i) => readStringList(item, `${name}[${i}]`, reporter) ?? [])
}

function namesNoFiles(s: SubjectSpec): boolean {
  const globs = [s.identity, s.boundary, s.resource, s.session, ...s.scp, ...s.rcp]
  return globs.every((g) => g.length === 0)
}

function readSubject(name: string, node: ConfigNode, reporter: Reporter): SubjectSpec | undefined {
  const path = `subjects.${name}`
  const map = readMap(node, path, SUBJECT_KEYS, reporter)
  if (map === undefined) return undefined
  const list = (key: string): string[] => {
    const entry = map.get(key)
    return entry === undefined
      ? []
      : (readStringList(entry.value, `${path}.${key}`, reporter) ?? [])
  }
  const levels = (key: string): string[][] => {
    const entry = map.get(key)
    return entry === undefined ? [] : readLevels(entry.value, `${path}.${key}`, reporter)
  }
  const principal = map.get('principal')
  const subject: SubjectSpec = {
    name,
    identity: list('identity'),
    boundary: list('boundary'),
    resource: list('resource'),
    session: list('session'),
    scp: levels('scp'),
    rcp: levels('rcp'),
    principal:
      principal === undefined
        ? undefined
        : readString(principal.value, `${path}.principal`, reporter)
  }
  // after an unknown key (probably a misspelt list) this would only repeat the problem
  const allKnown = node.kind === 'map' && node.entries.every((e) => SUBJECT_KEYS.includes(e.key))
  if (allKnown && namesNoFiles(subject)) {
    reporter.error(
      node.at,
      `subject \`${name}\` names no policy files`,
      'add at least one of `identity`, `boundary`, `resource`, `session`, `scp`, `rcp`'
    )
  }
  return subject
}

export function readSubjects(node: ConfigNode, reporter: Reporter): SubjectSpec[] {
  if (node.kind !== 'map') {
    reporter.error(node.at, '`subjects` must be a mapping of subject names to their policy files')
    return []
  }
  return node.entries.flatMap((entry) => readSubject(entry.key, entry.value, reporter) ?? [])
}

const REQUEST_KEYS = ['actions', 'resources', 'principals', 'context', 'resource-account']

function readContexts(
  node: ConfigNode,
  name: string,
  reporter: Reporter
): Record<string, ContextInput>[] {
  // a single mapping is one variant; a list holds several
  if (node.kind === 'map') return [readContext(node, name, reporter) ?? {}]
  if (node.kind !== 'list') {
    reporter.error(
      node.at,
      `\`${name}\` must be a list of context variants (mappings), not ${describe(node)}`
    )
    return []
  }
  const out: Record<string, ContextInput>[] = []
  node.items.forEach((item, i) => {
    const context = readContext(item, `${name}[${i}]`, reporter)
    if (context !== undefined) out.push(context)
  })
  return out
}

function readRequest(node: ConfigNode, name: string, reporter: Reporter): MatrixSpec | undefined {
  const map = readMap(node, name, REQUEST_KEYS, reporter)
  if (map === undefined) return undefined
  const get = (key: string): ConfigNode | undefined => map.get(key)?.value
  const list = (key: string): string[] => {
    const value = get(key)
    return value === undefined ? [] : (readStringList(value, `${name}.${key}`, reporter) ?? [])
  }
  const actions = list('actions')
  if (get('actions') === undefined) reporter.error(node.at, `\`${name}\` needs \`actions\``)
  const context = get('context')
  const account = get('resource-account')
  return {
    actions,
    resources: list('resources'),
    principals: list('principals'),
    contexts: context === undefined ? [] : readContexts(context, `${name}.context`, reporter),
    resourceAccount:
      account === undefined ? undefined : readAccount(account, `${name}.resource-account`, reporter)
  }
}

function readAccount(node: ConfigNode, name: string, reporter: Reporter): string | undefined {
  const text = readString(node, name, reporter)
  if (text === undefined || /^\d{12}$/.test(text)) return text
  reporter.error(node.at, `\`${name}\` must be a 12-digit account id, not \`${text}\``)
  return undefined
}

export function readRequests(node: ConfigNode, reporter: Reporter): MatrixSpec[] {
  if (node.kind !== 'list') {
    reporter.error(node.at, '`requests` must be a list of request matrices')
    return []
  }
  return node.items.flatMap((item, i) => readRequest(item, `requests[${i}]`, reporter) ?? [])
}
