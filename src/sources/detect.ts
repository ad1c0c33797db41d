// Which changed files are IAM policies, and of which kind.
//
// What counts as a policy (docs/REPORT.md): a file whose name ends in `.json` (any case), that
// passes the configured include/exclude globs, and whose top level is a JSON object with a
// `Statement` key. Other JSON (package.json, tsconfig.json) is ignored without a word. A file
// that is not valid JSON but whose text contains `"Statement"` is a policy someone broke: it
// is reviewed, so the parser reports where it is broken.
import picomatch from 'picomatch'
import type { ReviewConfig } from '../config/types.js'
import type { PolicyKind } from '../policy/model.js'

/** Policies are small (AWS caps them at a few KB); anything over this is refused, not parsed. */
export const MAX_POLICY_BYTES = 1024 * 1024

export type Detection =
  /** a JSON object with a `Statement` key; `principals` = some statement names a principal */
  | { readonly kind: 'policy'; readonly principals: boolean }
  /** not JSON, but it mentions `"Statement"`: reviewed so that the parser locates the error */
  | { readonly kind: 'broken' }
  | { readonly kind: 'too-large'; readonly bytes: number }
  | { readonly kind: 'other' }

export type PathMatcher = (file: string) => boolean

/** Globs match the whole `/`-separated path; a glob without `/` matches the file name anywhere. */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  // picomatch's `basename` option would apply to every glob, so it is set per glob
  const matchers = globs.map((glob) =>
    picomatch(glob, { dot: true, basename: !glob.includes('/') })
  )
  return (file) => matchers.some((matches) => matches(file))
}

export interface FileFilter {
  /** true when the path is a `.json` file inside the include globs and outside the exclude globs */
  readonly selects: (file: string) => boolean
  /** the configured kind of the first matching `kinds` glob */
  readonly configuredKind: (file: string) => PolicyKind | undefined
}

export function createFileFilter(config: ReviewConfig, options: { anyName: boolean }): FileFilter {
  const include = config.include.length === 0 ? () => true : compileGlobs(config.include)
  const exclude = compileGlobs(config.exclude)
  const kinds = config.kinds.map((entry) => ({
    matches: compileGlobs([entry.glob]),
    kind: entry.kind
  }))
  return {
    selects: (file) =>
      (options.anyName || file.toLowerCase().endsWith('.json')) && include(file) && !exclude(file),
    configuredKind: (file) => kinds.find((entry) => entry.matches(file))?.kind
  }
}

/** Classifies one version of a file by its text (cheap: one JSON.parse, no located tree). */
export function detectPolicy(text: string): Detection {
  const mentionsStatement = text.includes('"Statement"')
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_POLICY_BYTES)
    return mentionsStatement ? { kind: 'too-large', bytes } : { kind: 'other' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return mentionsStatement ? { kind: 'broken' } : { kind: 'other' }
  }
  if (!isPlainObject(value) || !Object.hasOwn(value, 'Statement')) return { kind: 'other' }
  return { kind: 'policy', principals: namesPrincipal(value['Statement']) }
}

/** Kind from the configuration, else from the content: a Principal makes it resource-based. */
export function decideKind(
  configured: PolicyKind | undefined,
  detections: readonly Detection[]
): PolicyKind {
  if (configured) return configured
  return detections.some((d) => d.kind === 'policy' && d.principals) ? 'resource' : 'identity'
}

function namesPrincipal(statement: unknown): boolean {
  const statements = Array.isArray(statement) ? (statement as unknown[]) : [statement]
  return statements.some(
    (s) => isPlainObject(s) && (Object.hasOwn(s, 'Principal') || Object.hasOwn(s, 'NotPrincipal'))
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
