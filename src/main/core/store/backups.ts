import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip as gunzipCb, gzip as gzipCb } from 'node:zlib'
import {
  backupInfoSchema,
  type BackupInfo,
  type BackupKeep,
} from '../../../shared/store/storeNotice'
import { RapportError } from '../../../shared/errors'
import type { StoreData } from '../../../shared/model'
import { writeFileDurably } from './durableJsonFile'
import type { UnknownFields } from './handEdited'
import { makePrivateDir } from './ownerOnly'
import {
  countRecords,
  identityOf,
  parseSnapshot,
  readSnapshot,
  serializeSnapshot,
  type SnapshotIdentity,
} from './snapshot'

const gzip = promisify(gzipCb)
const gunzip = promisify(gunzipCb)

export const BACKUP_DIR = 'backups'
const KEEP_RECENT = 10
const KEEP_DAILY_DAYS = 14
const DAY_MS = 24 * 60 * 60 * 1000

export { backupInfoSchema, type BackupInfo }

/**
 * Each backup is the snapshot's text, gzip-compressed, plus a small sidecar, so listing never
 * unpacks 40 MB. Names start with the store's own sequence number: a clock that jumps cannot
 * reorder them.
 */
function names(seq: number, createdAt: Date) {
  const stamp = createdAt.toISOString().replace(/[:.]/g, '-')
  const base = `rapport-${String(seq).padStart(12, '0')}-${stamp}`
  return { data: `${base}.json.gz`, meta: `${base}.meta.json` }
}

const metaFileOf = (file: string) => file.replace(/\.json(\.gz)?$/, '.meta.json')

export async function createBackup(
  dataDir: string,
  data: StoreData,
  now: Date,
  options: { keep?: BackupKeep; onlyIfChanged?: boolean; unknownFields?: UnknownFields } = {},
): Promise<BackupInfo> {
  const keep = options.keep
  const dir = join(dataDir, BACKUP_DIR)
  await makePrivateDir(dir)
  const { data: dataName, meta } = names(data.journalSeq, now)
  const target = join(dir, dataName)
  const text = Buffer.from(serializeSnapshot(data, options.unknownFields), 'utf8')
  const identity = identityOf(text)
  if (options.onlyIfChanged) {
    // A backup identical to the newest one adds nothing and would push an older state out.
    const [newest] = await listBackups(dataDir)
    if (newest && newest.crc32 === identity.crc32 && newest.bytes === identity.bytes) return newest
  }
  await writeFileDurably(target, await gzip(text))
  const info: BackupInfo = {
    file: target,
    createdAt: now.toISOString(),
    counts: countRecords(data),
    seq: data.journalSeq,
    crc32: identity.crc32,
    bytes: identity.bytes,
    ...(keep ? { keep } : {}),
  }
  await writeFileDurably(join(dir, meta), JSON.stringify(info))
  await rotateBackups(dataDir, now)
  return info
}

/**
 * Newest first, by the store's sequence (then by time, for backups made before it was recorded).
 * Backups whose sidecar is missing or damaged are left out.
 */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = join(dataDir, BACKUP_DIR)
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  const files = new Set(entries)
  for (const name of entries.filter((n) => n.endsWith('.meta.json'))) {
    try {
      const info = backupInfoSchema.parse(JSON.parse(await readFile(join(dir, name), 'utf8')))
      const stem = name.replace(/\.meta\.json$/, '')
      const dataName = files.has(`${stem}.json.gz`) ? `${stem}.json.gz` : `${stem}.json`
      infos.push({ ...info, file: join(dir, dataName) })
    } catch {
      // A damaged sidecar only hides that backup from the list; the data file stays.
    }
  }
  return infos.sort(
    (a, b) => (b.seq ?? -1) - (a.seq ?? -1) || b.createdAt.localeCompare(a.createdAt),
  )
}

/** Whether the folder holds any backup at all, listed or not: a sign of earlier data. */
export async function hasAnyBackup(dataDir: string): Promise<boolean> {
  const entries = await readdir(join(dataDir, BACKUP_DIR)).catch(() => [] as string[])
  return entries.some((n) => /^rapport-.*\.json(\.gz)?$/.test(n) && !n.endsWith('.meta.json'))
}

/**
 * Keeps the newest 10, plus the newest of each day for 14 days, plus every backup that is the
 * last copy of something (taken before a restore, a conflict or a recovery); deletes the rest.
 */
export async function rotateBackups(dataDir: string, now: Date): Promise<void> {
  const all = await listBackups(dataDir)
  const rotating = all.filter((b) => !b.keep)
  const keep = new Set(rotating.slice(0, KEEP_RECENT).map((b) => b.file))
  const days = new Set<string>()
  for (const backup of rotating) {
    const age = now.getTime() - Date.parse(backup.createdAt)
    const day = backup.createdAt.slice(0, 10)
    if (age <= KEEP_DAILY_DAYS * DAY_MS && !days.has(day)) {
      days.add(day)
      keep.add(backup.file)
    }
  }
  for (const backup of rotating) {
    if (keep.has(backup.file)) continue
    await rm(backup.file, { force: true })
    await rm(metaFileOf(backup.file), { force: true })
  }
}

/** Deletes one backup the user no longer wants (the only way a kept one goes). */
export async function deleteBackup(dataDir: string, file: string): Promise<boolean> {
  const known = (await listBackups(dataDir)).some((b) => b.file === file)
  if (!known) return false
  await rm(file, { force: true })
  await rm(metaFileOf(file), { force: true })
  return true
}

/** A backup's data and identity (compressed or, from older versions, plain). */
export async function readBackup(
  file: string,
): Promise<{ data: StoreData; identity: SnapshotIdentity } | null> {
  if (!file.endsWith('.gz')) {
    const data = await readSnapshot(file)
    if (!data) return null
    const text = await readFile(file)
    return { data, identity: identityOf(text) }
  }
  const text = await gunzip(await readFile(file))
  return { data: parseSnapshot(text.toString('utf8')), identity: identityOf(text) }
}

/** The data of one of this folder's listed backups, to restore; a clear error when it cannot be. */
export async function readListedBackup(dataDir: string, file: string): Promise<StoreData> {
  const notFound = () =>
    new RapportError('NOT_FOUND', `No backup ${file}`, { kind: 'backup', id: file })
  const known = (await listBackups(dataDir)).some((b) => b.file === file)
  if (!known) throw notFound()
  const read = await readBackup(file).catch((error: unknown) => {
    throw new RapportError('VALIDATION', `The backup cannot be used: ${(error as Error).message}`, {
      file,
    })
  })
  if (!read) throw notFound()
  return read.data
}

/**
 * The newest of Rapport's own backups that still loads and validates, with its data. Another
 * program's version, kept for the user to choose, is never picked (nor replayed onto).
 */
export async function newestGoodBackup(
  dataDir: string,
  accept: (info: BackupInfo) => boolean = () => true,
): Promise<{ info: BackupInfo; data: StoreData; identity: SnapshotIdentity } | null> {
  for (const info of await listBackups(dataDir)) {
    if (info.keep === 'otherVersion' || !accept(info)) continue
    try {
      const read = await readBackup(info.file)
      if (read) return { info, ...read }
    } catch {
      // Try the next older one.
    }
  }
  return null
}
