import { z } from 'zod'
import type { AppErrorValue } from '../errors'
import type { BackupInfo, StoreNotice } from './storeNotice'
import { noInput, op } from '../operation'
import { setAsideKeySchema, type RepairResult, type SetAsideRecord } from './setAside'

export interface AppInfo {
  version: string
  dataDir: string
  storeFile: string
  /** The language the system asks for, used when the setting is "system". */
  systemLanguage: 'zh-CN' | 'en'
  hasDemoData: boolean
  /** Why the data file cannot be used (STORE_UNAVAILABLE), or null when all is well. */
  storeError: AppErrorValue | null
  /** What the user must be told about the data file (restored from a backup, reloaded, …). */
  notices: StoreNotice[]
}

/** The operations of the app and its data file: notices, backups, the demo network. */
export const storeOperations = {
  'app.info': op<AppInfo>()(noInput),
  'demo.remove': op<{ removed: number }>()(noInput),
  'store.dismissNotice': op<{ ok: true }>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** Only after the user agreed: a damaged data file with no backup is set aside. */
  'store.startEmpty': op<{ ok: true }>()(z.object({ confirm: z.literal(true) }).strict()),
  /** After the data folder was deleted while running: writes everything from memory again. */
  'store.writeAgain': op<{ ok: true }>()(z.object({ confirm: z.literal(true) }).strict()),
  /** Everything in memory written as a new data folder elsewhere, to open with --data. */
  'store.writeCopy': op<{ file: string }>()(
    z.object({ folder: z.string().trim().min(1).max(4096) }).strict(),
  ),
  /** Records of a hand-edited file that could not be loaded, with their problems. */
  'store.listSetAside': op<SetAsideRecord[]>()(noInput),
  /** Repairs one set-aside record and loads it in one ordinary transaction. */
  'store.repairSetAside': op<RepairResult>()(setAsideKeySchema),
  /** Takes a repair back (the toast's undo): the record leaves the store and is offered again. */
  'store.undoRepairSetAside': op<{ ok: true }>()(setAsideKeySchema),
  /** Leaves one set-aside record aside for good (it stays in its file, marked). */
  'store.dismissSetAside': op<{ ok: true }>()(setAsideKeySchema),
  'backups.list': op<BackupInfo[]>()(noInput),
  'backups.create': op<BackupInfo>()(noInput),
  'backups.restore': op<{ ok: true }>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
  'backups.delete': op<{ ok: true }>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
} as const
