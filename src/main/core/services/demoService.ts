import { collectionNames, type StoreData } from '../../../shared/model'
import type { DataStore } from '../store/dataStore'

export function hasDemoData(data: Readonly<StoreData>): boolean {
  return collectionNames.some((name) => data[name].some((record) => record.demo))
}

export function createDemoService(store: DataStore) {
  return {
    /** Removes every demo record and every reference a user record kept to one. */
    remove(): Promise<{ removed: number }> {
      return store.update((data) => {
        let removed = 0
        const demoContacts = new Set(data.contacts.filter((c) => c.demo).map((c) => c.id))
        const demoEvents = new Set(data.events.filter((e) => e.demo).map((e) => e.id))
        const demoCommunities = new Set(data.communities.filter((c) => c.demo).map((c) => c.id))
        for (const name of collectionNames) {
          const before = data[name].length
          // Each collection keeps its own record type; the cast only widens for the shared filter.
          ;(data[name] as { demo?: boolean }[]) = data[name].filter((record) => !record.demo)
          removed += before - data[name].length
        }
        const keep = (id: string) => !demoContacts.has(id)
        for (const event of data.events) {
          event.targets = event.targets.filter((t) => keep(t.contactId))
          if (event.access) event.access.helperIds = event.access.helperIds.filter(keep)
        }
        for (const community of data.communities)
          community.memberIds = community.memberIds.filter(keep)
        for (const gathering of data.gatherings) {
          gathering.attendeeIds = gathering.attendeeIds.filter(keep)
          gathering.seating = gathering.seating.filter((s) => keep(s.contactId))
          if (gathering.communityId && demoCommunities.has(gathering.communityId))
            delete gathering.communityId
        }
        data.encounters = data.encounters.filter((e) => keep(e.contactId))
        data.followUps = data.followUps.filter((f) => keep(f.contactId))
        data.relationships = data.relationships.filter((r) => keep(r.fromId) && keep(r.toId))
        for (const contact of data.contacts) {
          if (contact.introducedById && !keep(contact.introducedById)) delete contact.introducedById
        }
        for (const record of [...data.encounters, ...data.followUps]) {
          if (record.eventId && demoEvents.has(record.eventId)) delete record.eventId
        }
        return { removed }
      })
    },
  }
}
