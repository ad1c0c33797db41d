import { describe, expect, it } from '@jest/globals'
import { decodeText, parseBatchOutput } from '../../src/sources/git-exec.js'

const oid = 'a'.repeat(40)

describe('parseBatchOutput', () => {
  it('splits blobs, skips non-blobs and missing objects, keeps binary-safe sizes', () => {
    const body = Buffer.from('{"ü":1}\n', 'utf8')
    const out = Buffer.concat([
      Buffer.from(`${oid} blob ${body.length}\n`),
      body,
      Buffer.from('\nHEAD:missing.json missing\n'),
      Buffer.from(`${oid} tree 3\nabc\n`),
      Buffer.from('HEAD:x ambiguous\n'),
      Buffer.from(`${'b'.repeat(64)} blob 0\n\n`)
    ])
    const blobs = parseBatchOutput(out, 5)
    expect(blobs.map((b) => b?.toString('utf8'))).toEqual([
      '{"ü":1}\n',
      undefined,
      undefined,
      undefined,
      ''
    ])
  })

  it('refuses truncated output rather than inventing content', () => {
    expect(() => parseBatchOutput(Buffer.from(`${oid} blob 3\nab`), 2)).toThrow(/truncated/)
  })
})

describe('decodeText', () => {
  it('drops a byte-order mark and replaces invalid bytes', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('{}')
    expect(decodeText(Buffer.from([0x22, 0xff, 0x22]))).toBe('"\uFFFD"')
  })
})
