import { constants } from 'node:fs'
import { lstat, open, realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { RapportError } from '../../../shared/errors'
import { writeFileDurably } from '../store/durableJsonFile'

/**
 * The calendar file Rapport keeps up to date is a file it replaces again and again, so it must
 * only ever be one the user chose for this: an `.ics` file that does not exist yet or that
 * Rapport wrote itself, never reached through a symbolic link. Where no save dialog chose it
 * (browser mode, or a path typed in), it must also lie inside the data folder or a folder given
 * on the command line (`--export-dir`).
 */

/** The PRODID line `exportIcs` writes (ical-generator's form of Rapport's prodId). */
const OWN_PRODID = /^PRODID:-\/\/Rapport\/\/Rapport\/\/EN\r?$/m
/** Enough of a calendar file to find its PRODID, which comes right after BEGIN/VERSION. */
const HEAD_BYTES = 4096

export type AutoExportRefusal =
  'notAbsolute' | 'notIcs' | 'outsideFolders' | 'symlink' | 'notAFile' | 'notOurs' | 'noFolder'

function refuse(reason: AutoExportRefusal, path: string, message: string): RapportError {
  return new RapportError('VALIDATION', message, {
    reason: `autoExport.${reason}`,
    file: path,
    issues: [{ path: 'path', message }],
  })
}

/** Why `path` may not be the auto-export file, or nothing when it may. */
export async function checkAutoExportTarget(
  path: string,
  options: { allowedFolders: string[] | null },
): Promise<void> {
  if (!isAbsolute(path)) {
    throw refuse('notAbsolute', path, `${path} is not a full path; give the whole path of the file`)
  }
  if (!/\.ics$/i.test(path)) {
    throw refuse('notIcs', path, `${path} does not end in .ics; Rapport only keeps .ics files`)
  }
  const folder = await realpath(dirname(path)).catch(() => null)
  if (folder === null) {
    throw refuse('noFolder', path, `The folder of ${path} does not exist`)
  }
  if (options.allowedFolders !== null) {
    // The real folder, so a symbolic link inside an allowed folder cannot lead out of it.
    const allowed = await Promise.all(
      options.allowedFolders.map((f) => realpath(f).catch(() => resolve(f))),
    )
    const inside = allowed.some((root) => {
      const rel = relative(root, folder)
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.startsWith(sep))
    })
    if (!inside) {
      throw refuse(
        'outsideFolders',
        path,
        `${path} is outside the folders Rapport may write to (${options.allowedFolders.join(', ')}); ` +
          'choose a file in one of them, or start Rapport with --export-dir FOLDER',
      )
    }
  }
  await checkReplaceable(path)
}

/**
 * An existing file is replaced only when it is a plain file (not a link) that Rapport wrote.
 * O_NOFOLLOW makes the check itself refuse a link that appeared after the lstat.
 */
async function checkReplaceable(path: string): Promise<void> {
  const stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (stats === null) return
  if (stats.isSymbolicLink()) {
    throw refuse(
      'symlink',
      path,
      `${path} is a symbolic link; Rapport does not write through links`,
    )
  }
  if (!stats.isFile()) throw refuse('notAFile', path, `${path} is not a file`)
  let head: string
  try {
    const handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0))
    try {
      const buffer = Buffer.alloc(HEAD_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0)
      head = buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw refuse(
        'symlink',
        path,
        `${path} is a symbolic link; Rapport does not write through links`,
      )
    }
    throw error
  }
  if (!head.startsWith('BEGIN:VCALENDAR') || !OWN_PRODID.test(head)) {
    throw refuse(
      'notOurs',
      path,
      `${path} already exists and is not a calendar Rapport wrote (${basename(path)} would be ` +
        'lost); choose a new file name',
    )
  }
}

/** Writes the auto-export after checking again: the file may have changed since it was chosen. */
export async function writeAutoExport(path: string, bytes: Buffer | string): Promise<void> {
  if (!/\.ics$/i.test(path)) {
    throw refuse('notIcs', path, `${path} does not end in .ics; Rapport only keeps .ics files`)
  }
  await checkReplaceable(path)
  // The temp file and rename replace a link that appeared since the check, never its target.
  await writeFileDurably(path, bytes)
}
