import { z } from 'zod'
import {
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  longText,
  recordBaseShape,
  shortText,
} from '../store/record'

export const eventLevelSchema = z.enum(['city', 'national', 'global'])
/** How I get in: the seed's routes into an event. */
export const accessRouteSchema = z.enum(['ticket', 'organiser', 'friend', 'sponsor', 'volunteer'])
/** Where getting in stands (since v5; v4 had planned / requested / confirmed / declined). */
export const accessStatusSchema = z.enum([
  'notStarted',
  'asked',
  'invited',
  'ticketBought',
  'declined',
])
/** A target moves through these stages towards three meetings. */
export const targetStageSchema = z.enum([
  'researching',
  'ready',
  'approached',
  'met',
  'followedUp',
  'familiar',
  'paused',
])

/**
 * One of the ranked people I mean to meet. What they do, their challenge and what I can offer
 * live on the contact's card (whatTheyDo / challenges / canOffer), so the target list edits
 * the card rather than keeping a second copy.
 */
export const eventTargetSchema = z.object({
  contactId: idSchema,
  rank: z.number().int().min(1),
  talkingPoints: longText.default(''),
  mustMeet: z.boolean().default(false),
  stage: targetStageSchema.default('researching'),
  pausedReason: shortText.optional(),
})

export const eventPersonRoleSchema = z.enum(['speaker', 'attendee', 'organiser'])
/**
 * A speaker or attendee from a pasted list or a platform export (since v5). Matched to a
 * contact when `contactId` is set; otherwise a prospect that can become a contact.
 */
export const eventPersonSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  organization: shortText.default(''),
  title: shortText.default(''),
  email: z.string().trim().max(320).default(''),
  linkedinUrl: z.string().trim().max(2000).default(''),
  role: eventPersonRoleSchema.default('attendee'),
  contactId: idSchema.optional(),
})

export const eventAccessSchema = z.object({
  route: accessRouteSchema,
  status: accessStatusSchema.default('notStarted'),
  /** Ticket or sponsorship cost, in the currency below. */
  cost: z.number().min(0).max(10_000_000).optional(),
  currency: z.string().length(3).optional(),
  /** Last day to register, ask or buy. */
  deadline: isoDateSchema.optional(),
  helperIds: z.array(idSchema).default([]),
})

export const eventSchema = z.object({
  ...recordBaseShape,
  name: z.string().trim().min(1).max(200),
  /** Editions of the same conference share a series name (since v5). */
  series: shortText.default(''),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.optional(),
  /** IANA zone of the venue, e.g. "Asia/Shanghai"; times are shown in it. */
  timeZone: z.string().min(1).max(64),
  venue: shortText.default(''),
  address: shortText.default(''),
  city: shortText.default(''),
  level: eventLevelSchema.default('city'),
  whyItMatters: longText.default(''),
  /** Contacts who could move my work forward there (since v5). */
  keyContactIds: z.array(idSchema).default([]),
  stretchesComfortZone: z.boolean().default(false),
  organiser: z
    .object({ organization: shortText.default(''), contactIds: z.array(idSchema).default([]) })
    .default({ organization: '', contactIds: [] }),
  access: eventAccessSchema.optional(),
  targets: z.array(eventTargetSchema).default([]),
  /** Speakers and attendees, matched or prospects (since v5). */
  people: z.array(eventPersonSchema).max(20_000).default([]),
  /** Ids of the before / during / after checklist items ticked for this event (since v5). */
  checklist: z.array(z.string().min(1).max(60)).max(200).default([]),
  url: z.string().max(2000).default(''),
  notes: longText.default(''),
})
export type RapportEvent = z.infer<typeof eventSchema>
export type EventTarget = z.infer<typeof eventTargetSchema>
export type EventPerson = z.infer<typeof eventPersonSchema>
export type TargetStage = z.infer<typeof targetStageSchema>
