import { readFileSync } from 'node:fs'
import { open, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { RapportError } from '../../../shared/errors'

export const LOCK_FILE = 'rapport.lock'
/** Held only for the instant of taking over a stale lock, so two processes cannot both do it. */
const TAKEOVER_FILE = 'rapport.lock.takeover'

const lockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  holder: z.string(),
  since: z.string(),
  /** The boot the holder ran in (Linux): after a reboot every old lock is stale. */
  bootId: z.string().optional(),
  /** When the holder process started (Linux clock ticks since boot): tells a reused pid apart. */
  startTime: z.string().optional(),
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

/** This boot's id, where the system has one (Linux). */
export function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined
  } catch {
    return undefined
  }
}

/** A process's start time in clock ticks since boot (Linux), field 22 of /proc/<pid>/stat. */
export function processStartTime(pid: number): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/** Whether the process that wrote `held` is certainly gone from this computer. */
function isStale(held: LockInfo, host: string, bootId: string | undefined): boolean {
  if (held.host !== host) return false
  if (held.bootId && bootId && held.bootId !== bootId) return true
  if (!isAlive(held.pid)) return true
  // The pid is in use, but by another process than the one that took the lock.
  const startTime = processStartTime(held.pid)
  return held.startTime !== undefined && startTime !== undefined && held.startTime !== startTime
}

/**
 * One writer per data folder: a lock file created exclusively, naming its holder. A lock left by
 * a process that no longer runs on this computer (or ran before a reboot) is stale and taken
 * over, by one process only.
 */
export async function acquireFolderLock(dir: string, holder: string): Promise<FolderLock> {
  const file = join(dir, LOCK_FILE)
  const bootId = currentBootId()
  const startTime = processStartTime(process.pid)
  const mine: LockInfo = {
    pid: process.pid,
    host: hostname(),
    holder,
    since: new Date().toISOString(),
    ...(bootId ? { bootId } : {}),
    ...(startTime ? { startTime } : {}),
  }
  const release = async () => {
    const current = await readLock(file)
    if (current && current.pid === mine.pid && current.since === mine.since) {
      await unlink(file).catch(() => undefined)
    }
  }
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await createLock(file, mine)) return { release }
    const text = await readFile(file, 'utf8').catch(() => null)
    if (text === null) continue
    const held = parseLock(text)
    const stale = held === null ? await isOldUnreadableLock(file) : isStale(held, mine.host, bootId)
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
    if (await takeOver(dir, file, text, mine)) return { release }
    // Someone else is taking over (or just did): look again.
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20))
  }
  throw new RapportError('STORE_UNAVAILABLE', `Could not lock the data folder ${dir}`, {
    folder: dir,
    file,
    reason: 'the lock file keeps coming back',
  })
}

async function createLock(file: string, mine: LockInfo): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o600)
    try {
      await handle.writeFile(JSON.stringify(mine))
      await handle.sync()
    } finally {
      await handle.close()
    }
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    return false
  }
}

/**
 * Replaces the stale lock whose text is `staleText` with ours. Under the takeover file, which only
 * one process can create, the lock is read again: only if it is still that stale one is it
 * removed, so two processes that both saw it stale cannot both end up holding the folder.
 */
async function takeOver(
  dir: string,
  file: string,
  staleText: string,
  mine: LockInfo,
): Promise<boolean> {
  const guard = join(dir, TAKEOVER_FILE)
  let handle
  try {
    handle = await open(guard, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // A takeover interrupted by a crash leaves its guard behind. A real takeover takes
    // milliseconds, so only a guard that has been there for ten seconds is removed (a guard that
    // is already gone is not "old": removing its successor would let two take over at once).
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    )
    if (age > 10_000) await unlink(guard).catch(() => undefined)
    return false
  }
  await handle.close()
  try {
    const now = await readFile(file, 'utf8').catch(() => null)
    if (now !== null && now !== staleText) return false
    if (now !== null) await unlink(file)
    return await createLock(file, mine)
  } finally {
    await unlink(guard).catch(() => undefined)
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    return lockInfoSchema.parse(JSON.parse(text))
  } catch {
    return null
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  const text = await readFile(file, 'utf8').catch(() => null)
  return text === null ? null : parseLock(text)
}

/** A lock file we cannot read is stale only once its writer clearly had time to finish it. */
async function isOldUnreadableLock(file: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > 10_000
  } catch {
    return true
  }
}
