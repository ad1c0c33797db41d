// Where policy files come from: a narrow port so the review does not care whether the two
// versions live in git, in two files or in two directories.
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import type { FileStatus } from '../diff/report.js'
import type { DeploymentFacts, Extraction } from '../extract/types.js'

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
  /**
   * Optional: the source reads a changed file's two sides itself instead of the extraction stage
   * (a Terraform plan holds the values before and after the change in one file); undefined: the
   * extraction stage reads each side as usual.
   */
  extractChange?(
    path: string,
    base: string | undefined,
    head: string | undefined,
    facts: DeploymentFacts
  ): SourceExtraction | undefined
}

/** Both sides of one changed file, extracted by the source. */
export interface SourceExtraction {
  readonly base: Extraction
  readonly head: Extraction
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
