/**
 * `npm run bench`: the store's write path against the naive baseline (plain lowdb JSONFile,
 * which rewrites the whole file per edit without fsync), at growing sizes, in one run.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { emptyStoreData, type StoreData } from '../src/shared/model'
import { openJsonStore } from '../src/main/core/store/jsonFileStore'
import { buildDemoNetwork } from '../src/main/core/demo/demoNetwork'

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map(Number)
const EDITS = Number(process.env.BENCH_EDITS ?? 20)

/** A store of `n` contacts made by repeating the demo cards with fresh ids. */
function dataWith(n: number): StoreData {
  const demo = buildDemoNetwork('en', new Date())
  const data = emptyStoreData()
  for (let i = 0; i < n; i += 1) {
    const card = demo.contacts[i % demo.contacts.length]!
    data.contacts.push({ ...card, id: `c${i}`, name: `${card.name} ${i}` })
  }
  return data
}

async function time(edits: number, edit: (i: number) => Promise<void>): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < edits; i += 1) await edit(i)
  return (performance.now() - start) / edits
}

async function main(): Promise<void> {
  const rows: string[][] = []
  for (const n of SIZES) {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-'))
    const data = dataWith(n)

    const naive = new Low<StoreData>(new JSONFile(join(dir, 'naive.json')), structuredClone(data))
    await naive.write()
    const naiveMs = await time(EDITS, (i) =>
      naive.update((d) => {
        d.contacts[i]!.notes = `edit ${i}`
      }),
    )

    const store = await openJsonStore(join(dir, 'rapport.json'), {
      initialData: () => structuredClone(data),
    })
    const oursMs = await time(EDITS, (i) =>
      store.update((d) => {
        d.contacts[i]!.notes = `edit ${i}`
      }),
    )
    await store.close()
    await rm(dir, { recursive: true, force: true })
    rows.push([String(n), naiveMs.toFixed(1), oursMs.toFixed(1), (oursMs / naiveMs).toFixed(2)])
  }
  console.log(`Store: one contact edit, mean of ${EDITS} sequential edits (ms per edit)`)
  console.table(
    rows.map(([contacts, naive, ours, ratio]) => ({
      contacts,
      'naive lowdb JSONFile (no fsync)': naive,
      'Rapport store (validate + fsync)': ours,
      'ours / naive': ratio,
    })),
  )
}

void main()
