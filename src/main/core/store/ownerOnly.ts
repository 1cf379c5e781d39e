import { chmod, lstat, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Everything in the data folder is readable by its owner only: other accounts on the same
 * computer must not read the CRM, its backups or a damaged copy set aside. Windows has no such
 * modes (its profile folders are private already), so these are no-ops there.
 */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

const posix = process.platform !== 'win32'

/** Creates the folder (and parents) owner-only, and tightens it when it already exists. */
export async function makePrivateDir(dir: string): Promise<string | undefined> {
  const created = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  await tighten(dir, PRIVATE_DIR_MODE)
  return created
}

/** Owner-only for one file Rapport wrote or moved (a rename keeps the old, maybe wider, mode). */
export async function makePrivateFile(file: string): Promise<void> {
  await tighten(file, PRIVATE_FILE_MODE)
}

/**
 * Tightens the data folder and what Rapport keeps in it, as left by an older version or created
 * by hand with wider modes: the folder, its `rapport*` files, `backups/` and `photos/` with
 * their files. Other files a user put there are not Rapport's to change.
 */
export async function tightenDataFolder(dir: string): Promise<void> {
  if (!posix) return
  await tighten(dir, PRIVATE_DIR_MODE)
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isFile() && /^\.?rapport/.test(entry.name)) await tighten(path, PRIVATE_FILE_MODE)
    else if (entry.isDirectory() && (entry.name === 'backups' || entry.name === 'photos')) {
      await tighten(path, PRIVATE_DIR_MODE)
      for (const inner of await readdir(path, { withFileTypes: true })) {
        if (inner.isFile()) await tighten(join(path, inner.name), PRIVATE_FILE_MODE)
      }
    }
  }
}

/**
 * Takes away what group and others may do, and gives the owner `mode` where it is missing
 * except write: a folder or file the user made read-only stays read-only.
 */
async function tighten(path: string, mode: number): Promise<void> {
  if (!posix) return
  // lstat, and never chmod a symlink: chmod follows it to a file that may not be ours.
  const stats = await lstat(path).catch(() => null)
  if (!stats || stats.isSymbolicLink()) return
  const current = stats.mode & 0o777
  const wanted = (current & 0o700) | (mode & 0o500)
  if (current === wanted) return
  // A read-only disk cannot be changed; the first write then says what is wrong.
  await chmod(path, wanted).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EROFS' && error.code !== 'EPERM') throw error
  })
}
