// The README usage block and the docs/ACTION.md tables are generated from action.yml (STYLE
// habit 3): this fails when someone edits action.yml without regenerating them.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from '@jest/globals'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('scripts/gen-readme-usage.mjs --check', () => {
  it('finds README.md and docs/ACTION.md up to date with action.yml', () => {
    const result = spawnSync(process.execPath, ['scripts/gen-readme-usage.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
