// Two versions given as paths on disk: `diff OLD.json NEW.json` (two files) or
// `diff DIR_OLD DIR_NEW` (same-named files of two directory trees).
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { diagnostic } from '../diagnostics/diagnostic.js'
import { decodeText } from './git-exec.js'
import { compareText, toDisplayPath as toDisplay } from './paths.js'
import { SourceError, type ChangedFile, type PolicySource, type Side } from './port.js'

export interface PathPairOptions {
  /** the paths as the user wrote them: also how the report names them */
  readonly base: string
  readonly head: string
  /** relative paths are read from here (default: the process's directory) */
  readonly cwd?: string
}

const locate = (options: PathPairOptions, file: string): string =>
  path.resolve(options.cwd ?? '.', file)

/** Compares two files; both are reviewed as policies whatever their names. */
export function filePairSource(options: PathPairOptions): PolicySource {
  const basePath = toDisplay(options.base)
  const headPath = toDisplay(options.head)
  const read = async (side: Side): Promise<string> => {
    const file = side === 'base' ? options.base : options.head
    const text = await readRegularFile(locate(options, file))
    if (text === undefined) throw unreadable(file, 'file')
    return text
  }
  return {
    baseLabel: basePath,
    headLabel: headPath,
    explicit: true,
    listChangedFiles: () =>
      Promise.resolve([
        {
          path: headPath,
          previousPath: basePath === headPath ? undefined : basePath,
          status: 'modified'
        }
      ]),
    readFile: (file, side) =>
      file === basePath || file === headPath ? read(side) : Promise.resolve(undefined),
    listFiles: (side) => Promise.resolve([side === 'base' ? basePath : headPath])
  }
}

/** Compares the same-named files of two directories (added, deleted and modified files). */
export function directoryPairSource(options: PathPairOptions): PolicySource {
  let listing: Promise<Map<string, string>[]> | undefined
  const load = (): Promise<Map<string, string>[]> =>
    (listing ??= Promise.all([
      readTree(locate(options, options.base), options.base),
      readTree(locate(options, options.head), options.head)
    ]))
  const sideIndex = (side: Side): number => (side === 'base' ? 0 : 1)
  return {
    baseLabel: toDisplay(options.base),
    headLabel: toDisplay(options.head),
    listChangedFiles: async () => {
      const [base = new Map<string, string>(), head = new Map<string, string>()] = await load()
      return compareTrees(base, head)
    },
    readFile: async (file, side) => (await load())[sideIndex(side)]?.get(file),
    listFiles: async (side) =>
      [...((await load())[sideIndex(side)]?.keys() ?? [])].sort(compareText)
  }
}

function compareTrees(base: Map<string, string>, head: Map<string, string>): ChangedFile[] {
  const files: ChangedFile[] = []
  for (const file of [...new Set([...base.keys(), ...head.keys()])].sort(compareText)) {
    const before = base.get(file)
    const after = head.get(file)
    if (before === after) continue
    const status = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified'
    files.push({ path: file, previousPath: undefined, status })
  }
  return files
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules'])

/** Every regular file under `root` by `/`-separated relative path. */
async function readTree(root: string, shown: string): Promise<Map<string, string>> {
  const info = await stat(root).catch(() => undefined)
  if (!info?.isDirectory()) throw unreadable(shown, 'directory')
  const files = new Map<string, string>()
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    for (const entry of entries) {
      const relative = prefix + entry.name
      if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) {
        await walk(path.join(dir, entry.name), `${relative}/`)
      } else if (entry.isFile()) {
        files.set(relative, decodeText(await readFile(path.join(dir, entry.name))))
      }
    }
  }
  await walk(root, '')
  return files
}

// the user named these paths, so a symbolic link is followed
async function readRegularFile(file: string): Promise<string | undefined> {
  const info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) return undefined
  return decodeText(await readFile(file))
}

function unreadable(file: string, expected: 'file' | 'directory'): SourceError {
  return new SourceError(
    diagnostic('file-unreadable', {
      message: `cannot read \`${toDisplay(file)}\`: not an existing ${expected}`
    })
  )
}
