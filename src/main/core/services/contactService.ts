import type { DeletedContact, ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import { contactSchema, type Contact, type StoreData } from '../../../shared/model'
import { newId, nextTimestamp, type Clock } from '../clock'
import type { DataStore } from '../store/dataStore'

export function notFound(kind: string, id: string): RapportError {
  return new RapportError('NOT_FOUND', `No ${kind} with id ${id}`, { kind, id })
}

function findContact(data: Readonly<StoreData>, id: string): Contact {
  const contact = data.contacts.find((c) => c.id === id)
  if (!contact) throw notFound('contact', id)
  return contact
}

/** Text a search query is matched against. */
function searchableText(contact: Contact): string {
  return [
    contact.name,
    contact.givenName,
    contact.familyName,
    contact.nickname,
    contact.organization,
    contact.role,
    contact.whatTheyDo,
    ...contact.tags,
    ...contact.emails.map((e) => e.value),
    ...contact.phones.map((p) => p.value),
  ]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase()
}

export function createContactService(store: DataStore, clock: Clock) {
  return {
    list({ query, includeArchived }: ParsedInputOf<'contacts.list'>): Contact[] {
      const terms = (query ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean)
      return store
        .read()
        .contacts.filter((c) => includeArchived || !c.archived)
        .filter((c) => {
          if (terms.length === 0) return true
          const text = searchableText(c)
          return terms.every((term) => text.includes(term))
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    },

    get({ id }: ParsedInputOf<'contacts.get'>): Contact {
      return findContact(store.read(), id)
    },

    create(input: ParsedInputOf<'contacts.create'>): Promise<Contact> {
      return store.update((data) => {
        const now = nextTimestamp(clock)
        const contact = contactSchema.parse({
          ...input,
          id: newId(),
          createdAt: now,
          updatedAt: now,
        })
        data.contacts.push(contact)
        return contact
      })
    },

    update({ id, patch, expectedUpdatedAt }: ParsedInputOf<'contacts.update'>): Promise<Contact> {
      return store.update((data) => {
        const index = data.contacts.findIndex((c) => c.id === id)
        const current = data.contacts[index]
        if (!current) throw notFound('contact', id)
        if (expectedUpdatedAt && expectedUpdatedAt !== current.updatedAt) {
          throw new RapportError('CONFLICT', `Contact ${id} changed since it was opened`, {
            kind: 'contact',
            id,
            updatedAt: current.updatedAt,
          })
        }
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
        const updated = contactSchema.parse({
          ...current,
          ...defined,
          updatedAt: nextTimestamp(clock, current.updatedAt),
        })
        data.contacts[index] = updated
        return updated
      })
    },

    /** Removes the contact and everything that only makes sense with it; returns it all for undo. */
    delete({ id }: ParsedInputOf<'contacts.delete'>): Promise<DeletedContact> {
      return store.update((data) => {
        const contact = findContact(data, id)
        const removed: DeletedContact = {
          contact,
          encounters: data.encounters.filter((e) => e.contactId === id),
          followUps: data.followUps.filter((f) => f.contactId === id),
          relationships: data.relationships.filter((r) => r.fromId === id || r.toId === id),
          communityIds: data.communities.filter((c) => c.memberIds.includes(id)).map((c) => c.id),
        }
        data.contacts = data.contacts.filter((c) => c.id !== id)
        data.encounters = data.encounters.filter((e) => e.contactId !== id)
        data.followUps = data.followUps.filter((f) => f.contactId !== id)
        data.relationships = data.relationships.filter((r) => r.fromId !== id && r.toId !== id)
        for (const community of data.communities) {
          community.memberIds = community.memberIds.filter((m) => m !== id)
        }
        return removed
      })
    },

    restore(bundle: ParsedInputOf<'contacts.restore'>): Promise<Contact> {
      return store.update((data) => {
        const { contact } = bundle
        if (data.contacts.some((c) => c.id === contact.id)) {
          throw new RapportError('CONFLICT', `Contact ${contact.id} already exists`, {
            kind: 'contact',
            id: contact.id,
          })
        }
        const parsed = contactSchema.parse(contact)
        data.contacts.push(parsed)
        const known = new Set(data.contacts.map((c) => c.id))
        data.encounters.push(...bundle.encounters)
        data.followUps.push(...bundle.followUps)
        // An edge comes back only if the other contact still exists.
        data.relationships.push(
          ...bundle.relationships.filter((r) => known.has(r.fromId) && known.has(r.toId)),
        )
        for (const community of data.communities) {
          if (
            bundle.communityIds.includes(community.id) &&
            !community.memberIds.includes(contact.id)
          ) {
            community.memberIds.push(contact.id)
          }
        }
        return parsed
      })
    },
  }
}
export type ContactService = ReturnType<typeof createContactService>
