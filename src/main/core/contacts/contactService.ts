import { assertFreshEdit } from '../store/freshEdit'
import type { DeletedContact, ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { contactSchema, type Contact } from '../../../shared/model'
import { nextTimestamp, type Clock } from '../clock'
import type { DataStore, StoreTransaction } from '../store/dataStore'
import { createRecord } from '../store/createRecord'

/** The card's own limit on tags (see the contact schema). */
const MAX_TAGS = 50

export function notFound(kind: string, id: string): RapportError {
  return new RapportError('NOT_FOUND', `No ${kind} with id ${id}`, { kind, id })
}

/** The contact with this id, from the store or a transaction (through the id index). */
function findContact(from: Pick<StoreTransaction, 'find'>, id: string): Contact {
  const contact = from.find('contacts', id)
  if (!contact) throw notFound('contact', id)
  return contact
}

export function createContactService(store: DataStore, clock: Clock) {
  return {
    get({ id }: ParsedInputOf<'contacts.get'>): Contact {
      return findContact(store, id)
    },

    create(input: ParsedInputOf<'contacts.create'>): Promise<Contact> {
      return store.update((tx) => {
        return createRecord(tx, clock, 'contacts', input)
      })
    },

    update({
      id,
      patch,
      expectedUpdatedAt,
      base,
    }: ParsedInputOf<'contacts.update'>): Promise<Contact> {
      return store.update((tx) => {
        const current = findContact(tx, id)
        assertFreshEdit({ kind: 'contact', id, current, patch, expectedUpdatedAt, base })
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
        const updated = contactSchema.parse({
          ...current,
          ...defined,
          updatedAt: nextTimestamp(clock, current.updatedAt),
        })
        tx.put('contacts', updated)
        return updated
      })
    },

    bulkUpdate({
      ids,
      archived,
      addTags,
    }: ParsedInputOf<'contacts.bulkUpdate'>): Promise<{ updated: number }> {
      return store.update((tx) => {
        // Every id is checked before anything changes: one unknown id changes nothing.
        const contacts = [...new Set(ids)].map((id) => {
          const contact = tx.find('contacts', id)
          if (!contact) throw notFound('contact', id)
          return contact
        })
        let updated = 0
        for (const current of contacts) {
          const known = new Set(current.tags.map((tag) => tag.toLocaleLowerCase()))
          const newTags = (addTags ?? []).filter((tag) => !known.has(tag.toLocaleLowerCase()))
          const archiveChanges = archived !== undefined && archived !== current.archived
          if (!archiveChanges && newTags.length === 0) continue
          if (current.tags.length + newTags.length > MAX_TAGS) {
            throw new RapportError(
              'VALIDATION',
              `${current.name} would have more than ${MAX_TAGS} tags; nothing was changed`,
              {
                id: current.id,
                issues: [{ path: 'addTags', message: `at most ${MAX_TAGS} tags` }],
              },
            )
          }
          tx.put(
            'contacts',
            contactSchema.parse({
              ...current,
              ...(archived !== undefined ? { archived } : {}),
              tags: [...current.tags, ...newTags],
              updatedAt: nextTimestamp(clock, current.updatedAt),
            }),
          )
          updated += 1
        }
        return { updated }
      })
    },

    /** Removes the contact and everything that only makes sense with it; returns it all for undo. */
    delete({ id }: ParsedInputOf<'contacts.delete'>): Promise<DeletedContact> {
      return store.update((tx) => {
        const data = tx.data
        const contact = findContact(tx, id)
        const removed: DeletedContact = {
          contact,
          encounters: data.encounters.filter((e) => e.contactId === id),
          followUps: data.followUps.filter((f) => f.contactId === id),
          relationships: data.relationships.filter((r) => r.fromId === id || r.toId === id),
          memberships: data.communities.flatMap((c) =>
            c.members
              .filter((m) => m.contactId === id)
              .map((member) => ({ communityId: c.id, member })),
          ),
        }
        tx.remove('contacts', id)
        removed.encounters.forEach((e) => tx.remove('encounters', e.id))
        removed.followUps.forEach((f) => tx.remove('followUps', f.id))
        removed.relationships.forEach((r) => tx.remove('relationships', r.id))
        for (const community of data.communities) {
          if (!community.members.some((m) => m.contactId === id)) continue
          tx.put('communities', {
            ...community,
            members: community.members.filter((m) => m.contactId !== id),
          })
        }
        return removed
      })
    },

    restore(bundle: DeletedContact): Promise<Contact> {
      return store.update((tx) => {
        const { contact } = bundle
        const data = tx.data
        if (tx.find('contacts', contact.id)) {
          throw new RapportError('CONFLICT', `Contact ${contact.id} already exists`, {
            kind: 'contact',
            id: contact.id,
          })
        }
        tx.put('contacts', contact)
        bundle.encounters.forEach((e) => tx.put('encounters', e))
        bundle.followUps.forEach((f) => tx.put('followUps', f))
        // An edge comes back only if the other contact still exists.
        const known = new Set([contact.id, ...data.contacts.map((c) => c.id)])
        for (const r of bundle.relationships) {
          if (known.has(r.fromId) && known.has(r.toId)) tx.put('relationships', r)
        }
        for (const community of data.communities) {
          const member = bundle.memberships.find((m) => m.communityId === community.id)?.member
          if (member && !community.members.some((m) => m.contactId === contact.id)) {
            tx.put('communities', { ...community, members: [...community.members, member] })
          }
        }
        return contact
      })
    },
  }
}
export type ContactService = ReturnType<typeof createContactService>
