// Issue 7 through the command line bundle: hostile policies that used to pass as "no decision
// changed" (the request budget cut the matrix) are reviewed completely, and `--fail-on
// broadened` exits 1; the JSON report stays bounded.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { ROOT, runCli } from './run-cli.js'

const HOSTILE = join(ROOT, '__tests__/fixtures/hostile')
const pair = (name: string): string[] => [
  join(HOSTILE, 'base', `${name}.json`),
  join(HOSTILE, 'head', `${name}.json`)
]

describe('diff on hostile policies (bundle)', () => {
  it.each(['star-conditions', 'hardening', 'wide'])(
    '%s: the broadening is named and the gate fails',
    async (name) => {
      const text = await runCli(['diff', ...pair(name), '--fail-on', 'broadened'])
      expect(text.code).toBe(1)
      expect(text.stdout).toMatch(/access broadened/)
      expect(text.stdout).not.toMatch(/no decision changed|matrix-truncated/)
      const json = await runCli(['diff', ...pair(name), '--format', 'json'])
      expect(json.stdout.length).toBeLessThan(5_000_000)
      const report = JSON.parse(json.stdout) as { summary: { broadened: number } }
      expect(report.summary.broadened).toBeGreaterThan(0)
    }
  )
})
