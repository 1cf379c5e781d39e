import { collectionNames, type StoreData } from '../../../shared/model'
import type { DataStore, StoreTransaction } from '../store/dataStore'

export function hasDemoData(data: Readonly<StoreData>): boolean {
  return collectionNames.some((name) => data[name].some((record) => record.demo))
}

/** Puts `next` only when it differs from `current`, so untouched records cost nothing. */
function putIfChanged<
  C extends 'events' | 'communities' | 'gatherings' | 'encounters' | 'followUps' | 'contacts',
>(
  tx: StoreTransaction,
  collection: C,
  current: StoreData[C][number],
  next: StoreData[C][number],
): void {
  if (JSON.stringify(current) !== JSON.stringify(next)) tx.put(collection, next)
}

export function createDemoService(
  store: DataStore,
  /** Keeps a copy of everything as it is, which rotation never removes; throws if it cannot. */
  backupFirst: () => Promise<unknown>,
) {
  return {
    /**
     * Removes every demo record and every reference a user record kept to one, after a backup:
     * the user may have changed demo records into their own without noticing.
     */
    async remove(): Promise<{ removed: number }> {
      await backupFirst()
      return store.update((tx) => {
        const data = tx.data
        const demoContacts = new Set(data.contacts.filter((c) => c.demo).map((c) => c.id))
        const demoEvents = new Set(data.events.filter((e) => e.demo).map((e) => e.id))
        const demoCommunities = new Set(data.communities.filter((c) => c.demo).map((c) => c.id))
        const keep = (id: string) => !demoContacts.has(id)
        let removed = 0
        for (const name of collectionNames) {
          for (const record of data[name]) {
            if (record.demo) {
              tx.remove(name, record.id)
              removed += 1
            }
          }
        }
        const userRecords = <T extends { demo?: boolean }>(list: readonly T[]) =>
          list.filter((r) => !r.demo)
        for (const event of userRecords(data.events)) {
          putIfChanged(tx, 'events', event, {
            ...event,
            targets: event.targets.filter((t) => keep(t.contactId)),
            keyContactIds: event.keyContactIds.filter(keep),
            organiser: { ...event.organiser, contactIds: event.organiser.contactIds.filter(keep) },
            people: event.people.map(({ contactId, ...person }) =>
              contactId && keep(contactId) ? { ...person, contactId } : person,
            ),
            ...(event.access
              ? { access: { ...event.access, helperIds: event.access.helperIds.filter(keep) } }
              : {}),
          })
        }
        for (const community of userRecords(data.communities)) {
          putIfChanged(tx, 'communities', community, {
            ...community,
            members: community.members.filter((m) => keep(m.contactId)),
            activities: community.activities.map((a) => ({
              ...a,
              participantIds: a.participantIds.filter(keep),
            })),
          })
        }
        for (const gathering of userRecords(data.gatherings)) {
          const next = {
            ...gathering,
            attendees: gathering.attendees.filter((a) => keep(a.contactId)),
            seating: gathering.seating.filter((s) => keep(s.personId)),
            constraints: gathering.constraints.filter((c) => keep(c.a) && keep(c.b)),
          }
          if (next.communityId && demoCommunities.has(next.communityId)) delete next.communityId
          putIfChanged(tx, 'gatherings', gathering, next)
        }
        for (const contact of userRecords(data.contacts)) {
          if (contact.introducedById && !keep(contact.introducedById)) {
            const next = { ...contact }
            delete next.introducedById
            tx.put('contacts', next)
          }
        }
        // Conversations and follow-ups with demo people go with them; links to demo events are cut.
        for (const name of ['encounters', 'followUps'] as const) {
          const records = data[name] as readonly {
            id: string
            contactId: string
            eventId?: string
            demo?: boolean
          }[]
          for (const record of userRecords(records)) {
            if (!keep(record.contactId)) {
              tx.remove(name, record.id)
              removed += 1
            } else if (record.eventId && demoEvents.has(record.eventId)) {
              const next = { ...record }
              delete next.eventId
              tx.put(name, next as never)
            }
          }
        }
        for (const r of userRecords(data.relationships)) {
          if (!keep(r.fromId) || !keep(r.toId)) {
            tx.remove('relationships', r.id)
            removed += 1
          }
        }
        return { removed }
      })
    },
  }
}
