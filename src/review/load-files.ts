// Changed files → the policy files to review, each side read, detected and parsed. A failure on
// one file (unreadable, too large, invalid) becomes diagnostics on that file; the others go on.
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import { parsePolicy } from '../policy/parse.js'
import type { Policy, PolicyKind } from '../policy/model.js'
import {
  createFileFilter,
  decideKind,
  detectPolicy,
  MAX_POLICY_BYTES,
  type Detection,
  type FileFilter
} from '../sources/detect.js'
import { SourceError, type ChangedFile, type PolicySource, type Side } from '../sources/port.js'
import type { ReviewConfig } from '../config/types.js'

export interface ParsedSide {
  /** the path on this side (the old path of a renamed file on the base side) */
  readonly path: string
  readonly text: string | undefined
  readonly policy: Policy | undefined
}

export interface PolicyFile {
  readonly change: ChangedFile
  readonly kind: PolicyKind
  readonly base: ParsedSide
  readonly head: ParsedSide
  readonly diagnostics: readonly Diagnostic[]
  /** an error on either side: the file cannot be reviewed */
  readonly failed: boolean
}

interface RawSide {
  readonly path: string
  readonly text: string | undefined
  readonly detection: Detection | undefined
  readonly error: Diagnostic | undefined
}

export interface LoadedFiles {
  readonly files: readonly PolicyFile[]
  readonly filter: FileFilter
}

/**
 * `roleKind` is the kind a configured subject gives the file (it wins over the configured
 * `kinds` globs, which win over the content).
 */
export async function loadPolicyFiles(
  source: PolicySource,
  changed: readonly ChangedFile[],
  config: ReviewConfig,
  roleKind: (path: string) => PolicyKind | undefined
): Promise<LoadedFiles> {
  const explicit = source.explicit === true
  const filter = createFileFilter(config, { anyName: explicit })
  const candidates = changed.filter(
    (c) =>
      filter.selects(c.path) || (c.previousPath !== undefined && filter.selects(c.previousPath))
  )
  // all reads start together: the git source serves them with one process per side
  const sides = await Promise.all(
    candidates.map(async (change) => {
      const [base, head] = await Promise.all([
        readSide(source, change, 'base'),
        readSide(source, change, 'head')
      ])
      return { change, base, head }
    })
  )
  const files: PolicyFile[] = []
  for (const { change, base, head } of sides) {
    if (!explicit && !isPolicyCandidate(base) && !isPolicyCandidate(head)) continue
    const configured = roleKind(change.path) ?? filter.configuredKind(change.path)
    files.push(parseFile(change, base, head, configured))
  }
  return { files, filter }
}

async function readSide(source: PolicySource, change: ChangedFile, side: Side): Promise<RawSide> {
  const path = side === 'base' ? (change.previousPath ?? change.path) : change.path
  const absent =
    (side === 'base' && change.status === 'added') ||
    (side === 'head' && change.status === 'deleted')
  if (absent) return { path, text: undefined, detection: undefined, error: undefined }
  try {
    const text = await source.readFile(path, side)
    return {
      path,
      text,
      detection: text === undefined ? undefined : detectPolicy(text),
      error: undefined
    }
  } catch (error) {
    const found =
      error instanceof SourceError
        ? error.diagnostic
        : diagnostic('file-unreadable', { message: `cannot read \`${path}\`: ${errorText(error)}` })
    return { path, text: undefined, detection: undefined, error: { ...found, file: change.path } }
  }
}

/** A side that is (or tried to be) a policy; read errors count, since the file may be one. */
function isPolicyCandidate(side: RawSide): boolean {
  return (
    side.error !== undefined || (side.detection !== undefined && side.detection.kind !== 'other')
  )
}

function parseFile(
  change: ChangedFile,
  base: RawSide,
  head: RawSide,
  configured: PolicyKind | undefined
): PolicyFile {
  const kind = decideKind(
    configured,
    [base.detection, head.detection].filter((d) => d !== undefined)
  )
  const parsedHead = parseRawSide(head, kind, change.path)
  const parsedBase = parseRawSide(base, kind, change.path)
  // an invalid base version was never in force (AWS rejects invalid policies): the head is
  // compared with no policy, and the base's problems are reported as warnings
  const unreadable = base.error !== undefined
  const baseInvalid = !unreadable && hasErrors(parsedBase.diagnostics)
  const baseDiagnostics = parsedBase.diagnostics.map((d) =>
    d.severity === 'error' && !unreadable
      ? {
          ...d,
          severity: 'warning' as const,
          message: `base version (compared as absent): ${d.message}`
        }
      : { ...d, message: `base version: ${d.message}` }
  )
  const diagnostics = [...baseDiagnostics, ...parsedHead.diagnostics].map((d) => ({
    ...d,
    file: change.path
  }))
  return {
    change,
    kind,
    base: { path: base.path, text: baseInvalid ? undefined : base.text, policy: parsedBase.policy },
    head: { path: head.path, text: head.text, policy: parsedHead.policy },
    diagnostics,
    failed: unreadable || hasErrors(parsedHead.diagnostics)
  }
}

function parseRawSide(
  side: RawSide,
  kind: PolicyKind,
  file: string
): { policy: Policy | undefined; diagnostics: readonly Diagnostic[] } {
  if (side.error !== undefined) return { policy: undefined, diagnostics: [side.error] }
  if (side.text === undefined || side.detection === undefined)
    return { policy: undefined, diagnostics: [] }
  if (side.detection.kind === 'too-large') {
    const message = `\`${file}\` has ${side.detection.bytes} bytes, more than the ${MAX_POLICY_BYTES} this tool reads as a policy`
    return { policy: undefined, diagnostics: [diagnostic('file-too-large', { message, file })] }
  }
  const result = parsePolicy(side.text, { file: side.path, kind })
  return { policy: result.policy, diagnostics: result.diagnostics }
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
