import { open, rename, unlink, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import { syncFolder, tempNameFor } from './durableJsonFile'

/** The journal file (or its whole folder) was deleted while Rapport was writing to it. */
export class JournalGoneError extends Error {
  constructor(file: string) {
    super(`${file} was deleted while Rapport was running`)
  }
}

interface Waiter {
  text: string
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Appends journal lines with group commit: lines that arrive while an fsync is in flight are
 * written together and share the next one. Every caller's promise resolves only after the fsync
 * that covers its own line. All file work runs on one chain, so a journal rotation never
 * interleaves with a batch.
 */
export class JournalWriter {
  private pending: Waiter[] = []
  private chain: Promise<void> = Promise.resolve()
  private scheduled = false
  private busy = false
  /** Bytes in the file that are known to be durable. */
  size: number
  /** Bytes of the header line at the start (the snapshot the journal continues). */
  headerBytes = 0
  /**
   * Set when the end of the journal is in doubt (it could not be cut back after a failed write)
   * or the file is gone: no further appends.
   */
  failure: unknown = null
  /** The last write that failed and was cut back cleanly (a full disk); cleared by a success. */
  lastError: unknown = null
  fsyncs = 0
  /**
   * Told synchronously, before any caller's promise settles, that the first `count` lines still
   * waiting are durable, or (`failed`) that every waiting line was dropped. The store keeps its
   * in-memory state in step with this, whatever callers do in their handlers.
   */
  onSettled: (outcome: { durable: number } | 'failed') => void = () => undefined

  private constructor(
    readonly file: string,
    private handle: FileHandle,
    size: number,
  ) {
    this.size = size
  }

  /** Opens the journal for appending, cutting off anything after `validBytes` (a torn line). */
  static async open(file: string, validBytes: number, headerBytes = 0): Promise<JournalWriter> {
    const handle = await open(file, 'a+', 0o600)
    const { size } = await handle.stat()
    if (size !== validBytes) {
      await handle.truncate(validBytes)
      await handle.sync()
    }
    const writer = new JournalWriter(file, handle, validBytes)
    writer.headerBytes = headerBytes
    return writer
  }

  /** Whether any change is in the journal (beyond its header). */
  hasEntries(): boolean {
    return this.size > this.headerBytes
  }

  append(text: string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.pending.push({ text, resolve, reject })
      this.schedule(() => this.writeBatch())
    })
  }

  isIdle(): boolean {
    return this.pending.length === 0 && !this.scheduled && !this.busy
  }

  /** Resolves once every line appended so far is durable (or has failed). */
  async idle(): Promise<void> {
    while (!this.isIdle()) await this.chain
  }

  /**
   * Drops the first `offset` bytes (entries now folded into the snapshot) and keeps what was
   * appended after them, atomically: a crash leaves either the old journal or the new one.
   */
  dropBefore(offset: number, header: string): Promise<void> {
    const run = this.chain.then(() => this.rewrite(offset, header))
    this.chain = run.catch(() => undefined)
    return run
  }

  async close(): Promise<void> {
    await this.idle()
    await this.handle.close()
  }

  private schedule(work: () => Promise<void>): void {
    if (this.scheduled) return
    this.scheduled = true
    this.chain = this.chain.then(work)
  }

  private async writeBatch(): Promise<void> {
    this.scheduled = false
    const batch = this.pending.splice(0)
    if (batch.length === 0) return
    this.busy = true
    try {
      const bytes = Buffer.from(batch.map((w) => w.text).join(''), 'utf8')
      let written = 0
      while (written < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, written)
        written += bytesWritten
      }
      await this.handle.datasync()
      // Writing to a deleted file succeeds and is lost at quit: never acknowledge that.
      if ((await this.handle.stat()).nlink === 0) throw new JournalGoneError(this.file)
      this.fsyncs += 1
      this.size += bytes.length
      this.lastError = null
      this.onSettled({ durable: batch.length })
      batch.forEach((w) => w.resolve())
    } catch (error) {
      this.lastError = error
      if (error instanceof JournalGoneError) this.failure = error
      else {
        // Cut back to the last durable line, so the next batch (once there is space) starts clean.
        try {
          await this.handle.truncate(this.size)
          await this.handle.datasync()
        } catch {
          this.failure = error
        }
      }
      const dropped = [...batch, ...this.pending.splice(0)]
      this.onSettled('failed')
      for (const w of dropped) w.reject(error)
    } finally {
      this.busy = false
    }
    // Lines that arrived during this fsync form the next batch.
    if (this.pending.length > 0) this.schedule(() => this.writeBatch())
  }

  private async rewrite(offset: number, header: string): Promise<void> {
    this.busy = true
    const temp = tempNameFor(this.file)
    try {
      const head = Buffer.from(header, 'utf8')
      const keep = Buffer.alloc(Math.max(0, this.size - offset))
      if (keep.length > 0) await this.handle.read(keep, 0, keep.length, offset)
      const out = await open(temp, 'w', 0o600)
      try {
        await out.write(head)
        await out.write(keep)
        await out.sync()
      } finally {
        await out.close()
      }
      await rename(temp, this.file)
      await syncFolder(dirname(this.file))
      await this.handle.close()
      this.handle = await open(this.file, 'a+', 0o600)
      this.size = head.length + keep.length
      this.headerBytes = head.length
    } catch (error) {
      await unlink(temp).catch(() => undefined)
      throw error
    } finally {
      this.busy = false
    }
  }
}
