import { readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { RapportError } from '../../../shared/errors'
import { emptyStoreData, type StoreData } from '../../../shared/model'
import type { BackupKeep, StoreNotice } from '../../../shared/store/storeNotice'
import {
  createBackup,
  deleteBackup,
  hasAnyBackup,
  listBackups,
  newestGoodBackup,
  readBackup,
  type BackupInfo,
} from './backups'
import type { DataStore, StoreOp, StoreTransaction } from './dataStore'
import { copyFileDurably, writeFileDurably } from './durableJsonFile'
import { decodeJournal, encodeEntry, encodeHeader, type JournalEntry } from './journal'
import { JournalGoneError, JournalWriter } from './journalWriter'
import { acquireFolderLock } from './lock'
import { makePrivateDir, makePrivateFile, tightenDataFolder } from './ownerOnly'
import {
  countRecords,
  loadSnapshot,
  SnapshotError,
  writeSnapshot,
  type LoadedSnapshot,
  type SnapshotIdentity,
} from './snapshot'
import { StoreState, validateOp } from './storeState'
import type { UnknownFields } from './handEdited'

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

  let lock = await withWritableFolder(dir, async () => {
    await makePrivateDir(dir)
    return acquireFolderLock(dir, options.holder)
  })
  try {
    await removeLeftoverTempFiles(dir)
    await tightenDataFolder(dir)

    const journalText = await readFile(journalFile, 'utf8').catch(() => '')
    const journal = decodeJournal(journalText)
    /** Sets the journal aside under a new name (nothing disappears) and returns that name. */
    const setJournalAside = async (name: string): Promise<string | undefined> => {
      const target = join(dir, name)
      const ok = await rename(journalFile, target).then(
        () => true,
        () => false,
      )
      if (ok) await makePrivateFile(target)
      return ok ? target : undefined
    }

    /**
     * Rapport's own version when its snapshot is gone or was replaced: the backup the journal was
     * written on top of (or else the newest older one) plus the journal's changes after it.
     */
    const rebuild = async () => {
      const firstSeq = journal.entries[0]?.seq ?? Infinity
      const base = journal.base
      const exact = base
        ? await newestGoodBackup(dir, (b) => b.crc32 === base.crc32 && b.bytes === base.bytes)
        : null
      const backup = exact ?? (await newestGoodBackup(dir, (b) => (b.seq ?? 0) < firstSeq))
      if (!backup) return null
      const replay = journal.entries.filter((e) => e.seq > backup.data.journalSeq)
      return {
        backup,
        replay,
        gap: !exact && replay.length > 0 && backup.data.journalSeq < firstSeq - 1,
      }
    }

    /**
     * A hand-edited file: keep it exactly as found, write the records that could not be loaded to
     * a needs-attention file (repaired or left aside from the app, see setAsideRecords.ts), and
     * list what needs a look.
     */
    const keepHandEdited = async (found: LoadedSnapshot) => {
      const when = stamp(now())
      const copyAt = join(dir, `rapport.edited-${when}.json`)
      await copyFileDurably(snapshotFile, copyAt)
      let setAsideFile: string | undefined
      if (found.setAside.length > 0) {
        setAsideFile = join(dir, `rapport.needs-attention-${when}.json`)
        await writeFileDurably(setAsideFile, JSON.stringify(found.setAside, null, 2) + '\n')
      }
      notice({
        kind: 'recordsNeedAttention',
        file: snapshotFile,
        copyAt,
        records: found.attention,
        setAsideFile,
      })
    }

    // Load: parse → migrate → validate the snapshot, falling back to the newest good backup.
    let data: StoreData
    let replay: JournalEntry[] = []
    /** The journal on disk continues the loaded snapshot and is kept as it is. */
    let journalKept = false
    /** A snapshot must be written at once (first launch, or rebuilt after a mishap). */
    let writeNow = false
    let loaded: LoadedSnapshot | null = null
    // Fields Rapport does not know, written back beside their records (see handEdited.ts).
    let unknownFields: UnknownFields = new Map()
    try {
      loaded = await loadSnapshot(snapshotFile)
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
      // The journal continues the damaged file; where a backup is that very file, its changes
      // still apply to the backup exactly.
      const rebuilt = backup ? await rebuild() : null
      const exact = rebuilt && !rebuilt.gap ? rebuilt : null
      await setJournalAside(basename(damaged).replace(/\.json$/, '.journal'))
      const used = exact?.backup ?? backup
      if (used) {
        data = used.data
        replay = exact?.replay ?? []
        notice({
          kind: 'restoredFromBackup',
          damagedFile: damaged,
          reason: error.message,
          backupFile: used.info.file,
          backupAt: used.info.createdAt,
          counts: countRecords(used.data),
          replayed: replay.length,
        })
      } else {
        data = options.initialData()
      }
      writeNow = true
    }

    if (loaded) {
      data = loaded.data
      unknownFields = loaded.unknownFields
      if (loaded.attention.length > 0) {
        await keepHandEdited(loaded)
        writeNow = true
      }
      const base = journal.base
      // The journal continues exactly this file (or, after a crash mid-compaction, the one this
      // file replaced); a journal from before Rapport named its base trusts our own checksum.
      const belongs =
        journal.entries.length === 0 ||
        (base
          ? (base.crc32 === loaded.identity.crc32 && base.bytes === loaded.identity.bytes) ||
            (loaded.ours && loaded.sum?.prevCrc32 === base.crc32)
          : loaded.ours)
      if (belongs) {
        journalKept = true
        replay = journal.entries.filter((e) => e.seq > loaded!.data.journalSeq)
      } else {
        // Another program put its file here after a crash: never replay our journal onto it.
        const when = stamp(now())
        const theirs = join(dir, `rapport.conflict-${when}.json`)
        await rename(snapshotFile, theirs)
        // Theirs may have been written readable by all; the copy set aside is ours to keep private.
        await makePrivateFile(theirs)
        const journalAside = (await setJournalAside(`rapport.conflict-${when}.journal`)) ?? ''
        const rebuilt = await rebuild()
        // Their version stays one click away in Settings → Backups, so the user can choose it.
        await createBackup(dir, loaded.data, now(), { keep: 'otherVersion' }).catch(
          (error: unknown) =>
            console.error('Rapport: could not keep the other version as a backup', error),
        )
        if (rebuilt) {
          data = rebuilt.backup.data
          replay = rebuilt.replay
        }
        notice({
          kind: 'snapshotReplacedAfterCrash',
          setAsideFile: theirs,
          journalSetAside: journalAside,
          rebuiltFrom: rebuilt ? 'backup' : 'theirs',
          backupAt: rebuilt?.backup.info.createdAt,
          replayed: rebuilt?.replay.length ?? 0,
          gap: rebuilt?.gap ?? false,
        })
        writeNow = true
      }
    } else if (!writeNow) {
      // No data file. Any trace of earlier data means it went missing: rebuild, never a demo.
      const traces =
        journal.entries.length > 0 ||
        (await hasAnyBackup(dir)) ||
        (await stat(`${snapshotFile}.sum`).then(
          () => true,
          () => false,
        ))
      if (!traces) data = options.initialData()
      else {
        const rebuilt = await rebuild()
        const journalAside =
          journal.entries.length > 0 && !rebuilt
            ? await setJournalAside(`rapport.journal.orphan-${stamp(now())}`)
            : undefined
        if (rebuilt) {
          data = rebuilt.backup.data
          replay = rebuilt.replay
          if (journal.entries.length > 0)
            await copyFileDurably(
              journalFile,
              join(dir, `rapport.journal.replayed-${stamp(now())}`),
            )
        } else data = emptyStoreData()
        notice({
          kind: 'snapshotMissing',
          file: snapshotFile,
          backupFile: rebuilt?.backup.info.file,
          backupAt: rebuilt?.backup.info.createdAt,
          replayed: replay.length,
          journalSetAside: journalAside,
        })
      }
      writeNow = true
    }

    // Replay the journal entries the starting point does not contain yet.
    const state = new StoreState(data!)
    let lastSeq = state.data.journalSeq
    for (const entry of replay) {
      state.apply(entry.ops)
      lastSeq = entry.seq
    }
    for (const n of notices)
      if (n.kind === 'restoredFromBackup') n.counts = countRecords(state.data)
    if (journalKept && journal.damagedLines.length > 0) {
      const keptAt = join(dir, `rapport.journal.bad-${stamp(now())}`)
      await writeFileDurably(keptAt, journalText)
      notice({
        kind: 'journalLinesSetAside',
        lines: journal.damagedLines,
        keptAfter: journal.keptAfterDamage,
        keptAt,
      })
    }
    if (journalKept && journal.badTailLines > 0) {
      const keptAt = join(dir, `rapport.journal.bad-${stamp(now())}-tail`)
      await writeFileDurably(keptAt, journalText)
      notice({ kind: 'journalTailIgnored', lines: journal.badTailLines, keptAt })
    }
    if (!journalKept) await rm(journalFile, { force: true })
    let writer = journalKept
      ? await JournalWriter.open(
          journalFile,
          journal.validBytes,
          journal.base ? Buffer.byteLength(encodeHeader(journal.base)) : 0,
        )
      : await JournalWriter.open(journalFile, 0)
    /** The snapshot the journal's first line names. */
    let journalBase: SnapshotIdentity | null = journalKept ? journal.base : null

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
    /** The in-memory state differs from the snapshot file even where the journal is empty. */
    let snapshotStale = writeNow
    let knownSnapshot = ''

    const signatureOf = async (file: string): Promise<string> => {
      try {
        const s = await stat(file)
        return `${s.ino}:${s.size}:${s.mtimeMs}`
      } catch {
        return 'missing'
      }
    }
    const snapshotSignature = () => signatureOf(snapshotFile)

    const dropNotices = (kind: StoreNotice['kind']) => {
      for (let i = notices.length - 1; i >= 0; i -= 1)
        if (notices[i]!.kind === kind) notices.splice(i, 1)
    }

    /** Writes the state as the new snapshot and drops the journal entries it now contains. */
    const compactNow = async (): Promise<void> => {
      await writer.idle()
      // Everything applied in memory is durable here; until the next await nothing can change.
      while (!writer.isIdle()) await writer.idle()
      if (!writer.hasEntries() && !snapshotStale && journalBase) {
        // Nothing to fold in. If another program replaced the file meanwhile, theirs stays.
        if ((await snapshotSignature()) !== knownSnapshot) return
      }
      options.onCompaction?.('start')
      const seq = lastSeq
      const offset = writer.size
      state.data.journalSeq = seq
      let written = ''
      const identity = await writeSnapshot(snapshotFile, state.data, {
        prev: journalBase,
        unknownFields,
        beforeRename: async (temp) => {
          written = await signatureOf(temp)
          // Right before ours takes the name: a file another program put there is set aside.
          const current = await snapshotSignature()
          if (current === knownSnapshot || current === 'missing') return
          const setAside = join(dir, `rapport.conflict-${stamp(now())}.json`)
          await rename(snapshotFile, setAside)
          await makePrivateFile(setAside)
          notice({ kind: 'externalChangeSetAside', file: snapshotFile, setAsideFile: setAside })
        },
      })
      knownSnapshot = written
      snapshotStale = false
      await writer.dropBefore(offset, encodeHeader(identity))
      journalBase = identity
      options.onCompaction?.('end')
    }

    const compact = (): Promise<void> => {
      compacting ??= compactNow().finally(() => {
        compacting = null
      })
      return compacting
    }

    const backupNow = async (keep?: BackupKeep): Promise<BackupInfo> => {
      if (writer.hasEntries() || snapshotStale || !writer.isIdle()) await compact()
      const info = await createBackup(dir, state.data, now(), {
        keep,
        onlyIfChanged: !keep,
        unknownFields,
      })
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

    // Start: fold the journal into a fresh snapshot, then take the start-up backup. A new or
    // rebuilt folder gets its snapshot at once; otherwise this runs in the background so opening
    // stays quick.
    knownSnapshot = await snapshotSignature()
    if (writeNow) await compact()
    else if (
      !journal.entries.length &&
      (!journalBase ||
        journalBase.crc32 !== loaded!.identity.crc32 ||
        journalBase.bytes !== loaded!.identity.bytes)
    ) {
      // An empty journal must name the snapshot it continues before the first change lands.
      await writer.dropBefore(writer.size, encodeHeader(loaded!.identity))
      journalBase = loaded!.identity
    }
    const startup = (async () => {
      if (journal.entries.length > 0 || journal.damagedLines.length > 0 || journal.badTailLines > 0)
        await compact()
      // After a recovery, the state it started from stays until the user deletes it.
      if (backupsOn) await backupNow(notices.length > 0 ? 'recovery' : undefined)
    })().catch((error: unknown) =>
      console.error('Rapport: start-up compaction or backup failed', error),
    )

    const checkExternalChange = async (): Promise<void> => {
      if (closed || compacting) return
      const signature = await snapshotSignature()
      if (signature === knownSnapshot || compacting) return
      if (signature === 'missing') {
        // The whole folder gone (not just the file being replaced): stop acknowledging at once.
        const journalThere = await stat(journalFile).then(
          () => true,
          () => false,
        )
        if (!journalThere && !writer.failure) {
          writer.failure = new JournalGoneError(journalFile)
          cannotSave(writer.failure)
        }
        return
      }
      let theirs: LoadedSnapshot | null
      try {
        theirs = await loadSnapshot(snapshotFile)
      } catch {
        theirs = null
      }
      if (theirs && writer.isIdle() && !writer.hasEntries() && !snapshotStale) {
        // Nothing of ours is pending: take their version as it is.
        if (theirs.attention.length > 0) {
          await keepHandEdited(theirs)
          snapshotStale = true
        }
        state.replace(theirs.data)
        unknownFields = theirs.unknownFields
        revision += 1
        lastSeq = Math.max(lastSeq, theirs.data.journalSeq)
        knownSnapshot = signature
        // The journal continues their file from now on.
        await writer.dropBefore(writer.size, encodeHeader(theirs.identity))
        journalBase = theirs.identity
        notice({ kind: 'reloadedExternalChange', file: snapshotFile })
        changed()
        return
      }
      // Ours has changes theirs lacks (or theirs is unreadable): keep both, never merge.
      const setAside = join(dir, `rapport.conflict-${stamp(now())}.json`)
      await rename(snapshotFile, setAside).then(
        () => makePrivateFile(setAside),
        () => undefined,
      )
      snapshotStale = true
      await compact()
      notice({ kind: 'externalChangeSetAside', file: snapshotFile, setAsideFile: setAside })
      if (backupsOn) {
        // Both versions stay one click away in Settings → Backups until the user deletes them.
        if (theirs) await createBackup(dir, theirs.data, now(), { keep: 'otherVersion' })
        await backupNow('conflict')
      }
    }

    const watchMs = options.watchIntervalMs ?? 5000
    const watchTimer =
      watchMs > 0
        ? setInterval(() => {
            checkExternalChange().catch((error: unknown) => console.error(error))
          }, watchMs)
        : undefined
    watchTimer?.unref?.()

    /** Undo steps of changes applied in memory whose journal line is not durable yet, oldest first. */
    const inFlight: StoreOp[][] = []
    const onSettled = (outcome: { durable: number } | 'failed') => {
      if (outcome !== 'failed') {
        inFlight.splice(0, outcome.durable)
        return
      }
      // Not durable, so not kept: every change of the failed batch (and those queued after it)
      // is taken back, newest first, and the caller may simply try again.
      const failed = inFlight.splice(0)
      if (failed.length === 0) return
      for (const undo of failed.reverse()) state.apply(undo)
      revision += 1
      changed()
    }
    writer.onSettled = onSettled
    const cannotSave = (error: unknown): RapportError => {
      const gone = error instanceof JournalGoneError
      const reason = gone
        ? `the data folder ${dir} was deleted while Rapport was running`
        : (error as Error).message
      if (gone) {
        if (!notices.some((n) => n.kind === 'dataFolderGone'))
          notice({ kind: 'dataFolderGone', folder: dir })
      } else {
        dropNotices('saveFailed')
        notice({
          kind: 'saveFailed',
          file: journalFile,
          reason,
          code: (error as NodeJS.ErrnoException).code,
        })
      }
      return new RapportError('STORE_UNAVAILABLE', `The change could not be saved: ${reason}`, {
        file: journalFile,
        reason,
      })
    }

    const store: JournaledStore = {
      file: snapshotFile,
      read: () => state.data,
      find: (c, id) => state.find(c, id),
      revision: () => revision,

      update<T>(build: (tx: StoreTransaction) => T): Promise<T> {
        if (closed) return Promise.reject(unavailableClosed(snapshotFile))
        if (writer.failure) return Promise.reject(cannotSave(writer.failure))
        const staged: StoreOp[] = []
        const tx: StoreTransaction = {
          data: state.data,
          find: (c, id) => state.find(c, id),
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
        const undo = state.undoFor(ops)
        state.apply(ops)
        revision += 1
        inFlight.push(undo)
        return writer.append(encodeEntry({ seq: lastSeq, ops })).then(
          () => {
            dropNotices('saveFailed')
            afterCommit()
            changed({
              touched: new Set(ops.map((op) => (op.t === 'settings' ? 'settings' : op.c))),
            })
            return result
          },
          (error: unknown) => {
            throw cannotSave(error)
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
      async deleteBackup(file) {
        if (!(await deleteBackup(dir, file)))
          throw new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
      },

      async restoreBackup(file) {
        const known = (await listBackups(dir)).some((b) => b.file === file)
        if (!known)
          throw new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
        const read = await readBackup(file).catch((error: unknown) => {
          throw new RapportError(
            'VALIDATION',
            `The backup cannot be used: ${(error as Error).message}`,
            {
              file,
            },
          )
        })
        if (!read)
          throw new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
        const data = read.data
        // The current state becomes a backup first, kept until the user deletes it, so restoring
        // is itself undoable.
        await writer.idle()
        await backupNow('beforeRestore')
        state.replace(data)
        revision += 1
        lastSeq = Math.max(lastSeq, data.journalSeq) + 1
        snapshotStale = true
        await compact()
        notice({ kind: 'restoredBackup', backupFile: file })
        changed()
      },

      checkExternalChange,

      async writeAgain() {
        if (!(writer.failure instanceof JournalGoneError))
          throw new RapportError(
            'CONFLICT',
            `The data folder ${dir} is in place; nothing to write again`,
          )
        lock = await withWritableFolder(dir, async () => {
          await makePrivateDir(dir)
          return acquireFolderLock(dir, options.holder)
        })
        await writer.close().catch(() => undefined)
        writer = await JournalWriter.open(journalFile, 0)
        writer.onSettled = onSettled
        journalBase = null
        snapshotStale = true
        knownSnapshot = 'missing'
        await compact()
        if (backupsOn) await backupNow('recovery')
        dropNotices('dataFolderGone')
        changed()
      },
      async writeCopyTo(folder) {
        // Only as a way out of a lost folder: otherwise nothing may make Rapport write elsewhere.
        if (!(writer.failure instanceof JournalGoneError))
          throw new RapportError(
            'CONFLICT',
            `The data folder ${dir} is in place; its backups are the copies to use`,
          )
        if (!isAbsolute(folder)) {
          throw new RapportError('VALIDATION', `${folder} is not a full path`, {
            reason: 'store.copyNotAbsolute',
            folder,
          })
        }
        const target = resolve(folder)
        if (target === resolve(dir)) {
          throw new RapportError('CONFLICT', `${target} is the data folder itself`, {
            reason: 'store.copyIsDataFolder',
            folder: target,
          })
        }
        const file = join(target, SNAPSHOT_FILE)
        if (
          await stat(file).then(
            () => true,
            () => false,
          )
        ) {
          // Never over someone's data: that folder may be another Rapport's.
          throw new RapportError('CONFLICT', `${file} already exists`, {
            reason: 'store.copyExists',
            file,
          })
        }
        // Changes still on their way are either kept or taken back before the copy is taken.
        await writer.idle().catch(() => undefined)
        await withWritableFolder(target, () => makePrivateDir(target))
        await writeSnapshot(file, state.data, { unknownFields })
        return { file }
      },
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
        } catch (error) {
          // Every acknowledged change is already in the journal; the next start folds it in.
          console.error(
            `Rapport: could not update ${snapshotFile} at quit (${(error as Error).message}). ` +
              `Your changes are safe in ${journalFile} and will be folded in at the next start.`,
          )
        } finally {
          await writer.close().catch(() => undefined)
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
