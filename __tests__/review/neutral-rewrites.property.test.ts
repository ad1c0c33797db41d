// Semantically neutral edits of real AWS managed policies must report no change (issue 3): key
// order, statement order, duplicate actions, "x" vs ["x"], action-name case, an added Sid,
// a statement split in two. fast-check picks the rewrites; the review must find nothing.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { loadCatalog } from '../../src/catalog/load-catalog.js'
import { DEFAULT_CONFIG } from '../../src/config/types.js'
import { review } from '../../src/review/review.js'
import { documents } from './managed-policies.js'
import { json, memorySource } from './memory-source.js'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type Doc = { [key: string]: Json }

const REWRITES = [
  'key-order',
  'statement-order',
  'duplicate-action',
  'string-array',
  'action-case',
  'add-sid',
  'split-statement',
  'single-statement'
] as const
type Rewrite = (typeof REWRITES)[number]

/** A small deterministic generator, seeded by fast-check, so a failure replays exactly. */
function random(seed: number): (n: number) => number {
  let state = seed >>> 0 || 1
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % Math.max(1, n)
  }
}

function shuffle<T>(items: readonly T[], pick: (n: number) => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

function shuffleKeys(value: Json, pick: (n: number) => number): Json {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, pick))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    shuffle(Object.entries(value), pick).map(([k, v]) => [k, shuffleKeys(v, pick)])
  )
}

const statements = (doc: Doc): Doc[] =>
  Array.isArray(doc['Statement']) ? (doc['Statement'] as Doc[]) : [doc['Statement'] as Doc]
const list = (value: Json | undefined): Json[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value]

function flipCase(text: string, pick: (n: number) => number): string {
  return [...text].map((ch) => (pick(2) === 0 ? ch.toUpperCase() : ch.toLowerCase())).join('')
}

function rewriteStatement(
  s: Doc,
  rewrite: Rewrite,
  pick: (n: number) => number,
  index: number
): Doc[] {
  const actions = list(s['Action'])
  switch (rewrite) {
    case 'duplicate-action':
      return actions.length === 0
        ? [s]
        : [{ ...s, Action: [...actions, actions[pick(actions.length)] as Json] }]
    case 'string-array': {
      const toggle = (v: Json | undefined): Json | undefined =>
        v === undefined ? undefined : Array.isArray(v) ? (v.length === 1 ? v[0] : v) : [v]
      const out: Doc = { ...s }
      for (const key of ['Action', 'Resource', 'NotResource'])
        if (key in s) out[key] = toggle(s[key]) as Json
      return [out]
    }
    case 'action-case':
      return actions.length === 0
        ? [s]
        : [{ ...s, Action: actions.map((a) => (typeof a === 'string' ? flipCase(a, pick) : a)) }]
    case 'add-sid':
      return [s['Sid'] === undefined ? { ...s, Sid: `Neutral${index}` } : s]
    case 'split-statement': {
      if (actions.length < 2 || 'NotAction' in s) return [s]
      const cut = 1 + pick(actions.length - 1)
      const second: Doc = { ...s, Action: actions.slice(cut) }
      if (typeof s['Sid'] === 'string') second['Sid'] = `${s['Sid']}Split${pick(1_000_000)}`
      return [{ ...s, Action: actions.slice(0, cut) }, second]
    }
    default:
      return [s]
  }
}

function rewrite(doc: Doc, rewrites: readonly Rewrite[], seed: number): Doc {
  const pick = random(seed)
  let out: Doc = structuredClone(doc)
  for (const r of rewrites) {
    if (r === 'key-order') out = shuffleKeys(out, pick) as Doc
    else if (r === 'statement-order') out = { ...out, Statement: shuffle(statements(out), pick) }
    else if (r === 'single-statement') {
      const all = statements(out)
      out = {
        ...out,
        Statement:
          all.length === 1 ? (Array.isArray(out['Statement']) ? (all[0] as Doc) : all) : all
      }
    } else
      out = {
        ...out,
        Statement: statements(out).flatMap((s, i) => rewriteStatement(s, r, pick, i))
      }
  }
  return out
}

describe('neutral rewrites of real managed policies', () => {
  const docs = documents(30)
  const catalog = loadCatalog()

  it('samples 30 real documents, and an edit that is not neutral is found in them', async () => {
    expect(docs).toHaveLength(30)
    const base: Record<string, string> = {}
    const head: Record<string, string> = {}
    for (const { name, document } of docs) {
      base[`${name}.json`] = json(document)
      const [first, ...rest] = statements(document as Doc)
      head[`${name}.json`] = json({
        ...document,
        Statement:
          rest.length > 0
            ? rest
            : [{ ...first, Effect: first?.['Effect'] === 'Allow' ? 'Deny' : 'Allow' }]
      })
    }
    const report = await review({
      source: memorySource({ base, head }),
      config: DEFAULT_CONFIG,
      catalog,
      toolVersion: 'test'
    })
    expect(report.files.filter((f) => f.outcome === 'changed').length).toBeGreaterThan(25)
  })

  it('report no decision change', async () => {
    const edits = fc.array(
      fc.record({
        rewrites: fc.array(fc.constantFrom(...REWRITES), { minLength: 1, maxLength: 6 }),
        seed: fc.integer()
      }),
      {
        minLength: docs.length,
        maxLength: docs.length
      }
    )
    await fc.assert(
      fc.asyncProperty(edits, async (perDoc) => {
        const base: Record<string, string> = {}
        const head: Record<string, string> = {}
        docs.forEach(({ name, document }, i) => {
          const edit = perDoc[i]!
          base[`${name}.json`] = json(document)
          head[`${name}.json`] = json(rewrite(document as Doc, edit.rewrites, edit.seed))
        })
        const report = await review({
          source: memorySource({ base, head }),
          config: DEFAULT_CONFIG,
          catalog,
          toolVersion: 'test'
        })
        expect(report.summary.filesWithErrors).toBe(0)
        expect(
          report.changes.map((c) => `${c.file}: ${c.action} ${c.before.effect} → ${c.after.effect}`)
        ).toEqual([])
        expect(report.summary.requests).toBeGreaterThan(0)
      }),
      { numRuns: 8 }
    )
  })
})
