import type { Handlers } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { contactSchema, type Language } from '../../../shared/model'
import {
  SYNC_LOG_DAYS,
  syncSettingsSchema,
  type SyncLogEntry,
  type SyncSettings,
} from '../../../shared/sync/syncModel'
import type { SyncCounts, SyncReport } from '../../../shared/sync/syncOperations'
import { nextTimestamp, type Clock } from '../clock'
import type { VCardPhoto } from '../importExport/vcardExport'
import type { PhotoStore } from '../contacts/photos/photoStore'
import type { DataStore } from '../store/dataStore'
import { syncCalendar } from './calendarSync'
import { syncContacts } from './contactSync'
import { makeCollection } from './davClient'
import { discover } from './discovery'
import { SyncJournal } from './syncJournal'
import { checkServerUrl, DavTransport, SyncRemoteError, type TransportOptions } from './transport'
import { PHOTO_LIMIT } from './vcardMapping'

export interface SyncServiceOptions {
  store: DataStore
  clock: Clock
  language: () => Language
  photos: PhotoStore
  /** Where the password comes from when none was given in this run (env, the OS keychain). */
  password?: () => string | undefined
  /** Sync every N minutes and right after start, as the settings say. Off in tests and the CLI. */
  timers?: boolean
  /** Timeouts and retries, shortened by tests. */
  transport?: Pick<TransportOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxBytes' | 'fetch'>
}

const DAY_MS = 24 * 60 * 60 * 1000
type SyncHandlers = Pick<Handlers, Extract<keyof Handlers, `sync.${string}`>>

function describe(counts: SyncCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
  return parts.length > 0 ? parts.join(', ') : 'nothing'
}

/** Settings → Sync and `rapport sync`: the same operations, the same engine. */
export function createSyncService(options: SyncServiceOptions): {
  handlers: SyncHandlers
  stop(): void
} {
  const { store, clock } = options
  let passwordInMemory: string | undefined
  let running: AbortController | null = null
  let progress: { done: number; total: number } | null = null
  let lastStart = 0

  const settings = () => store.read().settings.sync
  const password = (given?: string): string => {
    const found = given ?? passwordInMemory ?? options.password?.()
    if (!found) {
      throw new SyncRemoteError(
        'noPassword',
        'No password for the sync server: enter it in Settings → Sync, or set RAPPORT_SYNC_PASSWORD',
      )
    }
    return found
  }
  const transport = (serverUrl: string, user: string, secret: string, signal?: AbortSignal) =>
    new DavTransport({
      ...options.transport,
      serverUrl,
      user,
      password: secret,
      ...(signal ? { signal } : {}),
    })

  const configured = (): SyncSettings => {
    const current = settings()
    if (!current.serverUrl || !current.user) {
      throw new SyncRemoteError('notConfigured', 'Sync has no server address and user name yet')
    }
    return current
  }

  const saveSettings = (patch: Partial<SyncSettings>) =>
    store.update((tx) => {
      const current = tx.data.settings
      const sync = syncSettingsSchema.parse({ ...current.sync, ...patch })
      tx.setSettings({ ...current, sync })
      return sync
    })

  const thumbnail = async (ref: string): Promise<VCardPhoto | undefined> => {
    try {
      const content = await options.photos.read(ref, 'thumb')
      return content.bytes.byteLength <= PHOTO_LIMIT
        ? { bytes: content.bytes, mime: content.mime }
        : undefined
    } catch {
      return undefined
    }
  }

  async function run(): Promise<SyncReport> {
    if (running) throw new SyncRemoteError('busy', 'A sync is already running')
    const current = configured()
    if (!current.addressBookUrl && !current.calendarUrl) {
      throw new SyncRemoteError(
        'notConfigured',
        'Choose an address book or a calendar to sync with',
      )
    }
    const secret = password()
    const controller = new AbortController()
    running = controller
    lastStart = clock.now().getTime()
    progress = { done: 0, total: 0 }
    const journal = new SyncJournal(clock)
    const startedAt = clock.now().toISOString()
    let failure: unknown = null
    try {
      const dav = transport(current.serverUrl, current.user, secret, controller.signal)
      const common = {
        store,
        clock,
        dav,
        language: options.language(),
        settings: current,
        journal,
        progress: (done: number, total: number) => (progress = { done, total }),
      }
      if (current.addressBookUrl) await syncContacts({ ...common, thumbnail })
      if (current.calendarUrl && (current.followUps || current.events || current.gatherings)) {
        await syncCalendar(common)
      }
    } catch (error) {
      failure = controller.signal.aborted
        ? new SyncRemoteError('cancelled', 'The sync was cancelled; what was done is kept')
        : error
    } finally {
      running = null
      progress = null
    }
    const summary = `up: ${describe(journal.up)}; down: ${describe(journal.down)}`
    journal.add('up', failure ? 'failed' : 'run', {
      // The reason code first, so the interface can word it in the user's language.
      detail: failure
        ? `[${failure instanceof SyncRemoteError ? failure.reason : 'server'}] ${(failure as Error).message} (${summary})`
        : summary,
    })
    const runEntry = journal.entries.at(-1)!
    runEntry.direction = 'none'
    await store.update((tx) => {
      const cutoff = new Date(clock.now().getTime() - SYNC_LOG_DAYS * DAY_MS).toISOString()
      for (const old of tx.data.syncLog) if (old.at < cutoff) tx.remove('syncLog', old.id)
      for (const entry of journal.entries) tx.put('syncLog', entry)
    })
    if (failure) {
      if (failure instanceof RapportError) throw failure
      throw new SyncRemoteError('server', (failure as Error).message)
    }
    return {
      runId: journal.runId,
      startedAt,
      finishedAt: clock.now().toISOString(),
      up: journal.up,
      down: journal.down,
      entries: journal.entries,
    }
  }

  const handlers: SyncHandlers = {
    'sync.status': () => {
      const log = store.read().syncLog
      let lastRun: SyncLogEntry | null = null
      for (const entry of log) {
        if (
          (entry.action === 'run' || entry.action === 'failed') &&
          (!lastRun || entry.at >= lastRun.at)
        ) {
          lastRun = entry
        }
      }
      const hasPassword = !!(passwordInMemory ?? options.password?.())
      return {
        settings: settings(),
        hasPassword,
        running: running !== null,
        progress,
        lastRun,
        conflicts: store.read().syncConflicts.length,
      }
    },
    'sync.testConnection': async ({ serverUrl, user, password: given }) => {
      const found = await discover(transport(serverUrl, user, password(given)))
      return {
        principalUrl: found.principalUrl,
        addressBooks: found.addressBooks,
        calendars: found.calendars,
      }
    },
    'sync.listCollections': async () => {
      const current = configured()
      const found = await discover(transport(current.serverUrl, current.user, password()))
      return {
        principalUrl: found.principalUrl,
        addressBooks: found.addressBooks,
        calendars: found.calendars,
      }
    },
    'sync.createCollections': async ({ addressBook, calendar }) => {
      const current = configured()
      const dav = transport(current.serverUrl, current.user, password())
      const found = await discover(dav)
      const patch: Partial<SyncSettings> = {}
      if (addressBook) {
        const home = found.addressBookHomes[0]
        if (!home)
          throw new SyncRemoteError('noCollection', 'The server offers no place for address books')
        const url = new URL('rapport-contacts/', home).href
        await makeCollection(dav, url, 'card', 'Rapport')
        patch.addressBookUrl = url
      }
      if (calendar) {
        const home = found.calendarHomes[0]
        if (!home)
          throw new SyncRemoteError('noCollection', 'The server offers no place for calendars')
        const url = new URL('rapport-calendar/', home).href
        await makeCollection(dav, url, 'cal', 'Rapport')
        patch.calendarUrl = url
      }
      return saveSettings(patch)
    },
    'sync.configure': (patch) => {
      for (const url of [patch.serverUrl, patch.addressBookUrl, patch.calendarUrl]) {
        if (!url) continue
        try {
          checkServerUrl(url)
        } catch (error) {
          throw new RapportError('VALIDATION', (error as Error).message, {
            issues: [{ path: 'serverUrl', message: (error as Error).message }],
          })
        }
      }
      const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
      return saveSettings(clean as Partial<SyncSettings>)
    },
    'sync.setPassword': ({ password: given }) => {
      passwordInMemory = given
      return { ok: true }
    },
    'sync.run': () => run(),
    'sync.cancel': () => {
      running?.abort()
      return { ok: true }
    },
    'sync.log': (input) => {
      const limit = input?.limit ?? 500
      return [...store.read().syncLog]
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
        .slice(0, limit)
    },
    'sync.conflicts': () => [...store.read().syncConflicts],
    'sync.resolveConflict': async ({ id, take }) => {
      await store.update((tx) => {
        const conflict = tx.find('syncConflicts', id)
        if (!conflict)
          throw new RapportError('NOT_FOUND', `No sync conflict ${id}`, {
            kind: 'syncConflict',
            id,
          })
        tx.remove('syncConflicts', id)
        if (take !== 'phone') return
        if (conflict.kind === 'followUp') {
          const followUp = tx.find('followUps', conflict.recordId)
          if (!followUp) return
          const value = JSON.parse(conflict.phoneValue) as string
          const updatedAt = nextTimestamp(clock, followUp.updatedAt)
          if (conflict.field === 'due' && value) {
            const { snoozedUntil: _snoozed, ...rest } = followUp
            tx.put('followUps', { ...rest, dueAt: value, status: 'open', updatedAt })
          } else if (conflict.field === 'status' && value === 'completed') {
            tx.put('followUps', {
              ...followUp,
              status: 'done',
              doneAt: updatedAt,
              channel: 'phone',
              updatedAt,
            })
          }
          return
        }
        if (conflict.kind !== 'contact') return
        const contact = tx.find('contacts', conflict.recordId)
        if (!contact) return
        const value = JSON.parse(conflict.phoneValue) as unknown
        tx.put(
          'contacts',
          contactSchema.parse({
            ...contact,
            [conflict.field]: value === '' ? undefined : value,
            updatedAt: nextTimestamp(clock, contact.updatedAt),
          }),
        )
      })
      return { ok: true }
    },
  }

  let timer: NodeJS.Timeout | null = null
  if (options.timers) {
    const tick = () => {
      const current = settings()
      if (!current.enabled || current.intervalMinutes === 0 || running) return
      const due =
        lastStart === 0 || clock.now().getTime() - lastStart >= current.intervalMinutes * 60_000
      if (due) run().catch(() => undefined) // the failure is in the sync log
    }
    timer = setInterval(tick, 30_000)
    timer.unref()
    setTimeout(tick, 5_000).unref()
  }
  return {
    handlers,
    stop: () => {
      if (timer) clearInterval(timer)
      running?.abort()
    },
  }
}
