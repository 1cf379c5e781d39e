import type { CollectionName, Settings, StoreData } from '../../../shared/model'
import type { StoreNotice } from '../../../shared/store/storeNotice'

/** A record of one collection, e.g. RecordOf<'contacts'> is Contact. */
export type RecordOf<C extends CollectionName> = StoreData[C][number]

/**
 * The changes one `update` makes. They are validated, journaled and applied together: either all
 * of them become durable or none does. `data` is the state before this transaction's changes.
 */
export interface StoreTransaction {
  readonly data: Readonly<StoreData>
  /** A record of `data` by id, through the store's index (not a scan). */
  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined
  put<C extends CollectionName>(collection: C, record: RecordOf<C>): void
  remove(collection: CollectionName, id: string): void
  setSettings(settings: Settings): void
}

/** One serializable change, as journaled. */
export type StoreOp =
  | { t: 'put'; c: CollectionName; r: { id: string } & Record<string, unknown> }
  | { t: 'del'; c: CollectionName; id: string }
  | { t: 'settings'; v: Settings }

/**
 * The one interface services use to read and change the user's data; everything about files,
 * journals and backups stays behind it.
 */
export interface DataStore {
  /** The snapshot file, for messages that name it. */
  readonly file: string
  /** The current state. Read-only: change it only through `update`. */
  read(): Readonly<StoreData>
  /** A record of the current state by id, through the store's index (not a scan). */
  find<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined
  /** Goes up with every change, so derived views can be cached until the data changes. */
  revision(): number
  /**
   * Runs `build` to collect changes, validates them, applies them and resolves once they are
   * durable on disk. If `build` throws or a change does not validate, nothing changes anywhere.
   */
  update<T>(build: (tx: StoreTransaction) => T): Promise<T>
  /** What the user should be told about the store (recovered from a backup, reloaded, …). */
  notices(): StoreNotice[]
  dismissNotice(id: string): void
  close(): Promise<void>
}
