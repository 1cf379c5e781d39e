import type { z } from 'zod'
import { collectionSchemas, type CollectionName } from '../../../shared/model'
import { newId, nextTimestamp, type Clock } from '../clock'
import type { RecordOf, StoreTransaction } from './dataStore'

/** Collections whose records carry their own creation and update times. */
type Timestamped = {
  [C in CollectionName]: 'createdAt' extends keyof RecordOf<C> ? C : never
}[CollectionName]

/** What a caller gives for a new record: everything but what `createRecord` fills in. */
export type NewRecordFields<C extends Timestamped> = Omit<
  z.input<(typeof collectionSchemas)[C]>,
  'id' | 'createdAt' | 'updatedAt'
>

/**
 * Adds a new record to `tx`: a fresh id, created and updated now, defaults filled in by the
 * collection's schema (which also refuses a record that does not fit). Returns the record as put.
 */
export function createRecord<C extends Timestamped>(
  tx: StoreTransaction,
  clock: Clock,
  collection: C,
  fields: NewRecordFields<C>,
  /** A time other than now, e.g. the one the rest of the transaction uses. */
  at: string = nextTimestamp(clock),
): RecordOf<C> {
  const record = collectionSchemas[collection].parse({
    ...fields,
    id: newId(),
    createdAt: at,
    updatedAt: at,
  }) as RecordOf<C>
  tx.put(collection, record)
  return record
}
