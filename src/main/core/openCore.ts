import { operationNames, type AppInfo, type Handlers } from '../../shared/contract'
import { RapportError } from '../../shared/errors'
import { emptyStoreData, settingsSchema } from '../../shared/model'
import { systemClock, type Clock } from './clock'
import { buildDemoNetwork } from './demo/demoNetwork'
import { createDispatch, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import type { SyncServiceOptions } from './sync/syncService'
import {
  startReminderHost,
  type ReminderHost,
  type ReminderSink,
} from './followUps/reminders/reminderHost'
import { openJournaledStore, SNAPSHOT_FILE, type JournaledStore } from './store/journaledStore'
import { join } from 'node:path'

export interface CoreOptions {
  dataDir: string
  version: string
  systemLanguage: AppInfo['systemLanguage']
  /** Named to a second process that finds the data folder in use. */
  holder?: string
  /** Seed the demo network when the data folder is empty (first launch). */
  demoOnFirstLaunch?: boolean
  /** Off in tests that do not look at backups, to keep them fast. */
  backups?: boolean
  watchIntervalMs?: number
  clock?: Clock
  /** Where reminders go; without one they wait for the page (`reminders.take`). */
  reminderSink?: ReminderSink
  /** Off in tests and one-shot commands that do not want timers. */
  reminders?: boolean
  /** Operations the host answers itself (the desktop app's printToPDF), over the core's own. */
  hostHandlers?: Partial<Handlers>
  /** Folders besides the data folder where a typed-in calendar auto-export may go (--export-dir). */
  exportFolders?: string[]
  /** The desktop app's save dialog for the calendar auto-export; null when cancelled. */
  chooseAutoExportFile?: () => Promise<string | null>
  /** The phone-sync password when none was given in this run (RAPPORT_SYNC_PASSWORD, keychain). */
  syncPassword?: () => string | undefined
  /** Scheduled phone sync (every N minutes and right after start); off by default. */
  syncTimers?: boolean
  /** Timeouts, retries and fetch of the sync transport (tests shorten them). */
  syncTransport?: SyncServiceOptions['transport']
  /** The map's answer built in the background after start-up and changes; off by default. */
  mapWarmUp?: boolean
}

export interface Core {
  dispatch: Dispatch
  /** Set when the store could not be opened; every data operation then answers this error. */
  unavailable: RapportError | null
  storeFile: string
  /** The running reminders, when the store is open and reminders are on. */
  reminders: ReminderHost | null
  /** How many changes the store has committed since it opened: tells whether a call wrote. */
  revision(): number
  /**
   * Calls `listener` after every durable change with the collections it touched ("settings"
   * included; ["*"] after a reload, a restore or a new store, when anything may differ), so open
   * pages in every window and tab re-read what they show. Returns the unsubscribe.
   */
  onChanged(listener: (collections: string[]) => void): () => void
  close(): Promise<void>
}

/**
 * Opens the store and the services over it. The transports (IPC, HTTP) only ever see the
 * resulting `dispatch`. A store that cannot be opened does not stop the app: it starts, tells
 * the user which file is wrong and why, and leaves the file alone; where the file is damaged and
 * no backup exists, the user may choose to start empty (the damaged file is kept aside).
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock
  const storeFile = join(options.dataDir, SNAPSHOT_FILE)
  const context = { ...options, clock }
  let store: JournaledStore | null = null
  let unavailable: RapportError | null = null
  let handlers: Handlers
  let reminders: ReminderHost | null = null
  let stopServices = () => {}
  const changeListeners = new Set<(collections: string[]) => void>()
  const announce = (collections: string[]) => {
    for (const listener of changeListeners) {
      try {
        listener(collections)
      } catch (error) {
        console.error('Rapport: a change listener failed', error)
      }
    }
  }

  const open = async (startEmptyIfDamaged: boolean) => {
    try {
      store = await openJournaledStore({
        dir: options.dataDir,
        holder: options.holder ?? `Rapport (process ${process.pid})`,
        backups: options.backups,
        watchIntervalMs: options.watchIntervalMs,
        startEmptyIfDamaged,
        now: () => clock.now(),
        initialData: () => {
          const data = emptyStoreData()
          // After damage the user asked for an empty store, not a demo.
          if (!options.demoOnFirstLaunch || startEmptyIfDamaged) return data
          return { ...data, ...buildDemoNetwork(options.systemLanguage, clock.now()) }
        },
      })
      unavailable = null
      store.onChange((change) => announce(change.touched ? [...change.touched] : ['*']))
      // A store opened again (after "start empty") replaces everything a page may show.
      announce(['*'])
      reminders =
        options.reminders === false
          ? null
          : startReminderHost(store, clock, options.reminderSink, options.systemLanguage)
      const services = createHandlers(store, context, reminders ?? idleReminders)
      handlers = { ...services.handlers, ...options.hostHandlers }
      stopServices = services.stop
    } catch (error) {
      if (!(error instanceof RapportError)) throw error
      unavailable = error
      handlers = unavailableHandlers(error, { ...context, storeFile }, () => open(true))
    }
  }
  await open(false)

  const dispatch = createDispatch(
    new Proxy({} as Handlers, { get: (_target, name: keyof Handlers) => handlers[name] }),
  )
  return {
    dispatch,
    get unavailable() {
      return unavailable
    },
    storeFile,
    get reminders() {
      return reminders
    },
    revision: () => (store as JournaledStore | null)?.revision() ?? 0,
    onChanged(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    close: async () => {
      changeListeners.clear()
      ;(reminders as ReminderHost | null)?.stop()
      stopServices()
      await (store as JournaledStore | null)?.close()
    },
  }
}

/** Stands in when reminders are off: nothing is ever due for popups. */
const idleReminders: ReminderHost = {
  take: () => [],
  pauseFor: () => undefined,
  wake: () => undefined,
  nextDue: () => [],
  stop: () => undefined,
}

function unavailableHandlers(
  error: RapportError,
  context: Omit<CoreOptions, 'clock'> & { storeFile: string },
  startEmpty: () => Promise<void>,
): Handlers {
  const refuse = () => {
    throw error
  }
  const handlers = Object.fromEntries(
    operationNames.map((name) => [name, refuse]),
  ) as unknown as Handlers
  handlers['app.info'] = () => ({
    version: context.version,
    dataDir: context.dataDir,
    storeFile: context.storeFile,
    systemLanguage: context.systemLanguage,
    hasDemoData: false,
    storeError: error.toValue(),
    notices: [],
  })
  // The interface still needs a language to explain the problem in.
  handlers['settings.get'] = () => settingsSchema.parse({})
  handlers['store.startEmpty'] = async () => {
    const details = error.details as { canStartEmpty?: boolean } | undefined
    if (!details?.canStartEmpty) throw error
    await startEmpty()
    return { ok: true }
  }
  return handlers
}
