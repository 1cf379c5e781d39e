import { open, rename, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { syncFolder } from './durableJsonFile'

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
  /** Set after a failed write: the end of the journal is in doubt, so no further appends. */
  failure: unknown = null
  fsyncs = 0

  private constructor(
    readonly file: string,
    private handle: FileHandle,
    size: number,
  ) {
    this.size = size
  }

  /** Opens the journal for appending, cutting off anything after `validBytes` (a torn line). */
  static async open(file: string, validBytes: number): Promise<JournalWriter> {
    const handle = await open(file, 'a+', 0o600)
    const { size } = await handle.stat()
    if (size !== validBytes) {
      await handle.truncate(validBytes)
      await handle.sync()
    }
    return new JournalWriter(file, handle, validBytes)
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
  dropBefore(offset: number): Promise<void> {
    const run = this.chain.then(() => this.rewrite(offset))
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
      this.fsyncs += 1
      this.size += bytes.length
      batch.forEach((w) => w.resolve())
    } catch (error) {
      this.failure = error
      // Cut back to the last durable line so a later open does not find half a batch.
      await this.handle.truncate(this.size).catch(() => undefined)
      for (const w of [...batch, ...this.pending.splice(0)]) w.reject(error)
    } finally {
      this.busy = false
    }
    // Lines that arrived during this fsync form the next batch.
    if (this.pending.length > 0) this.schedule(() => this.writeBatch())
  }

  private async rewrite(offset: number): Promise<void> {
    this.busy = true
    try {
      const keep = Buffer.alloc(Math.max(0, this.size - offset))
      if (keep.length > 0) await this.handle.read(keep, 0, keep.length, offset)
      const temp = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.tmp`)
      const out = await open(temp, 'w', 0o600)
      try {
        await out.write(keep)
        await out.sync()
      } finally {
        await out.close()
      }
      await rename(temp, this.file)
      await syncFolder(dirname(this.file))
      await this.handle.close()
      this.handle = await open(this.file, 'a+', 0o600)
      this.size = keep.length
    } finally {
      this.busy = false
    }
  }
}
