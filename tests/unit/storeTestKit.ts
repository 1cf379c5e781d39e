import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { contactSchema, emptyStoreData, type StoreData } from '../../src/shared/model'
import { openJournaledStore, type OpenStoreOptions } from '../../src/main/core/store/journaledStore'

export function contact(id: string, name = `Person ${id}`) {
  const at = '2026-11-01T10:00:00.000Z'
  return contactSchema.parse({ id, name, createdAt: at, updatedAt: at })
}

/** Opens a store and waits for its start-up work, so tests see a settled folder. */
export async function open(dir: string, options: Partial<OpenStoreOptions> = {}) {
  const store = await openJournaledStore({
    dir,
    holder: 'test',
    initialData: emptyStoreData,
    backups: false,
    watchIntervalMs: 0,
    ...options,
  })
  await store.ready()
  return store
}

/** What a crash leaves: the files as they are, and a lock nobody will release. */
export async function forgetLock(dir: string): Promise<void> {
  await rm(join(dir, 'rapport.lock'), { force: true })
}

export function ids(data: Readonly<StoreData>): string[] {
  return data.contacts.map((c) => c.id).sort()
}
