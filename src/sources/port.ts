// Where policy files come from: a narrow port so the review does not care whether the two
// versions live in git, in two files or in two directories.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { FileStatus } from '../diff/report.js'

export type { FileStatus }

export type Side = 'base' | 'head'

export interface ChangedFile {
  /** repository-relative path with `/` separators (the head path for renames) */
  readonly path: string
  /** the base path of a renamed file; undefined otherwise */
  readonly previousPath: string | undefined
  readonly status: FileStatus
}

export interface PolicySource {
  /** how the base and head versions are named in the report, e.g. `origin/main`, `working tree` */
  readonly baseLabel: string
  readonly headLabel: string
  /**
   * true when every listed file was named by the user (`diff OLD.json NEW.json`): such a file is
   * reviewed whatever its extension, and one that is not a policy is reported, not ignored
   */
  readonly explicit?: boolean
  listChangedFiles(): Promise<ChangedFile[]>
  /** the file's text on that side; undefined when it does not exist there */
  readFile(path: string, side: Side): Promise<string | undefined>
  /** every file on that side (for subjects that combine unchanged files) */
  listFiles(side: Side): Promise<string[]>
}

/** A failure of the source itself (git, file system), carried as a diagnostic for the report. */
export class SourceError extends Error {
  readonly diagnostic: Diagnostic
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message)
    this.name = 'SourceError'
    this.diagnostic = diagnostic
  }
}
