// Small statistics and formatting helpers for the bench report.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? Number.NaN
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2
}

export const formatInt = (n: number): string => Math.round(n).toLocaleString('en-US')

export const formatMib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`
