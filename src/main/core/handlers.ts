import type { AppInfo, Handlers } from '../../shared/contract'
import { RapportError } from '../../shared/errors'
import type { Clock } from './clock'
import { createContactService } from './services/contactService'
import { createDemoService, hasDemoData } from './services/demoService'
import { createOverviewService } from './services/overviewService'
import { createSettingsService } from './services/settingsService'
import type { JournaledStore } from './store/journaledStore'

export interface CoreContext {
  version: string
  dataDir: string
  systemLanguage: AppInfo['systemLanguage']
  clock: Clock
}

/** Wires each contract operation to the service that answers it. */
export function createHandlers(store: JournaledStore, context: CoreContext): Handlers {
  const contacts = createContactService(store, context.clock)
  const settings = createSettingsService(store)
  const overview = createOverviewService(store, context.clock)
  const demo = createDemoService(store)
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
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
    'overview.get': (input) => overview.get(input),
    'contacts.list': (input) => contacts.list(input),
    'contacts.get': (input) => contacts.get(input),
    'contacts.create': (input) => contacts.create(input),
    'contacts.update': (input) => contacts.update(input),
    'contacts.delete': (input) => contacts.delete(input),
    'contacts.restore': (input) => contacts.restore(input),
    'events.list': () =>
      [...store.read().events].sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt)),
    'communities.list': () => store.read().communities,
    'gatherings.list': () => store.read().gatherings,
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
    'backups.list': () => store.listBackups(),
    'backups.create': () => store.backupNow(),
    'backups.restore': async ({ file }) => {
      await store.restoreBackup(file)
      return { ok: true }
    },
  }
}
