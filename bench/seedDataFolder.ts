import type { StoreData } from '../src/shared/model'
import { openJournaledStore } from '../src/main/core/store/journaledStore'

/**
 * Writes `data` as the data folder's store the way Rapport itself would (snapshot, checksum,
 * empty journal), then lets go of the folder so serve or a core can open it.
 */
export async function seedDataFolder(dir: string, data: StoreData, holder: string): Promise<void> {
  const store = await openJournaledStore({
    dir,
    initialData: () => data,
    holder,
    backups: false,
    watchIntervalMs: 0,
  })
  await store.close()
}
