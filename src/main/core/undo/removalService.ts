import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import type {
  DeletedCommunity,
  DeletedEvent,
  DeletedGathering,
} from '../../../shared/undo/removals'
import type { DataStore } from '../store/dataStore'

const missing = (kind: string, id: string) =>
  new RapportError('NOT_FOUND', `No ${kind} with id ${id}`, { kind, id })

const exists = (kind: string, id: string) =>
  new RapportError('CONFLICT', `The ${kind} ${id} already exists`, { kind, id })

/**
 * Deleting events, communities and gatherings, each in one transaction, and undoing it. What
 * happened there (conversations, follow-ups, gatherings of a community) is kept and only loses
 * its link; undo restores the link where the record still exists.
 */
export function createRemovalService(store: DataStore) {
  return {
    deleteEvent({ id }: ParsedInputOf<'events.delete'>): Promise<DeletedEvent> {
      return store.update((tx) => {
        const event = tx.find('events', id)
        if (!event) throw missing('event', id)
        const encounters = tx.data.encounters.filter((e) => e.eventId === id)
        const followUps = tx.data.followUps.filter((f) => f.eventId === id)
        tx.remove('events', id)
        for (const { eventId: _, ...encounter } of encounters) tx.put('encounters', encounter)
        for (const { eventId: _, ...followUp } of followUps) tx.put('followUps', followUp)
        return {
          event,
          encounterIds: encounters.map((e) => e.id),
          followUpIds: followUps.map((f) => f.id),
        }
      })
    },

    restoreEvent(bundle: DeletedEvent) {
      return store.update((tx) => {
        const { event } = bundle
        if (tx.find('events', event.id)) throw exists('event', event.id)
        tx.put('events', event)
        const encounterIds = new Set(bundle.encounterIds)
        const followUpIds = new Set(bundle.followUpIds)
        for (const e of tx.data.encounters)
          if (encounterIds.has(e.id) && !e.eventId)
            tx.put('encounters', { ...e, eventId: event.id })
        for (const f of tx.data.followUps)
          if (followUpIds.has(f.id) && !f.eventId) tx.put('followUps', { ...f, eventId: event.id })
        return event
      })
    },

    deleteCommunity({ id }: ParsedInputOf<'communities.delete'>): Promise<DeletedCommunity> {
      return store.update((tx) => {
        const community = tx.find('communities', id)
        if (!community) throw missing('community', id)
        const gatherings = tx.data.gatherings.filter((g) => g.communityId === id)
        tx.remove('communities', id)
        for (const { communityId: _, ...gathering } of gatherings) tx.put('gatherings', gathering)
        return { community, gatheringIds: gatherings.map((g) => g.id) }
      })
    },

    restoreCommunity(bundle: DeletedCommunity) {
      return store.update((tx) => {
        const { community } = bundle
        if (tx.find('communities', community.id)) throw exists('community', community.id)
        tx.put('communities', community)
        const ids = new Set(bundle.gatheringIds)
        for (const g of tx.data.gatherings)
          if (ids.has(g.id) && !g.communityId)
            tx.put('gatherings', { ...g, communityId: community.id })
        return community
      })
    },

    deleteGathering({ id }: ParsedInputOf<'gatherings.delete'>): Promise<DeletedGathering> {
      return store.update((tx) => {
        const gathering = tx.find('gatherings', id)
        if (!gathering) throw missing('gathering', id)
        tx.remove('gatherings', id)
        return { gathering }
      })
    },

    restoreGathering({ gathering }: DeletedGathering) {
      return store.update((tx) => {
        if (tx.find('gatherings', gathering.id)) throw exists('gathering', gathering.id)
        const { communityId, ...rest } = gathering
        // Its community may have gone in the meantime; then it comes back on its own.
        const keep = communityId && tx.find('communities', communityId) !== undefined
        const restored = keep ? gathering : rest
        tx.put('gatherings', restored)
        return restored
      })
    },
  }
}
