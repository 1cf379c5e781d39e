import type { ParsedInputOf } from '../../../../shared/contract'
import { RapportError } from '../../../../shared/errors'
import {
  contactSchema,
  type Contact,
  type Encounter,
  type EventPerson,
  type FollowUp,
  type Mention,
} from '../../../../shared/model'
import { newId, nextTimestamp } from '../../clock'
import { notFound } from '../../contacts/contactService'
import { learntFromConversation } from '../../contacts/learntFromConversation'
import { followUpsForEncounter } from '../../followUps/followUpRules'
import { createRecord } from '../../store/createRecord'
import { resolveMention } from '../mentionMatch'
import { mentionNames, mentionParts } from '../mentionNames'
import { normaliseText } from '../personMatch'
import { eventOr404, putEvent, type EventDeps } from './eventRecords'

/** The method asks for at least three meetings before someone is familiar. */
export const FAMILIAR_AFTER_MEETINGS = 3

export interface Captured {
  encounter: Encounter
  followUps: FollowUp[]
  contact: Contact
}

/**
 * Quick capture of a conversation (at an event or not): the contact's card learns what was said
 * or is created, the encounter and its follow-ups are recorded, named people become mentions,
 * and a target I have now met moves on.
 */
export function capture(
  { store, clock }: EventDeps,
  input: ParsedInputOf<'events.capture'>,
): Promise<Captured> {
  return store.update((tx) => {
    if ((input.contactId === undefined) === (input.newContact === undefined)) {
      throw new RapportError('VALIDATION', 'Say who: an existing contact or a new name', {
        issues: [{ path: 'contactId', message: 'exactly one of contactId or newContact' }],
      })
    }
    const event = input.eventId ? eventOr404(tx, input.eventId) : undefined
    const now = nextTimestamp(clock)
    const at = input.at ?? now
    let people = event ? [...event.people] : []

    // Who: an existing card gets what was learnt; a new name becomes a card.
    let contact: Contact
    const learnt = {
      ...(input.bestWayToReach ? { bestWayToReach: input.bestWayToReach } : {}),
      ...(input.assistantName ? { assistantName: input.assistantName } : {}),
      ...(input.photo ? { photo: input.photo } : {}),
    }
    const said = { theirAdvice: input.theirAdvice ?? '', seed: input.seed ?? '' }
    const firstMet = { date: at.slice(0, 10), place: event?.name ?? '', how: '' }
    if (input.contactId) {
      const current = tx.find('contacts', input.contactId)
      if (!current) throw notFound('contact', input.contactId)
      contact = contactSchema.parse({
        ...current,
        ...learnt,
        ...learntFromConversation(current, said),
        ...(current.firstMet ? {} : { firstMet }),
        updatedAt: nextTimestamp(clock, current.updatedAt),
      })
      tx.put('contacts', contact)
    } else {
      const fresh = input.newContact!
      const listed = people.find(
        (p) => normaliseText(p.name) === normaliseText(fresh.name) && !p.contactId,
      )
      contact = createRecord(
        tx,
        clock,
        'contacts',
        {
          name: fresh.name,
          ...(fresh.givenName ? { givenName: fresh.givenName } : {}),
          ...(fresh.familyName ? { familyName: fresh.familyName } : {}),
          organization: fresh.organization || listed?.organization || '',
          role: fresh.role || listed?.title || '',
          // A scanned card's details, else what the event's list knows.
          emails: fresh.emails?.length
            ? fresh.emails
            : listed?.email
              ? [{ label: 'work', value: listed.email }]
              : [],
          phones: fresh.phones ?? [],
          links: fresh.links ?? [],
          firstMet,
          ...learnt,
          ...learntFromConversation({ theirAdvice: '', seed: '' }, said),
        },
        now,
      )
      // The prospect on the list is this person: link them, no second entry.
      if (listed) people = people.map((p) => (p === listed ? { ...p, contactId: contact.id } : p))
    }

    // Names under "whom should I / you meet" become mentions; unknown ones, prospects.
    const mentions: Mention[] = []
    const mention = (text: string | undefined, direction: Mention['direction']) => {
      for (const typed of mentionNames(text ?? '')) {
        const parts = mentionParts(typed)
        const name = parts.name || typed
        const resolved = resolveMention(tx.data.contacts, people, parts)
        // Two people with that name: do not guess; the mention keeps the name only.
        let found = resolved === 'ambiguous' ? {} : resolved
        if (resolved !== 'ambiguous' && !found.contactId && !found.personId && event) {
          const prospect: EventPerson = {
            id: newId(),
            name,
            organization: parts.organization.slice(0, 200),
            title: '',
            email: '',
            linkedinUrl: '',
            role: 'attendee',
          }
          people = [...people, prospect]
          found = { personId: prospect.id }
        }
        mentions.push({ name, direction, ...found })
      }
    }
    mention(input.whomShouldIMeet, 'iShouldMeet')
    mention(input.whomShouldTheyMeet, 'theyShouldMeet')

    const encounter = createRecord(
      tx,
      clock,
      'encounters',
      {
        contactId: contact.id,
        ...(event ? { eventId: event.id } : {}),
        at,
        howCanIHelp: input.howCanIHelp ?? '',
        theirAdvice: input.theirAdvice ?? '',
        whomShouldTheyMeet: input.whomShouldTheyMeet ?? '',
        whomShouldIMeet: input.whomShouldIMeet ?? '',
        seed: input.seed ?? '',
        bestWayToReach: input.bestWayToReach ?? '',
        assistantName: input.assistantName ?? '',
        cardReceived: input.cardReceived ?? false,
        deep: input.deep ?? false,
        mentions,
      },
      now,
    )
    const followUps = followUpsForEncounter(encounter, contact, now)
    for (const f of followUps) tx.put('followUps', f)

    if (event) {
      // A target I have now met moves on; three meetings make them familiar.
      const meetings = tx.data.encounters.filter((e) => e.contactId === contact.id).length + 1
      const targets = event.targets.map((t) => {
        if (t.contactId !== contact.id || t.stage === 'familiar') return t
        if (meetings >= FAMILIAR_AFTER_MEETINGS) return { ...t, stage: 'familiar' as const }
        if (t.stage === 'followedUp') return t
        const { pausedReason: _dropped, ...rest } = t
        return { ...rest, stage: 'met' as const }
      })
      putEvent(tx, clock, event, { people, targets })
    }
    return { encounter, followUps, contact }
  })
}
