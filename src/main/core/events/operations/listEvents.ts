import type { EventListItem } from '../../../../shared/events/eventViews'
import { worthItScore } from '../worthItScore'
import type { EventDeps } from './eventRecords'

const latestFirst = (a: { startsAt: string }, b: { startsAt: string }) =>
  Date.parse(b.startsAt) - Date.parse(a.startsAt)

/** Every event, latest first, with its worth-it score and how many people I met there. */
export function listEvents({ store }: Pick<EventDeps, 'store'>): EventListItem[] {
  const data = store.read()
  const met = new Map<string, Set<string>>()
  for (const e of data.encounters) {
    if (!e.eventId) continue
    const set = met.get(e.eventId) ?? new Set<string>()
    set.add(e.contactId)
    met.set(e.eventId, set)
  }
  return [...data.events].sort(latestFirst).map((event) => ({
    ...event,
    worthIt: worthItScore(event),
    metCount: met.get(event.id)?.size ?? 0,
  }))
}

/** Just the names, latest first, for pickers. */
export function eventNames({ store }: Pick<EventDeps, 'store'>): { id: string; name: string }[] {
  return [...store.read().events].sort(latestFirst).map(({ id, name }) => ({ id, name }))
}
