// Pure value parsers shared by the validator and the engine (IAM-SEMANTICS §4.2, §4.5, §7.7).
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  checkConditionValue,
  compareNumbers,
  decodeBase64,
  parseBool,
  parseDate,
  parseIpAddress,
  parseIpRange,
  parseNumber
} from '../../src/policy/values.js'

describe('checkConditionValue', () => {
  it.each([
    // IAM-SEMANTICS §2: invalid values that change meaning if read leniently
    ['numeric', 'ten', 'expected a number'],
    ['numeric', '0x10', 'expected a number'],
    ['numeric', '10', undefined],
    ['date', 'tomorrow', 'expected an iso 8601 date or epoch seconds'],
    ['date', '2020-01-01T00:00:00Z', undefined],
    ['ip', '10.0.0.0/33', 'expected an ip address or cidr range'],
    ['ip', '10.0.0.0/8', undefined],
    ['binary', 'not base64', 'expected base64 text'],
    ['binary', 'QUJD', undefined],
    ['bool', 'yes', 'expected `true` or `false`'],
    ['bool', 'True', undefined],
    ['null', 'maybe', 'expected `true` or `false`'],
    ['null', 'false', undefined],
    // §4.2: any text is a valid String or Arn value
    ['string', '${aws:username}*', undefined],
    ['arn', 'not an arn', undefined]
  ] as const)('%s %j → %s', (family, value, message) => {
    expect(checkConditionValue(family, value)).toBe(message)
  })
})

describe('parseNumber (§4.2)', () => {
  it.each([
    ['10', 10],
    ['10.0', 10],
    ['-3', -3],
    ['+3', 3],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['', undefined],
    ['-', undefined],
    ['.', undefined],
    ['0x10', undefined],
    ['1e3', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    [' 1', undefined],
    ['1 ', undefined],
    ['1,000', undefined]
  ])('%j → %s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })

  it.each([
    ['10', '10.0', 0],
    ['-0', '0', 0],
    ['9', '10', -1],
    ['-10', '-9', -1],
    ['9007199254740993', '9007199254740992', 1],
    ['-9007199254740993', '-9007199254740992', -1],
    ['0.30000000000000000001', '0.3', 1],
    ['1234567890123456789.5', '1234567890123456789.50', 0],
    ['0000123456789012345678', '123456789012345678', 0],
    ['-0.000000000000000001', '0', -1]
  ])('compareNumbers(%s, %s) → %d', (a, b, sign) => {
    expect(compareNumbers(a, b)).toBe(sign)
    expect(compareNumbers(b, a)).toBe(-sign || 0)
  })
})

describe('parseDate (§4.2, §7.7)', () => {
  const at = (iso: string): number => Date.parse(iso)
  it.each([
    ['2020', at('2020-01-01T00:00:00Z')],
    ['2020-06', at('2020-06-01T00:00:00Z')],
    ['2020-06-15', at('2020-06-15T00:00:00Z')],
    ['2020-06-15T10:20Z', at('2020-06-15T10:20:00Z')],
    ['2020-06-15T10:20:30Z', at('2020-06-15T10:20:30Z')],
    ['2020-06-15T10:20:30.123Z', at('2020-06-15T10:20:30.123Z')],
    ['2020-06-15T10:20:30+02:00', at('2020-06-15T08:20:30Z')],
    ['2020-06-15T10:20:30-05:30', at('2020-06-15T15:50:30Z')],
    ['2020-06-15T10:20:30', at('2020-06-15T10:20:30Z')],
    ['2020-02-29', at('2020-02-29T00:00:00Z')],
    ['2000-02-29', at('2000-02-29T00:00:00Z')],
    ['0050-03-01', at('0050-03-01T00:00:00Z')],
    ['0000-01-01T00:00Z', at('0000-01-01T00:00:00Z')],
    ['20200615', 20200615000],
    ['1590969600', 1590969600000],
    ['0', 0],
    ['-86400', -86400000],
    ['12345', 12345000]
  ])('%j → %d', (text, expected) => {
    expect(parseDate(text)).toBe(expected)
  })

  it('keeps fractions below a millisecond', () => {
    const a = parseDate('2020-06-15T10:20:30.0001Z') ?? NaN
    const b = parseDate('2020-06-15T10:20:30.0002Z') ?? NaN
    expect(a).toBeLessThan(b)
  })

  it.each([
    '',
    'tomorrow',
    '2020-13-01',
    '2020-00-10',
    '2019-02-29',
    '1900-02-29',
    '2020-04-31',
    '2020-06-15T24:00Z',
    '2020-06-15T10:60Z',
    '2020-06-15T10:20:61Z',
    '2020-06-15T10:20:30+24:00',
    '2020-06-15T10:20:30+02',
    '2020-06-15 10:20:30Z',
    '2020-06-15T10Z',
    '2020-06-15t10:20Z',
    '2020-6-15',
    '2020-06-15Z',
    '1e9',
    '1.5',
    '-',
    '2020-06-15T10:20.5Z',
    '2020-06-15T10:20:30.Z',
    '2020-06-15T10:20:30Z ',
    '2020-06-15T10:20:30+0200',
    '2020-06-15T10:20:30+02:00Z',
    '2020-06-15T',
    '2020-06-15T1:20Z',
    '2020-06-1',
    '2020-0'
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeUndefined()
  })
})

describe('parseIpRange (§4.2)', () => {
  it.each([
    ['203.0.113.7', { version: 4, words: [(203 << 24) | (113 << 8) | 7], prefix: 32 }],
    ['10.0.0.0/8', { version: 4, words: [10 << 24], prefix: 8 }],
    ['10.1.2.3/8', { version: 4, words: [10 << 24], prefix: 8 }],
    ['0.0.0.0/0', { version: 4, words: [0], prefix: 0 }],
    ['255.255.255.255', { version: 4, words: [-1], prefix: 32 }],
    ['::', { version: 6, words: [0, 0, 0, 0], prefix: 128 }],
    ['::1', { version: 6, words: [0, 0, 0, 1], prefix: 128 }],
    ['2001:DB8::/32', { version: 6, words: [0x20010db8, 0, 0, 0], prefix: 32 }],
    ['2001:db8:0:0:0:0:0:1/127', { version: 6, words: [0x20010db8, 0, 0, 0], prefix: 127 }],
    ['1:2:3:4:5:6:7::', { version: 6, words: [0x10002, 0x30004, 0x50006, 0x70000], prefix: 128 }],
    ['::2:3:4:5:6:7:8', { version: 6, words: [0x2, 0x30004, 0x50006, 0x70008], prefix: 128 }],
    ['::ffff:192.0.2.1', { version: 6, words: [0, 0, 0xffff, (192 << 24) | 513], prefix: 128 }],
    [
      'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/65',
      { version: 6, words: [-1, -1, -(2 ** 31), 0], prefix: 65 }
    ]
  ])('%s', (text, expected) => {
    expect(parseIpRange(text)).toEqual(expected)
  })

  it.each([
    '',
    '10.0.0',
    '10.0.0.0.0',
    '256.0.0.0',
    '010.0.0.1',
    '10.0.0.1/',
    '10.0.0.1/33',
    '10.0.0.1/08',
    '10.0.0.1/-1',
    '10.0.0.1/8/8',
    '1.2.3.4 ',
    '::/129',
    ':::',
    '1::2::3',
    ':1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8::',
    '12345::',
    'g::1',
    '::1.2.3',
    '1.2.3.4::',
    '::1.2.3.4:5',
    'fe80::1%eth0',
    'localhost'
  ])('rejects %j', (text) => {
    expect(parseIpRange(text)).toBeUndefined()
  })

  it('parses addresses into a caller buffer up to an end offset', () => {
    const out = new Int32Array(4)
    expect(parseIpAddress('10.0.0.1/8', out, 8)).toBe(4)
    expect(out[0]).toBe((10 << 24) | 1)
    expect(parseIpAddress('2001:db8::1', out)).toBe(6)
    expect(Array.from(out)).toEqual([0x20010db8, 0, 0, 1])
    expect(parseIpAddress('nope', out)).toBeUndefined()
  })
})

describe('decodeBase64 (§4.2)', () => {
  it.each([
    ['', []],
    ['QQ==', [65]],
    ['QQ', [65]],
    ['QUI=', [65, 66]],
    ['QUI', [65, 66]],
    ['QUJD', [65, 66, 67]],
    ['+/+/', [251, 255, 191]]
  ])('%j → bytes', (text, bytes) => {
    expect(Array.from(decodeBase64(text) ?? [-1])).toEqual(bytes)
  })

  it.each(['Q', 'QUJD=', 'QQ=', 'Q===', 'QU JD', 'QUJD\n', 'QU-_', '=QUJ'])(
    'rejects %j',
    (text) => {
      expect(decodeBase64(text)).toBeUndefined()
    }
  )
})

describe('parseBool (§4.2 [UNCERTAIN]: case-insensitive)', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['false', false],
    ['yes', undefined],
    ['1', undefined],
    ['', undefined],
    [' true', undefined]
  ])('%j → %s', (text, expected) => {
    expect(parseBool(text)).toBe(expected)
  })
})

describe('value parsers agree with references', () => {
  // decimal text → (scaled BigInt, scale) for an exact reference comparison
  const exact = (text: string): { n: bigint; scale: number } => {
    const negative = text.startsWith('-')
    const [int = '', frac = ''] = text.replace(/^[+-]/, '').split('.')
    const n = BigInt(`${int || '0'}${frac}`)
    return { n: negative ? -n : n, scale: frac.length }
  }
  const referenceCompare = (a: string, b: string): number => {
    const x = exact(a)
    const y = exact(b)
    const scale = Math.max(x.scale, y.scale)
    const xs = x.n * 10n ** BigInt(scale - x.scale)
    const ys = y.n * 10n ** BigInt(scale - y.scale)
    return xs < ys ? -1 : xs > ys ? 1 : 0
  }
  const decimal = fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      fc.string({ unit: fc.constantFrom('0', '1', '9'), minLength: 1, maxLength: 22 }),
      fc.option(fc.string({ unit: fc.constantFrom('0', '5', '9'), maxLength: 22 }))
    )
    .map(([sign, int, frac]) => (frac === null ? `${sign}${int}` : `${sign}${int}.${frac}`))

  it('compareNumbers orders exactly (§4.2)', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(parseNumber(a)).not.toBeUndefined()
        expect(compareNumbers(a, b)).toBe(referenceCompare(a, b))
      }),
      { numRuns: 3000 }
    )
  })

  it('parseDate matches Date.parse on ISO timestamps with zones (§4.2)', () => {
    const stamp = fc
      .tuple(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true
        }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 })
      )
      .map(([date, offset]) => {
        const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23)
        const sign = offset < 0 ? '-' : '+'
        const abs = Math.abs(offset)
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
        return { text: `${local}${zone}`, ms: date.getTime() }
      })
    fc.assert(
      fc.property(stamp, ({ text, ms }) => {
        expect(parseDate(text)).toBe(ms)
      }),
      { numRuns: 2000 }
    )
  })
})
