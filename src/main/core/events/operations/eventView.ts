import type { ParsedInputOf } from '../../../../shared/contract'
import type { EventContact, EventView, MetEntry } from '../../../../shared/events/eventViews'
import type { Contact, Encounter, FollowUp } from '../../../../shared/model'
import { completeness } from '../../contacts/cardInsights'
import { AFTER_MEETING_MS } from '../../followUps/followUpRules'
import { suggestHelpers } from '../accessHelpers'
import { coreRadar, networkWeights } from '../coreRadar'
import { positioningFit } from '../positioningFit'
import { worthItScore } from '../worthItScore'
import { eventOr404, referencedContactIds, type EventDeps } from './eventRecords'

function eventContact(c: Contact): EventContact {
  return {
    id: c.id,
    name: c.name,
    organization: c.organization,
    role: c.role,
    ...(c.photo ? { photo: c.photo } : {}),
    whatTheyDo: c.whatTheyDo,
    challenges: c.challenges,
    canOffer: c.canOffer,
    updatedAt: c.updatedAt,
    email: c.emails[0]?.value ?? '',
  }
}

/** One event's page: the record, its scores, targets, who I met there and whether I followed up. */
export function eventView(
  { store }: Pick<EventDeps, 'store'>,
  { id }: ParsedInputOf<'events.get'>,
): EventView {
  const data = store.read()
  const event = eventOr404(store, id)
  const here = data.encounters.filter((e) => e.eventId === id)
  const meetings = new Map<string, number>()
  for (const e of data.encounters) meetings.set(e.contactId, (meetings.get(e.contactId) ?? 0) + 1)

  // The latest conversation with each person met here.
  const latest = new Map<string, Encounter>()
  for (const e of here) {
    const previous = latest.get(e.contactId)
    if (!previous || previous.at < e.at) latest.set(e.contactId, e)
  }
  const followUpOf = new Map<string, FollowUp>()
  for (const f of data.followUps) {
    if (f.reason === 'afterMeeting' && f.encounterId) followUpOf.set(f.encounterId, f)
  }
  const met: MetEntry[] = []
  for (const [contactId, encounter] of latest) {
    const contact = store.find('contacts', contactId)
    if (!contact) continue
    const f = followUpOf.get(encounter.id)
    const card = completeness(contact)
    met.push({
      contactId,
      name: contact.name,
      encounter,
      completeness: card.score,
      missing: card.missing,
      followUp: f
        ? {
            id: f.id,
            dueAt: f.dueAt,
            status: f.status,
            ...(f.doneAt ? { doneAt: f.doneAt } : {}),
          }
        : null,
      doneWithin24h:
        !!f?.doneAt &&
        f.status === 'done' &&
        Date.parse(f.doneAt) - Date.parse(encounter.at) <= AFTER_MEETING_MS,
    })
  }
  met.sort((a, b) => a.encounter.at.localeCompare(b.encounter.at))

  const mentioned = here
    .flatMap((e) => e.mentions.map((m) => m.contactId))
    .filter((x): x is string => !!x)
  const people = event.people
  const shown = new Set([
    ...referencedContactIds(event),
    ...met.map((m) => m.contactId),
    ...mentioned,
    ...people.flatMap((p) => (p.contactId ? [p.contactId] : [])),
  ])
  const helperSuggestions = suggestHelpers(event, data)
  for (const h of helperSuggestions) shown.add(h.contactId)
  const contacts: Record<string, EventContact> = {}
  for (const cid of shown) {
    const c = store.find('contacts', cid)
    if (c) contacts[cid] = eventContact(c)
  }
  return {
    event,
    worthIt: worthItScore(event),
    fit: positioningFit(event, data.settings.me.positioning),
    contacts,
    targets: [...event.targets]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => ({ ...t, meetings: meetings.get(t.contactId) ?? 0 })),
    helperSuggestions,
    radar: coreRadar({
      encounters: here,
      targets: event.targets,
      people,
      nameOf: (cid) => store.find('contacts', cid)?.name,
      weightOf: networkWeights(data),
    }),
    met,
    followedUpWithin24h: { done: met.filter((m) => m.doneWithin24h).length, total: met.length },
    people,
  }
}
