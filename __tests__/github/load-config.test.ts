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
    const config = await loadConfig(
      source('auto: false\n', 'auto: true\npolicies:\n  exclude: ["iam/**"]\n'),
      FILE,
      sink
    )
    expect(config).toMatchObject({ auto: false, exclude: [] })
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
    await expect(loadConfig(source(undefined, 'auto: false\n'), FILE, sink)).resolves.toBe(
      DEFAULT_CONFIG
    )
    expect(sink.annotations[0]?.message).toContain('this change adds the configuration')
  })

  it('an empty `config` input means no configuration file', async () => {
    await expect(
      loadConfig(source('auto: false\n', undefined), undefined, new RecordingSink())
    ).resolves.toBe(DEFAULT_CONFIG)
  })

  it('an invalid base configuration fails with the located problem', async () => {
    const sink = new RecordingSink()
    await expect(loadConfig(source('auto: maybe\n', 'auto: maybe\n'), FILE, sink)).rejects.toThrow(
      /^invalid configuration `\.github\/iam-policy-diff\.yml` \(1 error\): \.github\/iam-policy-diff\.yml:1:\d+: error config-invalid: .+: fix it \(see the configuration reference in the README\)$/
    )
    expect(sink.annotations).toEqual([
      expect.objectContaining({ type: 'error', file: FILE, line: 1 })
    ])
  })

  it('a change that fixes an invalid base configuration is reviewed with the fixed version', async () => {
    const sink = new RecordingSink()
    await expect(
      loadConfig(source('auto: maybe\n', 'auto: false\n'), FILE, sink)
    ).resolves.toMatchObject({ auto: false })
    expect(sink.warnings).toEqual([
      'the configuration `.github/iam-policy-diff.yml` of the base commit is invalid and this change fixes it: using the new version'
    ])
  })
})
