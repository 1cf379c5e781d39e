import { spawn } from 'node:child_process'
import { cp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { emptyStoreData, storeDataSchema } from '../../src/shared/model'
import { tempDir } from './helpers'

/**
 * The crash test: a child process (crash/crashWriter.ts) writes as fast as it can and reports each
 * acknowledged id; we kill it with SIGKILL at random moments, some of them during compaction, and
 * after each kill the store must load, validate and hold every id ever acknowledged.
 *
 * Reproduce a run with CRASH_SEED=<seed printed by the test>.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const WRITER = fileURLToPath(new URL('./crash/crashWriter.ts', import.meta.url))

const ROUNDS = 36
/** Every third round waits for a compaction to start and kills the writer right then. */
const COMPACTION_EVERY = 3
/** Journal size that triggers compaction in the writer: small, so that it compacts often. */
const COMPACT_THRESHOLD = 16_384
/** Acknowledged ids the writer must report before it may be killed. */
const MIN_ACKS = 5
const MAX_KILL_DELAY_MS = 150
/** A round that does not see a compaction start within this long is killed anyway. */
const COMPACTION_WAIT_MS = 5_000
/** A writer that has not acknowledged MIN_ACKS ids within this long has hung. */
const STALL_MS = 20_000

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type KillPlan = { kind: 'delay'; ms: number } | { kind: 'compaction' }

interface RoundResult {
  acked: string[]
  /** The writer's output ends with a compaction start and no end: it died mid-compaction. */
  midCompaction: boolean
  compactions: number
  output: string
}

/** Runs the writer once on `dir` and SIGKILLs it according to `plan`. */
function runWriter(dir: string, round: number, plan: KillPlan): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, dir, String(round), String(COMPACT_THRESHOLD)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const acked: string[] = []
    const spawnedAt = Date.now()
    let firstAck = -1
    let output = ''
    let pending = ''
    let stderr = ''
    let compacting = false
    let compactions = 0
    let killed = false
    let stalled = false
    const timers: NodeJS.Timeout[] = []

    const kill = (): void => {
      if (killed) return
      killed = true
      child.kill('SIGKILL')
    }
    const later = (ms: number, action: () => void): void => {
      timers.push(setTimeout(action, ms))
    }
    later(STALL_MS, () => {
      if (killed) return
      stalled = true
      kill()
    })

    let scheduled = false
    /** Called after every chunk of output: kills now, or schedules the kill, once enough is acked. */
    const maybeKill = (): void => {
      if (killed || acked.length < MIN_ACKS) return
      if (plan.kind === 'compaction' && compacting) kill()
      if (scheduled) return
      scheduled = true
      later(plan.kind === 'delay' ? plan.ms : COMPACTION_WAIT_MS, kill)
    }

    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      output += chunk
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (line.startsWith('A ')) {
          if (acked.length === 0) firstAck = Date.now() - spawnedAt
          acked.push(line.slice(2))
        } else if (line === 'C') {
          compacting = true
          compactions++
        } else if (line === 'c') compacting = false
      }
      maybeKill()
    })
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer)
      // A last line without its newline was cut off by the kill: it does not count.
      if (stalled || signal !== 'SIGKILL') {
        reject(
          new Error(
            `round ${round}: the writer ${stalled ? 'hung' : `exited by itself (code ${code}, signal ${signal})`}` +
              ` after ${acked.length} acks\nstderr:\n${stderr}`,
          ),
        )
        return
      }
      resolve({ acked, midCompaction: compacting, compactions, output, firstAck } as RoundResult)
    })
  })
}

describe('the journaled store under SIGKILL', () => {
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

    for (let round = 0; round < ROUNDS; round++) {
      const delay = Math.floor(random() * (MAX_KILL_DELAY_MS + 1))
      const plan: KillPlan =
        round % COMPACTION_EVERY === 0 ? { kind: 'compaction' } : { kind: 'delay', ms: delay }
      const result = await runWriter(dir, round, plan)
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

    console.log(
      `storeCrash: ${ROUNDS} rounds, ${everAcked.length} acked ids, ${compactions} compactions, ` +
        `${midCompactionKills} kills mid-compaction, ${Date.now() - started} ms`,
    )
    expect(everAcked.length).toBeGreaterThan(0)
    expect(midCompactionKills).toBeGreaterThanOrEqual(5)
  }, 120_000)
})
