import { copyFile, open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * A lowdb adapter that reads raw text and writes atomically *and durably*: temp file in the same
 * folder, fsync, rename over the target, fsync the folder. lowdb's own JSONFile (steno) renames
 * but never fsyncs, so a power cut could leave an acknowledged edit only in the page cache.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly parse: (text: string) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return this.parse(text)
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data, null, 2) + '\n')
  }
}

export async function writeFileDurably(file: string, text: string | Buffer): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.tmp`)
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(text)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncFolder(dirname(file))
}

/** Copies a file so that the copy is complete and on disk before it carries its final name. */
export async function copyFileDurably(source: string, target: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`)
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
