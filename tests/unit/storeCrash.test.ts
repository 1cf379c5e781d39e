import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { cp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { emptyStoreData, storeDataSchema } from '../../src/shared/model'
import { tempDir } from './helpers'
import { mulberry32 } from '../../bench/generateStore'

/**
 * The crash test: a child process (crash/crashWriter.ts) writes as fast as it can and reports each
 * acknowledged id; we kill it with SIGKILL at random moments, some of them during compaction, and
 * after each kill the store must load, validate and hold every id ever acknowledged.
 *
 * Reproduce a run with CRASH_SEED=<seed printed by the test>.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WRITER = fileURLToPath(new URL('./crash/crashWriter.ts', import.meta.url))

/** 33 in CI; `npm run soak` sets CRASH_ROUNDS to run many more (see scripts/soak.mjs). */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 33)
/** About a second a round on a loaded machine, with room to spare. */
const TIMEOUT_MS = Math.max(120_000, ROUNDS * 4_000)
/**
 * Every third round waits for a compaction to start and kills the writer right then, or (every
 * other such round) a few milliseconds later, to land in the later steps of the compaction.
 */
const COMPACTION_EVERY = 3
/** Journal size that triggers compaction in the writer: small, so that it compacts often. */
const COMPACT_THRESHOLD = 16_384
/** Acknowledged ids the writer must report before it may be killed. */
const MIN_ACKS = 5
const MAX_KILL_DELAY_MS = 150
const MAX_COMPACTION_DELAY_MS = 30
/** A round that does not see a compaction start within this long is killed anyway. */
const COMPACTION_WAIT_MS = 5_000
/** A writer that has not acknowledged MIN_ACKS ids within this long has hung. */
const STALL_MS = 20_000

/** mulberry32 (seeded), so a failing run can be replayed. */
const prng = mulberry32

/** Kill `ms` after enough acks, or `ms` after a compaction started (0: at once). */
type KillPlan = { kind: 'delay'; ms: number } | { kind: 'compaction'; ms: number }

interface RoundResult {
  acked: string[]
  /** The writer's output ends with a compaction start and no end: it died mid-compaction. */
  midCompaction: boolean
  compactions: number
  output: string
}

/**
 * One writer process. It is started ahead of its round, loads its code while the previous round
 * runs, and opens the store only on `run`, which kills it according to the plan.
 */
class Writer {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  private readonly acked: string[] = []
  private output = ''
  private pending = ''
  private stderr = ''
  private compacting = false
  private compactions = 0
  private plan: KillPlan | null = null
  private killed = false
  private stalled = false
  private scheduled = false
  private compactionSeen = false
  private readonly timers: NodeJS.Timeout[] = []

  constructor(
    dir: string,
    private readonly round: number,
  ) {
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, dir, String(round), String(COMPACT_THRESHOLD), '--wait-for-go'],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    )
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject)
      this.child.on('close', (code, signal) => resolve({ code, signal }))
    })
    this.exited.catch(() => undefined)
    this.child.stdout.setEncoding('utf8')
    this.child.stdout.on('data', (chunk: string) => this.read(chunk))
    this.child.stderr.setEncoding('utf8')
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk
    })
  }

  /** Lets the writer open the store and write, and SIGKILLs it according to `plan`. */
  async run(plan: KillPlan): Promise<RoundResult> {
    this.plan = plan
    this.later(STALL_MS, () => {
      if (this.killed) return
      this.stalled = true
      this.kill()
    })
    this.child.stdin.end('go\n')
    const { code, signal } = await this.exited
    for (const timer of this.timers) clearTimeout(timer)
    if (this.stalled || signal !== 'SIGKILL') {
      const how = this.stalled ? 'hung' : `exited by itself (code ${code}, signal ${signal})`
      throw new Error(
        `round ${this.round}: the writer ${how} after ${this.acked.length} acks\n` +
          `stderr:\n${this.stderr}`,
      )
    }
    // A last line without its newline was cut off by the kill: it does not count.
    return {
      acked: this.acked,
      midCompaction: this.compacting,
      compactions: this.compactions,
      output: this.output,
    }
  }

  /** Ends a writer that never ran. */
  async discard(): Promise<void> {
    this.kill()
    await this.exited.catch(() => undefined)
  }

  private read(chunk: string): void {
    this.output += chunk
    this.pending += chunk
    const lines = this.pending.split('\n')
    this.pending = lines.pop() ?? ''
    for (const line of lines) {
      if (line.startsWith('A ')) this.acked.push(line.slice(2))
      else if (line === 'C') {
        this.compacting = true
        this.compactions++
      } else if (line === 'c') this.compacting = false
    }
    this.maybeKill()
  }

  /** After every chunk of output: kills now, or schedules the kill, once enough is acked. */
  private maybeKill(): void {
    const plan = this.plan
    if (!plan || this.killed || this.acked.length < MIN_ACKS) return
    if (plan.kind === 'compaction' && this.compacting && !this.compactionSeen) {
      this.compactionSeen = true
      if (plan.ms === 0) this.kill()
      else this.later(plan.ms, () => this.kill())
    }
    if (this.scheduled) return
    this.scheduled = true
    this.later(plan.kind === 'delay' ? plan.ms : COMPACTION_WAIT_MS, () => this.kill())
  }

  private kill(): void {
    if (this.killed) return
    this.killed = true
    this.child.kill('SIGKILL')
  }

  private later(ms: number, action: () => void): void {
    this.timers.push(setTimeout(action, ms))
  }
}

describe('the journaled store under SIGKILL', { timeout: TIMEOUT_MS }, () => {
  it(`loads, validates and keeps every acknowledged write across ${ROUNDS} kills`, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32))
    console.log(`storeCrash: seed ${seed} (replay with CRASH_SEED=${seed})`)
    const random = prng(seed)
    const dir = await tempDir()
    const stage = join(await tempDir(), 'before-open')
    const started = Date.now()
    const everAcked: string[] = []
    let midCompactionKills = 0
    let compactions = 0
    let next: Writer | null = new Writer(dir, 0)

    try {
      for (let round = 0; round < ROUNDS; round++) {
        const share = random()
        const plan: KillPlan =
          round % COMPACTION_EVERY !== 0
            ? { kind: 'delay', ms: Math.floor(share * (MAX_KILL_DELAY_MS + 1)) }
            : round % (2 * COMPACTION_EVERY) === 0
              ? { kind: 'compaction', ms: 0 }
              : { kind: 'compaction', ms: Math.floor(share * (MAX_COMPACTION_DELAY_MS + 1)) }
        const writer = next ?? new Writer(dir, round)
        // The next round's writer loads its code while this one runs.
        next = round + 1 < ROUNDS ? new Writer(dir, round + 1) : null
        const result = await writer.run(plan)
        everAcked.push(...result.acked)
        compactions += result.compactions
        if (result.midCompaction) midCompactionKills++

        // Keep the files exactly as the kill left them, before opening changes anything.
        await rm(stage, { recursive: true, force: true })
        await cp(dir, stage, { recursive: true })
        await writeFile(join(stage, 'writer-output.log'), result.output)

        let missing: string[] = []
        let failure: unknown = null
        try {
          const store = await openJournaledStore({
            dir,
            initialData: emptyStoreData,
            holder: 'test',
            backups: false,
          })
          try {
            const data = storeDataSchema.parse(store.read())
            const ids = new Set(data.contacts.map((contact) => contact.id))
            missing = everAcked.filter((id) => !ids.has(id))
          } finally {
            await store.close()
          }
        } catch (error) {
          failure = error
        }
        if (failure !== null || missing.length > 0) {
          const evidence = join(tmpdir(), `crash-evidence-${round}`)
          await rm(evidence, { recursive: true, force: true })
          await cp(stage, evidence, { recursive: true })
          const what =
            failure !== null
              ? `the store did not open or validate: ${String(failure)}`
              : `${missing.length} acknowledged ids are missing, e.g. ${missing.slice(0, 5).join(', ')}`
          throw new Error(
            `round ${round} (seed ${seed}, plan ${JSON.stringify(plan)}, ` +
              `midCompaction ${result.midCompaction}): ${what}; files as left: ${evidence}`,
            { cause: failure },
          )
        }
      }
    } finally {
      await next?.discard()
    }

    console.log(
      `storeCrash: ${ROUNDS} rounds, ${everAcked.length} acked ids, ${compactions} compactions, ` +
        `${midCompactionKills} kills mid-compaction, ${Date.now() - started} ms`,
    )
    expect(everAcked.length).toBeGreaterThan(0)
    // 5 in 33 rounds; a soak of many more rounds must land in compactions as often.
    expect(midCompactionKills).toBeGreaterThanOrEqual(Math.max(1, Math.floor((ROUNDS * 5) / 33)))
  })
})
