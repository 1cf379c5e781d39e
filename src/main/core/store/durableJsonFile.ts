import { copyFile, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

let tempCounter = 0
/** A temp name beside `file` that no other write of this process uses at the same time. */
export function tempNameFor(file: string): string {
  tempCounter += 1
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.${tempCounter}.tmp`)
}

/**
 * Temp file, fsync, rename over the target, fsync the folder. A failure at any step (a full disk)
 * removes the temp file, so nothing half-written is left behind. `beforeRename` runs once the new
 * content is durable and right before it takes the name.
 */
export async function writeFileDurably(
  file: string,
  text: string | Buffer,
  options: { beforeRename?: (temp: string) => Promise<void> } = {},
): Promise<void> {
  const temp = tempNameFor(file)
  try {
    const handle = await open(temp, 'w', 0o600)
    try {
      await handle.writeFile(text)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await options.beforeRename?.(temp)
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(dirname(file))
}

/** Copies a file so that the copy is complete and on disk before it carries its final name. */
export async function copyFileDurably(source: string, target: string): Promise<void> {
  const temp = tempNameFor(target)
  try {
    await copyFile(source, temp)
    const handle = await open(temp, 'r+')
    try {
      // copyFile keeps the source's mode, which may be wider than owner-only.
      if (process.platform !== 'win32') await handle.chmod(0o600)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, target)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(dirname(target))
}

export async function syncFolder(folder: string): Promise<void> {
  // Makes the rename itself durable. Windows cannot open folders for fsync; it journals renames.
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
