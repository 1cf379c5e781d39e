import { readFile, rename, rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { RapportError } from '../../../shared/errors'
import { emptyStoreData, type StoreData } from '../../../shared/model'
import { createBackup, hasAnyBackup, newestGoodBackup } from './backups'
import { copyFileDurably, writeFileDurably } from './durableJsonFile'
import type { UnknownFields } from './handEdited'
import { decodeJournal, encodeHeader, type DecodedJournal, type JournalEntry } from './journal'
import { JournalWriter } from './journalWriter'
import { makePrivateFile } from './ownerOnly'
import {
  countRecords,
  loadSnapshot,
  SnapshotError,
  type LoadedSnapshot,
  type SnapshotIdentity,
} from './snapshot'
import { fileExists, stamp } from './storeFolder'
import type { NoticeInput, StoreNotices } from './storeNotices'
import { StoreState } from './storeState'

/** The data folder's files, and where to say what happened to them. */
export interface StoreFiles {
  dir: string
  snapshotFile: string
  journalFile: string
  now: () => Date
  notices: StoreNotices
}

export interface RecoveryOptions {
  /** Data for a brand-new folder (first launch). */
  initialData: () => StoreData
  /** With no backup to fall back on, a damaged snapshot is moved aside and the store starts empty. */
  startEmptyIfDamaged?: boolean
}

/** Where opening arrived, for the store to carry on from. */
export interface RecoveredStore {
  /** The snapshot (or what replaced it) with the journal's later entries applied. */
  state: StoreState
  /** The sequence number of the last journal entry in `state`. */
  lastSeq: number
  writer: JournalWriter
  /** The snapshot the journal's first line names (null when the journal starts afresh). */
  journalBase: SnapshotIdentity | null
  /** Fields Rapport does not know, written back beside their records (see handEdited.ts). */
  unknownFields: UnknownFields
  /** A snapshot must be written at once (first launch, or rebuilt after a mishap). */
  writeNow: boolean
  /** The snapshot file as loaded; the store continues it as it is unless `writeNow`. */
  loaded: LoadedSnapshot | null
  /** The journal as read at start. */
  journal: DecodedJournal
}

type RestoredNotice = Omit<Extract<NoticeInput, { kind: 'restoredFromBackup' }>, 'counts'>

/** The state before the journal's entries are replayed onto it. */
interface StartingPoint {
  data: StoreData
  replay: JournalEntry[]
  /** The journal on disk continues the loaded snapshot and is kept as it is. */
  journalKept: boolean
  writeNow: boolean
  loaded: LoadedSnapshot | null
  unknownFields: UnknownFields
  /** Told once the journal is replayed, with the records then in the store. */
  restored?: RestoredNotice
}

/**
 * Load: parse → migrate → validate the snapshot, falling back to the newest good backup, then
 * replay the journal entries the starting point does not contain yet. Nothing is ever deleted:
 * whatever cannot be used is set aside under a new name, and the user is told.
 */
export async function recoverStore(
  files: StoreFiles,
  options: RecoveryOptions,
): Promise<RecoveredStore> {
  const journalText = await readFile(files.journalFile, 'utf8').catch(() => '')
  const journal = decodeJournal(journalText)
  const start = await findStartingPoint(files, options, journal)
  const state = new StoreState(start.data)
  let lastSeq = state.data.journalSeq
  for (const entry of start.replay) {
    state.apply(entry.ops)
    lastSeq = entry.seq
  }
  if (start.restored) files.notices.add({ ...start.restored, counts: countRecords(state.data) })
  if (start.journalKept) await keepDamagedJournalLines(files, journal, journalText)
  else await rm(files.journalFile, { force: true })
  const writer = start.journalKept
    ? await JournalWriter.open(
        files.journalFile,
        journal.validBytes,
        journal.base ? Buffer.byteLength(encodeHeader(journal.base)) : 0,
      )
    : await JournalWriter.open(files.journalFile, 0)
  return {
    state,
    lastSeq,
    writer,
    journalBase: start.journalKept ? journal.base : null,
    unknownFields: start.unknownFields,
    writeNow: start.writeNow,
    loaded: start.loaded,
    journal,
  }
}

async function findStartingPoint(
  files: StoreFiles,
  options: RecoveryOptions,
  journal: DecodedJournal,
): Promise<StartingPoint> {
  let loaded: LoadedSnapshot | null
  try {
    loaded = await loadSnapshot(files.snapshotFile)
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error
    return fromDamagedSnapshot(files, options, journal, error)
  }
  if (loaded) return fromSnapshot(files, journal, loaded)
  return fromMissingSnapshot(files, options, journal)
}

/** The snapshot cannot be read: set it aside and start from the newest good backup. */
async function fromDamagedSnapshot(
  files: StoreFiles,
  options: RecoveryOptions,
  journal: DecodedJournal,
  error: SnapshotError,
): Promise<StartingPoint> {
  const { dir, snapshotFile, now } = files
  const unavailable = (reason: string, extra: object = {}) =>
    new RapportError('STORE_UNAVAILABLE', `Cannot use the data file ${snapshotFile}: ${reason}`, {
      file: snapshotFile,
      folder: dir,
      reason,
      ...extra,
    })
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
  const rebuilt = backup ? await rebuild(files, journal) : null
  const exact = rebuilt && !rebuilt.gap ? rebuilt : null
  await setJournalAside(files, basename(damaged).replace(/\.json$/, '.journal'))
  const used = exact?.backup ?? backup
  const rest = { journalKept: false, writeNow: true, loaded: null, unknownFields: new Map() }
  if (!used) return { ...rest, data: options.initialData(), replay: [] }
  const replay = exact?.replay ?? []
  return {
    ...rest,
    data: used.data,
    replay,
    restored: {
      kind: 'restoredFromBackup',
      damagedFile: damaged,
      reason: error.message,
      backupFile: used.info.file,
      backupAt: used.info.createdAt,
      replayed: replay.length,
    },
  }
}

/** The snapshot loaded: continue it with the journal, unless the journal belongs to another file. */
async function fromSnapshot(
  files: StoreFiles,
  journal: DecodedJournal,
  loaded: LoadedSnapshot,
): Promise<StartingPoint> {
  const { dir, snapshotFile, now, notices } = files
  let writeNow = false
  if (loaded.attention.length > 0) {
    await keepHandEdited(files, loaded)
    writeNow = true
  }
  const rest = { loaded, unknownFields: loaded.unknownFields }
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
    const replay = journal.entries.filter((e) => e.seq > loaded.data.journalSeq)
    return { ...rest, data: loaded.data, replay, journalKept: true, writeNow }
  }
  // Another program put its file here after a crash: never replay our journal onto it.
  const when = stamp(now())
  const theirs = join(dir, `rapport.conflict-${when}.json`)
  await rename(snapshotFile, theirs)
  // Theirs may have been written readable by all; the copy set aside is ours to keep private.
  await makePrivateFile(theirs)
  const journalAside = (await setJournalAside(files, `rapport.conflict-${when}.journal`)) ?? ''
  const rebuilt = await rebuild(files, journal)
  // Their version stays one click away in Settings → Backups, so the user can choose it.
  await createBackup(dir, loaded.data, now(), { keep: 'otherVersion' }).catch((error: unknown) =>
    console.error('Rapport: could not keep the other version as a backup', error),
  )
  notices.add({
    kind: 'snapshotReplacedAfterCrash',
    setAsideFile: theirs,
    journalSetAside: journalAside,
    rebuiltFrom: rebuilt ? 'backup' : 'theirs',
    backupAt: rebuilt?.backup.info.createdAt,
    replayed: rebuilt?.replay.length ?? 0,
    gap: rebuilt?.gap ?? false,
  })
  return {
    ...rest,
    data: rebuilt ? rebuilt.backup.data : loaded.data,
    replay: rebuilt?.replay ?? [],
    journalKept: false,
    writeNow: true,
  }
}

/** No data file. Any trace of earlier data means it went missing: rebuild, never a demo. */
async function fromMissingSnapshot(
  files: StoreFiles,
  options: RecoveryOptions,
  journal: DecodedJournal,
): Promise<StartingPoint> {
  const { dir, snapshotFile, journalFile, now, notices } = files
  const rest = { journalKept: false, writeNow: true, loaded: null, unknownFields: new Map() }
  const traces =
    journal.entries.length > 0 ||
    (await hasAnyBackup(dir)) ||
    (await fileExists(`${snapshotFile}.sum`))
  if (!traces) return { ...rest, data: options.initialData(), replay: [] }
  const rebuilt = await rebuild(files, journal)
  const journalAside =
    journal.entries.length > 0 && !rebuilt
      ? await setJournalAside(files, `rapport.journal.orphan-${stamp(now())}`)
      : undefined
  if (rebuilt && journal.entries.length > 0)
    await copyFileDurably(journalFile, join(dir, `rapport.journal.replayed-${stamp(now())}`))
  const replay = rebuilt?.replay ?? []
  notices.add({
    kind: 'snapshotMissing',
    file: snapshotFile,
    backupFile: rebuilt?.backup.info.file,
    backupAt: rebuilt?.backup.info.createdAt,
    replayed: replay.length,
    journalSetAside: journalAside,
  })
  return { ...rest, data: rebuilt ? rebuilt.backup.data : emptyStoreData(), replay }
}

/**
 * Rapport's own version when its snapshot is gone or was replaced: the backup the journal was
 * written on top of (or else the newest older one) plus the journal's changes after it.
 */
async function rebuild(files: StoreFiles, journal: DecodedJournal) {
  const firstSeq = journal.entries[0]?.seq ?? Infinity
  const base = journal.base
  const exact = base
    ? await newestGoodBackup(files.dir, (b) => b.crc32 === base.crc32 && b.bytes === base.bytes)
    : null
  const backup = exact ?? (await newestGoodBackup(files.dir, (b) => (b.seq ?? 0) < firstSeq))
  if (!backup) return null
  const replay = journal.entries.filter((e) => e.seq > backup.data.journalSeq)
  return {
    backup,
    replay,
    gap: !exact && replay.length > 0 && backup.data.journalSeq < firstSeq - 1,
  }
}

/** Sets the journal aside under a new name (nothing disappears) and returns that name. */
async function setJournalAside(files: StoreFiles, name: string): Promise<string | undefined> {
  const target = join(files.dir, name)
  const ok = await rename(files.journalFile, target).then(
    () => true,
    () => false,
  )
  if (ok) await makePrivateFile(target)
  return ok ? target : undefined
}

/** A kept journal's damaged lines are left out of the replay; a copy of it says which. */
async function keepDamagedJournalLines(
  files: StoreFiles,
  journal: DecodedJournal,
  journalText: string,
): Promise<void> {
  const { dir, now, notices } = files
  if (journal.damagedLines.length > 0) {
    const keptAt = join(dir, `rapport.journal.bad-${stamp(now())}`)
    await writeFileDurably(keptAt, journalText)
    notices.add({
      kind: 'journalLinesSetAside',
      lines: journal.damagedLines,
      keptAfter: journal.keptAfterDamage,
      keptAt,
    })
  }
  if (journal.badTailLines > 0) {
    const keptAt = join(dir, `rapport.journal.bad-${stamp(now())}-tail`)
    await writeFileDurably(keptAt, journalText)
    notices.add({ kind: 'journalTailIgnored', lines: journal.badTailLines, keptAt })
  }
}

/**
 * A hand-edited file: keep it exactly as found, write the records that could not be loaded to
 * a needs-attention file (repaired or left aside from the app, see setAsideRecords.ts), and
 * list what needs a look.
 */
export async function keepHandEdited(files: StoreFiles, found: LoadedSnapshot): Promise<void> {
  const { dir, snapshotFile, now } = files
  const when = stamp(now())
  const copyAt = join(dir, `rapport.edited-${when}.json`)
  await copyFileDurably(snapshotFile, copyAt)
  let setAsideFile: string | undefined
  if (found.setAside.length > 0) {
    setAsideFile = join(dir, `rapport.needs-attention-${when}.json`)
    await writeFileDurably(setAsideFile, JSON.stringify(found.setAside, null, 2) + '\n')
  }
  files.notices.add({
    kind: 'recordsNeedAttention',
    file: snapshotFile,
    copyAt,
    records: found.attention,
    setAsideFile,
  })
}
