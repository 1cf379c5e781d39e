import { readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { RapportError } from '../../../shared/errors'
import type { StoreData } from '../../../shared/model'
import type { StoreNotice } from '../../../shared/storeNotice'
import { createBackup, listBackups, newestGoodBackup, type BackupInfo } from './backups'
import type { DataStore, StoreOp, StoreTransaction } from './dataStore'
import { writeFileDurably } from './durableJsonFile'
import { decodeJournal, encodeEntry } from './journal'
import { JournalWriter } from './journalWriter'
import { acquireFolderLock } from './lock'
import { makePrivateDir, makePrivateFile, tightenDataFolder } from './ownerOnly'
import { countRecords, parseSnapshot, readSnapshot, SnapshotError, writeSnapshot } from './snapshot'
import { StoreState, validateOp } from './storeState'

export const SNAPSHOT_FILE = 'rapport.json'
export const JOURNAL_FILE = 'rapport.journal'

const HOUR_MS = 60 * 60 * 1000

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
  backupNow(): Promise<BackupInfo>
  listBackups(): Promise<BackupInfo[]>
  restoreBackup(file: string): Promise<void>
  /** Resolves when the start-up compaction and backup are done. */
  ready(): Promise<void>
  /** Calls `listener` after every durable change (and reload); returns the unsubscribe. */
  onChange(listener: (change: StoreChange) => void): () => void
  /** For tests and the benchmark: fsyncs so far and the journal's current size. */
  stats(): { fsyncs: number; journalBytes: number }
  /** Looks for a change made by another program now (also done on a timer). */
  checkExternalChange(): Promise<void>
}

/** What a change touched, so that a listener can skip work a change cannot affect. */
export interface StoreChange {
  /** The collections (and "settings") one write changed; absent after a reload or a restore,
   * when anything may differ. */
  touched?: ReadonlySet<string>
}

/** A notice without the fields the store fills in, kept per kind. */
type NoticeInput = StoreNotice extends infer N
  ? N extends StoreNotice
    ? Omit<N, 'id' | 'at'>
    : never
  : never

/** Errors that mean the folder cannot be written at all (permissions, a read-only disk). */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * Creating the folder and taking its lock are the first writes: when they fail for lack of
 * permission or a read-only disk, say so in words instead of a stack trace.
 */
async function withWritableFolder<T>(dir: string, first: () => Promise<T>): Promise<T> {
  try {
    return await first()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (!code || !READ_ONLY_CODES.has(code)) throw error
    const why = code === 'EROFS' ? 'it is on a read-only disk' : 'you may not write to it'
    throw new RapportError(
      'STORE_UNAVAILABLE',
      `Rapport cannot write to its data folder ${dir}: ${why} (${code}). Nothing was changed. ` +
        'Make the folder writable, or choose another with --data DIR.',
      { folder: dir, reason: `the data folder is read-only (${code})`, code },
    )
  }
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/**
 * The store: a readable JSON snapshot (written whole only by compaction) plus an append-only
 * journal of changes, fsynced before any change is acknowledged. See issue 3 for the reasons.
 */
export async function openJournaledStore(options: OpenStoreOptions): Promise<JournaledStore> {
  const dir = options.dir
  const now = options.now ?? (() => new Date())
  const snapshotFile = join(dir, SNAPSHOT_FILE)
  const journalFile = join(dir, JOURNAL_FILE)
  const threshold = options.compactThresholdBytes ?? 8 * 1024 * 1024
  const idleMs = options.idleMs ?? 500
  const backupsOn = options.backups ?? true
  const notices: StoreNotice[] = []
  const notice = (n: NoticeInput) =>
    notices.push({
      ...n,
      id: `${n.kind}-${now().getTime()}-${notices.length}`,
      at: now().toISOString(),
    } as StoreNotice)

  const lock = await withWritableFolder(dir, async () => {
    await makePrivateDir(dir)
    return acquireFolderLock(dir, options.holder)
  })
  try {
    await removeLeftoverTempFiles(dir)
    await tightenDataFolder(dir)

    // Load: parse → migrate → validate the snapshot, falling back to the newest good backup.
    let data: StoreData
    let fresh = false
    try {
      const loaded = await readSnapshot(snapshotFile)
      if (loaded) data = loaded
      else {
        data = options.initialData()
        fresh = true
      }
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error
      const unavailable = (reason: string, extra: object = {}) =>
        new RapportError(
          'STORE_UNAVAILABLE',
          `Cannot use the data file ${snapshotFile}: ${reason}`,
          {
            file: snapshotFile,
            folder: dir,
            reason,
            ...extra,
          },
        )
      if (error.kind === 'newer') throw unavailable(error.message)
      const backup = await newestGoodBackup(dir)
      if (!backup && !options.startEmptyIfDamaged) {
        throw unavailable(error.message, { canStartEmpty: true })
      }
      const damaged = join(dir, `rapport.corrupt-${stamp(now())}.json`)
      await rename(snapshotFile, damaged)
      await makePrivateFile(damaged)
      const damagedJournal = damaged.replace(/\.json$/, '.journal')
      await rename(journalFile, damagedJournal).then(
        () => makePrivateFile(damagedJournal),
        () => undefined,
      )
      if (backup) {
        data = backup.data
        notice({
          kind: 'restoredFromBackup',
          damagedFile: damaged,
          reason: error.message,
          backupFile: backup.info.file,
          backupAt: backup.info.createdAt,
          counts: countRecords(backup.data),
        })
      } else {
        data = options.initialData()
      }
      fresh = true
    }

    // Replay the journal entries the snapshot does not contain yet.
    const state = new StoreState(data)
    let lastSeq = data.journalSeq
    let journalText = ''
    if (!fresh) journalText = await readFile(journalFile, 'utf8').catch(() => '')
    else {
      // A journal without its snapshot belongs to no known state: keep it aside, never replay it.
      const orphan = await stat(journalFile).catch(() => null)
      if (orphan && orphan.size > 0) {
        const orphanFile = join(dir, `rapport.journal.orphan-${stamp(now())}`)
        await rename(journalFile, orphanFile)
        await makePrivateFile(orphanFile)
      } else await rm(journalFile, { force: true })
    }
    const journal = decodeJournal(journalText)
    for (const entry of journal.entries) {
      if (entry.seq <= lastSeq) continue
      state.apply(entry.ops)
      lastSeq = entry.seq
    }
    if (journal.badLines > 0) {
      const keptAt = join(dir, `rapport.journal.bad-${stamp(now())}`)
      await writeFileDurably(keptAt, journalText)
      notice({ kind: 'journalTailIgnored', lines: journal.badLines, keptAt })
    }
    const writer = await JournalWriter.open(journalFile, journal.validBytes)

    let closed = false
    let revision = 0
    const listeners = new Set<(change: StoreChange) => void>()
    const changed = (change: StoreChange = {}) => {
      for (const listener of listeners) {
        try {
          listener(change)
        } catch (error) {
          console.error('Rapport: a change listener failed', error)
        }
      }
    }
    let compacting: Promise<void> | null = null
    let idleTimer: NodeJS.Timeout | undefined
    let lastBackupAt = 0
    let changedSinceBackup = false
    let knownSnapshot = ''

    const snapshotSignature = async (): Promise<string> => {
      try {
        const s = await stat(snapshotFile)
        return `${s.ino}:${s.size}:${s.mtimeMs}`
      } catch {
        return 'missing'
      }
    }

    /** Writes the state as the new snapshot and drops the journal entries it now contains. */
    const compactNow = async (): Promise<void> => {
      await writer.idle()
      // Everything applied in memory is durable here; until the next await nothing can change.
      while (!writer.isIdle()) await writer.idle()
      options.onCompaction?.('start')
      const seq = lastSeq
      const offset = writer.size
      state.data.journalSeq = seq
      await writeSnapshot(snapshotFile, state.data)
      knownSnapshot = await snapshotSignature()
      await writer.dropBefore(offset)
      options.onCompaction?.('end')
    }

    const compact = (): Promise<void> => {
      compacting ??= compactNow().finally(() => {
        compacting = null
      })
      return compacting
    }

    const backupNow = async (): Promise<BackupInfo> => {
      if (writer.size > 0 || !writer.isIdle()) await compact()
      const info = await createBackup(dir, snapshotFile, state.data, now())
      lastBackupAt = Date.now()
      changedSinceBackup = false
      return info
    }

    const onIdle = () => {
      if (closed) return
      void (async () => {
        if (writer.size > threshold) await compact()
        if (backupsOn && changedSinceBackup && Date.now() - lastBackupAt >= HOUR_MS)
          await backupNow()
      })().catch((error: unknown) => console.error('Rapport: background store work failed', error))
    }

    const afterCommit = () => {
      changedSinceBackup = true
      // A journal far past the threshold is compacted even under constant load.
      if (writer.size > threshold * 4 && !compacting) {
        void compact().catch((error: unknown) => console.error('Rapport: compaction failed', error))
      }
      clearTimeout(idleTimer)
      idleTimer = setTimeout(onIdle, idleMs)
      idleTimer.unref?.()
    }

    // Start: fold the journal into a fresh snapshot, then take the start-up backup. A new folder
    // gets its snapshot at once; otherwise this runs in the background so opening stays quick.
    knownSnapshot = await snapshotSignature()
    if (fresh) await compact()
    const startup = (async () => {
      if (journal.entries.length > 0 || journal.badLines > 0) await compact()
      if (backupsOn) await backupNow()
    })().catch((error: unknown) =>
      console.error('Rapport: start-up compaction or backup failed', error),
    )

    const checkExternalChange = async (): Promise<void> => {
      if (closed || compacting) return
      const signature = await snapshotSignature()
      if (signature === knownSnapshot || compacting) return
      let theirs: StoreData | null
      try {
        theirs = parseSnapshot(await readFile(snapshotFile, 'utf8'))
      } catch {
        theirs = null
      }
      if (theirs && writer.isIdle() && writer.size === 0) {
        // Nothing of ours is pending: take their version as it is.
        state.replace(theirs)
        revision += 1
        lastSeq = Math.max(lastSeq, theirs.journalSeq)
        knownSnapshot = signature
        notice({ kind: 'reloadedExternalChange', file: snapshotFile })
        changed()
        return
      }
      // Ours has changes theirs lacks (or theirs is unreadable): keep both, never merge.
      const setAside = join(dir, `rapport.conflict-${stamp(now())}.json`)
      // Theirs may have been written readable by all; the copy set aside is ours to keep private.
      await rename(snapshotFile, setAside).then(
        () => makePrivateFile(setAside),
        () => undefined,
      )
      await compact()
      notice({ kind: 'externalChangeSetAside', file: snapshotFile, setAsideFile: setAside })
    }

    const watchMs = options.watchIntervalMs ?? 5000
    const watchTimer =
      watchMs > 0
        ? setInterval(() => {
            checkExternalChange().catch((error: unknown) => console.error(error))
          }, watchMs)
        : undefined
    watchTimer?.unref?.()

    const store: JournaledStore = {
      file: snapshotFile,
      read: () => state.data,
      revision: () => revision,

      update<T>(build: (tx: StoreTransaction) => T): Promise<T> {
        if (closed) return Promise.reject(unavailableClosed(snapshotFile))
        if (writer.failure) {
          return Promise.reject(
            new RapportError(
              'STORE_UNAVAILABLE',
              `Changes can no longer be saved to ${journalFile}`,
              {
                file: journalFile,
                reason: `writing failed (${(writer.failure as Error).message}); restart Rapport`,
              },
            ),
          )
        }
        const staged: StoreOp[] = []
        const tx: StoreTransaction = {
          data: state.data,
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
        lastSeq += 1
        state.apply(ops)
        revision += 1
        return writer.append(encodeEntry({ seq: lastSeq, ops })).then(
          () => {
            afterCommit()
            changed({
              touched: new Set(ops.map((op) => (op.t === 'settings' ? 'settings' : op.c))),
            })
            return result
          },
          (error: unknown) => {
            throw new RapportError(
              'STORE_UNAVAILABLE',
              `The change could not be saved to ${journalFile}`,
              {
                file: journalFile,
                reason: (error as Error).message,
              },
            )
          },
        )
      },

      notices: () => [...notices],
      dismissNotice(id) {
        const at = notices.findIndex((n) => n.id === id)
        if (at >= 0) notices.splice(at, 1)
      },

      compact,
      backupNow,
      listBackups: () => listBackups(dir),

      async restoreBackup(file) {
        const known = (await listBackups(dir)).some((b) => b.file === file)
        if (!known)
          throw new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
        const data = await readSnapshot(file).catch((error: unknown) => {
          throw new RapportError(
            'VALIDATION',
            `The backup cannot be used: ${(error as Error).message}`,
            {
              file,
            },
          )
        })
        if (!data)
          throw new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
        // The current state becomes a backup first, so restoring is itself undoable.
        await writer.idle()
        await backupNow()
        state.replace(data)
        revision += 1
        lastSeq = Math.max(lastSeq, data.journalSeq) + 1
        await compact()
        notice({ kind: 'restoredBackup', backupFile: file })
        changed()
      },

      checkExternalChange,
      stats: () => ({ fsyncs: writer.fsyncs, journalBytes: writer.size }),
      ready: () => startup,
      onChange(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },

      async close() {
        if (closed) return
        closed = true
        await startup
        clearTimeout(idleTimer)
        if (watchTimer) clearInterval(watchTimer)
        try {
          await writer.idle()
          if (!writer.failure) await compact()
          await writer.close()
        } finally {
          await lock.release()
        }
      },
    }
    return store
  } catch (error) {
    await lock.release()
    throw error
  }
}

function unavailableClosed(file: string): RapportError {
  return new RapportError('STORE_UNAVAILABLE', `The store ${file} is closed`, {
    file,
    reason: 'closed',
  })
}

/** Temp files of an interrupted atomic write are garbage; the real files were never replaced. */
async function removeLeftoverTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^\.rapport\..*\.tmp$/.test(name)) await rm(join(dir, name), { force: true })
  }
}
