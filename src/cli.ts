// The `iam-policy-diff` command line. Bundled to dist/cli/index.js (the build adds the shebang).
import { main } from './cli/main.js'
import { processIo } from './cli/io.js'

process.exitCode = await main(process.argv.slice(2), processIo())
