import { RapportError } from '../../../shared/errors'
import type { CollectionName, StoreData } from '../../../shared/model'
import type { BackupKeep, StoreNotice } from '../../../shared/store/storeNotice'
import {
  createBackup,
  deleteBackup,
  listBackups,
  readListedBackup,
  type BackupInfo,
} from './backups'
import type { RecordOf, StoreTransaction } from './dataStore'
import { readTheirSnapshot, setAsideTheirs, writeSnapshotGuarded } from './externalChange'
import type { UnknownFields } from './handEdited'
import { encodeHeader } from './journal'
import { JournaledState } from './journaledState'
import type { JournaledStore, OpenStoreOptions, StoreChange } from './journaledStore'
import { JournalGoneError, JournalWriter } from './journalWriter'
import { acquireFolderLock, type FolderLock } from './lock'
import { makePrivateDir } from './ownerOnly'
import { writeSnapshot, type SnapshotIdentity } from './snapshot'
import { copyTargetFile, fileExists, signatureOf, withWritableFolder } from './storeFolder'
import type { StoreNotices } from './storeNotices'
import { keepHandEdited, type RecoveredStore, type StoreFiles } from './storeRecovery'

const HOUR_MS = 60 * 60 * 1000

/**
 * The store: a readable JSON snapshot (written whole only by compaction) plus an append-only
 * journal of changes, fsynced before any change is acknowledged. See issue 3 for the reasons.
 * Opening and recovery are in storeRecovery.ts; this carries on from what they found.
 */
export class JournaledStoreImpl implements JournaledStore {
  readonly file: string
  // Fixed at open, from OpenStoreOptions.
  private readonly dir: string
  private readonly journalFile: string
  private readonly now: () => Date
  /** Journal size that triggers compaction once idle (4× that, at once). */
  private readonly threshold: number
  private readonly idleMs: number
  private readonly backupsOn: boolean

  /** The data in memory and the journal that makes its changes durable. */
  private readonly journaled: JournaledState
  /** The folder's write lock; taken anew by writeAgain after the folder was deleted. */
  private lock: FolderLock
  /** Fields Rapport does not know, written back beside their records (see handEdited.ts). */
  private unknownFields: UnknownFields
  /** The snapshot the journal's first line names. */
  private journalBase: SnapshotIdentity | null
  /** The in-memory state differs from the snapshot file even where the journal is empty. */
  private snapshotStale: boolean
  /** The snapshot file's signature as last written or read: another means another program's change. */
  private knownSnapshot = ''
  /** The compaction under way, which a second caller joins instead of starting another. */
  private compacting: Promise<void> | null = null
  /** Runs the idle work (compaction, the hourly backup) once no change came for `idleMs`. */
  private idleTimer: NodeJS.Timeout | undefined
  /** When the last backup was taken, so that there is at most one an hour. */
  private lastBackupAt = 0
  /** A change since the last backup: an unchanged store needs no new one. */
  private changedSinceBackup = false
  /** Looks for another program's change to the snapshot every `watchIntervalMs`. */
  private watchTimer: NodeJS.Timeout | undefined
  /** The start-up compaction and backup, which ready() and close() wait for. */
  private startup: Promise<void> = Promise.resolve()
  /** Set by close: no further changes, and background work stops. */
  private closed = false

  constructor(
    private readonly options: OpenStoreOptions,
    private readonly files: StoreFiles,
    private readonly notes: StoreNotices,
    lock: FolderLock,
    recovered: RecoveredStore,
  ) {
    this.file = files.snapshotFile
    this.dir = files.dir
    this.journalFile = files.journalFile
    this.now = files.now
    this.threshold = options.compactThresholdBytes ?? 8 * 1024 * 1024
    this.idleMs = options.idleMs ?? 500
    this.backupsOn = options.backups ?? true
    this.lock = lock
    this.journaled = new JournaledState(
      recovered.state,
      recovered.lastSeq,
      recovered.writer,
      { dir: this.dir, journalFile: this.journalFile, notices: notes },
      () => this.afterCommit(),
    )
    this.journalBase = recovered.journalBase
    this.unknownFields = recovered.unknownFields
    this.snapshotStale = recovered.writeNow
  }

  /**
   * Start: fold the journal into a fresh snapshot, then take the start-up backup. A new or
   * rebuilt folder gets its snapshot at once; otherwise this runs in the background so opening
   * stays quick.
   */
  async start({ writeNow, journal, loaded }: RecoveredStore): Promise<void> {
    this.knownSnapshot = await signatureOf(this.file)
    if (writeNow) await this.compact()
    else if (
      !journal.entries.length &&
      (!this.journalBase ||
        this.journalBase.crc32 !== loaded!.identity.crc32 ||
        this.journalBase.bytes !== loaded!.identity.bytes)
    ) {
      // An empty journal must name the snapshot it continues before the first change lands.
      await this.writer.dropBefore(this.writer.size, encodeHeader(loaded!.identity))
      this.journalBase = loaded!.identity
    }
    this.startup = (async () => {
      if (journal.entries.length > 0 || journal.damagedLines.length > 0 || journal.badTailLines > 0)
        await this.compact()
      // After a recovery, the state it started from stays until the user deletes it.
      if (this.backupsOn) await this.backupNow(this.notes.count > 0 ? 'recovery' : undefined)
    })().catch((error: unknown) =>
      console.error('Rapport: start-up compaction or backup failed', error),
    )
    const watchMs = this.options.watchIntervalMs ?? 5000
    if (watchMs > 0) {
      this.watchTimer = setInterval(() => {
        this.checkExternalChange().catch((error: unknown) => console.error(error))
      }, watchMs)
      this.watchTimer.unref?.()
    }
  }

  private get writer(): JournalWriter {
    return this.journaled.writer
  }

  read(): Readonly<StoreData> {
    return this.journaled.data
  }

  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    return this.journaled.find(collection, id)
  }

  revision(): number {
    return this.journaled.revision()
  }

  update<T>(build: (tx: StoreTransaction) => T): Promise<T> {
    if (this.closed) return Promise.reject(unavailableClosed(this.file))
    return this.journaled.update(build)
  }

  private afterCommit(): void {
    this.changedSinceBackup = true
    // A journal far past the threshold is compacted even under constant load.
    if (this.writer.size > this.threshold * 4 && !this.compacting) {
      void this.compact().catch((error: unknown) =>
        console.error('Rapport: compaction failed', error),
      )
    }
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => this.onIdle(), this.idleMs)
    this.idleTimer.unref?.()
  }

  private onIdle(): void {
    if (this.closed) return
    void (async () => {
      if (this.writer.size > this.threshold) await this.compact()
      if (this.backupsOn && this.changedSinceBackup && Date.now() - this.lastBackupAt >= HOUR_MS)
        await this.backupNow()
    })().catch((error: unknown) => console.error('Rapport: background store work failed', error))
  }

  notices(): StoreNotice[] {
    return this.notes.all()
  }

  dismissNotice(id: string): void {
    this.notes.dismiss(id)
  }

  compact(): Promise<void> {
    this.compacting ??= this.compactNow().finally(() => {
      this.compacting = null
    })
    return this.compacting
  }

  /** Writes the state as the new snapshot and drops the journal entries it now contains. */
  private async compactNow(): Promise<void> {
    await this.writer.idle()
    // Everything applied in memory is durable here; until the next await nothing can change.
    while (!this.writer.isIdle()) await this.writer.idle()
    if (!this.writer.hasEntries() && !this.snapshotStale && this.journalBase) {
      // Nothing to fold in. If another program replaced the file meanwhile, theirs stays.
      if ((await signatureOf(this.file)) !== this.knownSnapshot) return
    }
    this.options.onCompaction?.('start')
    const offset = this.writer.size
    this.journaled.data.journalSeq = this.journaled.lastSeq
    const written = await writeSnapshotGuarded(this.files, this.journaled.data, {
      prev: this.journalBase,
      unknownFields: this.unknownFields,
      knownSnapshot: () => this.knownSnapshot,
    })
    this.knownSnapshot = written.signature
    this.snapshotStale = false
    await this.writer.dropBefore(offset, encodeHeader(written.identity))
    this.journalBase = written.identity
    this.options.onCompaction?.('end')
  }

  async backupNow(keep?: BackupKeep): Promise<BackupInfo> {
    if (this.writer.hasEntries() || this.snapshotStale || !this.writer.isIdle())
      await this.compact()
    const info = await createBackup(this.dir, this.journaled.data, this.now(), {
      keep,
      onlyIfChanged: !keep,
      unknownFields: this.unknownFields,
    })
    this.lastBackupAt = Date.now()
    this.changedSinceBackup = false
    return info
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dir)
  }

  async deleteBackup(file: string): Promise<void> {
    if (!(await deleteBackup(this.dir, file)))
      throw new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
  }

  async restoreBackup(file: string): Promise<void> {
    const data = await readListedBackup(this.dir, file)
    // The current state becomes a backup first, kept until the user deletes it, so restoring
    // is itself undoable.
    await this.writer.idle()
    await this.backupNow('beforeRestore')
    this.journaled.replace(data, Math.max(this.journaled.lastSeq, data.journalSeq) + 1)
    this.snapshotStale = true
    await this.compact()
    this.notes.add({ kind: 'restoredBackup', backupFile: file })
    this.journaled.changed()
  }

  async checkExternalChange(): Promise<void> {
    if (this.closed || this.compacting) return
    const signature = await signatureOf(this.file)
    if (signature === this.knownSnapshot || this.compacting) return
    if (signature === 'missing') {
      // The whole folder gone (not just the file being replaced): stop acknowledging at once.
      const journalThere = await fileExists(this.journalFile)
      if (!journalThere && !this.writer.failure) {
        this.writer.failure = new JournalGoneError(this.journalFile)
        this.journaled.cannotSave(this.writer.failure)
      }
      return
    }
    const theirs = await readTheirSnapshot(this.file)
    if (theirs && this.writer.isIdle() && !this.writer.hasEntries() && !this.snapshotStale) {
      // Nothing of ours is pending: take their version as it is.
      if (theirs.attention.length > 0) {
        await keepHandEdited(this.files, theirs)
        this.snapshotStale = true
      }
      this.journaled.replace(theirs.data, Math.max(this.journaled.lastSeq, theirs.data.journalSeq))
      this.unknownFields = theirs.unknownFields
      this.knownSnapshot = signature
      // The journal continues their file from now on.
      await this.writer.dropBefore(this.writer.size, encodeHeader(theirs.identity))
      this.journalBase = theirs.identity
      this.notes.add({ kind: 'reloadedExternalChange', file: this.file })
      this.journaled.changed()
      return
    }
    // Ours has changes theirs lacks (or theirs is unreadable): keep both, never merge.
    const setAside = await setAsideTheirs(this.files)
    this.snapshotStale = true
    await this.compact()
    this.notes.add({ kind: 'externalChangeSetAside', file: this.file, setAsideFile: setAside })
    if (this.backupsOn) {
      // Both versions stay one click away in Settings → Backups until the user deletes them.
      if (theirs) await createBackup(this.dir, theirs.data, this.now(), { keep: 'otherVersion' })
      await this.backupNow('conflict')
    }
  }

  async writeAgain(): Promise<void> {
    if (!(this.writer.failure instanceof JournalGoneError))
      throw new RapportError(
        'CONFLICT',
        `The data folder ${this.dir} is in place; nothing to write again`,
      )
    this.lock = await withWritableFolder(this.dir, async () => {
      await makePrivateDir(this.dir)
      return acquireFolderLock(this.dir, this.options.holder)
    })
    await this.writer.close().catch(() => undefined)
    this.journaled.useWriter(await JournalWriter.open(this.journalFile, 0))
    this.journalBase = null
    this.snapshotStale = true
    this.knownSnapshot = 'missing'
    await this.compact()
    if (this.backupsOn) await this.backupNow('recovery')
    this.notes.drop('dataFolderGone')
    this.journaled.changed()
  }

  async writeCopyTo(folder: string): Promise<{ file: string }> {
    // Only as a way out of a lost folder: otherwise nothing may make Rapport write elsewhere.
    if (!(this.writer.failure instanceof JournalGoneError))
      throw new RapportError(
        'CONFLICT',
        `The data folder ${this.dir} is in place; its backups are the copies to use`,
      )
    const { target, file } = await copyTargetFile(this.dir, folder)
    // Changes still on their way are either kept or taken back before the copy is taken.
    await this.writer.idle().catch(() => undefined)
    await withWritableFolder(target, () => makePrivateDir(target))
    await writeSnapshot(file, this.journaled.data, { unknownFields: this.unknownFields })
    return { file }
  }

  stats(): { fsyncs: number; journalBytes: number } {
    return { fsyncs: this.writer.fsyncs, journalBytes: this.writer.size }
  }

  ready(): Promise<void> {
    return this.startup
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    return this.journaled.onChange(listener)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.startup
    clearTimeout(this.idleTimer)
    if (this.watchTimer) clearInterval(this.watchTimer)
    try {
      await this.writer.idle()
      if (!this.writer.failure) await this.compact()
    } catch (error) {
      // Every acknowledged change is already in the journal; the next start folds it in.
      console.error(
        `Rapport: could not update ${this.file} at quit (${(error as Error).message}). ` +
          `Your changes are safe in ${this.journalFile} and will be folded in at the next start.`,
      )
    } finally {
      await this.writer.close().catch(() => undefined)
      await this.lock.release()
    }
  }
}

function unavailableClosed(file: string): RapportError {
  return new RapportError('STORE_UNAVAILABLE', `The store ${file} is closed`, {
    file,
    reason: 'closed',
  })
}
