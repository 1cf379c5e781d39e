import { open, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { RapportError } from '../../../shared/errors'

export const LOCK_FILE = 'rapport.lock'

const lockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  holder: z.string(),
  since: z.string(),
})
export type LockInfo = z.infer<typeof lockInfoSchema>

export interface FolderLock {
  release(): Promise<void>
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One writer per data folder: a lock file created exclusively, naming its holder. A lock left by
 * a process that no longer runs on this computer is stale and taken over.
 */
export async function acquireFolderLock(dir: string, holder: string): Promise<FolderLock> {
  const file = join(dir, LOCK_FILE)
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    holder,
    since: new Date().toISOString(),
  }
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600)
      try {
        await handle.writeFile(JSON.stringify(mine))
        await handle.sync()
      } finally {
        await handle.close()
      }
      return {
        release: async () => {
          const current = await readLock(file)
          if (current && current.pid === mine.pid && current.since === mine.since) {
            await unlink(file).catch(() => undefined)
          }
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const held = await readLock(file)
    const stale =
      held === null
        ? await isOldUnreadableLock(file)
        : held.host === mine.host && held.pid !== process.pid && !isAlive(held.pid)
    if (!stale) {
      const who = held
        ? `${held.holder} (process ${held.pid} on ${held.host}, since ${held.since})`
        : 'another program'
      throw new RapportError(
        'STORE_UNAVAILABLE',
        `The data folder ${dir} is already open in ${who}. Close it there first, or open another folder with --data.`,
        { folder: dir, file, reason: `the folder is in use by ${who}`, holder: held },
      )
    }
    await unlink(file).catch(() => undefined)
  }
  throw new RapportError('STORE_UNAVAILABLE', `Could not lock the data folder ${dir}`, {
    folder: dir,
    file,
    reason: 'the lock file keeps coming back',
  })
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    return lockInfoSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch {
    return null
  }
}

/** A lock file we cannot read is stale only once its writer clearly had time to finish it. */
async function isOldUnreadableLock(file: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > 10_000
  } catch {
    return true
  }
}
