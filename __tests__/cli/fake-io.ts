// An in-memory CliIo: commands run in-process against strings (fast, no bundle needed).
import type { CliIo } from '../../src/cli/io.js'

export interface FakeIo extends CliIo {
  readonly out: () => string
  readonly err: () => string
}

export function fakeIo(options: { stdin?: string; cwd?: string } = {}): FakeIo {
  let out = ''
  let err = ''
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err
  }
}
