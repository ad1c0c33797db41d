// Links from the comment to a line of a file on GitHub: `[line 29](<…/blob/SHA/infra/deploy.yaml#L29>)`.
// The action builds the link bases from the run (server, repository, the head and base commits,
// src/github/links.ts); the command line has none and keeps plain "line N". Paths are
// percent-encoded per segment, so no file name can end the link or the Markdown around it.
import type { FileReport } from '../diff/report.js'
import type { StatementRef } from '../engine/types.js'
import { fileKey } from './units.js'

export interface LinkBase {
  /** the repository at the head commit, ending in `/`: `https://github.com/o/r/blob/<sha>/` */
  readonly head: string
  /** the same at the base commit: deleted files and statements of the old version */
  readonly base?: string
}

export type Side = 'base' | 'head'

/** What a link base must look like: http(s), no character that could end a link or a cell. */
const SAFE_BASE = /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~%!$&'*+,;=:@-]+)*\/$/

export function isLinkBase(url: string | undefined): url is string {
  return url !== undefined && SAFE_BASE.test(url)
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** One path segment, percent-encoded: only letters, digits and `-._~` stay, `.`/`..` too are encoded. */
export function encodeSegment(segment: string): string {
  const encoded = encodeURIComponent(segment.replace(LONE_SURROGATE, '\ufffd')).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`
  )
  return encoded === '.' || encoded === '..' ? encoded.replaceAll('.', '%2E') : encoded
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/')
}

/** The URL of `path` at one side's commit, at `line` when given; undefined without a base. */
export function fileUrl(
  links: LinkBase | undefined,
  side: Side,
  path: string,
  line: number | undefined
): string | undefined {
  const base = side === 'head' ? links?.head : links?.base
  if (!isLinkBase(base) || path === '') return undefined
  const anchor = line !== undefined && Number.isSafeInteger(line) && line > 0 ? `#L${line}` : ''
  return `${base}${encodePath(path)}${anchor}`
}

/** Resolves statement references and file units to URLs, or undefined (no link). */
export interface Linker {
  /** a deciding statement, on the head side (new decision) or the base side (`was …`) */
  statement(ref: StatementRef, side: Side): string | undefined
  /** a line of a reviewed unit's file: the head version, the base one for a deleted file */
  line(file: FileReport, line: number | undefined): string | undefined
}

export const NO_LINKS: Linker = {
  statement: () => undefined,
  line: () => undefined
}

export function createLinker(files: readonly FileReport[], links: LinkBase | undefined): Linker {
  if (links === undefined || !isLinkBase(links.head)) return NO_LINKS
  const byKey = new Map(files.map((f) => [fileKey(f), f]))
  const pathOn = (file: FileReport, side: Side): string =>
    side === 'base' ? (file.previousFile ?? file.file) : file.file
  return {
    statement(ref, side) {
      const file = byKey.get(ref.file)
      if (file !== undefined) return fileUrl(links, side, pathOn(file, side), ref.line)
      // an unchanged member of a subject is a bare file: its key is its path; a key with `#`
      // names a document whose path cannot be told apart from its location
      if (ref.file.includes('#')) return undefined
      return fileUrl(links, side, ref.file, ref.line)
    },
    line(file, line) {
      const side: Side = file.status === 'deleted' ? 'base' : 'head'
      return fileUrl(links, side, pathOn(file, side), line)
    }
  }
}
