import { z } from 'zod'
import { idSchema, patchSchemaOf } from '../store/record'
import { noInput, op } from '../operation'
import {
  syncSettingsSchema,
  type SyncConflict,
  type SyncLogEntry,
  type SyncSettings,
} from './syncModel'

/** Why the server could not be used; the UI words each one. */
export const syncFailureReasons = [
  'badAddress',
  'insecure',
  'unreachable',
  'timeout',
  'certificate',
  'unauthorized',
  'forbidden',
  'notDav',
  'noCollection',
  'elsewhere',
  'tooLarge',
  'server',
  'noPassword',
  'notConfigured',
  'busy',
  'cancelled',
] as const
export type SyncFailureReason = (typeof syncFailureReasons)[number]

export interface SyncCollectionInfo {
  url: string
  name: string
}
export interface SyncCalendarInfo extends SyncCollectionInfo {
  /** Takes VTODO: follow-ups go as tasks, else as short events. */
  supportsTodo: boolean
}

export interface SyncDiscovery {
  principalUrl: string
  addressBooks: SyncCollectionInfo[]
  calendars: SyncCalendarInfo[]
}

/** What one run changed in each direction. */
export interface SyncCounts {
  created: number
  updated: number
  deleted: number
  archived: number
  completed: number
  rescheduled: number
  dropped: number
  captured: number
  conflicts: number
  skipped: number
}
export interface SyncReport {
  runId: string
  startedAt: string
  finishedAt: string
  /** Rapport → server. */
  up: SyncCounts
  /** Server → Rapport. */
  down: SyncCounts
  entries: SyncLogEntry[]
}

export interface SyncStatus {
  settings: SyncSettings
  /** A password is known for this run (memory, keychain or environment); never the password. */
  hasPassword: boolean
  running: boolean
  progress: { done: number; total: number } | null
  lastRun: SyncLogEntry | null
  conflicts: number
}

const serverInput = {
  serverUrl: z.string().trim().min(1).max(2000),
  user: z.string().trim().min(1).max(200),
  /** Only for this call; when absent the known password is used. Never stored in the data file. */
  password: z.string().min(1).max(1000).optional(),
}

/** Settings → Sync and `rapport sync`. */
export const syncOperations = {
  'sync.status': op<SyncStatus>()(noInput),
  'sync.testConnection': op<SyncDiscovery>()(z.object(serverInput).strict()),
  /** The address books and calendars of the configured account. */
  'sync.listCollections': op<SyncDiscovery>()(noInput),
  /** Creates an address book and/or a calendar named "Rapport" and chooses them. */
  'sync.createCollections': op<SyncSettings>()(
    z.object({ addressBook: z.boolean(), calendar: z.boolean() }).strict(),
  ),
  /** Changes only the settings it names. */
  'sync.configure': op<SyncSettings>()(patchSchemaOf(syncSettingsSchema.shape)),
  /** Kept in memory for this run only (browser mode asks once); the desktop keeps it in the keychain. */
  'sync.setPassword': op<{ ok: true }>()(
    z.object({ password: z.string().min(1).max(1000) }).strict(),
  ),
  'sync.run': op<SyncReport>()(noInput),
  'sync.cancel': op<{ ok: true }>()(noInput),
  'sync.log': op<SyncLogEntry[]>()(
    z
      .object({ limit: z.number().int().min(1).max(5000).optional() })
      .strict()
      .optional(),
  ),
  'sync.conflicts': op<SyncConflict[]>()(noInput),
  /** One click: take the phone's value (or keep Rapport's) and close the conflict. */
  'sync.resolveConflict': op<{ ok: true }>()(
    z.object({ id: idSchema, take: z.enum(['phone', 'rapport']) }).strict(),
  ),
} as const
