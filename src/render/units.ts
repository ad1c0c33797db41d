// A reviewed unit is a bare policy file, or one policy document inside a file (a template, CLI
// output: docs/SOURCES.md). Renderers name a document by its file and its name, e.g.
// `infra/deploy.yaml` › DeployRole › inline policy s3-write, and match statement references
// (`StatementRef.file`, the unit key) against it.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { unitKey, type FileReport } from '../diff/report.js'
import { codeSpan, escapeText, visibleControls } from './markdown.js'

/** The key statement references of this unit carry (`StatementRef.file`). */
export function fileKey(file: Pick<FileReport, 'file' | 'document'>): string {
  return unitKey(file.file, file.document?.location)
}

/** The unit of a row group (groups never mix units). */
export function groupUnitKey(group: {
  readonly file: string
  readonly document: string | undefined
}): string {
  return unitKey(group.file, group.document)
}

/** Inline Markdown: the path as code, then the document's name as escaped text. */
export function unitTitle(file: Pick<FileReport, 'file' | 'document'>): string {
  const path = codeSpan(file.file)
  return file.document === undefined ? path : `${path} › ${escapeText(file.document.name)}`
}

/** Terminal text: `infra/deploy.yaml › DeployRole › inline policy s3-write`. */
export function unitText(file: Pick<FileReport, 'file' | 'document'>): string {
  const path = visibleControls(file.file)
  return file.document === undefined ? path : `${path} › ${visibleControls(file.document.name)}`
}

/**
 * A unit whose IAM content is not reviewed but only warned about (`not-reviewed.warn`): listed
 * with what was not reviewed, never as a no-op edit.
 */
export function warnedNotReviewed(file: FileReport): boolean {
  return (
    file.outcome !== 'error' &&
    file.diagnostics.some((d: Diagnostic) => d.code === 'source-not-reviewed')
  )
}
