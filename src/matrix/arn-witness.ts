// ARN-shaped witnesses (IAM-SEMANTICS §3.2): resource patterns are matched part by part (the
// first five colon-separated parts one by one, the resource part as a whole), so witnesses are
// solved part by part too. Catalogue ARN templates (`arn:${Partition}:s3:::${BucketName}`) are
// globs whose placeholders are stars. Answers are cached across builds (bounded, pure).
import { compileGlob, type GlobPart, type TextMatcher } from '../engine/wildcard.js'
import { splitArn } from '../policy/arn.js'
import { findGlobWitness } from './glob-witness.js'
import { OUTSIDER_ACCOUNT } from './samples.js'

/** Six globs (arn, partition, service, region, account, resource) and a canonical key. */
export interface ArnPattern {
  readonly parts: readonly (readonly GlobPart[])[]
  readonly key: string
}

/** `*` (any resource) or an ARN pattern. */
export type ArnGlob = 'any' | ArnPattern

/** Sample text per ARN part, used where a pattern leaves the part open. */
export interface ArnSamples {
  readonly account: string
  /**
   * escape excluded patterns in the Region before the account: the resources a resource-based
   * policy governs are in its own account, so a witness there is the request it decides
   */
  readonly ownAccountFirst?: boolean
}

const STAR: GlobPart = { kind: 'star' }
const MAX_CACHE = 50000
const witnessCache = new Map<string, string | undefined>()
const templateCache = new Map<string, ArnGlob | undefined>()
const matcherCache = new WeakMap<ArnPattern, (text: string) => boolean>()
const partCache = new WeakMap<ArnPattern, readonly TextMatcher[]>()

function partMatchers(glob: ArnPattern): readonly TextMatcher[] {
  let parts = partCache.get(glob)
  if (parts === undefined) {
    parts = glob.parts.map((g) => compileGlob(g, { ignoreCase: false }))
    partCache.set(glob, parts)
  }
  return parts
}

/** Splits glob parts at the first five colons of their literal text. */
function splitAtColons(parts: readonly GlobPart[]): GlobPart[][] {
  const segments: GlobPart[][] = [[]]
  for (const part of parts) {
    if (part.kind !== 'text' || segments.length === 6) {
      segments.at(-1)?.push(part)
      continue
    }
    part.text.split(':').forEach((piece, i) => {
      if (i > 0 && segments.length < 6) segments.push([])
      else if (i > 0) segments.at(-1)?.push({ kind: 'text', text: ':' })
      if (piece !== '') segments.at(-1)?.push({ kind: 'text', text: piece })
    })
  }
  return segments
}

/** Literal `*`, `?` and `\` are escaped so that the key tells them from wildcards. */
function partKey(glob: readonly GlobPart[]): string {
  return glob
    .map((p) =>
      p.kind === 'star' ? '*' : p.kind === 'one' ? '?' : p.text.replace(/[\\*?:|]/g, '\\$&')
    )
    .join('')
}

function pattern(parts: readonly (readonly GlobPart[])[]): ArnPattern {
  return { parts, key: parts.map(partKey).join(':') }
}

/**
 * A resource pattern as per-part globs. A short pattern whose last part ends in `*` spans the rest
 * of the ARN (§3.2 [UNCERTAIN]), which here means the missing parts are `*`; any other short
 * pattern matches nothing (undefined).
 */
export function arnGlob(parts: readonly GlobPart[]): ArnGlob | undefined {
  if (parts.length > 0 && parts.every((p) => p.kind === 'star')) return 'any'
  const segments = splitAtColons(parts)
  if (segments.length === 6) return pattern(segments)
  if (segments.at(-1)?.at(-1)?.kind !== 'star') return undefined
  while (segments.length < 6) segments.push([STAR])
  return pattern(segments)
}

/** A catalogue ARN template as a glob: each `${Placeholder}` matches anything. */
export function templateGlob(template: string): ArnGlob | undefined {
  if (templateCache.has(template)) return templateCache.get(template)
  const parts: GlobPart[] = []
  let colons = 0
  // a `*` in the first five parts of a format (`arn:${Partition}:braket:*:*:device/…`) stands for
  // any Region or account, which a real ARN names: a wildcard, not the character
  const text = (chunk: string): void => {
    let literal = ''
    for (const c of chunk) {
      if (c === ':') colons++
      if (c === '*' && colons < 5) {
        if (literal !== '') parts.push({ kind: 'text', text: literal })
        parts.push(STAR)
        literal = ''
      } else literal += c
    }
    if (literal !== '') parts.push({ kind: 'text', text: literal })
  }
  let from = 0
  for (const m of template.matchAll(/\$\{[^}]*\}/g)) {
    if (m.index > from) text(template.slice(from, m.index))
    parts.push(STAR)
    from = m.index + m[0].length
  }
  if (from < template.length) text(template.slice(from))
  const glob = arnGlob(parts)
  if (templateCache.size >= MAX_CACHE) templateCache.clear()
  templateCache.set(template, glob)
  return glob
}

/** Sample texts per ARN part: the usual one, then one that differs from it. */
const FILLS: readonly (readonly string[])[] = [
  [],
  ['aws', 'aws-cn'],
  ['example'],
  ['us-east-1', 'us-west-2'],
  [],
  ['example', 'other']
]

/**
 * Real names a partition or region pattern with a wildcard is tried with first, so `us-*` gives
 * `us-east-1` and `eu-*` gives `eu-central-1` rather than a wildcard filled with a sample
 * (`us-us-east-1`). AWS's partitions and a region of each geography.
 */
export const REAL_NAMES: readonly (readonly string[])[] = [
  [],
  ['aws', 'aws-cn', 'aws-us-gov'],
  [],
  [
    'us-east-1',
    'us-west-2',
    'us-east-2',
    'us-west-1',
    'eu-central-1',
    'eu-west-1',
    'eu-north-1',
    'ap-southeast-1',
    'ap-northeast-1',
    'ap-south-1',
    'sa-east-1',
    'ca-central-1',
    'me-south-1',
    'af-south-1',
    'il-central-1',
    'mx-central-1',
    'us-gov-west-1',
    'cn-north-1'
  ],
  [],
  []
]

function solvePart(
  i: number,
  pos: readonly ArnPattern[],
  neg: readonly ArnPattern[],
  samples: ArnSamples
): string | undefined {
  const fills = i === 4 ? [samples.account, OUTSIDER_ACCOUNT] : (FILLS[i] ?? [])
  const quick = quickPart(i, pos, neg, fills)
  if (quick !== undefined) return quick
  return findGlobWitness(
    pos.map((g) => g.parts[i] ?? []),
    neg.map((g) => g.parts[i] ?? []),
    { ignoreCase: false, fills }
  )
}

/**
 * Most parts are a literal (`s3`, `aws`) or a star: answer those without the general search.
 * Undefined = not decided here (the search gives the same answer, only slower).
 */
function quickPart(
  i: number,
  pos: readonly ArnPattern[],
  neg: readonly ArnPattern[],
  fills: readonly string[]
): string | undefined {
  const valid = (t: string): boolean =>
    pos.every((g) => partMatchers(g)[i]?.(t) === true) &&
    !neg.some((g) => partMatchers(g)[i]?.(t) === true)
  // a whole sample (the account) or a real name, before a wildcard filled with a sample
  for (const name of [...fills, ...(REAL_NAMES[i] ?? [])]) if (valid(name)) return name
  // the most specific positive part filled with the sample text, else the sample alone
  const open = pos
    .map((g) => g.parts[i] ?? [])
    .filter((p) => !(p.length === 1 && p[0]?.kind === 'star'))
  for (const part of open.length > 0 ? open.slice(-1) : [[{ kind: 'star' } as const]]) {
    for (const fill of fills) {
      const text = part
        .map((p) => (p.kind === 'text' ? p.text : p.kind === 'star' ? fill : 'x'))
        .join('')
      if (text !== '' && valid(text)) return text
    }
  }
  return undefined
}

/** An ARN pattern's matcher with the same part-by-part semantics as the witnesses. */
export function arnMatcher(glob: ArnGlob): (text: string) => boolean {
  if (glob === 'any') return () => true
  let m = matcherCache.get(glob)
  if (m === undefined) {
    const parts = partMatchers(glob)
    m = (text) => {
      const arn = splitArn(text)
      if (arn === undefined) return false
      const values = ['arn', arn.partition, arn.service, arn.region, arn.account, arn.resource]
      return parts.every((match, i) => match(values[i] ?? ''))
    }
    matcherCache.set(glob, m)
  }
  return m
}

function solve(
  pos: readonly ArnPattern[],
  neg: readonly ArnPattern[],
  samples: ArnSamples
): string | undefined {
  const heads: string[] = []
  for (let i = 0; i < 5; i++) {
    const part = solvePart(i, pos, [], samples)
    if (part === undefined) return undefined
    heads.push(part)
  }
  const arn = (parts: readonly string[]): string => parts.join(':')
  // negatives the head parts already escape need no further care
  const left = neg.filter((g) => heads.every((h, i) => partMatchers(g)[i]?.(h) === true))
  const tail = solvePart(5, pos, left, samples)
  if (tail !== undefined) return arn([...heads, tail])
  const plainTail = solvePart(5, pos, [], samples)
  if (plainTail === undefined) return undefined
  for (const i of samples.ownAccountFirst === true ? [3, 4, 1, 2, 0] : [4, 3, 1, 2, 0]) {
    const part = solvePart(i, pos, left, samples)
    if (part === undefined) continue
    const out = [...heads]
    out[i] = part
    return arn([...out, plainTail])
  }
  return undefined
}

/**
 * An ARN inside every `pos` glob and outside every `neg` glob, or undefined. Negatives are
 * escaped in the resource part when possible, else all together in one earlier part; mixed
 * escapes are not searched (a documented, rarely needed limitation).
 */
export function findArnWitness(
  pos: readonly ArnGlob[],
  neg: readonly ArnGlob[],
  samples: ArnSamples
): string | undefined {
  if (neg.includes('any')) return undefined
  const positive = pos.filter((g) => g !== 'any')
  if (positive.length === 0) return undefined
  const negative = neg.filter((g) => g !== 'any')
  const key = `${samples.account}|${samples.ownAccountFirst === true ? 'own' : ''}|${positive.map((g) => g.key).join('|')}|-|${negative.map((g) => g.key).join('|')}`
  if (witnessCache.has(key)) return witnessCache.get(key)
  const witness = solve(positive, negative, samples)
  if (witnessCache.size >= MAX_CACHE) witnessCache.clear()
  witnessCache.set(key, witness)
  return witness
}

function literalPrefix(glob: readonly GlobPart[]): { text: string; whole: boolean } {
  let text = ''
  for (const part of glob) {
    if (part.kind !== 'text') return { text, whole: false }
    text += part.text
  }
  return { text, whole: true }
}

function literalSuffix(glob: readonly GlobPart[]): string {
  let text = ''
  for (let i = glob.length - 1; i >= 0; i--) {
    const part = glob[i]
    if (part?.kind !== 'text') break
    text = part.text + text
  }
  return text
}

function compatible(a: string, b: string, fromEnd: boolean): boolean {
  const n = Math.min(a.length, b.length)
  return fromEnd ? a.slice(a.length - n) === b.slice(b.length - n) : a.slice(0, n) === b.slice(0, n)
}

/** Cheap necessary test for a common ARN: literal prefixes and suffixes of each part agree. */
export function mayOverlap(a: ArnGlob, b: ArnGlob): boolean {
  if (a === 'any' || b === 'any') return true
  for (let i = 0; i < 6; i++) {
    const x = a.parts[i] ?? []
    const y = b.parts[i] ?? []
    const px = literalPrefix(x)
    const py = literalPrefix(y)
    if (px.whole && py.whole) {
      if (px.text !== py.text) return false
      continue
    }
    if (!compatible(px.text, py.text, false)) return false
    if (!compatible(literalSuffix(x), literalSuffix(y), true)) return false
  }
  return true
}
