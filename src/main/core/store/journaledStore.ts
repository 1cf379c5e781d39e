import { join } from 'node:path'
import type { StoreData } from '../../../shared/model'
import type { BackupKeep } from '../../../shared/store/storeNotice'
import type { BackupInfo } from './backups'
import type { DataStore } from './dataStore'
import { JournaledStoreImpl } from './journaledStoreImpl'
import { acquireFolderLock } from './lock'
import { makePrivateDir, tightenDataFolder } from './ownerOnly'
import {
  JOURNAL_FILE,
  removeLeftoverTempFiles,
  SNAPSHOT_FILE,
  withWritableFolder,
} from './storeFolder'
import { StoreNotices } from './storeNotices'
import { recoverStore } from './storeRecovery'

export { JOURNAL_FILE, SNAPSHOT_FILE }

export interface OpenStoreOptions {
  dir: string
  /** Data for a brand-new folder (first launch). */
  initialData: () => StoreData
  /** Who holds the write lock, named to a second process that is refused. */
  holder: string
  /** Journal size that triggers compaction once the store is idle (4× that, at once). */
  compactThresholdBytes?: number
  /** How long without a change counts as idle. */
  idleMs?: number
  /** Backups at start and at most hourly; off in benchmarks and some tests. */
  backups?: boolean
  /** How often to look for changes made to the snapshot by another program; 0 turns it off. */
  watchIntervalMs?: number
  /** With no backup to fall back on, a damaged snapshot is moved aside and the store starts empty. */
  startEmptyIfDamaged?: boolean
  now?: () => Date
  onCompaction?: (phase: 'start' | 'end') => void
}

export interface JournaledStore extends DataStore {
  compact(): Promise<void>
  /** A backup of the current state; `keep` marks one that rotation must never remove. */
  backupNow(keep?: BackupKeep): Promise<BackupInfo>
  listBackups(): Promise<BackupInfo[]>
  deleteBackup(file: string): Promise<void>
  restoreBackup(file: string): Promise<void>
  /** Resolves when the start-up compaction and backup are done. */
  ready(): Promise<void>
  /** Calls `listener` after every durable change (and reload); returns the unsubscribe. */
  onChange(listener: (change: StoreChange) => void): () => void
  /** For tests and the benchmark: fsyncs so far and the journal's current size. */
  stats(): { fsyncs: number; journalBytes: number }
  /** After the data folder was deleted while running: writes everything from memory again. */
  writeAgain(): Promise<void>
  /**
   * After the data folder was deleted while running: writes everything in memory as a new data
   * folder elsewhere (e.g. the old one's disk is gone), for Rapport to open with --data.
   */
  writeCopyTo(folder: string): Promise<{ file: string }>
  /** Looks for a change made by another program now (also done on a timer). */
  checkExternalChange(): Promise<void>
}

/** What a change touched, so that a listener can skip work a change cannot affect. */
export interface StoreChange {
  /** The collections (and "settings") one write changed; absent after a reload or a restore,
   * when anything may differ. */
  touched?: ReadonlySet<string>
}

/**
 * Opens the data folder: takes its lock, recovers whatever a crash, another program or a lost
 * file left behind (storeRecovery.ts), and carries on as the store: journaledStoreImpl.ts for
 * compaction, backups and another program's changes, journaledState.ts for each change's way
 * into memory and the journal.
 */
export async function openJournaledStore(options: OpenStoreOptions): Promise<JournaledStore> {
  const dir = options.dir
  const now = options.now ?? (() => new Date())
  const notices = new StoreNotices(now)
  const files = {
    dir,
    snapshotFile: join(dir, SNAPSHOT_FILE),
    journalFile: join(dir, JOURNAL_FILE),
    now,
    notices,
  }
  const lock = await withWritableFolder(dir, async () => {
    await makePrivateDir(dir)
    return acquireFolderLock(dir, options.holder)
  })
  try {
    await removeLeftoverTempFiles(dir)
    await tightenDataFolder(dir)
    const recovered = await recoverStore(files, options)
    const store = new JournaledStoreImpl(options, files, notices, lock, recovered)
    await store.start(recovered)
    return store
  } catch (error) {
    await lock.release()
    throw error
  }
}
