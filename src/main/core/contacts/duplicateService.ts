import type { DismissedGroup } from '../../../shared/contacts/duplicateOperations'
import type { ParsedInputOf } from '../../../shared/contract'
import type { DuplicateDismissal } from '../../../shared/model'
import type { Clock } from '../clock'
import { applyMergeGroups, undoMergeGroups, type AppliedMerge } from './bulkMerge'
import type { DataStore } from '../store/dataStore'
import { notFound } from './contactService'
import { createRecord } from '../store/createRecord'

/** Bulk merges of suggested duplicates, and the groups the user said are not duplicates. */
export function createDuplicateService(store: DataStore, clock: Clock) {
  return {
    mergeGroups(input: ParsedInputOf<'contacts.mergeGroups'>): Promise<AppliedMerge> {
      return store.update((tx) => applyMergeGroups(tx, input, clock))
    },

    /** Refused, with nothing changed, if any record the merge touched changed since. */
    undoMergeGroups(applied: AppliedMerge): Promise<{ restored: number }> {
      return store.update((tx) => undoMergeGroups(tx, applied.undo))
    },

    dismiss({ ids }: ParsedInputOf<'contacts.dismissDuplicates'>): Promise<DuplicateDismissal> {
      return store.update((tx) => {
        for (const id of ids) if (!tx.find('contacts', id)) throw notFound('contact', id)
        return createRecord(tx, clock, 'duplicateDismissals', { contactIds: ids })
      })
    },

    dismissed(): DismissedGroup[] {
      return store
        .read()
        .duplicateDismissals.map((d) => ({
          id: d.id,
          createdAt: d.createdAt,
          contacts: d.contactIds.flatMap((id) => {
            const c = store.find('contacts', id)
            return c ? [{ id, name: c.name, organization: c.organization }] : []
          }),
        }))
        .filter((d) => d.contacts.length > 1)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    },

    undismiss({ id }: ParsedInputOf<'contacts.undismissDuplicates'>): Promise<{ ok: true }> {
      return store.update((tx) => {
        if (!tx.find('duplicateDismissals', id)) throw notFound('duplicate dismissal', id)
        tx.remove('duplicateDismissals', id)
        return { ok: true as const }
      })
    },
  }
}
