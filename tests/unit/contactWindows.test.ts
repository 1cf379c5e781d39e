import { describe, expect, it } from 'vitest'
import { generateStore } from '../../bench/generateStore'
import type { ContactSearchResult } from '../../src/shared/contract'
import { openJournaledStore } from '../../src/main/core/store/journaledStore'
import { call, quietCore, tempDir } from './helpers'

const PEOPLE = 5_600

/** A core over a store of 5,600 generated contacts (some archived), as a big import leaves it. */
async function bigCore() {
  const dir = await tempDir()
  const data = generateStore({ contacts: PEOPLE, encounters: 0, followUps: 0 }, 7)
  const store = await openJournaledStore({
    dir,
    initialData: () => data,
    holder: 'test',
    backups: false,
    watchIntervalMs: 0,
  })
  await store.close()
  return quietCore({ dataDir: dir })
}

describe('long contact lists, window by window', () => {
  it('reaches the last contact past row 5,000 by offset, each row exactly once', async () => {
    const core = await bigCore()
    const seen: string[] = []
    let total = Infinity
    for (let offset = 0; offset < total; offset += 200) {
      const page = await call<ContactSearchResult>(core, 'contacts.search', {
        includeArchived: true,
        offset,
        limit: 200,
      })
      total = page.total
      seen.push(...page.items.map((item) => item.id))
    }
    expect(total).toBe(PEOPLE)
    expect(seen).toHaveLength(PEOPLE)
    expect(new Set(seen).size).toBe(PEOPLE)
    // The windows follow the same order as one long answer would.
    expect(seen).toEqual(
      await call<string[]>(core, 'contacts.matchingIds', { includeArchived: true }),
    )
  })

  it('"select all" gets every matching id, not only the loaded rows', async () => {
    const core = await bigCore()
    const first = await call<ContactSearchResult>(core, 'contacts.search', { limit: 200 })
    const all = await call<string[]>(core, 'contacts.matchingIds', {})
    expect(first.total).toBeGreaterThan(5_000)
    expect(all).toHaveLength(first.total)
    const vcard = await call<{ text: string }>(core, 'export.vcard', { ids: all })
    expect(vcard.text.match(/BEGIN:VCARD/g)).toHaveLength(first.total)
  })

  it('archives and tags every selected contact in one change, or none when one id is unknown', async () => {
    const core = await bigCore()
    const all = await call<string[]>(core, 'contacts.matchingIds', { tags: [], text: '' })
    const refused = await core.dispatch('contacts.bulkUpdate', {
      ids: [...all.slice(0, 10), 'no-such-contact'],
      archived: true,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call<string[]>(core, 'contacts.matchingIds', {})).toHaveLength(all.length)

    const tagged = await call<{ updated: number }>(core, 'contacts.bulkUpdate', {
      ids: all,
      addTags: ['summit-2027'],
    })
    expect(tagged.updated).toBe(all.length)
    const withTag = await call<string[]>(core, 'contacts.matchingIds', { tags: ['summit-2027'] })
    expect(withTag).toHaveLength(all.length)

    await call(core, 'contacts.bulkUpdate', { ids: all, archived: true })
    expect(await call<string[]>(core, 'contacts.matchingIds', {})).toHaveLength(0)
  })
})
