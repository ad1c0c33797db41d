// docs/CLI.md quotes the help texts verbatim; this keeps them from drifting apart.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EVALUATE_USAGE } from '../../src/cli/evaluate-command.js'
import { USAGE } from '../../src/cli/main.js'
import { ROOT } from './run-cli.js'

const doc = readFileSync(join(ROOT, 'docs/CLI.md'), 'utf8')

describe('docs/CLI.md', () => {
  it.each([
    ['iam-policy-diff --help', USAGE],
    ['iam-policy-diff evaluate --help', EVALUATE_USAGE]
  ])('quotes the output of `%s` in a text block (paste it when this fails)', (_command, usage) => {
    expect(doc).toContain('```text\n' + usage + '```\n')
  })
})
