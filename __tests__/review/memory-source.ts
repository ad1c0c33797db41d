// An in-memory PolicySource: two maps of path → text. Changed files are derived like git would
// (no renames unless given).
import type { ChangedFile, PolicySource } from '../../src/sources/port.js'

export interface MemorySourceInit {
  readonly base: Readonly<Record<string, string>>
  readonly head: Readonly<Record<string, string>>
  readonly renames?: Readonly<Record<string, string>>
  readonly explicit?: boolean
}

export function memorySource(init: MemorySourceInit): PolicySource {
  const renames = init.renames ?? {}
  const renamedFrom = new Set(Object.values(renames))
  const listChangedFiles = (): Promise<ChangedFile[]> => {
    const files: ChangedFile[] = []
    for (const path of [
      ...new Set([...Object.keys(init.base), ...Object.keys(init.head)])
    ].sort()) {
      const previous = renames[path]
      if (previous !== undefined) {
        files.push({ path, previousPath: previous, status: 'renamed' })
        continue
      }
      if (renamedFrom.has(path)) continue
      const before = init.base[path]
      const after = init.head[path]
      if (before === after) continue
      const status = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified'
      files.push({ path, previousPath: undefined, status })
    }
    return Promise.resolve(files)
  }
  return {
    baseLabel: 'base',
    headLabel: 'head',
    ...(init.explicit === undefined ? {} : { explicit: init.explicit }),
    listChangedFiles,
    readFile: (path, side) => Promise.resolve((side === 'base' ? init.base : init.head)[path]),
    listFiles: (side) =>
      Promise.resolve(Object.keys(side === 'base' ? init.base : init.head).sort())
  }
}

export const json = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`

export const policy = (...statements: unknown[]): string =>
  json({ Version: '2012-10-17', Statement: statements })
