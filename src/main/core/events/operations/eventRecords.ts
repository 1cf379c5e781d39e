import { RapportError } from '../../../../shared/errors'
import { eventSchema, type RapportEvent } from '../../../../shared/model'
import { nextTimestamp, type Clock } from '../../clock'
import { notFound } from '../../contacts/contactService'
import type { DataStore, StoreTransaction } from '../../store/dataStore'

/** What every event operation is given: the store it reads and changes, and the time. */
export interface EventDeps {
  store: DataStore
  clock: Clock
}

/** Either the store or a transaction: both look records up by id through the index. */
type Lookup = Pick<DataStore, 'find'>

export function eventOr404(lookup: Lookup, id: string): RapportEvent {
  const event = lookup.find('events', id)
  if (!event) throw notFound('event', id)
  return event
}

export function checkContacts(lookup: Lookup, ids: readonly string[], field: string) {
  const unknown = ids.filter((id) => !lookup.find('contacts', id))
  if (unknown.length > 0) {
    throw new RapportError('VALIDATION', `${field} names contacts that do not exist`, {
      issues: [{ path: field, message: `unknown contact ids: ${unknown.join(', ')}` }],
    })
  }
}

export function checkTimes(startsAt: string, endsAt: string | undefined) {
  if (endsAt && Date.parse(endsAt) < Date.parse(startsAt)) {
    throw new RapportError('VALIDATION', 'The event ends before it starts', {
      issues: [
        { path: 'endsAt', message: 'must not be before startsAt', reason: 'endBeforeStart' },
      ],
    })
  }
}

/** Every contact id an event's record refers to, checked on each write. */
export function referencedContactIds(event: RapportEvent): string[] {
  return [
    ...event.keyContactIds,
    ...event.organiser.contactIds,
    ...(event.access?.helperIds ?? []),
    ...event.targets.map((t) => t.contactId),
  ]
}

/** Saves the event with `change` applied, re-validated whole, with a later `updatedAt`. */
export function putEvent(
  tx: StoreTransaction,
  clock: Clock,
  current: RapportEvent,
  change: Partial<RapportEvent>,
): RapportEvent {
  const now = nextTimestamp(clock, current.updatedAt)
  const next = eventSchema.parse({ ...current, ...change, updatedAt: now })
  tx.put('events', next)
  return next
}
