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
