import { RapportError } from '../../../shared/errors'
import type { CollectionName, StoreData } from '../../../shared/model'
import type { RecordOf, StoreOp, StoreTransaction } from './dataStore'
import { encodeEntry } from './journal'
import type { StoreChange } from './journaledStore'
import { JournalGoneError, type JournalWriter } from './journalWriter'
import type { StoreNotices } from './storeNotices'
import { validateOp, type StoreState } from './storeState'

/**
 * The in-memory state kept in step with the journal: a change is applied at once, appended to
 * the journal, acknowledged once its line is durable, and taken back if it never becomes so.
 */
export class JournaledState {
  /** The sequence number of the last change applied in memory (durable or on its way). */
  lastSeq: number
  /** Goes up with every change in memory, so that cached views know to recompute. */
  private revisionCount = 0
  /** Undo steps of changes applied in memory whose journal line is not durable yet, oldest first. */
  private readonly inFlight: StoreOp[][] = []
  private readonly listeners = new Set<(change: StoreChange) => void>()
  /** Appends and fsyncs journal lines; replaced after the data folder was deleted. */
  private journalWriter!: JournalWriter

  constructor(
    /** The data with its id index: every read is answered from here. */
    readonly state: StoreState,
    lastSeq: number,
    writer: JournalWriter,
    private readonly where: { dir: string; journalFile: string; notices: StoreNotices },
    /** Called once a change is durable, before the listeners hear of it. */
    private readonly afterCommit: () => void,
  ) {
    this.lastSeq = lastSeq
    this.useWriter(writer)
  }

  get writer(): JournalWriter {
    return this.journalWriter
  }

  useWriter(writer: JournalWriter): void {
    this.journalWriter = writer
    writer.onSettled = (outcome) => this.settled(outcome)
  }

  get data(): StoreData {
    return this.state.data
  }

  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined {
    return this.state.find(collection, id)
  }

  revision(): number {
    return this.revisionCount
  }

  update<T>(build: (tx: StoreTransaction) => T): Promise<T> {
    if (this.writer.failure) return Promise.reject(this.cannotSave(this.writer.failure))
    const staged: StoreOp[] = []
    const tx: StoreTransaction = {
      data: this.state.data,
      find: (c, id) => this.state.find(c, id),
      put: (c, r) => void staged.push({ t: 'put', c, r } as StoreOp),
      remove: (c, id) => void staged.push({ t: 'del', c, id }),
      setSettings: (v) => void staged.push({ t: 'settings', v }),
    }
    let result: T
    let ops: StoreOp[]
    try {
      result = build(tx)
      ops = staged.map(validateOp)
    } catch (error) {
      return Promise.reject(error)
    }
    if (ops.length === 0) return Promise.resolve(result)
    this.lastSeq += 1
    const undo = this.state.undoFor(ops)
    this.state.apply(ops)
    this.revisionCount += 1
    this.inFlight.push(undo)
    return this.writer.append(encodeEntry({ seq: this.lastSeq, ops })).then(
      () => {
        this.where.notices.drop('saveFailed')
        this.afterCommit()
        this.changed({
          touched: new Set(ops.map((op) => (op.t === 'settings' ? 'settings' : op.c))),
        })
        return result
      },
      (error: unknown) => {
        throw this.cannotSave(error)
      },
    )
  }

  /** Swaps in a whole other document (a restored backup, another program's file). */
  replace(data: StoreData, lastSeq: number): void {
    this.state.replace(data)
    this.revisionCount += 1
    this.lastSeq = lastSeq
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  changed(change: StoreChange = {}): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch (error) {
        console.error('Rapport: a change listener failed', error)
      }
    }
  }

  /** The error a caller gets for a change that was not saved, told to the user as a notice too. */
  cannotSave(error: unknown): RapportError {
    const { dir, journalFile, notices } = this.where
    const gone = error instanceof JournalGoneError
    const reason = gone
      ? `the data folder ${dir} was deleted while Rapport was running`
      : (error as Error).message
    if (gone) {
      if (!notices.has('dataFolderGone')) notices.add({ kind: 'dataFolderGone', folder: dir })
    } else {
      notices.drop('saveFailed')
      notices.add({
        kind: 'saveFailed',
        file: journalFile,
        reason,
        code: (error as NodeJS.ErrnoException).code,
      })
    }
    return new RapportError('STORE_UNAVAILABLE', `The change could not be saved: ${reason}`, {
      file: journalFile,
      reason,
    })
  }

  /** Told by the writer, before any caller hears, which changes became durable or failed. */
  private settled(outcome: { durable: number } | 'failed'): void {
    if (outcome !== 'failed') {
      this.inFlight.splice(0, outcome.durable)
      return
    }
    // Not durable, so not kept: every change of the failed batch (and those queued after it)
    // is taken back, newest first, and the caller may simply try again.
    const failed = this.inFlight.splice(0)
    if (failed.length === 0) return
    for (const undo of failed.reverse()) this.state.apply(undo)
    this.revisionCount += 1
    this.changed()
  }
}
