import type { AppInfo, Handlers } from '../../shared/contract'
import { RapportError } from '../../shared/errors'
import type { Clock } from './clock'
import { createContactService } from './contacts/contactService'
import { createDemoService, hasDemoData } from './demo/demoService'
import { createOverviewService } from './followUps/overviewService'
import { createSettingsService } from './settings/settingsService'
import { applyMerge } from './contacts/merge'
import { PhotoStore } from './contacts/photos/photoStore'
import { createContactViewService } from './contacts/contactViewService'
import { createExportService } from './importExport/exportService'
import { createHistoryService } from './contacts/historyService'
import { createImportService } from './importExport/importService'
import type { ReminderHost } from './followUps/reminders/reminderHost'
import { createCalendarService } from './calendar/calendarService'
import { createFollowUpService } from './followUps/followUpService'
import type { JournaledStore } from './store/journaledStore'
import { createCommunityHandlers } from './communities/communityHandlers'
import { createEventHandlers } from './events/eventHandlers'
import { createMapHandlers } from './map/mapHandlers'
import { createQrCardHandlers } from './cards/qrCardHandlers'
import { createCalendarImportService } from './calendar/import/calendarImportService'
import { phoneRegionFor } from './contacts/identity/phone'
import { createSyncService, type SyncServiceOptions } from './sync/syncService'
import { createCardService } from './cards/cardService'

export interface CoreContext {
  version: string
  dataDir: string
  systemLanguage: AppInfo['systemLanguage']
  clock: Clock
  exportFolders?: string[]
  chooseAutoExportFile?: () => Promise<string | null>
  /** The sync server's password when none was given in this run (env, keychain); never stored. */
  syncPassword?: () => string | undefined
  /** Scheduled phone sync while the app runs; off in tests and one-shot commands. */
  syncTimers?: boolean
  /** Timeouts, retries and fetch of the sync transport (tests shorten them). */
  syncTransport?: SyncServiceOptions['transport']
}

export interface CoreServices {
  handlers: Handlers
  stop(): void
}

/** Wires each contract operation to the service that answers it. */
export function createHandlers(
  store: JournaledStore,
  context: CoreContext,
  reminders: ReminderHost,
): CoreServices {
  const contacts = createContactService(store, context.clock)
  const settings = createSettingsService(store)
  const overview = createOverviewService(store, context.clock)
  const demo = createDemoService(store, () => store.backupNow('beforeDemoRemoval'))
  // Phone numbers without a country code are read in this region (see identity/phone.ts).
  const phoneRegion = () => {
    const { language: preference, phoneRegion: chosen } = store.read().settings
    return phoneRegionFor(chosen, preference === 'system' ? context.systemLanguage : preference)
  }
  const views = createContactViewService(store, context.clock, phoneRegion)
  const history = createHistoryService(store, context.clock)
  const photos = new PhotoStore(context.dataDir)
  const imports = createImportService(store, photos, context.clock, phoneRegion)
  const exports = createExportService(store, photos, context.clock, phoneRegion)
  const followUps = createFollowUpService(store, context.clock)
  const cards = createCardService(store, photos, context.clock, phoneRegion)
  const language = () => {
    const preference = store.read().settings.language
    return preference === 'system' ? context.systemLanguage : preference
  }
  const calendar = createCalendarService(store, context.clock, language, {
    allowedFolders: [context.dataDir, ...(context.exportFolders ?? [])],
    ...(context.chooseAutoExportFile ? { chooseFile: context.chooseAutoExportFile } : {}),
  })
  const sync = createSyncService({
    store,
    clock: context.clock,
    language,
    photos,
    ...(context.syncPassword ? { password: context.syncPassword } : {}),
    timers: context.syncTimers ?? false,
    ...(context.syncTransport ? { transport: context.syncTransport } : {}),
  })
  const calendarImport = createCalendarImportService(store, context.clock)
  const handlers: Handlers = {
    ...createEventHandlers(store, context),
    ...createCommunityHandlers(store, context),
    ...createMapHandlers(store, context),
    ...sync.handlers,
    ...createQrCardHandlers(store, context),
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
    'contacts.bulkUpdate': (input) => contacts.bulkUpdate(input),
    'contacts.delete': (input) => contacts.delete(input),
    'contacts.restore': (input) => contacts.restore(input),
    'contacts.search': (input) => views.search(input),
    'contacts.matchingIds': (input) => views.matchingIds(input),
    'contacts.card': (input) => views.card(input),
    'contacts.duplicates': () => views.duplicates(),
    'contacts.merge': ({ keepId, removeId, choice }) =>
      store.update((tx) => applyMerge(tx, keepId, removeId, choice, context.clock).contact),
    'relationships.create': (input) => history.addRelationship(input),
    'relationships.delete': (input) => history.removeRelationship(input),
    'helps.create': (input) => history.addHelp(input),
    'helps.delete': (input) => history.removeHelp(input),
    'photos.save': async ({ data, thumbnail }) => {
      const saved = await photos.save(
        Buffer.from(data, 'base64'),
        thumbnail ? Buffer.from(thumbnail, 'base64') : undefined,
      )
      return { ref: saved.ref }
    },
    'photos.get': async ({ ref, variant }) => {
      const { bytes, mime } = await photos.read(ref, variant)
      return { dataUrl: `data:${mime};base64,${bytes.toString('base64')}` }
    },
    'cards.scan': (input) => cards.scan(input),
    'cards.save': (input) => cards.save(input),
    'import.preview': (input) => imports.preview(input),
    'import.commit': (input) => imports.commit(input),
    'import.cancel': (input) => imports.cancel(input),
    'export.vcard': (input) => exports.vcard(input),
    'review.get': () => views.review(),
    'encounters.create': (input) => followUps.logEncounter(input),
    'followUps.queue': (input) => followUps.queue(input),
    'followUps.create': (input) => followUps.create(input),
    'followUps.complete': (input) => followUps.complete(input),
    'followUps.snooze': (input) => followUps.snooze(input),
    'followUps.reschedule': (input) => followUps.reschedule(input),
    'followUps.drop': (input) => followUps.drop(input),
    'followUps.reopen': (input) => followUps.reopen(input),
    'calendar.importPreview': (input) => calendarImport.preview(input),
    'calendar.importCommit': (input) => calendarImport.commit(input),
    'calendar.export': (input) => calendar.export(input),
    'calendar.setAutoExport': ({ path }) => calendar.setAutoExport(path),
    'calendar.chooseAutoExport': () => calendar.chooseAutoExport(),
    'reminders.take': () => reminders.take(),
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
    'backups.delete': async ({ file }) => {
      await store.deleteBackup(file)
      return { ok: true }
    },
    'store.writeAgain': async () => {
      await store.writeAgain()
      return { ok: true }
    },
  }
  return {
    handlers,
    stop: () => {
      calendar.stop()
      sync.stop()
      void cards.close()
    },
  }
}
