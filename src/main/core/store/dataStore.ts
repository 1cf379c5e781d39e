import type { StoreData } from '../../../shared/model'

/**
 * The one interface services use to read and change the user's data. The implementation behind
 * it (today a JSON file written whole; later a snapshot plus a journal) can change freely.
 */
export interface DataStore {
  /** The file that holds the data, for messages that name it. */
  readonly file: string
  /** The current data. Treat as read-only; change it only through `update`. */
  read(): Readonly<StoreData>
  /**
   * Runs `mutate` on a working copy and makes the result durable before resolving. If `mutate`
   * throws, or the result does not validate, or the write fails, nothing changes.
   */
  update<T>(mutate: (draft: StoreData) => T): Promise<T>
  close(): Promise<void>
}
