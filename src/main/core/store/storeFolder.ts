import { readdir, rm, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { RapportError } from '../../../shared/errors'

export const SNAPSHOT_FILE = 'rapport.json'
export const JOURNAL_FILE = 'rapport.journal'

/** Errors that mean the folder cannot be written at all (permissions, a read-only disk). */
const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS'])

/**
 * Creating the folder and taking its lock are the first writes: when they fail for lack of
 * permission or a read-only disk, say so in words instead of a stack trace.
 */
export async function withWritableFolder<T>(dir: string, first: () => Promise<T>): Promise<T> {
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

/** A time as part of a file name (no colons or dots). */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

export function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}

/**
 * Inode, size and modification time of a file, or 'missing': it changes whenever another program
 * writes or replaces the file, without reading it.
 */
export async function signatureOf(file: string): Promise<string> {
  try {
    const s = await stat(file)
    return `${s.ino}:${s.size}:${s.mtimeMs}`
  } catch {
    return 'missing'
  }
}

/** Temp files of an interrupted atomic write are garbage; the real files were never replaced. */
export async function removeLeftoverTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (/^\.rapport\..*\.tmp$/.test(name)) await rm(join(dir, name), { force: true })
  }
}

/**
 * Where writeCopyTo may write: a full path other than the data folder, with no snapshot there yet
 * (that folder may be another Rapport's).
 */
export async function copyTargetFile(
  dir: string,
  folder: string,
): Promise<{ target: string; file: string }> {
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
  if (await fileExists(file)) {
    // Never over someone's data.
    throw new RapportError('CONFLICT', `${file} already exists`, {
      reason: 'store.copyExists',
      file,
    })
  }
  return { target, file }
}
