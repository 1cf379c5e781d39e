/**
 * The journaled store at two sizes, against plain lowdb as the baseline. For each size, in a
 * fresh temporary folder: the generated data becomes the snapshot (open with `initialData`, then
 * close), and then we time a cold open of that folder, durable single edits, a burst of
 * concurrent edits, the longest event-loop stall during the edits, a cold open that has to replay
 * the journal those edits left, plain lowdb `db.update` on the same data, SQLite (node:sqlite) on
 * the same data (bench/sqliteBaseline.ts), and peak memory.
 *
 * BENCH_QUICK=1 runs the typical size only. BENCH_DIR picks the parent of the temporary folders
 * (default: the OS temp folder); fsync cost depends on the disk under it.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { crc32 } from 'node:zlib'
import { runInNewContext } from 'node:vm'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { StoreData } from '../src/shared/model'
import {
  JOURNAL_FILE,
  SNAPSHOT_FILE,
  openJournaledStore,
  type JournaledStore,
  type OpenStoreOptions,
} from '../src/main/core/store/journaledStore'
import { type BenchFigure, percentile } from './figures'
import { sqliteBaseline, type SqliteFigures } from './sqliteBaseline'
import { generateStore, type StoreSize } from './generateStore'

interface BenchSize {
  label: string
  size: StoreSize
  /** lowdb rewrites the whole file per edit, so at the large size a few edits are plenty. */
  baselineEdits: number
}

const SIZES: BenchSize[] = [
  {
    label: 'typical',
    size: { contacts: 3_000, encounters: 10_000, followUps: 5_000 },
    baselineEdits: 10,
  },
  {
    label: 'large',
    size: { contacts: 30_000, encounters: 100_000, followUps: 50_000 },
    baselineEdits: 3,
  },
]
const SEQUENTIAL_EDITS = 200
const CONCURRENT_EDITS = 1_000
const LOOP_SAMPLE_MS = 10
const MEMORY_SAMPLE_MS = 50

interface SizeResult {
  label: string
  records: number
  fileMb: number
  loadMs: number
  /** Of the cold load: the snapshot's checksum, verified at every load (issue 14). */
  checksumMs: number
  /** Parsing the same bytes, for comparison. */
  parseMs: number
  /** Part of the cold load spent compacting (the store does so only when there is a journal). */
  loadCompactionMs: number
  replayLoadMs: number
  /** Closing folds the edits' journal into a new snapshot (a full compaction). */
  closeMs: number
  journalKb: number
  editMedianMs: number
  editP95Ms: number
  concurrentMs: number
  /** Longest event-loop stall during the sequential edits, and during the burst. */
  sequentialBlock: LoopBlock
  burstBlock: LoopBlock
  baselineMs: number
  sqlite: SqliteFigures | 'unavailable'
  peakRssMb: number
}

/** A real `gc()` even without --expose-gc, so each phase starts without the last one's garbage. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

const round = (value: number, digits = 1): number => Number(value.toFixed(digits))
const mb = (bytes: number): number => bytes / 1_000_000

/** The worst stall: wall time beyond the sampling period, and the CPU time we used during it. */
interface LoopBlock {
  wallMs: number
  cpuMs: number
}

/**
 * The longest gap between ticks of a short interval beyond its period: how long the event loop
 * stalled. The process's CPU time over that gap tells our own work (CPU close to the wall time)
 * from time the OS gave to other processes (CPU far below it) on a busy machine.
 */
function startLoopBlockSampler(): () => LoopBlock {
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  let worst: LoopBlock = { wallMs: 0, cpuMs: 0 }
  const tick = () => {
    const now = performance.now()
    const cpu = process.cpuUsage(lastCpu)
    const wallMs = now - last - LOOP_SAMPLE_MS
    if (wallMs > worst.wallMs) worst = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }
    last = now
    lastCpu = process.cpuUsage()
  }
  const timer = setInterval(tick, LOOP_SAMPLE_MS)
  return () => {
    clearInterval(timer)
    tick()
    return worst
  }
}

/**
 * Peak resident memory from now on, sampled on a timer and at every `mark()`. A synchronous
 * phase (JSON.parse of the snapshot) can peak between samples, so call mark() right after one.
 */
function startMemorySampler(): { mark: () => void; stop: () => number } {
  let peak = process.memoryUsage.rss()
  const mark = () => {
    peak = Math.max(peak, process.memoryUsage.rss())
  }
  const timer = setInterval(mark, MEMORY_SAMPLE_MS)
  return {
    mark,
    stop: () => {
      clearInterval(timer)
      mark()
      return peak
    },
  }
}

/**
 * How fast this machine hands out memory it has not touched yet, in MB/s. Parsing and writing a
 * large snapshot allocate a lot of it, so a slow figure here (some VMs back guest memory lazily)
 * explains slow loads better than the store's code does.
 */
function freshMemoryMbPerSecond(): number {
  const bytes = 64 * 1024 * 1024
  const start = performance.now()
  Buffer.allocUnsafe(bytes).fill(1)
  return mb(bytes) / ((performance.now() - start) / 1000)
}

function storeOptions(dir: string, initialData: () => StoreData): OpenStoreOptions {
  return { dir, initialData, holder: 'bench', backups: false }
}

const noInitialData = (): StoreData => {
  throw new Error('the benchmark folder should already hold a snapshot')
}

/** One contact's notes changed, resolved once the journal line is on disk. */
function editNotes(store: JournaledStore, index: number, text: string): Promise<void> {
  return store.update((tx) => {
    const contact = tx.data.contacts[index % tx.data.contacts.length]!
    tx.put('contacts', { ...contact, notes: text })
  })
}

/**
 * The generated data as the folder's snapshot, written by the store itself. Nothing of it stays
 * referenced afterwards, so the cold load below starts from the file alone.
 */
async function writeSnapshot(dir: string, size: StoreSize): Promise<number> {
  const data = generateStore(size)
  const store = await openJournaledStore(storeOptions(dir, () => data))
  await store.close()
  return data.contacts.length + data.events.length + data.encounters.length + data.followUps.length
}

async function benchSize({ label, size, baselineEdits }: BenchSize): Promise<SizeResult> {
  const root = process.env.BENCH_DIR ?? tmpdir()
  await mkdir(root, { recursive: true })
  const dir = await mkdtemp(join(root, `rapport-bench-${label}-`))
  try {
    const records = await writeSnapshot(dir, size)
    const snapshotFile = join(dir, SNAPSHOT_FILE)
    const fileMb = mb((await stat(snapshotFile)).size)
    // The checksum every load verifies, next to the parse it guards.
    const bytes = await readFile(snapshotFile)
    const checksumStart = performance.now()
    crc32(bytes)
    const checksumMs = performance.now() - checksumStart
    const parseStart = performance.now()
    JSON.parse(bytes.toString('utf8'))
    const parseMs = performance.now() - parseStart
    collectGarbage()

    // Cold load: read, parse, migrate, validate, index, replay (empty journal), start-up compaction.
    const memory = startMemorySampler()
    // Only compactions that run inside the open count towards the load; the hook stays attached.
    let loading = true
    let compactionStart = 0
    let loadCompactionMs = 0
    const loadStart = performance.now()
    const store = await openJournaledStore({
      ...storeOptions(dir, noInitialData),
      onCompaction: (phase) => {
        if (!loading) return
        if (phase === 'start') compactionStart = performance.now()
        else loadCompactionMs += performance.now() - compactionStart
      },
    })
    const loadMs = performance.now() - loadStart
    loading = false
    memory.mark()

    // Edits: sequential first (latency of one durable edit), then a concurrent burst.
    let stopLoopSampler = startLoopBlockSampler()
    const latencies: number[] = []
    for (let i = 0; i < SEQUENTIAL_EDITS; i += 1) {
      const start = performance.now()
      await editNotes(store, i, `Bench edit ${i}: called back about the intro.`)
      latencies.push(performance.now() - start)
    }
    const sequentialBlock = stopLoopSampler()
    memory.mark()
    stopLoopSampler = startLoopBlockSampler()
    const burstStart = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENT_EDITS }, (_, i) =>
        editNotes(store, SEQUENTIAL_EDITS + i, `Bench burst ${i}: sent the slides.`),
      ),
    )
    const concurrentMs = performance.now() - burstStart
    const burstBlock = stopLoopSampler()
    const peakRss = memory.stop()

    // The journal those edits left, copied while the store is open (as after a crash), then
    // opened cold: the same load plus replaying every edit.
    const replayDir = join(dir, 'replay')
    await mkdir(replayDir)
    await copyFile(snapshotFile, join(replayDir, SNAPSHOT_FILE))
    // The snapshot's checksum sidecar survives a crash too.
    await copyFile(`${snapshotFile}.sum`, join(replayDir, `${SNAPSHOT_FILE}.sum`))
    await copyFile(join(dir, JOURNAL_FILE), join(replayDir, JOURNAL_FILE))
    const journalKb = (await stat(join(replayDir, JOURNAL_FILE))).size / 1024
    const closeStart = performance.now()
    await store.close()
    const closeMs = performance.now() - closeStart
    collectGarbage()
    const replayStart = performance.now()
    const replayed = await openJournaledStore(storeOptions(replayDir, noInitialData))
    const replayLoadMs = performance.now() - replayStart
    await replayed.close()
    collectGarbage()

    // Baseline: plain lowdb on the same data, rewriting the whole file on every update.
    const baselineFile = join(dir, 'lowdb.json')
    const sameData = JSON.parse(await readFile(snapshotFile, 'utf8')) as StoreData
    const db = new Low<StoreData>(new JSONFile<StoreData>(baselineFile), sameData)
    await db.write()
    const baselineStart = performance.now()
    for (let i = 0; i < baselineEdits; i += 1) {
      await db.update((data) => {
        data.contacts[i]!.notes = `Baseline edit ${i}`
      })
    }
    const baselineMs = (performance.now() - baselineStart) / baselineEdits
    collectGarbage()
    const sqlite = sqliteBaseline(sameData, dir, SEQUENTIAL_EDITS)

    latencies.sort((a, b) => a - b)
    return {
      label,
      records,
      fileMb,
      loadMs,
      checksumMs,
      parseMs,
      loadCompactionMs,
      closeMs,
      replayLoadMs,
      journalKb,
      editMedianMs: percentile(latencies, 50),
      editP95Ms: percentile(latencies, 95),
      concurrentMs,
      sequentialBlock,
      burstBlock,
      baselineMs,
      sqlite,
      peakRssMb: mb(peakRss),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

interface Target {
  label: string
  size: string
  value: (r: SizeResult) => number
  unit: string
  limit: number
  /** 'max': the figure must not exceed the limit; 'min': it must reach it. */
  kind: 'max' | 'min'
}

const TARGETS: Target[] = [
  {
    label: 'cold load',
    size: 'large',
    value: (r) => r.loadMs,
    unit: ' ms',
    limit: 1_500,
    kind: 'max',
  },
  {
    label: 'cold load',
    size: 'typical',
    value: (r) => r.loadMs,
    unit: ' ms',
    limit: 150,
    kind: 'max',
  },
  {
    label: 'durable edit p95',
    size: 'large',
    value: (r) => r.editP95Ms,
    unit: ' ms',
    limit: 10,
    kind: 'max',
  },
  {
    label: 'lowdb per edit / ours (median)',
    size: 'large',
    value: (r) => r.baselineMs / r.editMedianMs,
    unit: '×',
    limit: 100,
    kind: 'min',
  },
  {
    label: `${CONCURRENT_EDITS.toLocaleString('en')} concurrent edits`,
    size: 'large',
    value: (r) => r.concurrentMs,
    unit: ' ms',
    limit: 1_000,
    kind: 'max',
  },
  {
    label: 'longest event-loop block during edits',
    size: 'large',
    value: (r) => Math.max(r.sequentialBlock.wallMs, r.burstBlock.wallMs),
    unit: ' ms',
    limit: 100,
    kind: 'max',
  },
  {
    label: 'longest event-loop block during edits',
    size: 'typical',
    value: (r) => Math.max(r.sequentialBlock.wallMs, r.burstBlock.wallMs),
    unit: ' ms',
    limit: 100,
    kind: 'max',
  },
]

const showBlock = (block: LoopBlock): string =>
  `${Math.round(block.wallMs)} (CPU ${Math.round(block.cpuMs)})`

/** Each size's figures, measures named as the targets name them so a target can mark its own. */
function sizeFigures(r: SizeResult): BenchFigure[] {
  const section = `Store, ${r.label}`
  const figure = (measure: string, value: number, unit: string): BenchFigure => ({
    section,
    measure,
    value,
    unit,
  })
  return [
    figure('records', r.records, ''),
    figure('snapshot file size', r.fileMb, 'MB'),
    figure('cold load', r.loadMs, 'ms'),
    figure('cold load, of it compaction', r.loadCompactionMs, 'ms'),
    figure('snapshot checksum (crc32, every load)', r.checksumMs, 'ms'),
    figure('JSON.parse of the same file', r.parseMs, 'ms'),
    figure(`load + replay (${Math.round(r.journalKb)} KB journal)`, r.replayLoadMs, 'ms'),
    figure('close (compacts)', r.closeMs, 'ms'),
    figure('durable edit median', r.editMedianMs, 'ms'),
    figure('durable edit p95', r.editP95Ms, 'ms'),
    figure(`${CONCURRENT_EDITS.toLocaleString('en')} concurrent edits`, r.concurrentMs, 'ms'),
    figure(
      'longest event-loop block during edits',
      Math.max(r.sequentialBlock.wallMs, r.burstBlock.wallMs),
      'ms',
    ),
    figure('lowdb per edit', r.baselineMs, 'ms'),
    figure('lowdb per edit / ours (median)', r.baselineMs / r.editMedianMs, '×'),
    ...(r.sqlite === 'unavailable'
      ? [
          {
            section: `Store, ${r.label}`,
            measure: 'SQLite baseline (node:sqlite)',
            value: 'not on this Node',
            unit: '',
          },
        ]
      : [
          figure('SQLite baseline: cold load (all records into memory)', r.sqlite.loadMs, 'ms'),
          figure('SQLite baseline: durable edit median', r.sqlite.editMedianMs, 'ms'),
          figure('SQLite baseline: durable edit p95', r.sqlite.editP95Ms, 'ms'),
        ]),
    figure('peak RSS', r.peakRssMb, 'MB'),
  ]
}

function report(results: SizeResult[]): BenchFigure[] {
  const freshMemory = freshMemoryMbPerSecond()
  console.log(
    `\nMachine: ${availableParallelism()} cores, Node ${process.versions.node}; memory touched ` +
      `for the first time at ${Math.round(freshMemory)} MB/s ` +
      '(a desktop usually manages a few thousand).',
  )
  console.log(
    `Journaled store vs plain lowdb (${SEQUENTIAL_EDITS} sequential edits, ` +
      `${CONCURRENT_EDITS} concurrent). Times in ms; a loop block is the longest stall of the ` +
      'event loop, with the CPU time this process used during it.',
  )
  console.table(
    Object.fromEntries(
      results.map((r) => [
        r.label,
        {
          records: r.records,
          'file MB': round(r.fileMb),
          'cold load': Math.round(r.loadMs),
          '…of it compaction': Math.round(r.loadCompactionMs),
          [`load + replay (${Math.round(r.journalKb)} KB journal)`]: Math.round(r.replayLoadMs),
          'close (compacts)': Math.round(r.closeMs),
          'edit median': round(r.editMedianMs, 2),
          'edit p95': round(r.editP95Ms, 2),
          [`${CONCURRENT_EDITS} concurrent`]: Math.round(r.concurrentMs),
          'loop block, sequential': showBlock(r.sequentialBlock),
          'loop block, burst': showBlock(r.burstBlock),
          'lowdb per edit': Math.round(r.baselineMs),
          'lowdb ÷ ours': Math.round(r.baselineMs / r.editMedianMs),
          'SQLite load': r.sqlite === 'unavailable' ? 'n/a' : Math.round(r.sqlite.loadMs),
          'SQLite edit median':
            r.sqlite === 'unavailable' ? 'n/a' : round(r.sqlite.editMedianMs, 2),
          'peak RSS MB': Math.round(r.peakRssMb),
        },
      ]),
    ),
  )
  const figures: BenchFigure[] = [
    {
      section: 'Store',
      measure: 'memory touched for the first time',
      value: freshMemory,
      unit: 'MB/s',
    },
    ...results.flatMap(sizeFigures),
  ]
  for (const target of TARGETS) {
    const result = results.find((r) => r.label === target.size)
    const bound = `${target.kind === 'max' ? '≤' : '≥'} ${target.limit.toLocaleString('en')}${target.unit}`
    const name = `${target.size}: ${target.label} ${bound}`
    const section = `Store, ${target.size}`
    if (!result) {
      console.log(`  ${name}: not run`)
      figures.push({ section, measure: target.label, value: 'not run', unit: '', target: bound })
      continue
    }
    const value = target.value(result)
    const met = target.kind === 'max' ? value <= target.limit : value >= target.limit
    const shown = value >= 100 ? Math.round(value).toLocaleString('en') : round(value, 1)
    console.log(`  ${name}: ${met ? 'met' : 'NOT met'} (${shown}${target.unit})`)
    const figure = figures.find((f) => f.section === section && f.measure === target.label)
    if (figure) Object.assign(figure, { target: bound, met })
  }
  return figures
}

export async function runStoreBench(): Promise<BenchFigure[]> {
  const quick = process.env.BENCH_QUICK === '1'
  const sizes = quick ? SIZES.filter((s) => s.label === 'typical') : SIZES
  const results: SizeResult[] = []
  for (const size of sizes) {
    const { contacts, encounters, followUps } = size.size
    console.log(
      `Benchmarking ${size.label}: ${contacts} contacts, ${encounters} encounters, ` +
        `${followUps} follow-ups…`,
    )
    results.push(await benchSize(size))
  }
  return report(results)
}
