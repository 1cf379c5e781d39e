/**
 * `npm run bench`: the journaled store at a typical and a large size against plain lowdb, then
 * search-as-you-type over 30,000 contacts, then importing a 30,000-row CSV and four hostile
 * input shapes at 1 to 10 MB, then the reminder
 * scheduler and the calendar export, then the relationship map (in Node and in Chromium), with
 * the issues' targets checked, and the desktop app's main thread while its core works (with the
 * electron stand-in). BENCH_QUICK=1 runs
 * the store at the typical size only and types fewer search rounds (search stays at 30,000).
 *
 * Besides the console output, every benchmark returns its key figures; they are written, with the
 * machine they were measured on, to `bench/results.md` at the end.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { arch, availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os'
import { formatMet, formatValue, type BenchFigure } from './figures'
import { runDesktopMainThreadBench } from './desktopMainThread'
import { runCardScanBench } from './cardScan'
import { runIcsBench } from './icsBench'
import { runMapBench } from './mapBench'
import { runHostileInputBench } from './hostileInput'
import { runImportBench } from './importBench'
import { runSchedulerBench } from './schedulerBench'
import { runSearchBench } from './searchBench'
import { runStoreBench } from './storeBench'
import { runWriteCostBench } from './writeCostBench'
import { runSyncBench } from './syncBench'

const RESULTS = new URL('./results.md', import.meta.url)

const cell = (text: string): string => text.replace(/\|/g, '\\|')
const width = (text: string): number => Array.from(text).length

/** A markdown table padded the way Prettier pads it, so the file passes `format:check`. */
function markdownTable(header: string[], rows: string[][], right: ReadonlySet<number>): string {
  const all = [header, ...rows].map((row) => row.map(cell))
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => width(row[i]!))))
  const line = (row: string[]) =>
    `| ${row
      .map((text, i) => {
        const gap = ' '.repeat(widths[i]! - width(text))
        return right.has(i) ? gap + text : text + gap
      })
      .join(' | ')} |`
  const rule = widths.map((w, i) => (right.has(i) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)))
  return [line(all[0]!), `| ${rule.join(' | ')} |`, ...all.slice(1).map(line)].join('\n')
}

const loadText = (load: number[]): string => load.map((l) => l.toFixed(2)).join(' / ')

interface RunInfo {
  quick: boolean
  started: Date
  seconds: number
  loadStart: number[]
  loadEnd: number[]
}

function resultsMarkdown(figures: BenchFigure[], run: RunInfo): string {
  const date = `${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  const gib = (totalmem() / 2 ** 30).toFixed(1)
  const table = markdownTable(
    ['Section', 'Measure', 'Value', 'Target', 'Met'],
    figures.map((f) => [f.section, f.measure, formatValue(f), f.target ?? '', formatMet(f)]),
    new Set([2]),
  )
  return [
    run.quick ? '# Benchmark results (quick run)' : '# Benchmark results',
    '',
    run.quick
      ? `A quick run (\`BENCH_QUICK=1\`) on ${date}, ${Math.round(run.seconds)} s in all: the ` +
        'store at the typical size only and fewer search rounds, so the large-store targets say ' +
        '"not run". A full `npm run bench` gives every figure.'
      : `A full run of \`npm run bench\` on ${date}, ${Math.round(run.seconds)} s in all.`,
    'Written by `bench/run.ts`; do not edit by hand.',
    '',
    '## Machine',
    '',
    `- Cores: ${availableParallelism()} (\`os.availableParallelism()\`)`,
    `- CPU: ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    `- Memory: ${gib} GiB`,
    `- Node: ${process.versions.node}`,
    `- Platform: ${platform()} ${release()} (${arch()})`,
    `- Load average (1 / 5 / 15 min): ${loadText(run.loadStart)} at the start, ` +
      `${loadText(run.loadEnd)} at the end` +
      // Never call a loaded run quiet: other work inflates times (tails most). Judged at the
      // start: the benchmark's own work is in the load average at the end.
      (run.loadStart[0]! > availableParallelism() / 2
        ? ' — the machine was busy with other work, so these times are upper bounds'
        : ' — a quiet machine'),
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                # full run, a few minutes',
    'BENCH_QUICK=1 npm run bench  # quick: typical store size only, fewer search rounds',
    'BENCH_ONLY=cards,ics npm run bench  # only these, in a section of their own',
    '```',
    '',
    "The console shows more detail than this table (every run, notes, the loop blocks' CPU " +
      'time). `BENCH_DIR` picks where the store benchmark writes; fsync cost depends on that disk.',
    '',
    '## Figures',
    '',
    'Times are wall-clock on the machine above; targets come from the issues.',
    '',
    table,
    '',
  ].join('\n')
}

/** Every benchmark, by the name `BENCH_ONLY` picks it with. */
const BENCHES: [string, () => Promise<BenchFigure[]>][] = [
  ['store', runStoreBench],
  ['search', runSearchBench],
  ['import', runImportBench],
  ['hostile', runHostileInputBench],
  ['scheduler', runSchedulerBench],
  ['writeCost', runWriteCostBench],
  ['ics', runIcsBench],
  ['cards', runCardScanBench],
  ['map', runMapBench],
  ['desktop', runDesktopMainThreadBench],
  ['sync', runSyncBench],
]

/** The section a partial run (`BENCH_ONLY=cards`) writes, with its own date and machine load. */
function partialSection(names: string[], figures: BenchFigure[], run: RunInfo): string {
  const date = `${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  const busy = run.loadStart[0]! > availableParallelism() / 2
  return [
    `## Partial run: ${names.join(', ')}`,
    '',
    `\`BENCH_ONLY=${names.join(',')} npm run bench\` on ${date}, ${Math.round(run.seconds)} s; ` +
      `Node ${process.versions.node}, load average ${loadText(run.loadStart)} at the start and ` +
      `${loadText(run.loadEnd)} at the end` +
      (busy ? ' (busy: these times are upper bounds).' : ' (quiet).') +
      ' A full run replaces this section with the table above.',
    '',
    markdownTable(
      ['Section', 'Measure', 'Value', 'Target', 'Met'],
      figures.map((f) => [f.section, f.measure, formatValue(f), f.target ?? '', formatMet(f)]),
      new Set([2]),
    ),
  ].join('\n')
}

async function main(): Promise<void> {
  const started = new Date()
  const loadStart = loadavg()
  const only = process.env.BENCH_ONLY?.split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const unknown = only?.filter((name) => !BENCHES.some(([known]) => known === name)) ?? []
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_ONLY: no benchmark named ${unknown.join(', ')} (known: ${BENCHES.map(([n]) => n).join(', ')})`,
    )
  }
  const figures: BenchFigure[] = []
  for (const [name, bench] of BENCHES) {
    if (!only || only.includes(name)) figures.push(...(await bench()))
  }
  const run: RunInfo = {
    quick: process.env.BENCH_QUICK === '1',
    started,
    seconds: (Date.now() - started.getTime()) / 1000,
    loadStart,
    loadEnd: loadavg(),
  }
  const previous = await readFile(RESULTS, 'utf8').catch(() => '')
  if (only) {
    // A partial run keeps the full table and replaces only its own section.
    const key = only.join(',')
    const start = `<!-- PARTIAL:${key}:START -->`
    const end = `<!-- PARTIAL:${key}:END -->`
    const section = `${start}\n\n${partialSection(only, figures, run)}\n${end}`
    const at = previous.indexOf(start)
    const stop = previous.indexOf(end)
    const next =
      at >= 0 && stop > at
        ? previous.slice(0, at) + section + previous.slice(stop + end.length)
        : `${previous.trimEnd()}\n\n${section}\n`
    await writeFile(RESULTS, next)
    console.log(`\nFigures of ${key} written to their section of bench/results.md.`)
    return
  }
  // `npm run bench:ui` keeps its own section in the same file; carry it over.
  const uiSection = /<!-- UI-BENCH:START -->[\s\S]*<!-- UI-BENCH:END -->/.exec(previous)?.[0]
  const markdown = resultsMarkdown(figures, run)
  await writeFile(RESULTS, uiSection ? `${markdown.trimEnd()}\n\n${uiSection}\n` : markdown)
  console.log(`\nFigures written to bench/results.md.`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
