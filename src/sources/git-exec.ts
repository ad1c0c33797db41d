// Running git: always execFile with an argument array (no shell), output as bytes, and one
// `git cat-file --batch` process per burst of reads so that a 900-file pull request costs a
// handful of processes, not thousands. Blobs are read by id (the caller maps paths with
// `git ls-tree`): `<commit>:<path>` look-ups walk the tree for every file and are ~3× slower.
import { execFile } from 'node:child_process'

export interface GitRunOptions {
  readonly cwd: string
  /** bytes written to git's stdin */
  readonly input?: string
}

/** A failed git invocation: the arguments, exit code and git's own message. */
export class GitCommandError extends Error {
  readonly args: readonly string[]
  readonly stderr: string
  readonly exitCode: number | string | undefined
  constructor(options: {
    args: readonly string[]
    stderr: string
    exitCode: number | string | undefined
    message: string
  }) {
    super(options.message)
    this.name = 'GitCommandError'
    this.args = options.args
    this.stderr = options.stderr
    this.exitCode = options.exitCode
  }
}

// No pager, no prompts, no optional locks, English messages, unquoted paths.
const BASE_ARGS = ['-c', 'core.quotePath=false', '--no-pager']

/** Runs git and resolves with its stdout; rejects with a GitCommandError. */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<Buffer> {
  const fullArgs = [...BASE_ARGS, ...args]
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      fullArgs,
      {
        cwd: options.cwd,
        encoding: 'buffer',
        maxBuffer: Number.POSITIVE_INFINITY,
        windowsHide: true,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' }
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout)
          return
        }
        const text = stderr.toString('utf8').trim()
        const code = (error as NodeJS.ErrnoException).code
        const message =
          code === 'ENOENT'
            ? 'git is not installed or not on the PATH'
            : (text.split('\n').find((line) => line.trim() !== '') ?? error.message)
        reject(new GitCommandError({ args, stderr: text, exitCode: code, message }))
      }
    )
    // a write to a process that failed to start emits EPIPE; the callback reports the cause
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(options.input ?? '')
  })
}

const decoder = new TextDecoder('utf-8')

/** Decodes file bytes as UTF-8 (a byte-order mark is dropped; bad bytes become U+FFFD). */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes)
}

interface PendingRead {
  readonly spec: string
  readonly resolve: (value: Buffer | undefined) => void
  readonly reject: (error: unknown) => void
}

/**
 * Reads blobs by object id. Reads requested in the same turn of the event loop share one
 * `git cat-file --batch`; undefined when the object is missing or not a blob.
 */
export function createBlobReader(cwd: string): (id: string) => Promise<Buffer | undefined> {
  let pending: PendingRead[] = []
  const flush = (): void => {
    const batch = pending
    pending = []
    readBatch(cwd, batch)
  }
  return (id) =>
    new Promise((resolve, reject) => {
      if (!/^[0-9a-f]{4,64}$/.test(id)) {
        resolve(undefined)
        return
      }
      if (pending.length === 0) setImmediate(flush)
      pending.push({ spec: id, resolve, reject })
    })
}

function readBatch(cwd: string, reads: readonly PendingRead[]): void {
  const input = reads.map((read) => `${read.spec}\n`).join('')
  runGit(['cat-file', '--batch'], { cwd, input }).then(
    (out) => {
      const blobs = parseBatchOutput(out, reads.length)
      reads.forEach((read, i) => read.resolve(blobs[i]))
    },
    (error: unknown) => {
      for (const read of reads) read.reject(error)
    }
  )
}

const HEADER = /^[0-9a-f]{40,64} ([a-z]+) (\d+)$/

/** Splits `git cat-file --batch` output into one entry per request (undefined = not a blob). */
export function parseBatchOutput(out: Buffer, count: number): (Buffer | undefined)[] {
  const blobs: (Buffer | undefined)[] = []
  let at = 0
  for (let i = 0; i < count; i++) {
    const eol = out.indexOf(0x0a, at)
    if (eol < 0) throw new Error('git cat-file: truncated output')
    const header = HEADER.exec(out.toString('utf8', at, eol))
    at = eol + 1
    if (!header) {
      blobs.push(undefined) // `<spec> missing` / `<spec> ambiguous`
      continue
    }
    const size = Number(header[2])
    blobs.push(header[1] === 'blob' ? out.subarray(at, at + size) : undefined)
    at += size + 1
  }
  return blobs
}
