// Terraform modules span files: a `.tf` file's policy may take `var.x` from `terraform.tfvars`
// or `variables.tf`, and its text from `file()` / `templatefile()`. The extraction stage is
// synchronous and reads nothing, so the review pre-reads, for every `.tf` file it extracts,
// the other `.tf` and `.tfvars` files of its folder and the files its string literals name, on
// the same side of the change, and hands the extractor a lookup over them (`readSibling`,
// `listFolder`). Paths outside the repository are never read.
//
// A change to a `.tfvars` file, or to a file a `.tf` file names (a policy template), changes
// the policies of the `.tf` files that use it although they are not in the change: those `.tf`
// files (the same folder for `.tfvars`; the same or a parent folder naming the file for
// templates) are added to the review as changed, and a template reviewed through them is not
// also reported as a templated file nobody reads.
import { siblingPath } from '../extract/terraform/functions.js'
import type { ExtractOptions, Unreviewable } from '../extract/types.js'
import type { FileFilter } from '../sources/detect.js'
import { isRepoPath } from '../sources/paths.js'
import type { ChangedFile, PolicySource, Side } from '../sources/port.js'
import {
  changedCalls,
  holdsIam,
  inputsDigest,
  localModuleCalls,
  moduleCallUnreviewable,
  usesInputs
} from './terraform-module-calls.js'

const MAX_FOLDER_FILES = 200
const MAX_NAMED_FILES = 100
const MAX_PARENT_LEVELS = 4
/** files a `.tf` file can name: templates, policies, variable files (not code, not binaries) */
const TEMPLATE_LIKE = /\.(?:tftpl|tpl|tmpl|j2|json|ya?ml|txt|hcl|tfvars)$/i

export interface TerraformModules {
  /** `.tf` files the change affects through their `.tfvars` or templates, not changed themselves */
  readonly dependents: readonly ChangedFile[]
  /** changed files read by a reviewed `.tf` file (reported through it) */
  readonly consumed: ReadonlySet<string>
  /**
   * changed Terraform files whose local module calls pass different arguments into a module
   * whose policies take variables: not reviewed (terraform-module-calls.ts)
   */
  readonly moduleCalls: ReadonlyMap<string, readonly Unreviewable[]>
  /** pre-reads what the extraction of these `.tf` texts needs, on one side */
  preload(side: Side, files: readonly { path: string; text: string | undefined }[]): Promise<void>
  /** the extraction options of one side: sibling look-ups over what was pre-read */
  options(side: Side): Pick<ExtractOptions, 'readSibling' | 'listFolder'>
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

export function isTerraformFile(path: string): boolean {
  const lower = path.toLowerCase()
  return lower.endsWith('.tf') || lower.endsWith('.tf.json')
}

function isVarFile(path: string): boolean {
  const lower = path.toLowerCase()
  return lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json')
}

/** `dir/x`, `${path.module}/x`, `./x`, `../x` relative to `folder`; undefined outside the repo. */
export function resolveNamed(folder: string, written: string): string | undefined {
  const relative = written.replace(/^\$\{path\.(?:module|root|cwd)\}\//, '')
  if (relative.includes('${') || relative.startsWith('/') || /^[A-Za-z]:/.test(relative))
    return undefined
  // siblingPath resolves against a file's folder: name a file inside `folder`
  const path = siblingPath(folder === '' ? 'x' : `${folder}/x`, relative)
  if (path === undefined) return undefined
  return isRepoPath(path) ? path : undefined
}

/** The paths the string literals of a `.tf` text name (a cheap scan, not a parse). */
export function namedPaths(path: string, text: string): string[] {
  const out = new Set<string>()
  const folder = folderOf(path)
  for (const match of text.matchAll(/"((?:\$\{path\.(?:module|root|cwd)\}\/)?[^"\s$]{1,300})"/g)) {
    const written = match[1] ?? ''
    if (!written.includes('.') || written.endsWith('.tf')) continue
    const resolved = resolveNamed(folder, written)
    if (resolved !== undefined) out.add(resolved)
    if (out.size >= MAX_NAMED_FILES) break
  }
  return [...out]
}

interface SideState {
  listing: readonly string[] | undefined
  byFolder: Map<string, string[]>
  texts: Map<string, string | undefined>
}

export async function terraformModules(
  source: PolicySource,
  changed: readonly ChangedFile[],
  filter: FileFilter
): Promise<TerraformModules> {
  const state: Record<Side, SideState> = {
    base: { listing: undefined, byFolder: new Map(), texts: new Map() },
    head: { listing: undefined, byFolder: new Map(), texts: new Map() }
  }
  const relevant = changed.some(
    (c) =>
      isTerraformFile(c.path) ||
      TEMPLATE_LIKE.test(c.path) ||
      (c.previousPath !== undefined && TEMPLATE_LIKE.test(c.previousPath))
  )
  const listing = async (side: Side): Promise<readonly string[]> => {
    const s = state[side]
    if (s.listing === undefined) {
      s.listing = await source.listFiles(side).catch(() => [])
      for (const file of s.listing) {
        const folder = folderOf(file)
        let list = s.byFolder.get(folder)
        if (!list) s.byFolder.set(folder, (list = []))
        list.push(file)
      }
    }
    return s.listing
  }
  const read = async (side: Side, path: string): Promise<string | undefined> => {
    const s = state[side]
    if (s.texts.has(path)) return s.texts.get(path)
    const text = isRepoPath(path)
      ? await source.readFile(path, side).catch(() => undefined)
      : undefined
    s.texts.set(path, text)
    return text
  }
  const dependents: ChangedFile[] = []
  const consumed = new Set<string>()
  const moduleCalls = new Map<string, Unreviewable[]>()
  if (relevant && source.explicit !== true) {
    const hasTf = (await Promise.all((['base', 'head'] as const).map(listing))).some((l) =>
      l.some(isTerraformFile)
    )
    if (hasTf) {
      await findDependents(changed, filter, state, read, dependents, consumed)
      await findModuleCalls(changed, state, read, moduleCalls)
    }
  }
  return {
    dependents,
    consumed,
    moduleCalls,
    async preload(side, files) {
      const tf = files.filter(
        (f): f is { path: string; text: string } => f.text !== undefined && isTerraformFile(f.path)
      )
      if (tf.length === 0) return
      await listing(side)
      const s = state[side]
      const known = new Set(s.listing)
      const wanted = new Set<string>()
      for (const { path, text } of tf) {
        s.texts.set(path, text)
        const folder = s.byFolder.get(folderOf(path)) ?? []
        for (const f of folder.slice(0, MAX_FOLDER_FILES))
          if (isTerraformFile(f) || isVarFile(f)) wanted.add(f)
        for (const f of namedPaths(path, text)) if (known.has(f)) wanted.add(f)
      }
      await Promise.all([...wanted].map((f) => read(side, f)))
    },
    options(side) {
      const s = state[side]
      if (s.listing === undefined) return {}
      return {
        readSibling: (path) => (isRepoPath(path) ? s.texts.get(path) : undefined),
        listFolder: (folder) => s.byFolder.get(folder) ?? []
      }
    }
  }
}

/**
 * Local module calls the change may make pass something else (terraform-module-calls.ts): a
 * call whose text changed, and, in a folder where a Terraform or variables file changed, a call
 * that passes `var.…` or `local.…`; each into a module (or a module it calls) whose policies
 * take variables. Reported on the calling file when it changed, else on a changed file of its
 * folder.
 */
async function findModuleCalls(
  changed: readonly ChangedFile[],
  state: Record<Side, SideState>,
  read: (side: Side, path: string) => Promise<string | undefined>,
  out: Map<string, Unreviewable[]>
): Promise<void> {
  const changedTf = new Map<string, ChangedFile>()
  // folders where the change sets a variable default, a local or a `.tfvars` value anew
  const touched = new Map<string, string>()
  for (const change of changed) {
    const basePath = change.previousPath ?? change.path
    for (const path of [change.path, basePath])
      if (isTerraformFile(path)) changedTf.set(path, change)
    if (!isTerraformFile(change.path) && !isVarFile(change.path)) continue
    if (touched.has(folderOf(change.path))) continue
    const [baseText, headText] = await Promise.all([
      change.status === 'added' ? undefined : read('base', basePath),
      change.status === 'deleted' ? undefined : read('head', change.path)
    ])
    if (inputsDigest(basePath, baseText) !== inputsDigest(change.path, headText))
      touched.set(folderOf(change.path), change.path)
  }
  const callers = new Set<string>(changedTf.keys())
  for (const folder of touched.keys())
    for (const side of ['base', 'head'] as const)
      for (const f of (state[side].byFolder.get(folder) ?? []).slice(0, MAX_FOLDER_FILES))
        if (isTerraformFile(f)) callers.add(f)
  const takes = new Map<string, Promise<string[]>>()
  const takesInputs = (folder: string, depth: number): Promise<string[]> => {
    let found = takes.get(folder)
    if (found === undefined) {
      found = moduleTakingInputs(folder, depth, state, read, takesInputs)
      takes.set(folder, found)
    }
    return found
  }
  for (const caller of [...callers].sort()) {
    const change = changedTf.get(caller)
    const basePath = change?.previousPath ?? caller
    const [baseText, headText] = await Promise.all([
      change?.status === 'added' ? undefined : read('base', basePath),
      change?.status === 'deleted' ? undefined : read('head', caller)
    ])
    const base = localModuleCalls(basePath, baseText)
    const head = localModuleCalls(caller, headText)
    const moved = new Set(changedCalls(base, head))
    if (touched.has(folderOf(caller)))
      for (const call of [...head.values(), ...base.values()])
        if (usesInputs(caller, call.text)) moved.add(call)
    const found: Unreviewable[] = []
    const named = new Set<string>()
    for (const call of [...moved].slice(0, MAX_FOLDER_FILES)) {
      if (named.has(call.name)) continue
      named.add(call.name)
      const folder = resolveNamed(folderOf(caller), call.source.replace(/\/+$/, ''))
      const children = folder === undefined ? [] : await takesInputs(folder, 0)
      if (folder === undefined || children.length > 0)
        found.push(moduleCallUnreviewable(call, caller, children, folder === undefined))
    }
    if (found.length === 0) continue
    const reportOn = change?.path ?? touched.get(folderOf(caller)) ?? caller
    // a position is in the calling file: none when reported on another one
    const shown = reportOn === caller ? found : found.map((u) => ({ ...u, position: undefined }))
    out.set(reportOn, [...(out.get(reportOn) ?? []), ...shown])
  }
}

/** How deep local module calls are followed from a called module. */
const MAX_MODULE_DEPTH = 3

/**
 * The files of a module (either side) whose IAM content may take the module's inputs: the module
 * holds IAM content and refers to `var.` anywhere, or calls, passing its inputs, a local module
 * that does. Empty when it does not.
 */
async function moduleTakingInputs(
  folder: string,
  depth: number,
  state: Record<Side, SideState>,
  read: (side: Side, path: string) => Promise<string | undefined>,
  takesInputs: (folder: string, depth: number) => Promise<string[]>
): Promise<string[]> {
  const iam = new Set<string>()
  let variables = false
  const nested: { path: string; text: string }[] = []
  for (const side of ['head', 'base'] as const) {
    const files = (state[side].byFolder.get(folder) ?? [])
      .filter(isTerraformFile)
      .slice(0, MAX_FOLDER_FILES)
    const texts = await Promise.all(files.map((f) => read(side, f)))
    files.forEach((f, i) => {
      const text = texts[i]
      if (text === undefined) return
      if (holdsIam(f, text)) iam.add(f)
      if (usesInputs(f, text)) variables = true
      nested.push({ path: f, text })
    })
  }
  if (iam.size > 0 && variables) return [...iam].sort()
  if (depth >= MAX_MODULE_DEPTH) return []
  const through: string[] = []
  for (const { path, text } of nested) {
    for (const call of localModuleCalls(path, text).values()) {
      if (!usesInputs(path, call.text)) continue
      const child = resolveNamed(folderOf(path), call.source.replace(/\/+$/, ''))
      if (child === undefined || child === folder) continue
      for (const f of await takesInputs(child, depth + 1)) if (!through.includes(f)) through.push(f)
    }
  }
  return through.sort()
}

/**
 * `.tf` files not in the change whose policies a changed file feeds: a `.tfvars` file or another
 * Terraform file of the folder (a variable's default in `variables.tf`, a local in `locals.tf`)
 * when the `.tf` file uses variables or locals; a template when the `.tf` file names it.
 */
async function findDependents(
  changed: readonly ChangedFile[],
  filter: FileFilter,
  state: Record<Side, SideState>,
  read: (side: Side, path: string) => Promise<string | undefined>,
  dependents: ChangedFile[],
  consumed: Set<string>
): Promise<void> {
  const inChange = new Set(changed.flatMap((c) => [c.path, c.previousPath ?? c.path]))
  // (changed file, its path on a side, side, a `.tf` file that may use it)
  const probes: { change: ChangedFile; path: string; side: Side; tf: string }[] = []
  for (const change of changed) {
    const paths = [...new Set([change.path, change.previousPath ?? change.path])]
    const terraform = paths.some(isTerraformFile)
    if (!terraform && !paths.some((p) => TEMPLATE_LIKE.test(p))) continue
    for (const side of ['base', 'head'] as const) {
      for (const path of paths) {
        // a Terraform or `.tfvars` file: its folder; a template: its folder and a few parents
        const levels = terraform || isVarFile(path) ? 0 : MAX_PARENT_LEVELS
        let folder = folderOf(path)
        for (let level = 0; level <= levels; level++) {
          for (const tf of (state[side].byFolder.get(folder) ?? []).filter(isTerraformFile))
            if (tf !== path) probes.push({ change, path, side, tf })
          if (folder === '') break
          folder = folderOf(folder)
        }
      }
    }
  }
  const texts = await Promise.all(probes.map((p) => read(p.side, p.tf)))
  const added = new Set<string>()
  probes.forEach(({ change, path, tf }, i) => {
    const text = texts[i]
    if (text === undefined) return
    const uses = isTerraformFile(path)
      ? /\b(?:var|local)\./.test(text)
      : isVarFile(path)
        ? /\bvar\./.test(text)
        : namedPaths(tf, text).includes(path)
    if (!uses) return
    if (!isTerraformFile(path) && !isVarFile(path)) consumed.add(change.path)
    if (inChange.has(tf) || added.has(tf) || !filter.selects(tf)) return
    added.add(tf)
    dependents.push({ path: tf, previousPath: undefined, status: 'modified' })
  })
  dependents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
