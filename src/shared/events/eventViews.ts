import type { Contact, Encounter, EventPerson, EventTarget, FollowUp, RapportEvent } from '../model'

/** One line of the worth-it score: a reason the interface words, and its points. */
export interface ScoreReason {
  key:
    | 'level.city'
    | 'level.national'
    | 'level.global'
    | 'why'
    | 'noWhy'
    | 'keyContacts'
    | 'targets'
    | 'stretch'
    | 'accessSecured'
    | 'accessHelpers'
    | 'declined'
    | 'cost'
  points: number
  count?: number
}

export interface WorthItScore {
  /** 0..100 */
  score: number
  reasons: ScoreReason[]
}

/** One person on the core-person radar of an event. */
export interface RadarEntry {
  /** Stable within the event: the contact, the prospect, or the name as typed. */
  key: string
  name: string
  contactId?: string
  personId?: string
  /** How many different people named them under "whom should I / you meet". */
  mentionedBy: number
  /** Their weight in my network (relationships and conversations), the tie-breaker. */
  weight: number
  isTarget: boolean
  /** I have had a conversation with them at this event. */
  met: boolean
}

export interface HelperSuggestion {
  contactId: string
  name: string
  /** Why they could help me get in. */
  why: 'organiser' | 'organiserOrganization' | 'knowsOrganiser' | 'earlierEdition'
}

export type EventListItem = RapportEvent & { worthIt: WorthItScore; metCount: number }

/** What the event pages show about a contact: the card fields the target list edits. */
export type EventContact = Pick<
  Contact,
  | 'id'
  | 'name'
  | 'organization'
  | 'role'
  | 'photo'
  | 'whatTheyDo'
  | 'challenges'
  | 'canOffer'
  | 'updatedAt'
> & { email: string }

export interface MetEntry {
  contactId: string
  name: string
  encounter: Encounter
  /** 0..1 */
  completeness: number
  missing: string[]
  followUp: Pick<FollowUp, 'id' | 'dueAt' | 'status' | 'doneAt'> | null
  doneWithin24h: boolean
}

export interface EventView {
  event: RapportEvent
  worthIt: WorthItScore
  /** Whether the event's purpose shares words with my positioning. */
  fit: 'unknown' | 'fits' | 'mismatch'
  /** Contacts this page mentions (targets, helpers, key contacts, organisers, people met). */
  contacts: Record<string, EventContact>
  targets: (EventTarget & { meetings: number })[]
  helperSuggestions: HelperSuggestion[]
  radar: RadarEntry[]
  met: MetEntry[]
  /** Of the people met, how many got their follow-up done within 24 hours. */
  followedUpWithin24h: { done: number; total: number }
  people: EventPerson[]
}

export interface PeopleImportRow {
  line: number
  name: string
  organization: string
  title: string
  email: string
  linkedinUrl: string
  match: {
    contactId: string
    name: string
    by: 'email' | 'linkedin' | 'nameAndOrganization'
  } | null
  /** Already on this event's list; importing it again changes nothing. */
  duplicate: boolean
}

export interface PeopleImportResult {
  headers: string[]
  mapping: string[]
  encoding: string
  rows: PeopleImportRow[]
  skipped: number[]
  /** Only when committed. */
  added: number
}

export interface FollowUpDraftView {
  subject: string
  body: string
  /** The contact's first email, for a mailto: link; empty when the card has none. */
  email: string
}

/** A contact's place on one event's target list. */
export interface ContactTargetState {
  eventId: string
  eventName: string
  startsAt: string
  rank: number
  stage: EventTarget['stage']
  mustMeet: boolean
  pausedReason?: string
}
