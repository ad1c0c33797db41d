// Which changed files are candidates for the review, before the extraction stage
// (src/extract/, docs/SOURCES.md) decides what each holds.
//
// A candidate is any changed file, whatever its name, that passes the configured include/exclude
// globs. Screening is cheap: a binary file or one far too large is never parsed; every other
// text goes through the extractors' `claims` and `sniffUnreviewable`, so unrelated files
// (package.json, README.md) are skipped without a word while anything IAM-bearing is either
// reviewed or reported as not reviewed.
import picomatch from 'picomatch'
import type { ReviewConfig } from '../config/types.js'
import type { PolicyKind } from '../policy/model.js'

/**
 * Text beyond this is never parsed: refused (`file-too-large`) when it looks IAM-bearing,
 * ignored otherwise. The extractors apply their own, smaller limits (a template: 4 MiB).
 */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024

/** Bytes looked at for a NUL to tell a binary file (as git does). */
const BINARY_PROBE = 8000

export type Screening =
  | { readonly kind: 'text' }
  /** a NUL in the first bytes: an image, an archive… never a policy */
  | { readonly kind: 'binary' }
  /** `iam`: the text mentions IAM policy markers, so refusing it must be reported */
  | { readonly kind: 'too-large'; readonly bytes: number; readonly iam: boolean }

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
  /** true when the path is inside the include globs and outside the exclude globs */
  readonly selects: (file: string) => boolean
  /** the configured kind of the first matching `kinds` glob */
  readonly configuredKind: (file: string) => PolicyKind | undefined
  /** true when the file's unreviewable content is a warning (`not-reviewed.warn`), not an error */
  readonly notReviewedIsWarning: (file: string) => boolean
}

export function createFileFilter(config: ReviewConfig): FileFilter {
  const include = config.include.length === 0 ? () => true : compileGlobs(config.include)
  const exclude = compileGlobs(config.exclude)
  const warn = compileGlobs(config.notReviewedWarn)
  const kinds = config.kinds.map((entry) => ({
    matches: compileGlobs([entry.glob]),
    kind: entry.kind
  }))
  return {
    selects: (file) => include(file) && !exclude(file),
    configuredKind: (file) => kinds.find((entry) => entry.matches(file))?.kind,
    notReviewedIsWarning: warn
  }
}

const IAM_MARKERS = /Statement|AWS::IAM::|iamRoleStatements|aws_iam_|PolicyDocument/

/** Classifies one version of a file cheaply (no parse): text, binary, or too large. */
export function screenText(text: string): Screening {
  if (text.length > MAX_SOURCE_BYTES / 4) {
    const bytes = Buffer.byteLength(text, 'utf8')
    if (bytes > MAX_SOURCE_BYTES) return { kind: 'too-large', bytes, iam: IAM_MARKERS.test(text) }
  }
  if (text.slice(0, BINARY_PROBE).includes('\0')) return { kind: 'binary' }
  return { kind: 'text' }
}
