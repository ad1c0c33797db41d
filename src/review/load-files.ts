// Changed files → the units to review: one per (file, policy document inside it), each side
// read, extracted (src/extract/, docs/SOURCES.md), paired by document location and parsed, with
// every position mapped back to the original file. A failure on one file (unreadable, too large,
// not reviewable, invalid) becomes diagnostics on that file; the others go on.
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js'
import type { DocumentReport } from '../diff/report.js'
import { extractFile } from '../extract/registry.js'
import {
  DEFAULT_FACTS,
  type DeploymentFacts,
  type ExtractedDocument,
  type Extraction,
  type ExtractOptions,
  type Unreviewable
} from '../extract/types.js'
import { parsePolicy } from '../policy/parse.js'
import type { Policy, PolicyKind } from '../policy/model.js'
import {
  createFileFilter,
  MAX_SOURCE_BYTES,
  screenText,
  type FileFilter,
  type Screening
} from '../sources/detect.js'
import { SourceError, type ChangedFile, type PolicySource, type Side } from '../sources/port.js'
import type { ReviewConfig } from '../config/types.js'
import { remapDiagnostic, remapPolicy, SourceLines } from './remap.js'
import { terraformModules } from './terraform-module.js'

/** A bare policy file is refused above this (AWS caps policies at a few KB). */
export const MAX_POLICY_BYTES = 1024 * 1024

export interface ParsedSide {
  /** the path on this side (the old path of a renamed file on the base side) */
  readonly path: string
  /** the file's text on this side (undefined: absent, or a bare policy compared as absent) */
  readonly text: string | undefined
  readonly policy: Policy | undefined
}

/** One reviewed unit: a bare policy file, or one policy document inside a file. */
export interface PolicyFile {
  /** the file; for a document, `status` is the document's (added when only the head has it) */
  readonly change: ChangedFile
  /** unique key of the unit (`Policy.file`): the path, or the path and the document location */
  readonly key: string
  /** the document inside the file; undefined for a bare policy file or the file as a whole */
  readonly document: DocumentReport | undefined
  readonly kind: PolicyKind
  readonly base: ParsedSide
  readonly head: ParsedSide
  readonly diagnostics: readonly Diagnostic[]
  /** an error on the head side: the unit cannot be reviewed */
  readonly failed: boolean
}

interface RawSide {
  readonly path: string
  readonly text: string | undefined
  readonly screening: Screening | undefined
  readonly error: Diagnostic | undefined
}

interface ExtractedSide {
  readonly raw: RawSide
  readonly extraction: Extraction | undefined
  /** problems of the side as a whole: too large, unreadable */
  readonly problems: readonly Diagnostic[]
}

/** One side of a changed file as extracted (the principal model reads every document of it). */
export interface ExtractedFileSide {
  readonly path: string
  readonly text: string | undefined
  readonly extraction: Extraction | undefined
}

export interface ExtractedFile {
  readonly change: ChangedFile
  readonly base: ExtractedFileSide
  readonly head: ExtractedFileSide
}

export interface LoadedFiles {
  readonly files: readonly PolicyFile[]
  readonly filter: FileFilter
  /** every changed file's extraction per side (src/review/principals.ts) */
  readonly extracted: readonly ExtractedFile[]
}

export interface LoadOptions {
  readonly facts?: DeploymentFacts
  /** static warnings on each head-side document (src/lint/), located in the document's text */
  readonly lint?: Linter
}

/** Warnings on a parsed document: pointers relative to it, spans in `text` (its JSON text). */
export type Linter = (policy: Policy, text: string) => readonly Diagnostic[]

/**
 * `roleKind` is the kind a configured subject gives a bare policy file (it wins over the
 * configured `kinds` globs, which win over the content).
 */
export async function loadPolicyFiles(
  source: PolicySource,
  changed: readonly ChangedFile[],
  config: ReviewConfig,
  roleKind: (path: string) => PolicyKind | undefined,
  options: LoadOptions = {}
): Promise<LoadedFiles> {
  const explicit = source.explicit === true
  const filter = createFileFilter(config)
  // a file the source extracts itself (a Terraform plan) was named by the user: always reviewed
  const selected = changed.filter(
    (c) =>
      source.extractChange !== undefined ||
      filter.selects(c.path) ||
      (c.previousPath !== undefined && filter.selects(c.previousPath))
  )
  // Terraform: `.tf` files fed by a changed `.tfvars` or template join the review
  const terraform = await terraformModules(source, selected, filter)
  const candidates = [...selected, ...terraform.dependents]
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
  await Promise.all(
    (['base', 'head'] as const).map((side) =>
      terraform.preload(
        side,
        sides.map((s) => s[side])
      )
    )
  )
  const facts = options.facts ?? DEFAULT_FACTS
  const baseOptions = { facts, ...terraform.options('base') }
  const headOptions = { facts, ...terraform.options('head') }
  const files: PolicyFile[] = []
  const extracted: ExtractedFile[] = []
  const keys = new Set<string>()
  for (const { change, base, head } of sides) {
    const configured = roleKind(change.path) ?? filter.configuredKind(change.path)
    const context: FileContext = {
      change,
      configured,
      warnOnly: filter.notReviewedIsWarning(change.path),
      keys,
      lint: options.lint
    }
    // a Terraform plan source reads both sides of its one file itself
    const own = source.extractChange?.(change.path, base.text, head.text, facts)
    const baseSide = own
      ? sourceExtracted(base, own.base)
      : extractSide(base, explicit, baseOptions)
    const extractedHead = own
      ? sourceExtracted(head, own.head)
      : extractSide(head, explicit, headOptions)
    const headSide = withModuleCalls(extractedHead, terraform.moduleCalls.get(change.path))
    // a template read by a reviewed `.tf` file is reviewed there, not as a file nobody reads
    if (terraform.consumed.has(change.path) && !holdsDocuments(baseSide, headSide)) continue
    files.push(...unitsOfFile(context, baseSide, headSide))
    extracted.push({ change, base: extractedSide(baseSide), head: extractedSide(headSide) })
  }
  return { files, filter, extracted }
}

async function readSide(source: PolicySource, change: ChangedFile, side: Side): Promise<RawSide> {
  const path = side === 'base' ? (change.previousPath ?? change.path) : change.path
  const absent =
    (side === 'base' && change.status === 'added') ||
    (side === 'head' && change.status === 'deleted')
  if (absent) return { path, text: undefined, screening: undefined, error: undefined }
  try {
    const text = await source.readFile(path, side)
    return {
      path,
      text,
      screening: text === undefined ? undefined : screenText(text),
      error: undefined
    }
  } catch (error) {
    const found =
      error instanceof SourceError
        ? error.diagnostic
        : diagnostic('file-unreadable', { message: `cannot read \`${path}\`: ${errorText(error)}` })
    return { path, text: undefined, screening: undefined, error: { ...found, file: change.path } }
  }
}

function extractedSide(side: ExtractedSide): ExtractedFileSide {
  return { path: side.raw.path, text: side.raw.text, extraction: side.extraction }
}

/** A side the source extracted itself (a Terraform plan); an unreadable side stays unreadable. */
function sourceExtracted(raw: RawSide, extraction: Extraction): ExtractedSide {
  if (raw.error !== undefined) return { raw, extraction: undefined, problems: [raw.error] }
  return { raw, extraction, problems: [] }
}

/** A changed module call the review cannot follow (terraform-module-calls.ts) is not reviewed. */
function withModuleCalls(
  side: ExtractedSide,
  calls: readonly Unreviewable[] | undefined
): ExtractedSide {
  if (calls === undefined || calls.length === 0 || side.raw.text === undefined) return side
  const extraction: Extraction = side.extraction ?? {
    format: 'unsupported',
    documents: [],
    unreviewable: [],
    diagnostics: []
  }
  return {
    ...side,
    extraction: { ...extraction, unreviewable: [...extraction.unreviewable, ...calls] }
  }
}

function holdsDocuments(base: ExtractedSide, head: ExtractedSide): boolean {
  return [base, head].some((s) => (s.extraction?.documents.length ?? 0) > 0)
}

/** One side through the extraction stage; a file named by the user is read as a policy at least. */
function extractSide(raw: RawSide, explicit: boolean, options: ExtractOptions): ExtractedSide {
  const { facts } = options
  if (raw.error !== undefined) return { raw, extraction: undefined, problems: [raw.error] }
  const { text, screening } = raw
  if (text === undefined || screening === undefined)
    return { raw, extraction: undefined, problems: [] }
  if (screening.kind === 'too-large') {
    if (!screening.iam && !explicit) return { raw, extraction: undefined, problems: [] }
    const message = `\`${raw.path}\` has ${screening.bytes} bytes, more than the ${MAX_SOURCE_BYTES} this tool reads`
    return { raw, extraction: undefined, problems: [diagnostic('file-too-large', { message })] }
  }
  if (screening.kind === 'binary' && !explicit) return { raw, extraction: undefined, problems: [] }
  let extraction = extractFile(raw.path, text, options)
  if (explicit && !holdsAnything(extraction))
    extraction = extractFile(raw.path, text, { facts, format: 'policy-json' })
  if (extraction.format === 'policy-json' && Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8')
    const message = `\`${raw.path}\` has ${bytes} bytes, more than the ${MAX_POLICY_BYTES} this tool reads as a policy`
    return { raw, extraction: undefined, problems: [diagnostic('file-too-large', { message })] }
  }
  return { raw, extraction, problems: [] }
}

/** Whether an extraction found anything at all (else the file is unrelated and skipped). */
function holdsAnything(extraction: Extraction): boolean {
  return (
    extraction.documents.length > 0 ||
    extraction.unreviewable.length > 0 ||
    extraction.diagnostics.length > 0
  )
}

interface FileContext {
  readonly change: ChangedFile
  /** the kind a subject or a `kinds` glob gives the file (bare policy files only) */
  readonly configured: PolicyKind | undefined
  /** `not-reviewed.warn` matches the file */
  readonly warnOnly: boolean
  /** unit keys already taken (made unique across the review) */
  readonly keys: Set<string>
  readonly lint: Linter | undefined
}

/** Whole-file problems of one side, as they count for the review. */
function fileProblems(
  side: ExtractedSide,
  which: Side,
  otherPresent: boolean,
  warnOnly: boolean
): Diagnostic[] {
  const out: Diagnostic[] = []
  // an invalid base version was never in force (AWS rejects invalid policies): its errors are
  // warnings; an unreadable side cannot be compared at all
  const tag = (d: Diagnostic, unreadable: boolean): Diagnostic => {
    if (which === 'head') return d
    if (d.severity === 'error' && !unreadable)
      return {
        ...d,
        severity: 'warning',
        message: `base version (compared as absent): ${d.message}`
      }
    return { ...d, message: `base version: ${d.message}` }
  }
  // unreviewable content in a deleted file still counts: it may have been a deny
  const demote = which === 'base' && otherPresent
  for (const d of side.problems) out.push(tag(d, d.code === 'file-unreadable'))
  const x = side.extraction
  if (x === undefined) return out
  for (const d of x.diagnostics) out.push(tag(d, false))
  for (const u of x.unreviewable) {
    const span =
      u.position === undefined
        ? undefined
        : { start: 0, end: 0, line: u.position.line, column: u.position.column }
    const found = diagnostic('source-not-reviewed', {
      message: `${u.what}: ${u.reason}`,
      help: u.fix,
      span
    })
    if (demote) {
      out.push({
        ...found,
        severity: 'warning',
        message: `base version not reviewed (compared as absent): ${found.message}`
      })
    } else {
      const shown =
        which === 'base' ? { ...found, message: `base version: ${found.message}` } : found
      out.push(warnOnly ? { ...shown, severity: 'warning' } : shown)
    }
  }
  return out
}

function unitsOfFile(context: FileContext, base: ExtractedSide, head: ExtractedSide): PolicyFile[] {
  const { change } = context
  const relevant = [base, head].some(
    (s) =>
      s.problems.length > 0 ||
      (s.extraction !== undefined &&
        (s.extraction.format !== 'unsupported' || holdsAnything(s.extraction)))
  )
  if (!relevant) return []
  const headPresent = head.raw.text !== undefined || head.raw.error !== undefined
  const basePresent = base.raw.text !== undefined || base.raw.error !== undefined
  const problems = [
    ...fileProblems(base, 'base', headPresent, context.warnOnly),
    ...fileProblems(head, 'head', basePresent, context.warnOnly)
  ].map((d) => ({ ...d, file: change.path }))
  const unreadable = base.raw.error !== undefined || head.raw.error !== undefined
  const baseDocs = byLocation(unreadable ? [] : (base.extraction?.documents ?? []))
  const headDocs = byLocation(unreadable ? [] : (head.extraction?.documents ?? []))
  const locations = [...new Set([...headDocs.keys(), ...baseDocs.keys()])].sort(compareText)
  const units: PolicyFile[] = []
  for (const location of locations) {
    const unit = parseUnit(
      context,
      location,
      base,
      head,
      baseDocs.get(location),
      headDocs.get(location)
    )
    if (unit !== undefined) units.push(unit)
  }
  if (problems.length === 0) return units
  // whole-file problems go on the bare document if there is one, else on a unit of their own
  // (errors) or on the first document (warnings only)
  const bare = units.findIndex((u) => u.document === undefined)
  const target = bare >= 0 ? bare : hasErrors(problems) || units.length === 0 ? -1 : 0
  if (target >= 0) {
    const unit = units[target] as PolicyFile
    units[target] = {
      ...unit,
      diagnostics: [...problems, ...unit.diagnostics],
      failed: unit.failed || hasErrors(problems)
    }
    return units
  }
  const kind = context.configured ?? 'identity'
  const whole: PolicyFile = {
    change,
    key: takeKey(context.keys, change.path),
    document: undefined,
    kind,
    base: { path: base.raw.path, text: base.raw.text, policy: undefined },
    head: { path: head.raw.path, text: head.raw.text, policy: undefined },
    diagnostics: problems,
    failed: hasErrors(problems)
  }
  return [whole, ...units]
}

/** Documents of one side by location; a location repeated on one side gets a suffix. */
function byLocation(documents: readonly ExtractedDocument[]): Map<string, ExtractedDocument> {
  const out = new Map<string, ExtractedDocument>()
  for (const doc of documents) {
    let location = doc.location
    for (let n = 2; out.has(location); n++) location = `${doc.location} (${n})`
    out.set(location, location === doc.location ? doc : { ...doc, location })
  }
  return out
}

function takeKey(keys: Set<string>, wanted: string): string {
  let key = wanted
  for (let n = 2; keys.has(key); n++) key = `${wanted} (${n})`
  keys.add(key)
  return key
}

function parseUnit(
  context: FileContext,
  location: string,
  base: ExtractedSide,
  head: ExtractedSide,
  baseDoc: ExtractedDocument | undefined,
  headDoc: ExtractedDocument | undefined
): PolicyFile | undefined {
  const { change } = context
  const bare = location === ''
  // an unchanged document inside a changed file is not part of the change
  if (
    !bare &&
    baseDoc !== undefined &&
    headDoc !== undefined &&
    baseDoc.text === headDoc.text &&
    baseDoc.kind === headDoc.kind &&
    !hasErrors(headDoc.diagnostics)
  )
    return undefined
  const extracted = (bare ? context.configured : undefined) ?? documentKind(baseDoc, headDoc)
  const key = takeKey(context.keys, bare ? change.path : `${change.path}#${location}`)
  const parsedHead = parseSide(headDoc, head, extracted, key, change.path, context.lint)
  const parsedBase = parseSide(baseDoc, base, extracted, key, change.path)
  // an invalid base version was never in force (AWS rejects invalid policies): the head is
  // compared with no policy, and the base's problems are reported as warnings
  const baseInvalid = hasErrors(parsedBase.diagnostics)
  const baseDiagnostics = parsedBase.diagnostics.map((d) =>
    d.severity === 'error'
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
  const doc = headDoc ?? baseDoc
  const document: DocumentReport | undefined =
    bare || doc === undefined
      ? undefined
      : {
          location,
          name: doc.name,
          kind: doc.kind,
          format: (headDoc ? head : base).extraction?.format ?? 'unsupported',
          attachedTo: doc.attachedTo,
          placeholders: doc.placeholders
        }
  const status =
    bare || (baseDoc !== undefined && headDoc !== undefined)
      ? change.status
      : headDoc === undefined
        ? 'deleted'
        : 'added'
  return {
    change:
      status === change.status ? change : { path: change.path, previousPath: undefined, status },
    key,
    document,
    kind: extracted,
    base: {
      path: base.raw.path,
      text: baseInvalid && bare ? undefined : base.raw.text,
      policy: baseInvalid ? undefined : parsedBase.policy
    },
    head: { path: head.raw.path, text: head.raw.text, policy: parsedHead.policy },
    diagnostics,
    failed: hasErrors(parsedHead.diagnostics)
  }
}

/** The source's kind; a document that is resource-based on either side stays resource-based. */
function documentKind(
  base: ExtractedDocument | undefined,
  head: ExtractedDocument | undefined
): PolicyKind {
  if (base?.kind === 'resource' || head?.kind === 'resource') return 'resource'
  return head?.kind ?? base?.kind ?? 'identity'
}

/** Parses one side's document and maps every position back to the original file. */
function parseSide(
  doc: ExtractedDocument | undefined,
  side: ExtractedSide,
  kind: PolicyKind,
  key: string,
  file: string,
  lint?: Linter
): { policy: Policy | undefined; diagnostics: readonly Diagnostic[] } {
  if (doc === undefined) return { policy: undefined, diagnostics: [] }
  const parsed = parsePolicy(doc.text, { file: key, kind })
  const warnings =
    lint === undefined || parsed.policy === undefined ? [] : lint(parsed.policy, doc.text)
  const result = { ...parsed, diagnostics: [...parsed.diagnostics, ...warnings] }
  const original = side.raw.text ?? ''
  // a bare policy file is its own document: positions are already the file's
  if (doc.text === original)
    return { policy: result.policy, diagnostics: [...doc.diagnostics, ...result.diagnostics] }
  const lines = new SourceLines(original)
  const diagnostics = [
    ...doc.diagnostics,
    ...result.diagnostics.map((d) => remapDiagnostic(d, doc, lines))
  ].map((d) => ({ ...d, file }))
  return {
    policy: result.policy === undefined ? undefined : remapPolicy(result.policy, doc, lines),
    diagnostics
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
}
