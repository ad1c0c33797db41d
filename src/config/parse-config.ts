// parseConfig: the review configuration (`.github/iam-policy-diff.yml`, YAML or JSON) →
// ReviewConfig. Never throws on user input: every problem is a located `config-invalid` error,
// and the config returned is DEFAULT_CONFIG with the valid parts applied (docs/CONFIGURATION.md).
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js'
import { createReporter, parseConfigNode, type ConfigNode, type Reporter } from './config-node.js'
import { readPolicies, readRequests, readSubjects } from './config-sections.js'
import { readBool, readMap, readPositiveInteger, readStringList } from './read-values.js'
import { parseFailOn } from '../risk/fail-on.js'
import { DEFAULT_CONFIG, type FailOn, type ReviewConfig } from './types.js'

export const CONFIG_KEYS = [
  'policies',
  'subjects',
  'requests',
  'auto',
  'fail-on',
  'max-requests',
  'not-reviewed'
]

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function readRoot(root: ConfigNode, reporter: Reporter): ReviewConfig {
  const config: Mutable<ReviewConfig> = { ...DEFAULT_CONFIG }
  const map = readMap(root, '', CONFIG_KEYS, reporter)
  if (map === undefined) return config
  const node = (key: string): ConfigNode | undefined => map.get(key)?.value
  const policies = node('policies')
  if (policies !== undefined) Object.assign(config, readPolicies(policies, reporter))
  const subjects = node('subjects')
  if (subjects !== undefined) config.subjects = readSubjects(subjects, reporter)
  const requests = node('requests')
  if (requests !== undefined) config.requests = readRequests(requests, reporter)
  const auto = node('auto')
  if (auto !== undefined) config.auto = readBool(auto, 'auto', reporter) ?? config.auto
  const failOn = node('fail-on')
  if (failOn !== undefined) config.failOn = readFailOn(failOn, reporter) ?? config.failOn
  const max = node('max-requests')
  if (max !== undefined) {
    config.maxRequestsPerSubject =
      readPositiveInteger(max, 'max-requests', reporter) ?? config.maxRequestsPerSubject
  }
  const notReviewed = node('not-reviewed')
  if (notReviewed !== undefined) {
    const section = readMap(notReviewed, 'not-reviewed', ['warn'], reporter)
    const warn = section?.get('warn')
    if (warn !== undefined)
      config.notReviewedWarn = readStringList(warn.value, 'not-reviewed.warn', reporter) ?? []
  }
  return config
}

/** `fail-on: public,privilege-escalation` or a list of the same names (src/risk/fail-on.ts). */
function readFailOn(node: ConfigNode, reporter: Reporter): FailOn | undefined {
  const entries = readStringList(node, 'fail-on', reporter)
  if (entries === undefined) return undefined
  const parsed = parseFailOn(entries.join(','))
  if (parsed.ok) return parsed.value
  reporter.error(node.at, `\`fail-on\`: ${parsed.message}`)
  return undefined
}

/** Parses and validates a configuration file; `file` names it in diagnostics. */
export function parseConfig(
  text: string,
  file: string
): { config: ReviewConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const reporter = createReporter(file, diagnostics)
  const root = parseConfigNode(text, reporter)
  let config = DEFAULT_CONFIG
  if (root?.kind === 'map') config = readRoot(root, reporter)
  else if (root !== undefined && !(root.kind === 'scalar' && root.value === null)) {
    reporter.error(
      root.at,
      'the configuration must be a mapping of settings (e.g. `policies:`, `requests:`)'
    )
  }
  return { config, diagnostics: sortDiagnostics(diagnostics) }
}
