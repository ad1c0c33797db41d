// Path conventions shared by the sources: `/`-separated, repository-relative, byte order.
import path from 'node:path'

/** A path as shown to users and matched by globs: `/` separators on every platform. */
export function toDisplayPath(file: string): string {
  return file.split(path.sep).join('/')
}

/** Relative, `/`-separated, no `..`: anything else never names a file of the repository. */
export function isRepoPath(file: string): boolean {
  return file !== '' && !path.isAbsolute(file) && !file.split('/').some((part) => part === '..')
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
