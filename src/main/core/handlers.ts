import type { Handlers } from '../../shared/contract'
import { createCalendarHandlers } from './calendar/calendarHandlers'
import { createCardHandlers } from './cards/cardHandlers'
import { createQrCardHandlers } from './cards/qrCardHandlers'
import { createCommunityHandlers } from './communities/communityHandlers'
import { createContactHandlers } from './contacts/contactHandlers'
import { phoneRegionFor } from './contacts/identity/phone'
import { PhotoStore } from './contacts/photos/photoStore'
import type { CoreContext } from './coreContext'
import { createEventHandlers } from './events/eventHandlers'
import { createFollowUpHandlers } from './followUps/followUpHandlers'
import type { ReminderHost } from './followUps/reminders/reminderHost'
import { createImportExportHandlers } from './importExport/importExportHandlers'
import { createMapHandlers } from './map/mapHandlers'
import { createSettingsHandlers } from './settings/settingsHandlers'
import { createStoreHandlers } from './store/storeHandlers'
import type { JournaledStore } from './store/journaledStore'
import { createSyncService } from './sync/syncService'
import { UndoLedger } from './undo/undoLedger'

export interface CoreServices {
  handlers: Handlers
  stop(): void
}

/** Joins every feature's handlers into one answer per contract operation. */
export function createHandlers(
  store: JournaledStore,
  context: CoreContext,
  reminders: ReminderHost,
): CoreServices {
  const language = () => {
    const preference = store.read().settings.language
    return preference === 'system' ? context.systemLanguage : preference
  }
  // Phone numbers without a country code are read in this region (see contacts/identity/phone.ts).
  const phoneRegion = () => phoneRegionFor(store.read().settings.phoneRegion, language())
  const photos = new PhotoStore(context.dataDir)
  const undo = new UndoLedger(context.clock)
  const calendar = createCalendarHandlers(store, context, language)
  const cards = createCardHandlers(store, context, photos, phoneRegion)
  const map = createMapHandlers(store, context)
  const sync = createSyncService({
    store,
    clock: context.clock,
    language,
    photos,
    ...(context.syncPassword ? { password: context.syncPassword } : {}),
    timers: context.syncTimers ?? false,
    ...(context.syncTransport ? { transport: context.syncTransport } : {}),
  })
  const handlers: Handlers = {
    ...createStoreHandlers(store, context),
    ...createSettingsHandlers(store),
    ...createContactHandlers(store, context, photos, phoneRegion, undo),
    ...createImportExportHandlers(store, context, photos, phoneRegion),
    ...createFollowUpHandlers(store, context, reminders),
    ...calendar.handlers,
    ...createEventHandlers(store, context, undo),
    ...createCommunityHandlers(store, context, undo, language),
    ...map.handlers,
    ...cards.handlers,
    ...createQrCardHandlers(store, context),
    ...sync.handlers,
  }
  return {
    handlers,
    stop: () => {
      calendar.stop()
      map.stop()
      sync.stop()
      void cards.stop()
    },
  }
}
