import type { AppInfo } from '../../shared/contract'
import type { Clock } from './clock'
import type { SyncServiceOptions } from './sync/syncService'

/** What the core is told about the run it serves; the feature handlers read it. */
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
  /** The map's answer built in the background after start-up and changes; off in tests. */
  mapWarmUp?: boolean
  /** Timeouts, retries and fetch of the sync transport (tests shorten them). */
  syncTransport?: SyncServiceOptions['transport']
}
