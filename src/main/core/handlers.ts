import type { AppInfo, Handlers } from '../../shared/contract'
import type { Clock } from './clock'
import { createContactService } from './services/contactService'
import { createDemoService, hasDemoData } from './services/demoService'
import { createOverviewService } from './services/overviewService'
import { createSettingsService } from './services/settingsService'
import type { DataStore } from './store/dataStore'

export interface CoreContext {
  version: string
  dataDir: string
  systemLanguage: AppInfo['systemLanguage']
  clock: Clock
}

/** Wires each contract operation to the service that answers it. */
export function createHandlers(store: DataStore, context: CoreContext): Handlers {
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
  }
}
