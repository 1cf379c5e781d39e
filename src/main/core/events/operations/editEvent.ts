import type { ParsedInputOf } from '../../../../shared/contract'
import { eventSchema, type RapportEvent } from '../../../../shared/model'
import { createRecord } from '../../store/createRecord'
import { assertFreshEdit } from '../../store/freshEdit'
import {
  checkContacts,
  checkTimes,
  eventOr404,
  putEvent,
  referencedContactIds,
  type EventDeps,
} from './eventRecords'

export function createEvent(
  { store, clock }: EventDeps,
  input: ParsedInputOf<'events.create'>,
): Promise<RapportEvent> {
  return store.update((tx) => {
    checkTimes(input.startsAt, input.endsAt)
    const event = createRecord(tx, clock, 'events', input)
    // Thrown inside the transaction, so the event just put is dropped with it.
    checkContacts(tx, referencedContactIds(event), 'contacts')
    return event
  })
}

export function updateEvent(
  { store, clock }: EventDeps,
  { id, patch, expectedUpdatedAt, base }: ParsedInputOf<'events.update'>,
): Promise<RapportEvent> {
  return store.update((tx) => {
    const current = eventOr404(tx, id)
    assertFreshEdit({ kind: 'event', id, current, patch, expectedUpdatedAt, base })
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    const merged = eventSchema.parse({ ...current, ...defined })
    checkTimes(merged.startsAt, merged.endsAt)
    checkContacts(tx, referencedContactIds(merged), 'contacts')
    return putEvent(tx, clock, current, defined)
  })
}

/** Ticks a preparation item on or off. */
export function setChecklistItem(
  { store, clock }: EventDeps,
  { eventId, item, done }: ParsedInputOf<'events.checklist'>,
): Promise<RapportEvent> {
  return store.update((tx) => {
    const event = eventOr404(tx, eventId)
    const rest = event.checklist.filter((i) => i !== item)
    return putEvent(tx, clock, event, { checklist: done ? [...rest, item] : rest })
  })
}
