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
import type { RecordOf, StoreOp, StoreTransaction } from './dataStore'
import { readTheirSnapshot, setAsideTheirs, writeSnapshotGuarded } from './externalChange'
import type { UnknownFields } from './handEdited'
import { encodeEntry, encodeHeader } from './journal'
import type { JournaledStore, OpenStoreOptions, StoreChange } from './journaledStore'
import { JournalGoneError, JournalWriter } from './journalWriter'
import { acquireFolderLock, type FolderLock } from './lock'
import { makePrivateDir } from './ownerOnly'
import { writeSnapshot, type SnapshotIdentity } from './snapshot'
import { copyTargetFile, fileExists, signatureOf, withWritableFolder } from './storeFolder'
import type { StoreNotices } from './storeNotices'
import { keepHandEdited, type RecoveredStore, type StoreFiles } from './storeRecovery'
import { validateOp, type StoreState } from './storeState'

const HOUR_MS = 60 * 60 * 1000

/**
 * The store: a readable JSON snapshot (written whole only by compaction) plus an append-only
 * journal of changes, fsynced before any change is acknowledged. See issue 3 for the reasons.
 * Opening and recovery are in storeRecovery.ts; this carries on from what they found.
 */
export class JournaledStoreImpl implements JournaledStore {
  readonly file: string
  private readonly dir: string
  private readonly journalFile: string
  private readonly now: () => Date
  /** Journal size that triggers compaction once idle (4× that, at once). */
  private readonly threshold: number
  private readonly idleMs: number
  private readonly backupsOn: boolean

  /** The in-memory data with its id index: every read is answered from here. */
  private readonly state: StoreState
  /** Appends and fsyncs journal lines; replaced by writeAgain after the folder was deleted. */
  private writer: JournalWriter
  /** The folder's write lock; taken anew by writeAgain after the folder was deleted. */
  private lock: FolderLock
  /** The sequence number of the last change applied in memory (durable or on its way). */
  private lastSeq: number
  /** Goes up with every change in memory, so that cached views know to recompute. */
  private revisionCount = 0
  /** Undo steps of changes applied in memory whose journal line is not durable yet, oldest first. */
  private readonly inFlight: StoreOp[][] = []
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
  private readonly listeners = new Set<(change: StoreChange) => void>()

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
    this.state = recovered.state
    this.lastSeq = recovered.lastSeq
    this.writer = recovered.writer
    this.writer.onSettled = (outcome) => this.settled(outcome)
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

  read(): Readonly<StoreData> {
    return this.state.data
  }

  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    return this.state.find(collection, id)
  }

  revision(): number {
    return this.revisionCount
  }

  update<T>(build: (tx: StoreTransaction) => T): Promise<T> {
    if (this.closed) return Promise.reject(unavailableClosed(this.file))
    if (this.writer.failure) return Promise.reject(this.cannotSave(this.writer.failure))
    const staged: StoreOp[] = []
    const tx: StoreTransaction = {
      data: this.state.data,
      find: (c, id) => this.state.find(c, id),
      put: (c, r) => void staged.push({ t: 'put', c, r } as StoreOp),
      remove: (c, id) => void staged.push({ t: 'del', c, id }),
      setSettings: (v) => void staged.push({ t: 'settings', v }),
    }
    let result: T
    let ops: StoreOp[]
    try {
      result = build(tx)
      ops = staged.map(validateOp)
    } catch (error) {
      return Promise.reject(error)
    }
    if (ops.length === 0) return Promise.resolve(result)
    this.lastSeq += 1
    const undo = this.state.undoFor(ops)
    this.state.apply(ops)
    this.revisionCount += 1
    this.inFlight.push(undo)
    return this.writer.append(encodeEntry({ seq: this.lastSeq, ops })).then(
      () => {
        this.notes.drop('saveFailed')
        this.afterCommit()
        this.changed({
          touched: new Set(ops.map((op) => (op.t === 'settings' ? 'settings' : op.c))),
        })
        return result
      },
      (error: unknown) => {
        throw this.cannotSave(error)
      },
    )
  }

  /** Told by the writer, before any caller hears, which changes became durable or failed. */
  private settled(outcome: { durable: number } | 'failed'): void {
    if (outcome !== 'failed') {
      this.inFlight.splice(0, outcome.durable)
      return
    }
    // Not durable, so not kept: every change of the failed batch (and those queued after it)
    // is taken back, newest first, and the caller may simply try again.
    const failed = this.inFlight.splice(0)
    if (failed.length === 0) return
    for (const undo of failed.reverse()) this.state.apply(undo)
    this.revisionCount += 1
    this.changed()
  }

  /** The error a caller gets for a change that was not saved, told to the user as a notice too. */
  private cannotSave(error: unknown): RapportError {
    const gone = error instanceof JournalGoneError
    const reason = gone
      ? `the data folder ${this.dir} was deleted while Rapport was running`
      : (error as Error).message
    if (gone) {
      if (!this.notes.has('dataFolderGone'))
        this.notes.add({ kind: 'dataFolderGone', folder: this.dir })
    } else {
      this.notes.drop('saveFailed')
      this.notes.add({
        kind: 'saveFailed',
        file: this.journalFile,
        reason,
        code: (error as NodeJS.ErrnoException).code,
      })
    }
    return new RapportError('STORE_UNAVAILABLE', `The change could not be saved: ${reason}`, {
      file: this.journalFile,
      reason,
    })
  }

  private changed(change: StoreChange = {}): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch (error) {
        console.error('Rapport: a change listener failed', error)
      }
    }
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
    this.state.data.journalSeq = this.lastSeq
    const written = await writeSnapshotGuarded(this.files, this.state.data, {
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
    const info = await createBackup(this.dir, this.state.data, this.now(), {
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
    this.state.replace(data)
    this.revisionCount += 1
    this.lastSeq = Math.max(this.lastSeq, data.journalSeq) + 1
    this.snapshotStale = true
    await this.compact()
    this.notes.add({ kind: 'restoredBackup', backupFile: file })
    this.changed()
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
        this.cannotSave(this.writer.failure)
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
      this.state.replace(theirs.data)
      this.unknownFields = theirs.unknownFields
      this.revisionCount += 1
      this.lastSeq = Math.max(this.lastSeq, theirs.data.journalSeq)
      this.knownSnapshot = signature
      // The journal continues their file from now on.
      await this.writer.dropBefore(this.writer.size, encodeHeader(theirs.identity))
      this.journalBase = theirs.identity
      this.notes.add({ kind: 'reloadedExternalChange', file: this.file })
      this.changed()
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
    this.writer = await JournalWriter.open(this.journalFile, 0)
    this.writer.onSettled = (outcome) => this.settled(outcome)
    this.journalBase = null
    this.snapshotStale = true
    this.knownSnapshot = 'missing'
    await this.compact()
    if (this.backupsOn) await this.backupNow('recovery')
    this.notes.drop('dataFolderGone')
    this.changed()
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
    await writeSnapshot(file, this.state.data, { unknownFields: this.unknownFields })
    return { file }
  }

  stats(): { fsyncs: number; journalBytes: number } {
    return { fsyncs: this.writer.fsyncs, journalBytes: this.writer.size }
  }

  ready(): Promise<void> {
    return this.startup
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
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
