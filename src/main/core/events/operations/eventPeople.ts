import type { ParsedInputOf } from '../../../../shared/contract'
import type { Contact, EventPerson, EventTarget, RapportEvent } from '../../../../shared/model'
import { notFound } from '../../contacts/contactService'
import { createRecord } from '../../store/createRecord'
import { eventOr404, putEvent, type EventDeps } from './eventRecords'

/** A person taken off an event's list, and where they were: what undo puts back. */
export interface RemovedPerson {
  eventId: string
  person: EventPerson
  index: number
}

/** Takes a speaker or attendee off the list (a wrong row, a cancelled guest); answers what undo needs. */
export function removePerson(
  { store, clock }: EventDeps,
  { eventId, personId }: ParsedInputOf<'events.removePerson'>,
): Promise<RemovedPerson> {
  return store.update((tx) => {
    const event = eventOr404(tx, eventId)
    const index = event.people.findIndex((p) => p.id === personId)
    if (index < 0) throw notFound('person', personId)
    putEvent(tx, clock, event, { people: event.people.filter((p) => p.id !== personId) })
    return { eventId, person: event.people[index]!, index }
  })
}

/** Undo of removePerson: the person goes back where they were in the list. */
export function restorePerson(
  { store, clock }: EventDeps,
  { eventId, person, index }: RemovedPerson,
): Promise<RapportEvent> {
  return store.update((tx) => {
    const event = eventOr404(tx, eventId)
    if (event.people.some((p) => p.id === person.id)) return event
    const people = [...event.people]
    people.splice(Math.min(index, people.length), 0, person)
    return putEvent(tx, clock, event, { people })
  })
}

/** Makes a contact of someone on the list (or finds the one they are linked to), optionally a target. */
export function promotePerson(
  { store, clock }: EventDeps,
  { eventId, personId, asTarget }: ParsedInputOf<'events.promotePerson'>,
): Promise<Contact> {
  return store.update((tx) => {
    const event = eventOr404(tx, eventId)
    const person = event.people.find((p) => p.id === personId)
    if (!person) throw notFound('person', personId)
    const targeted = (contactId: string): EventTarget[] =>
      !asTarget || event.targets.some((t) => t.contactId === contactId)
        ? event.targets
        : [
            ...event.targets,
            {
              contactId,
              rank: event.targets.length + 1,
              talkingPoints: '',
              mustMeet: false,
              stage: 'researching',
            },
          ]
    if (person.contactId) {
      const existing = tx.find('contacts', person.contactId)
      if (existing) {
        if (asTarget) putEvent(tx, clock, event, { targets: targeted(existing.id) })
        return existing
      }
    }
    const contact = createRecord(tx, clock, 'contacts', {
      name: person.name,
      organization: person.organization,
      role: person.title,
      emails: person.email ? [{ label: 'work', value: person.email }] : [],
      links: person.linkedinUrl ? [{ kind: 'linkedin', value: person.linkedinUrl }] : [],
      firstMet: { place: event.name, how: '' },
    })
    putEvent(tx, clock, event, {
      people: event.people.map((p) => (p.id === personId ? { ...p, contactId: contact.id } : p)),
      targets: targeted(contact.id),
    })
    return contact
  })
}
