// The action's entry point (dist/index.js): run() does everything and never throws.
import { run } from './main.js'

await run()
