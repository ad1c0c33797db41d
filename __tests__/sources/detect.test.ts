import { describe, expect, it } from '@jest/globals'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { createFileFilter, MAX_SOURCE_BYTES, screenText } from '../../src/sources/detect.js'

describe('screenText', () => {
  it('reads text, skips binary content, refuses text past the limit', () => {
    expect(screenText('{"Statement":[]}')).toEqual({ kind: 'text' })
    expect(screenText('\u0089PNG\r\n\u001a\n\u0000\u0000')).toEqual({ kind: 'binary' })
    const pad = ' '.repeat(MAX_SOURCE_BYTES)
    expect(screenText(`{"Statement":[]}${pad}`)).toEqual({
      kind: 'too-large',
      bytes: MAX_SOURCE_BYTES + 16,
      iam: true
    })
    expect(screenText(`{"lockfileVersion":3}${pad}`)).toMatchObject({ iam: false })
  })
})

describe('createFileFilter', () => {
  it('selects every file by default (the extractors decide what each holds)', () => {
    const filter = createFileFilter(DEFAULT_CONFIG)
    const paths = ['a.json', 'x/B.JSON', '.github/p.json', 'a.yaml', 'main.tf', 'README.md']
    expect(paths.map(filter.selects)).toEqual(paths.map(() => true))
  })

  it('downgrades unreviewable content of files matching `not-reviewed.warn`', () => {
    const filter = createFileFilter({ ...DEFAULT_CONFIG, notReviewedWarn: ['terraform/**'] })
    expect(filter.notReviewedIsWarning('terraform/iam.tf')).toBe(true)
    expect(filter.notReviewedIsWarning('iam.tf')).toBe(false)
  })

  it('applies include and exclude globs; a glob without a slash matches the name anywhere', () => {
    const config = {
      ...DEFAULT_CONFIG,
      include: ['iam/**/*.json', 'policy-*.json'],
      exclude: ['**/fixtures/**']
    }
    const filter = createFileFilter(config)
    expect(filter.selects('iam/roles/a.json')).toBe(true)
    expect(filter.selects('deep/dir/policy-x.json')).toBe(true)
    expect(filter.selects('other/a.json')).toBe(false)
    expect(filter.selects('iam/fixtures/a.json')).toBe(false)
  })

  it('takes the kind of the first matching glob', () => {
    const config = {
      ...DEFAULT_CONFIG,
      kinds: [
        { glob: 'org/scp/root.json', kind: 'scp' as const },
        { glob: 'org/**', kind: 'rcp' as const }
      ]
    }
    const filter = createFileFilter(config)
    expect(filter.configuredKind('org/scp/root.json')).toBe('scp')
    expect(filter.configuredKind('org/x.json')).toBe('rcp')
    expect(filter.configuredKind('iam/x.json')).toBeUndefined()
  })
})
