import { assertFreshEdit } from '../store/freshEdit'
import type { ParsedInputOf } from '../../../shared/contract'
import { RapportError } from '../../../shared/errors'
import type {
  ContactTargetState,
  EventContact,
  EventListItem,
  EventView,
  FollowUpDraftView,
  MetEntry,
  PeopleImportResult,
} from '../../../shared/events/eventViews'
import {
  contactSchema,
  encounterSchema,
  eventSchema,
  type Contact,
  type Encounter,
  type EventPerson,
  type EventTarget,
  type FollowUp,
  type Mention,
  type RapportEvent,
  type StoreData,
} from '../../../shared/model'
import { newId, nextTimestamp, type Clock } from '../clock'
import { completeness } from '../contacts/cardInsights'
import { suggestHelpers } from './accessHelpers'
import { coreRadar, networkWeights } from './coreRadar'
import { followUpDraft, proposedSlots } from './followUpDraft'
import { resolveMention } from './mentionMatch'
import { mentionNames, mentionParts } from './mentionNames'
import { parsePeople, samePerson } from './peopleImport'
import { createPersonMatcher, normaliseText } from './personMatch'
import { positioningFit } from './positioningFit'
import { worthItScore } from './worthItScore'
import { AFTER_MEETING_MS, followUpsForEncounter } from '../followUps/followUpRules'
import type { ColumnTarget } from '../importExport/csvImport'
import { columnTargets } from '../importExport/csvImport'
import type { DataStore, StoreTransaction } from '../store/dataStore'
import { notFound } from '../contacts/contactService'
import { learntFromConversation } from '../contacts/learntFromConversation'

/** The method asks for at least three meetings before someone is familiar. */
export const FAMILIAR_AFTER_MEETINGS = 3

function findEvent(data: Readonly<StoreData>, id: string): RapportEvent {
  const event = data.events.find((e) => e.id === id)
  if (!event) throw notFound('event', id)
  return event
}

function checkContacts(data: Readonly<StoreData>, ids: readonly string[], field: string) {
  const known = new Set(data.contacts.map((c) => c.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new RapportError('VALIDATION', `${field} names contacts that do not exist`, {
      issues: [{ path: field, message: `unknown contact ids: ${unknown.join(', ')}` }],
    })
  }
}

function checkTimes(startsAt: string, endsAt: string | undefined) {
  if (endsAt && Date.parse(endsAt) < Date.parse(startsAt)) {
    throw new RapportError('VALIDATION', 'The event ends before it starts', {
      issues: [
        { path: 'endsAt', message: 'must not be before startsAt', reason: 'endBeforeStart' },
      ],
    })
  }
}

/** Every contact id an event's record refers to, checked on each write. */
function referencedContactIds(event: RapportEvent): string[] {
  return [
    ...event.keyContactIds,
    ...event.organiser.contactIds,
    ...(event.access?.helperIds ?? []),
    ...event.targets.map((t) => t.contactId),
  ]
}

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

/** A person taken off an event's list, and where they were: what undo puts back. */
export interface RemovedPerson {
  eventId: string
  person: EventPerson
  index: number
}

export function createEventService(store: DataStore, clock: Clock) {
  const putEvent = (tx: StoreTransaction, current: RapportEvent, change: Partial<RapportEvent>) => {
    const now = nextTimestamp(clock, current.updatedAt)
    const next = eventSchema.parse({ ...current, ...change, updatedAt: now })
    tx.put('events', next)
    return next
  }

  return {
    list(): EventListItem[] {
      const data = store.read()
      const met = new Map<string, Set<string>>()
      for (const e of data.encounters) {
        if (!e.eventId) continue
        const set = met.get(e.eventId) ?? new Set<string>()
        set.add(e.contactId)
        met.set(e.eventId, set)
      }
      return [...data.events]
        .sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt))
        .map((event) => ({
          ...event,
          worthIt: worthItScore(event),
          metCount: met.get(event.id)?.size ?? 0,
        }))
    },

    get({ id }: ParsedInputOf<'events.get'>): EventView {
      const data = store.read()
      const event = findEvent(data, id)
      const byId = new Map(data.contacts.map((c) => [c.id, c]))
      const here = data.encounters.filter((e) => e.eventId === id)
      const meetings = new Map<string, number>()
      for (const e of data.encounters)
        meetings.set(e.contactId, (meetings.get(e.contactId) ?? 0) + 1)

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
        const contact = byId.get(contactId)
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
        const c = byId.get(cid)
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
          nameOf: (cid) => byId.get(cid)?.name,
          weightOf: networkWeights(data),
        }),
        met,
        followedUpWithin24h: { done: met.filter((m) => m.doneWithin24h).length, total: met.length },
        people,
      }
    },

    create(input: ParsedInputOf<'events.create'>): Promise<RapportEvent> {
      return store.update((tx) => {
        checkTimes(input.startsAt, input.endsAt)
        const now = nextTimestamp(clock)
        const event = eventSchema.parse({ ...input, id: newId(), createdAt: now, updatedAt: now })
        checkContacts(tx.data, referencedContactIds(event), 'contacts')
        tx.put('events', event)
        return event
      })
    },

    update({
      id,
      patch,
      expectedUpdatedAt,
      base,
    }: ParsedInputOf<'events.update'>): Promise<RapportEvent> {
      return store.update((tx) => {
        const current = findEvent(tx.data, id)
        assertFreshEdit({ kind: 'event', id, current, patch, expectedUpdatedAt, base })
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
        const merged = eventSchema.parse({ ...current, ...defined })
        checkTimes(merged.startsAt, merged.endsAt)
        checkContacts(tx.data, referencedContactIds(merged), 'contacts')
        return putEvent(tx, current, defined)
      })
    },

    importPeople(input: ParsedInputOf<'events.importPeople'>): Promise<PeopleImportResult> {
      if ((input.text === undefined) === (input.data === undefined)) {
        throw new RapportError(
          'VALIDATION',
          'Give either pasted text or a file, not both or neither',
          {
            issues: [{ path: 'text', message: 'exactly one of text or data' }],
          },
        )
      }
      const mapping = input.mapping?.map((m) => {
        if (!(columnTargets as readonly string[]).includes(m)) {
          throw new RapportError('VALIDATION', `Unknown column meaning ${m}`, {
            issues: [{ path: 'mapping', message: `unknown column meaning: ${m}` }],
          })
        }
        return m as ColumnTarget
      })
      const parsed = parsePeople(
        input.text ?? new Uint8Array(Buffer.from(input.data ?? '', 'base64')),
        mapping,
      )
      const run = (tx: Pick<StoreTransaction, 'data'> & Partial<StoreTransaction>) => {
        const event = findEvent(tx.data, input.eventId)
        const match = createPersonMatcher(tx.data.contacts)
        const names = new Map(tx.data.contacts.map((c) => [c.id, c.name]))
        const added: EventPerson[] = []
        const rows = parsed.people.map((p) => {
          const duplicate = [...event.people, ...added].some((q) => samePerson(p, q))
          const found = match(p)
          if (!duplicate) {
            added.push({
              id: newId(),
              name: p.name,
              organization: p.organization,
              title: p.title,
              email: p.email.slice(0, 320),
              linkedinUrl: p.linkedinUrl.slice(0, 2000),
              role: input.role,
              ...(found ? { contactId: found.contactId } : {}),
            })
          }
          return {
            line: p.line,
            name: p.name,
            organization: p.organization,
            title: p.title,
            email: p.email,
            linkedinUrl: p.linkedinUrl,
            match: found ? { ...found, name: names.get(found.contactId) ?? '' } : null,
            duplicate,
          }
        })
        if (input.commit && tx.put && added.length > 0) {
          putEvent(tx as StoreTransaction, event, { people: [...event.people, ...added] })
        }
        return {
          headers: parsed.headers,
          mapping: parsed.mapping,
          encoding: parsed.encoding,
          rows,
          skipped: parsed.skipped,
          added: input.commit ? added.length : 0,
        }
      }
      return input.commit ? store.update(run) : Promise.resolve(run({ data: store.read() }))
    },

    /** Takes a speaker or attendee off the list (a wrong row, a cancelled guest); answers what undo needs. */
    removePerson({
      eventId,
      personId,
    }: ParsedInputOf<'events.removePerson'>): Promise<RemovedPerson> {
      return store.update((tx) => {
        const event = findEvent(tx.data, eventId)
        const index = event.people.findIndex((p) => p.id === personId)
        if (index < 0) throw notFound('person', personId)
        putEvent(tx, event, { people: event.people.filter((p) => p.id !== personId) })
        return { eventId, person: event.people[index]!, index }
      })
    },

    /** Undo of removePerson: the person goes back where they were in the list. */
    restorePerson({ eventId, person, index }: RemovedPerson) {
      return store.update((tx) => {
        const event = findEvent(tx.data, eventId)
        if (event.people.some((p) => p.id === person.id)) return event
        const people = [...event.people]
        people.splice(Math.min(index, people.length), 0, person)
        return putEvent(tx, event, { people })
      })
    },

    promotePerson({
      eventId,
      personId,
      asTarget,
    }: ParsedInputOf<'events.promotePerson'>): Promise<Contact> {
      return store.update((tx) => {
        const event = findEvent(tx.data, eventId)
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
          const existing = tx.data.contacts.find((c) => c.id === person.contactId)
          if (existing) {
            if (asTarget) putEvent(tx, event, { targets: targeted(existing.id) })
            return existing
          }
        }
        const now = nextTimestamp(clock)
        const contact = contactSchema.parse({
          id: newId(),
          createdAt: now,
          updatedAt: now,
          name: person.name,
          organization: person.organization,
          role: person.title,
          emails: person.email ? [{ label: 'work', value: person.email }] : [],
          links: person.linkedinUrl ? [{ kind: 'linkedin', value: person.linkedinUrl }] : [],
          firstMet: { place: event.name, how: '' },
        })
        tx.put('contacts', contact)
        putEvent(tx, event, {
          people: event.people.map((p) =>
            p.id === personId ? { ...p, contactId: contact.id } : p,
          ),
          targets: targeted(contact.id),
        })
        return contact
      })
    },

    setTargets({ eventId, targets }: ParsedInputOf<'events.setTargets'>): Promise<RapportEvent> {
      return store.update((tx) => {
        const event = findEvent(tx.data, eventId)
        const seen = new Set<string>()
        for (const t of targets) {
          if (seen.has(t.contactId)) {
            throw new RapportError('VALIDATION', `Contact ${t.contactId} is on the list twice`, {
              issues: [{ path: 'targets', message: 'each contact at most once' }],
            })
          }
          seen.add(t.contactId)
        }
        checkContacts(tx.data, [...seen], 'targets')
        const previous = new Map(event.targets.map((t) => [t.contactId, t]))
        return putEvent(tx, event, {
          targets: targets.map((t, index) => {
            const before = previous.get(t.contactId)
            const stage = t.stage ?? before?.stage ?? 'researching'
            const reason = t.pausedReason ?? before?.pausedReason
            return {
              contactId: t.contactId,
              rank: index + 1,
              talkingPoints: t.talkingPoints ?? before?.talkingPoints ?? '',
              mustMeet: t.mustMeet ?? before?.mustMeet ?? false,
              stage,
              // A reason only means something while paused.
              ...(stage === 'paused' && reason ? { pausedReason: reason } : {}),
            }
          }),
        })
      })
    },

    checklist({ eventId, item, done }: ParsedInputOf<'events.checklist'>): Promise<RapportEvent> {
      return store.update((tx) => {
        const event = findEvent(tx.data, eventId)
        const rest = event.checklist.filter((i) => i !== item)
        return putEvent(tx, event, { checklist: done ? [...rest, item] : rest })
      })
    },

    capture(
      input: ParsedInputOf<'events.capture'>,
    ): Promise<{ encounter: Encounter; followUps: FollowUp[]; contact: Contact }> {
      return store.update((tx) => {
        if ((input.contactId === undefined) === (input.newContact === undefined)) {
          throw new RapportError('VALIDATION', 'Say who: an existing contact or a new name', {
            issues: [{ path: 'contactId', message: 'exactly one of contactId or newContact' }],
          })
        }
        const event = input.eventId ? findEvent(tx.data, input.eventId) : undefined
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
          const current = tx.data.contacts.find((c) => c.id === input.contactId)
          if (!current) throw notFound('contact', input.contactId)
          contact = contactSchema.parse({
            ...current,
            ...learnt,
            ...learntFromConversation(current, said),
            ...(current.firstMet ? {} : { firstMet }),
            updatedAt: nextTimestamp(clock, current.updatedAt),
          })
        } else {
          const fresh = input.newContact!
          const listed = people.find(
            (p) => normaliseText(p.name) === normaliseText(fresh.name) && !p.contactId,
          )
          contact = contactSchema.parse({
            id: newId(),
            createdAt: now,
            updatedAt: now,
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
          })
          // The prospect on the list is this person: link them, no second entry.
          if (listed)
            people = people.map((p) => (p === listed ? { ...p, contactId: contact.id } : p))
        }
        tx.put('contacts', contact)

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

        const encounter = encounterSchema.parse({
          id: newId(),
          createdAt: now,
          updatedAt: now,
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
        })
        tx.put('encounters', encounter)
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
          putEvent(tx, event, { people, targets })
        }
        return { encounter, followUps, contact }
      })
    },

    targetsOf({ contactId }: ParsedInputOf<'events.targetsOf'>): ContactTargetState[] {
      return store
        .read()
        .events.flatMap((event) =>
          event.targets
            .filter((t) => t.contactId === contactId)
            .map((t) => ({
              eventId: event.id,
              eventName: event.name,
              startsAt: event.startsAt,
              rank: t.rank,
              stage: t.stage,
              mustMeet: t.mustMeet,
              ...(t.stage === 'paused' && t.pausedReason ? { pausedReason: t.pausedReason } : {}),
            })),
        )
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
    },

    draft({ eventId, contactId, language }: ParsedInputOf<'events.draft'>): FollowUpDraftView {
      const data = store.read()
      const event = findEvent(data, eventId)
      const contact = data.contacts.find((c) => c.id === contactId)
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
    },
  }
}
