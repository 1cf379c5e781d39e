import type { Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import type { storeOperations } from '../../../shared/store/storeOperations'
import type { CoreContext } from '../coreContext'
import { createDemoService, hasDemoData } from '../demo/demoService'
import type { JournaledStore } from './journaledStore'
import { createSetAsideService } from './setAsideRecords'

/** Answers the operations on the app and its data file: notices, backups, the demo network. */
export function createStoreHandlers(
  store: JournaledStore,
  context: CoreContext,
): Pick<Handlers, keyof typeof storeOperations> {
  const demo = createDemoService(store, () => store.backupNow('beforeDemoRemoval'))
  const setAside = createSetAsideService(store)
  return {
    'app.info': () => ({
      version: context.version,
      dataDir: context.dataDir,
      storeFile: store.file,
      systemLanguage: context.systemLanguage,
      hasDemoData: hasDemoData(store.read()),
      storeError: null,
      notices: store.notices(),
    }),
    'demo.remove': () => demo.remove(),
    'store.dismissNotice': ({ id }) => {
      store.dismissNotice(id)
      return { ok: true }
    },
    'store.startEmpty': () => {
      throw new RapportError(
        'CONFLICT',
        'The data file is in use; there is nothing to start over from',
      )
    },
    'store.listSetAside': () => setAside.list(),
    'store.repairSetAside': (key) => setAside.repair(key),
    'store.undoRepairSetAside': (key) => setAside.undoRepair(key),
    'store.dismissSetAside': (key) => setAside.dismiss(key),
    'backups.list': () => store.listBackups(),
    'backups.create': () => store.backupNow(),
    'backups.restore': async ({ file }) => {
      await store.restoreBackup(file)
      return { ok: true }
    },
    'backups.delete': async ({ file }) => {
      await store.deleteBackup(file)
      return { ok: true }
    },
    'store.writeAgain': async () => {
      await store.writeAgain()
      return { ok: true }
    },
    'store.writeCopy': ({ folder }) => store.writeCopyTo(folder),
  }
}
