import type { SyncLogEntry, SyncSettings } from '../../shared/sync/syncModel'
import type {
  SyncCounts,
  SyncDiscovery,
  SyncReport,
  SyncCollectionInfo,
} from '../../shared/sync/syncOperations'
import { argValue } from '../core/dataDir'

/**
 * `rapport sync`: the same contract operations Settings → Sync calls, printed for a terminal.
 * The password comes from RAPPORT_SYNC_PASSWORD (the core's password provider), never from argv.
 */

export const SYNC_USAGE = `  rapport sync --server URL --user NAME [--data DIR] [--address-book NAME] [--calendar NAME]
      Two-way sync of contacts (CardDAV) and follow-ups, events and gatherings (CalDAV) with
      your own server. The password (an app password) is read from RAPPORT_SYNC_PASSWORD.
      Without --address-book / --calendar, the ones chosen before are used, else ones named
      "Rapport" (created when missing).`

type Call = <T>(name: string, input: unknown) => Promise<T>

function pick(
  found: SyncCollectionInfo[],
  wanted: string | undefined,
  current: string,
  what: string,
): string | 'create' {
  if (!wanted && current && found.some((c) => c.url === current)) return current
  const name = wanted ?? 'Rapport'
  const match = found.find(
    (c) => c.name === name || c.url === name || c.url.replace(/\/$/, '').endsWith(`/${name}`),
  )
  if (match) return match.url
  if (name === 'Rapport') return 'create'
  const names = found.map((c) => `"${c.name}"`).join(', ') || 'none'
  throw new Error(`The server has no ${what} named "${name}" (it has: ${names})`)
}

function counts(c: SyncCounts): string {
  const parts = Object.entries(c)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
  return parts.length > 0 ? parts.join(', ') : 'nothing changed'
}

function line(entry: SyncLogEntry): string {
  const about = entry.label ? ` ${entry.label}` : ''
  const detail = entry.detail ? ` (${entry.detail})` : ''
  return `  ${entry.action} ${entry.kind ?? ''}${about}${detail}`
}

export async function syncCommand(args: string[], call: Call): Promise<number> {
  const server = argValue(args, 'server')
  const user = argValue(args, 'user')
  if (!server || !user)
    throw new Error('Say which server and user: rapport sync --server URL --user NAME')
  if (!process.env.RAPPORT_SYNC_PASSWORD) {
    throw new Error(
      'Set RAPPORT_SYNC_PASSWORD to the password (an app password) of the sync server',
    )
  }
  let settings = await call<SyncSettings>('sync.configure', {
    serverUrl: server,
    user,
    enabled: true,
  })
  const found = await call<SyncDiscovery>('sync.listCollections', {})
  const book = pick(
    found.addressBooks,
    argValue(args, 'address-book'),
    settings.addressBookUrl,
    'address book',
  )
  const calendar = pick(
    found.calendars,
    argValue(args, 'calendar'),
    settings.calendarUrl,
    'calendar',
  )
  if (book === 'create' || calendar === 'create') {
    await call<SyncSettings>('sync.createCollections', {
      addressBook: book === 'create',
      calendar: calendar === 'create',
    })
  }
  await call('sync.configure', {
    ...(book !== 'create' ? { addressBookUrl: book } : {}),
    ...(calendar !== 'create' ? { calendarUrl: calendar } : {}),
  })
  settings = (await call<{ settings: SyncSettings }>('sync.status', {})).settings
  console.log(`Syncing with ${settings.addressBookUrl} and ${settings.calendarUrl}`)
  const report = await call<SyncReport>('sync.run', {})
  const detail = (direction: 'up' | 'down') =>
    report.entries.filter((e) => e.direction === direction).map(line)
  console.log(`Rapport → server: ${counts(report.up)}`)
  for (const text of detail('up')) console.log(text)
  console.log(`Server → Rapport: ${counts(report.down)}`)
  for (const text of detail('down')) console.log(text)
  return 0
}
