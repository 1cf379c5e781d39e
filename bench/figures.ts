/**
 * The key figures each benchmark returns next to its console output; `bench/run.ts` collects
 * them into `bench/results.md`.
 */
export interface BenchFigure {
  /** Which benchmark and, where it matters, which size: "Store, large". */
  section: string
  measure: string
  /** A number in `unit`, or a word ("yes", "not run"). */
  value: number | string
  unit: string
  /** The issue's target, as shown: "≤ 10 ms". */
  target?: string
  met?: boolean
}

/** A target as the console shows it: "≤ 1,500 ms", "≥ 100×", "< 10 ms". */
export function targetText(relation: '≤' | '≥' | '<', limit: number, unit: string): string {
  return `${relation} ${limit.toLocaleString('en')}${unit === '×' ? unit : ` ${unit}`}`
}

export function formatValue({ value, unit }: BenchFigure): string {
  if (typeof value === 'string') return value
  if (!Number.isFinite(value)) return 'n/a'
  if (value === 0) return unit && unit !== '×' ? `0 ${unit}` : '0'
  const size = Math.abs(value)
  const shown =
    size >= 100
      ? Math.round(value).toLocaleString('en')
      : value.toFixed(size >= 10 ? 1 : size >= 1 ? 2 : 3)
  if (!unit) return shown
  return unit === '×' ? `${shown}×` : `${shown} ${unit}`
}

export function formatMet(figure: BenchFigure): string {
  if (figure.value === 'not run') return 'not run'
  if (figure.met === undefined) return ''
  return figure.met ? 'yes' : '**no**'
}

/** The middle value (the upper one of two), in any order; NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

/** The nearest-rank percentile of values in any order, sorting a copy. */
export const percentileOf = (values: readonly number[], p: number): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  )

/** The nearest-rank percentile `p` (0–100) of values sorted ascending; NaN for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!
}
