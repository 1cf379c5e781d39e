import { RapportError } from '../../../shared/errors'
import type { MergeGroupsInput } from '../../../shared/contacts/duplicateOperations'
import { collectionNames, type CollectionName, type StoreData } from '../../../shared/model'
import type { Clock } from '../clock'
import type { RecordOf, StoreTransaction } from '../store/dataStore'
import { applyMerge } from './merge'

type AnyRecord = { id: string; updatedAt: string }

/** One record a bulk merge touched: as it was (null: it did not exist) and its time after. */
export interface MergeUndoRecord {
  collection: CollectionName
  id: string
  before: AnyRecord | null
  /** `updatedAt` after the merge, or null when the merge removed it. */
  after: string | null
}

/** A bulk merge as done, with what the core keeps (under an undo token) to take it back. */
export interface AppliedMerge {
  groups: number
  /** Cards merged into another, so gone from the list. */
  removed: number
  undo: { records: MergeUndoRecord[] }
}

/** One collection as a transaction left it so far; removed records are holes until read. */
interface Working {
  records: (AnyRecord | null)[]
  at: Map<string, number>
  /** What `data` answers: the records without holes, made again after each change. */
  view: AnyRecord[] | null
}

/**
 * A transaction whose `data` already shows its own changes, so that many merges run in one
 * transaction, each seeing the ones before it. Every change is passed on to `tx`. A change costs
 * no more than the record it touches; the next read of that collection copies it once.
 */
class StagedTransaction implements StoreTransaction {
  readonly data: Readonly<StoreData>
  /** Per collection: id → the record now, or null once removed. */
  private readonly changes = new Map<CollectionName, Map<string, AnyRecord | null>>()
  private readonly working = new Map<CollectionName, Working>()

  constructor(
    private readonly tx: StoreTransaction,
    /** What the merges start from: the store, or only the records they can touch. */
    private readonly base: Readonly<StoreData> = tx.data,
  ) {
    const data = { ...base }
    for (const name of collectionNames) {
      Object.defineProperty(data, name, { get: () => this.view(name), enumerable: true })
    }
    this.data = data
  }

  find<C extends CollectionName>(name: C, id: string): RecordOf<C> | undefined {
    const working = this.working.get(name)
    if (working) {
      const at = working.at.get(id)
      return (at === undefined ? undefined : (working.records[at] ?? undefined)) as
        RecordOf<C> | undefined
    }
    if (this.base === this.tx.data) return this.tx.find(name, id)
    return (this.base[name] as AnyRecord[]).find((r) => r.id === id) as RecordOf<C> | undefined
  }

  private view(name: CollectionName): AnyRecord[] {
    const working = this.working.get(name)
    if (!working) return this.base[name] as AnyRecord[]
    working.view ??= working.records.filter((r): r is AnyRecord => r !== null)
    return working.view
  }

  private change(name: CollectionName, id: string, record: AnyRecord | null): void {
    let changes = this.changes.get(name)
    if (!changes) this.changes.set(name, (changes = new Map()))
    changes.set(id, record)
    let working = this.working.get(name)
    if (!working) {
      const records = [...(this.base[name] as AnyRecord[])]
      working = { records, at: new Map(records.map((r, i) => [r.id, i])), view: null }
      this.working.set(name, working)
    }
    const at = working.at.get(id)
    if (at !== undefined) working.records[at] = record
    else if (record) working.at.set(id, working.records.push(record) - 1)
    working.view = null
  }

  put<C extends CollectionName>(collection: C, record: RecordOf<C>): void {
    this.tx.put(collection, record)
    this.change(collection, record.id, record as AnyRecord)
  }

  remove(collection: CollectionName, id: string): void {
    this.tx.remove(collection, id)
    this.change(collection, id, null)
  }

  setSettings(): void {
    throw new Error('A merge does not change the settings')
  }

  /** Every record changed: as it was before the transaction, and its time after (null: removed). */
  undo(): MergeUndoRecord[] {
    const records: MergeUndoRecord[] = []
    for (const [collection, changes] of this.changes) {
      const before = new Map<string, AnyRecord>()
      for (const record of this.base[collection] as AnyRecord[]) {
        if (changes.has(record.id)) before.set(record.id, record)
      }
      for (const [id, now] of changes) {
        records.push({
          collection,
          id,
          before: before.get(id) ?? null,
          after: now?.updatedAt ?? null,
        })
      }
    }
    return records
  }
}

/**
 * Merges every group whole (all its other members into its kept contact) in one transaction:
 * either all groups are merged or, if any id is unknown or named twice, none is. Returns what
 * `undoMergeGroups` needs to put every touched record back as it was.
 */
export function applyMergeGroups(
  tx: StoreTransaction,
  { groups }: MergeGroupsInput,
  clock: Clock,
): AppliedMerge {
  const named = new Set<string>()
  for (const [at, group] of groups.entries()) {
    for (const id of [group.keepId, ...group.removeIds]) {
      if (!tx.find('contacts', id))
        throw new RapportError('NOT_FOUND', `No contact with id ${id}`, { kind: 'contact', id })
      if (named.has(id)) {
        throw new RapportError('VALIDATION', `Contact ${id} is in more than one group`, {
          issues: [{ path: `groups.${at}`, message: 'a contact can be merged once' }],
        })
      }
      named.add(id)
    }
  }
  // A merge only changes records that name one of its two contacts; leaving the others out
  // spares every merge a pass over the whole store (100,000 conversations).
  const staged = new StagedTransaction(tx, mentioning(tx.data, named))
  let removed = 0
  for (const { keepId, removeIds } of groups) {
    for (const removeId of removeIds) {
      applyMerge(staged, keepId, removeId, {}, clock)
      removed += 1
    }
  }
  return { groups: groups.length, removed, undo: { records: staged.undo() } }
}

/** True when any string anywhere in `value` is one of `ids`. */
function names(value: unknown, ids: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return ids.has(value)
  if (Array.isArray(value)) return value.some((v) => names(v, ids))
  if (value && typeof value === 'object') return Object.values(value).some((v) => names(v, ids))
  return false
}

/** The store with only the records that name one of `ids` (settings as they are). */
function mentioning(data: Readonly<StoreData>, ids: ReadonlySet<string>): StoreData {
  const subset = { ...data } as StoreData
  for (const name of collectionNames) {
    ;(subset[name] as AnyRecord[]) = (data[name] as AnyRecord[]).filter((r) => names(r, ids))
  }
  return subset
}

/**
 * Takes a bulk merge back: every record it touched returns exactly as it was. Refused, with
 * nothing changed, when any of them changed again since (an edit made after the merge would be
 * lost without a word).
 */
export function undoMergeGroups(
  tx: StoreTransaction,
  undo: AppliedMerge['undo'],
): { restored: number } {
  for (const record of undo.records) {
    const found = tx.find(record.collection, record.id) as AnyRecord | undefined
    if ((found?.updatedAt ?? null) !== record.after) {
      throw new RapportError(
        'CONFLICT',
        `The ${record.collection} record ${record.id} changed after the merge; nothing was undone`,
        { kind: record.collection, id: record.id },
      )
    }
  }
  let restored = 0
  for (const record of undo.records) {
    if (record.before) {
      tx.put(record.collection, record.before as never)
      if (record.collection === 'contacts' && record.after === null) restored += 1
    } else tx.remove(record.collection, record.id)
  }
  return { restored }
}
