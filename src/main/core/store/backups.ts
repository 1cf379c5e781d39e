import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { backupInfoSchema, type BackupInfo } from '../../../shared/storeNotice'
import type { StoreData } from '../../../shared/model'
import { copyFileDurably, writeFileDurably } from './durableJsonFile'
import { makePrivateDir } from './ownerOnly'
import { countRecords, readSnapshot } from './snapshot'

export const BACKUP_DIR = 'backups'
const KEEP_RECENT = 10
const KEEP_DAILY_DAYS = 14
const DAY_MS = 24 * 60 * 60 * 1000

export { backupInfoSchema, type BackupInfo }

/** Each backup is a copy of the snapshot plus a small sidecar, so listing never parses 40 MB. */
function names(createdAt: Date) {
  const stamp = createdAt.toISOString().replace(/[:.]/g, '-')
  return { data: `rapport-${stamp}.json`, meta: `rapport-${stamp}.meta.json` }
}

export async function createBackup(
  dataDir: string,
  snapshotFile: string,
  data: StoreData,
  now: Date,
): Promise<BackupInfo> {
  const dir = join(dataDir, BACKUP_DIR)
  await makePrivateDir(dir)
  const { data: dataName, meta } = names(now)
  const target = join(dir, dataName)
  await copyFileDurably(snapshotFile, target)
  const info: BackupInfo = {
    file: target,
    createdAt: now.toISOString(),
    counts: countRecords(data),
  }
  await writeFileDurably(join(dir, meta), JSON.stringify(info))
  await rotateBackups(dataDir, now)
  return info
}

/** Newest first. Backups whose sidecar is missing or damaged are left out. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const dir = join(dataDir, BACKUP_DIR)
  let entries: string[]
  try {
    entries = await readdir(dir)
  } catch {
    return []
  }
  const infos: BackupInfo[] = []
  for (const name of entries.filter((n) => n.endsWith('.meta.json'))) {
    try {
      const info = backupInfoSchema.parse(JSON.parse(await readFile(join(dir, name), 'utf8')))
      infos.push({ ...info, file: join(dir, name.replace(/\.meta\.json$/, '.json')) })
    } catch {
      // A damaged sidecar only hides that backup from the list; the data file stays.
    }
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** Keeps the newest 10, plus the newest of each day for 14 days; deletes the rest. */
export async function rotateBackups(dataDir: string, now: Date): Promise<void> {
  const all = await listBackups(dataDir)
  const keep = new Set(all.slice(0, KEEP_RECENT).map((b) => b.file))
  const days = new Set<string>()
  for (const backup of all) {
    const age = now.getTime() - Date.parse(backup.createdAt)
    const day = backup.createdAt.slice(0, 10)
    if (age <= KEEP_DAILY_DAYS * DAY_MS && !days.has(day)) {
      days.add(day)
      keep.add(backup.file)
    }
  }
  for (const backup of all) {
    if (keep.has(backup.file)) continue
    await rm(backup.file, { force: true })
    await rm(backup.file.replace(/\.json$/, '.meta.json'), { force: true })
  }
}

/** The newest backup that still loads and validates, with its data. */
export async function newestGoodBackup(
  dataDir: string,
): Promise<{ info: BackupInfo; data: StoreData } | null> {
  for (const info of await listBackups(dataDir)) {
    try {
      const data = await readSnapshot(info.file)
      if (data) return { info, data }
    } catch {
      // Try the next older one.
    }
  }
  return null
}
