// The one-line verdict that opens every rendering: did access grow, shrink, or could we not tell;
// led by the most severe risk of a broadening (docs/RISKS.md), naming what and where.
import { unreviewedCount } from '../diff/classify.js'
import type { Report } from '../diff/report.js'
import { formatCount, plural } from './markdown.js'
import { findingSentence, leadFinding } from './risks.js'

export type VerdictTone = 'broadened' | 'unreviewed' | 'narrowed' | 'deny-changed' | 'unchanged'

export interface Verdict {
  readonly tone: VerdictTone
  /**
   * the sentence with `**` around the word that matters (Markdown), led by the most severe risk
   * found (docs/RISKS.md) naming what and where; user text only in code spans (`codeSpan`)
   */
  readonly markdown: string
  /** the same sentence for a terminal (control characters in user text escaped) */
  readonly text: string
}

const ICONS: Readonly<Record<VerdictTone, { readonly emoji: string; readonly plain: string }>> = {
  broadened: { emoji: '⚠️', plain: '⚠' },
  unreviewed: { emoji: '❌', plain: '✖' },
  narrowed: { emoji: '✅', plain: '✔' },
  'deny-changed': { emoji: 'ℹ️', plain: 'ℹ' },
  unchanged: { emoji: '✅', plain: '✔' }
}

export function verdict(report: Report): Verdict {
  const { tone, sentence } = verdictSentence(report)
  const finding = tone === 'broadened' ? leadFinding(report) : undefined
  const lead = (format: 'markdown' | 'text'): string =>
    finding === undefined ? '' : `${findingSentence(report, finding, format)}; `
  return {
    tone,
    markdown: `${ICONS[tone].emoji} IAM policy diff: ${lead('markdown')}${sentence}`,
    text: `${ICONS[tone].plain} ${lead('text')}${sentence.replaceAll('**', '')}`
  }
}

function verdictSentence(report: Report): { tone: VerdictTone; sentence: string } {
  const { broadened, narrowed, denyChanged } = report.summary
  const unreviewed = unreviewedCount(report)
  const filesWith = (pick: (c: Report['files'][number]['changes']) => number): number =>
    report.files.filter((f) => pick(f.changes) > 0).length
  const tail = unreviewedTail(report, unreviewed)
  if (broadened > 0) {
    const extra = [
      narrowed > 0 ? `, narrowed for ${formatRequests(narrowed, false)}` : '',
      denyChanged > 0 ? `, deny changed for ${formatRequests(denyChanged, false)}` : ''
    ].join('')
    const files = plural(
      filesWith((c) => c.broadened),
      'file'
    )
    return {
      tone: 'broadened',
      sentence: `access **broadened** for ${formatRequests(broadened)} in ${files}${extra}${tail}`
    }
  }
  if (unreviewed > 0) {
    const rest = [
      narrowed > 0 ? `access narrowed for ${formatRequests(narrowed)}` : '',
      denyChanged > 0 ? `deny changed for ${formatRequests(denyChanged)}` : ''
    ]
      .filter(Boolean)
      .join(', ')
    if (report.summary.filesWithErrors === 0) {
      return { tone: 'unreviewed', sentence: 'the review **failed**: see the problems below' }
    }
    const what = incomplete(report)
      ? `the review is **incomplete**: ${plural(report.summary.filesWithErrors, 'policy file')} could not be fully reviewed`
      : `${plural(report.summary.filesWithErrors, 'policy file')} could **not be reviewed**`
    return {
      tone: 'unreviewed',
      sentence: `${what}${rest ? `; ${rest}` : '; no other decision changed'}`
    }
  }
  if (narrowed > 0) {
    const extra = denyChanged > 0 ? `, deny changed for ${formatRequests(denyChanged, false)}` : ''
    const files = plural(
      filesWith((c) => c.narrowed),
      'file'
    )
    return {
      tone: 'narrowed',
      sentence: `access **narrowed** for ${formatRequests(narrowed)} in ${files}${extra}, nothing broadened`
    }
  }
  if (denyChanged > 0) {
    return {
      tone: 'deny-changed',
      sentence: `explicit/implicit deny changed for ${formatRequests(denyChanged)}, no access granted or removed`
    }
  }
  const files = report.summary.files
  return {
    tone: 'unchanged',
    sentence:
      files === 0
        ? 'no policy file changed'
        : `**no decision changed** in ${plural(files, 'policy file')}`
  }
}

function unreviewedTail(report: Report, unreviewed: number): string {
  if (unreviewed === 0) return ''
  const errors = report.summary.filesWithErrors
  if (errors > 0 && incomplete(report))
    return `; the review is **incomplete** (${plural(errors, 'file')})`
  return errors > 0
    ? `; ${plural(errors, 'file')} could not be reviewed`
    : '; the review is incomplete'
}

/** Some file was reviewed only in part (its request matrix was cut at the limit). */
function incomplete(report: Report): boolean {
  return report.files.some((f) => f.diagnostics.some((d) => d.code === 'matrix-truncated'))
}

/** `17 requests`; after a first count the noun is implied: `narrowed for 3` */
function formatRequests(n: number, withNoun = true): string {
  return withNoun ? plural(n, 'request') : formatCount(n)
}
