import type { ParsedInputOf } from '../../../../shared/contract'
import type { FollowUpDraftView } from '../../../../shared/events/eventViews'
import { notFound } from '../../contacts/contactService'
import { followUpDraft, proposedSlots } from '../followUpDraft'
import { eventOr404, type EventDeps } from './eventRecords'

/** A follow-up email to someone met at an event, from what was captured there. */
export function draftFollowUp(
  { store, clock }: EventDeps,
  { eventId, contactId, language }: ParsedInputOf<'events.draft'>,
): FollowUpDraftView {
  const data = store.read()
  const event = eventOr404(store, eventId)
  const contact = store.find('contacts', contactId)
  if (!contact) throw notFound('contact', contactId)
  const captured = data.encounters
    .filter((e) => e.eventId === eventId && e.contactId === contactId)
    .sort((a, b) => b.at.localeCompare(a.at))[0]
  const me = data.settings.me
  const draft = followUpDraft({
    language,
    me: { ...me, valueProposition: me.positioning.valueProposition },
    contact,
    event: { name: event.name, city: event.city },
    captured: captured && {
      ...captured,
      introduce: captured.mentions
        .filter((m) => m.direction === 'theyShouldMeet')
        .map((m) => m.name),
    },
    slots: proposedSlots(clock.now(), event.timeZone, language),
  })
  return { ...draft, email: contact.emails[0]?.value ?? '' }
}
