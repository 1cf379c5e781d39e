import { z } from 'zod'
import { checklistIds } from './eventChecklist'
import type {
  ContactTargetState,
  EventListItem,
  EventView,
  FollowUpDraftView,
  PeopleImportResult,
} from './eventViews'
import {
  accessRouteSchema,
  accessStatusSchema,
  eventLevelSchema,
  eventPersonRoleSchema,
  eventPersonSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  languageSchema,
  targetStageSchema,
  type Contact,
  type EventPerson,
  type Encounter,
  type FollowUp,
  type RapportEvent,
} from '../model'
import { noInput, op } from '../operation'
import { versionedEditShape } from '../store/versionedEdit'
import { deletedEventSchema, type DeletedEvent } from '../undo/removals'

/** An IANA zone the runtime knows, such as "Asia/Shanghai" or "Europe/Paris". */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone })
      return true
    } catch {
      return false
    }
  }, 'an IANA time zone such as Asia/Shanghai')

const short = z.string().trim().max(200)
const long = z.string().max(20_000)
const ids = z.array(idSchema).max(200)

/** The editable fields of an event record (before the event). */
export const eventFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    series: short.optional(),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema.optional(),
    timeZone: timeZoneSchema,
    venue: short.optional(),
    address: short.optional(),
    city: short.optional(),
    url: z.string().trim().max(2000).optional(),
    level: eventLevelSchema.optional(),
    whyItMatters: long.optional(),
    keyContactIds: ids.optional(),
    stretchesComfortZone: z.boolean().optional(),
    organiser: z.object({ organization: short, contactIds: ids }).strict().optional(),
    access: z
      .object({
        route: accessRouteSchema,
        status: accessStatusSchema,
        cost: z.number().min(0).max(10_000_000).optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'a three-letter currency code such as CNY')
          .optional(),
        deadline: isoDateSchema.optional(),
        helperIds: ids,
      })
      .strict()
      .optional(),
    notes: long.optional(),
  })
  .strict()

export const eventTargetInputSchema = z
  .object({
    contactId: idSchema,
    talkingPoints: long.optional(),
    mustMeet: z.boolean().optional(),
    stage: targetStageSchema.optional(),
    pausedReason: short.optional(),
  })
  .strict()

export const captureInputSchema = z
  .object({
    eventId: idSchema.optional(),
    /** Someone already in my contacts… */
    contactId: idSchema.optional(),
    /** …or a new person, by name. */
    newContact: z
      .object({ name: z.string().trim().min(1).max(200), organization: short.optional() })
      .strict()
      .optional(),
    at: isoDateTimeSchema.optional(),
    howCanIHelp: long.optional(),
    theirAdvice: long.optional(),
    whomShouldTheyMeet: long.optional(),
    whomShouldIMeet: long.optional(),
    seed: long.optional(),
    bestWayToReach: short.optional(),
    assistantName: short.optional(),
    cardReceived: z.boolean().optional(),
    deep: z.boolean().optional(),
    /** A photo already saved with photos.save. */
    photo: z.string().min(1).max(200).optional(),
  })
  .strict()

/** The events workflow's operations (before, during and after an event). */
export const eventOperations = {
  'events.list': op<EventListItem[]>()(noInput),
  /** Only ids and names, soonest first: what a filter menu needs, without whole records. */
  'events.names': op<{ id: string; name: string }[]>()(noInput),
  'events.get': op<EventView>()(z.object({ id: idSchema }).strict()),
  'events.create': op<RapportEvent>()(eventFieldsSchema),
  'events.update': op<RapportEvent>()(
    z
      .object({ id: idSchema, patch: eventFieldsSchema.partial().strict(), ...versionedEditShape })
      .strict(),
  ),
  /** Speakers or attendees from a pasted list or a platform export; previews unless `commit`. */
  'events.importPeople': op<PeopleImportResult>()(
    z
      .object({
        eventId: idSchema,
        role: eventPersonRoleSchema,
        /** Pasted text, or… */
        text: z.string().min(1).max(2_000_000).optional(),
        /** …base64 of a CSV file, so any encoding reaches the parser byte for byte. */
        data: z.string().min(1).max(20_000_000).optional(),
        mapping: z.array(z.string().max(40)).max(500).optional(),
        commit: z.boolean(),
      })
      .strict(),
  ),
  /** Takes a person off the list; answers what `events.restorePerson` (undo) needs. */
  'events.removePerson': op<{ eventId: string; person: EventPerson; index: number }>()(
    z.object({ eventId: idSchema, personId: idSchema }).strict(),
  ),
  'events.restorePerson': op<RapportEvent>()(
    z
      .object({
        eventId: idSchema,
        person: eventPersonSchema,
        index: z.number().int().min(0).max(20_000),
      })
      .strict(),
  ),
  /**
   * A person on the event's list becomes a contact, in one click; with `asTarget`, also the last
   * of the event's targets, in the same change (a speaker chosen straight from the list).
   */
  'events.promotePerson': op<Contact>()(
    z.object({ eventId: idSchema, personId: idSchema, asTarget: z.boolean().optional() }).strict(),
  ),
  /** The ranked target list, in order; rank follows the order given. */
  'events.setTargets': op<RapportEvent>()(
    z.object({ eventId: idSchema, targets: z.array(eventTargetInputSchema).max(200) }).strict(),
  ),
  'events.checklist': op<RapportEvent>()(
    z
      .object({
        eventId: idSchema,
        item: z.string().refine((id) => checklistIds.includes(id), 'a known checklist item'),
        done: z.boolean(),
      })
      .strict(),
  ),
  /** Quick capture: an encounter (with mentions) and its follow-ups, in one transaction. */
  'events.capture': op<{ encounter: Encounter; followUps: FollowUp[]; contact: Contact }>()(
    captureInputSchema,
  ),
  /** Where a contact is a target, and their stage there: shown on the card. */
  'events.targetsOf': op<ContactTargetState[]>()(z.object({ contactId: idSchema }).strict()),
  'events.draft': op<FollowUpDraftView>()(
    z.object({ eventId: idSchema, contactId: idSchema, language: languageSchema }).strict(),
  ),
  /**
   * Desktop app only: saves the dossier page the window shows as a PDF (Electron printToPDF),
   * after asking where. `file` is null when the user cancels. Browser mode prints instead.
   */
  'events.saveDossierPdf': op<{ file: string | null }>()(
    z.object({ eventId: idSchema, paper: z.enum(['A4', 'letter']) }).strict(),
  ),
  /** Deletes an event; conversations and follow-ups there stay, unlinked. Answers what undo needs. */
  'events.delete': op<DeletedEvent>()(z.object({ id: idSchema }).strict()),
  'events.restore': op<RapportEvent>()(deletedEventSchema),
} as const
