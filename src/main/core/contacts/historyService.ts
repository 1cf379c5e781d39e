import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { type Help, type Relationship } from '../../../shared/model'
import { nextTimestamp, type Clock } from '../clock'
import type { DataStore, StoreTransaction } from '../store/dataStore'
import { notFound } from './contactService'
import { createRecord } from '../store/createRecord'

function requireContact(tx: StoreTransaction, id: string): void {
  if (!tx.find('contacts', id)) throw notFound('contact', id)
}

/** Relationships between contacts and the ledger of help given and asked. */
export function createHistoryService(store: DataStore, clock: Clock) {
  return {
    addRelationship({
      fromId,
      toId,
      kind,
      note,
    }: ParsedInputOf<'relationships.create'>): Promise<Relationship> {
      return store.update((tx) => {
        requireContact(tx, fromId)
        requireContact(tx, toId)
        if (fromId === toId) {
          throw new RapportError('VALIDATION', 'A relationship needs two different people', {
            issues: [{ path: 'toId', message: 'same as fromId' }],
          })
        }
        const same = tx.data.relationships.find(
          (r) => r.kind === kind && r.fromId === fromId && r.toId === toId,
        )
        if (same) return same
        const relationship = createRecord(tx, clock, 'relationships', {
          fromId,
          toId,
          kind,
          note: note ?? '',
        })
        return relationship
      })
    },

    removeRelationship({ id }: ParsedInputOf<'relationships.delete'>): Promise<{ ok: true }> {
      return store.update((tx) => {
        if (!tx.find('relationships', id)) throw notFound('relationship', id)
        tx.remove('relationships', id)
        return { ok: true as const }
      })
    },

    addHelp(input: ParsedInputOf<'helps.create'>): Promise<Help> {
      return store.update((tx) => {
        requireContact(tx, input.contactId)
        const now = nextTimestamp(clock)
        return createRecord(tx, clock, 'helps', { ...input, at: input.at ?? now }, now)
      })
    },

    removeHelp({ id }: ParsedInputOf<'helps.delete'>): Promise<{ ok: true }> {
      return store.update((tx) => {
        if (!tx.find('helps', id)) throw notFound('help', id)
        tx.remove('helps', id)
        return { ok: true as const }
      })
    },
  }
}
