import { RapportError, validationIssues } from '../../../shared/errors'
import {
  collectionSchemas,
  settingsSchema,
  type CollectionName,
  type StoreData,
} from '../../../shared/model'
import type { StoreOp } from './dataStore'

/**
 * Checks one change and returns it in its parsed form. Only the records a change touches are
 * validated, which keeps an edit cheap however large the store is.
 */
export function validateOp(op: StoreOp): StoreOp {
  const parsed =
    op.t === 'put'
      ? collectionSchemas[op.c].safeParse(op.r)
      : op.t === 'settings'
        ? settingsSchema.safeParse(op.v)
        : { success: true as const, data: null }
  if (!parsed.success) {
    throw new RapportError('VALIDATION', 'A change does not fit the data format', {
      issues: validationIssues(parsed.error),
    })
  }
  if (op.t === 'put')
    return {
      t: 'put',
      c: op.c,
      r: parsed.data as unknown as { id: string } & Record<string, unknown>,
    }
  if (op.t === 'settings') return { t: 'settings', v: parsed.data as never }
  return op
}

/**
 * The in-memory state: the plain StoreData document plus an id → position index per collection,
 * so that applying a change does not scan 100,000 encounters.
 */
export class StoreState {
  private readonly index = new Map<CollectionName, Map<string, number>>()

  constructor(public data: StoreData) {
    this.replace(data)
  }

  /** Swaps in a whole other document (a restored backup, a file changed by another program). */
  replace(data: StoreData): void {
    this.data = data
    this.index.clear()
  }

  /**
   * The changes that take `ops` back, computed before they are applied: the record each one
   * touches as it is now (or its absence). Applying the result after `ops` restores this state.
   */
  undoFor(ops: readonly StoreOp[]): StoreOp[] {
    const undo: StoreOp[] = []
    const seen = new Set<string>()
    for (const op of ops) {
      if (op.t === 'settings') {
        if (!seen.has('settings')) undo.push({ t: 'settings', v: this.data.settings })
        seen.add('settings')
        continue
      }
      const id = op.t === 'put' ? op.r.id : op.id
      const key = `${op.c}/${id}`
      if (seen.has(key)) continue
      seen.add(key)
      const at = this.positionsOf(op.c).get(id)
      const before = at === undefined ? undefined : (this.data[op.c] as { id: string }[])[at]
      undo.push(
        before
          ? { t: 'put', c: op.c, r: before as { id: string } & Record<string, unknown> }
          : { t: 'del', c: op.c, id },
      )
    }
    return undo
  }

  /** The record with this id, through the index rather than a scan. */
  find<C extends CollectionName>(collection: C, id: string): StoreData[C][number] | undefined {
    const at = this.positionsOf(collection).get(id)
    return at === undefined ? undefined : (this.data[collection] as StoreData[C][number][])[at]
  }

  /** Built on first use: loading 180,000 records should not wait for indexes no edit needs yet. */
  private positionsOf(collection: CollectionName): Map<string, number> {
    return this.index.get(collection) ?? this.reindex(collection)
  }

  apply(ops: readonly StoreOp[]): void {
    // Deletions are gathered and done in one pass per collection: removing a contact with its
    // hundreds of encounters must not rebuild a 100,000-entry index once per encounter.
    const deleted = new Map<CollectionName, Set<string>>()
    for (const op of ops) {
      if (op.t === 'settings') {
        this.data.settings = op.v
        continue
      }
      const list = this.data[op.c] as { id: string }[]
      const positions = this.positionsOf(op.c)
      if (op.t === 'put') {
        const at = positions.get(op.r.id)
        if (at === undefined) {
          positions.set(op.r.id, list.length)
          list.push(op.r)
        } else {
          list[at] = op.r
          deleted.get(op.c)?.delete(op.r.id)
        }
      } else if (positions.has(op.id)) {
        if (!deleted.has(op.c)) deleted.set(op.c, new Set())
        deleted.get(op.c)!.add(op.id)
      }
    }
    for (const [collection, ids] of deleted) {
      if (ids.size === 0) continue
      const list = this.data[collection] as { id: string }[]
      ;(this.data[collection] as { id: string }[]) = list.filter((record) => !ids.has(record.id))
      this.reindex(collection)
    }
  }

  private reindex(collection: CollectionName): Map<string, number> {
    const list = this.data[collection] as { id: string }[]
    const positions = new Map(list.map((record, i) => [record.id, i]))
    this.index.set(collection, positions)
    return positions
  }
}
