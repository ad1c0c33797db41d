// The command line's only window on the process: commands receive a CliIo, so tests can drive
// them with strings and the real process streams stay in one place.

export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** the whole of standard input as UTF-8 (for `-` file arguments) */
  readStdin(): Promise<string>
  /** relative paths given on the command line are resolved against this directory */
  readonly cwd: string
}

/** The real process: writes go straight to the streams, which Node flushes before exiting. */
export function processIo(): CliIo {
  // `iam-policy-diff evaluate cases.json | head` closes the pipe early: stop quietly, no stack
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
    process.exit()
  })
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => readStream(process.stdin),
    cwd: process.cwd()
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
