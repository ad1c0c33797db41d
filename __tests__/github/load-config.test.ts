import { describe, expect, it } from '@jest/globals'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { loadConfig } from '../../src/github/load-config.js'
import type { PolicySource, Side } from '../../src/sources/port.js'
import { RecordingSink } from '../fakes/sink.js'

const FILE = '.github/iam-policy-diff.yml'

function source(base: string | undefined, head: string | undefined): PolicySource {
  const sides: Record<Side, string | undefined> = { base, head }
  return {
    baseLabel: 'base',
    headLabel: 'head',
    listChangedFiles: () => Promise.resolve([]),
    readFile: (path, side) => Promise.resolve(path === FILE ? sides[side] : undefined),
    listFiles: () => Promise.resolve([])
  }
}

describe('loadConfig', () => {
  it('uses the base version, and announces that the change edits it', async () => {
    const sink = new RecordingSink()
    const { config, diagnostics } = await loadConfig(
      source('auto: false\n', 'auto: true\npolicies:\n  exclude: ["iam/**"]\n'),
      FILE,
      sink
    )
    expect(config).toMatchObject({ auto: false, exclude: [] })
    expect(diagnostics).toEqual([])
    expect(sink.annotations).toEqual([
      expect.objectContaining({
        type: 'notice',
        file: FILE,
        message: expect.stringContaining('the review uses the base version')
      })
    ])
  })

  it('no configuration in the base: the defaults, even when the change adds one', async () => {
    const sink = new RecordingSink()
    await expect(loadConfig(source(undefined, 'auto: false\n'), FILE, sink)).resolves.toEqual({
      config: DEFAULT_CONFIG,
      diagnostics: []
    })
    expect(sink.annotations[0]?.message).toContain('this change adds the configuration')
  })

  it('an empty `config` input means no configuration file', async () => {
    await expect(
      loadConfig(source('auto: false\n', undefined), undefined, new RecordingSink())
    ).resolves.toEqual({ config: DEFAULT_CONFIG, diagnostics: [] })
  })

  // issue 7: an invalid base configuration must not let the change pick its own review
  it.each([
    ['repeats the invalid version', 'auto: maybe\n', ''],
    [
      'fixes it',
      'auto: false\n',
      '; the version in this change is not used, it applies once merged'
    ],
    [
      'replaces it with one that loosens the review',
      'auto: false\npolicies:\n  exclude: ["**"]\n',
      '; the version in this change is not used, it applies once merged'
    ],
    ['deletes it', undefined, '; the version in this change is not used, it applies once merged']
  ])(
    'an invalid base configuration: the defaults with the fail-on input, even when the change %s',
    async (_name, head, edited) => {
      const sink = new RecordingSink()
      const { config, diagnostics } = await loadConfig(
        source('auto: maybe\n', head),
        FILE,
        sink,
        'any'
      )
      expect(config).toEqual({ ...DEFAULT_CONFIG, failOn: 'any' })
      const message = diagnostics[0]?.message ?? ''
      expect(
        message.startsWith(
          'the configuration `.github/iam-policy-diff.yml` of the base commit is invalid (1 error, first: line 1: '
        )
      ).toBe(true)
      expect(message).toContain('`auto`')
      expect(message.endsWith(`): reviewed with the defaults and \`fail-on: any\`${edited}`)).toBe(
        true
      )
      expect(diagnostics).toEqual([
        expect.objectContaining({ code: 'config-base-invalid', severity: 'warning', file: FILE })
      ])
      expect(sink.warnings).toEqual([message])
      // the located problem of the base version is still annotated on the file
      expect(sink.annotations).toEqual([
        expect.objectContaining({ type: 'error', file: FILE, line: 1 })
      ])
    }
  )
})
