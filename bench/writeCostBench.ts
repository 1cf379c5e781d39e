/**
 * What one contact edit costs through the contract (dispatch, the store, every change listener:
 * reminders, the map, the calendar), at 300 and at 20,000 contacts with reminders on. The
 * store's own durable edit costs the same at any size, so the ratio between the two sizes shows
 * whether anything on the write path still does work proportional to the whole store.
 * Standalone: `npx tsx bench/writeCostBench.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../src/main/core/openCore'
import type { BenchFigure } from './figures'
import { generateStore } from './generateStore'
import { seedDataFolder } from './seedDataFolder'

const SIZES = [300, 20_000]
const EDITS = 200

async function medianEditMs(contacts: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'rapport-write-bench-'))
  try {
    // A follow-up for every fourth contact and a conversation each, as a year of use leaves it.
    const data = generateStore({ contacts, encounters: contacts, followUps: contacts / 4 }, 3)
    await seedDataFolder(dir, data, 'write bench')
    const core = await openCore({
      dataDir: dir,
      version: 'bench',
      systemLanguage: 'en',
      backups: false,
      watchIntervalMs: 0,
    })
    // One search builds the search keys that start-up prepares in the background.
    await core.dispatch('contacts.search', { text: 'a' })
    const id = data.contacts[5]!.id
    const times: number[] = []
    for (let i = 0; i < EDITS + 20; i += 1) {
      const start = performance.now()
      const answer = await core.dispatch('contacts.update', { id, patch: { role: `Role ${i}` } })
      if (!answer.ok) throw new Error(answer.error.message)
      if (i >= 20) times.push(performance.now() - start)
    }
    await core.close()
    times.sort((a, b) => a - b)
    return times[Math.floor(times.length / 2)]!
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function runWriteCostBench(): Promise<BenchFigure[]> {
  const medians: number[] = []
  for (const size of SIZES) {
    const ms = await medianEditMs(size)
    medians.push(ms)
    console.log(`contact edit through dispatch at ${size} contacts: median ${ms.toFixed(2)} ms`)
  }
  const ratio = medians[1]! / medians[0]!
  console.log(`20,000 ÷ 300: ${ratio.toFixed(1)}×`)
  return [
    ...SIZES.map((size, i) => ({
      section: 'Write path',
      measure: `contact edit at ${size.toLocaleString('en')} contacts (median)`,
      value: medians[i]!,
      unit: 'ms',
    })),
    { section: 'Write path', measure: '20,000 ÷ 300', value: ratio, unit: '×' },
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runWriteCostBench()
}
