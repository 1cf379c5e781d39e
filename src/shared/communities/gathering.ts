import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape, shortText } from '../store/record'

/** Stands for the user wherever a person is either a contact or me (host, payer, seat). */
export const ME_ID = 'me'
/** A contact id, or ME_ID. */
export const personRefSchema = idSchema

export const rsvpSchema = z.enum(['invited', 'yes', 'maybe', 'no'])
export const gatheringAttendeeSchema = z.object({
  contactId: idSchema,
  rsvp: rsvpSchema.default('invited'),
})

/**
 * A long table has two sides of `seatsPerSide`: seats 1..n on one side, n+1..2n on the other,
 * seat i facing seat n+i. A round table's seats run 1..seats around it (1 next to `seats`).
 */
export const tableSchema = z.discriminatedUnion('shape', [
  z.object({ shape: z.literal('long'), seatsPerSide: z.number().int().min(1).max(20) }),
  z.object({ shape: z.literal('round'), seats: z.number().int().min(2).max(30) }),
])

/** `table` is the 1-based index into `tables`. */
export const seatSchema = z.object({
  personId: personRefSchema,
  table: z.number().int().min(1),
  seat: z.number().int().min(1),
})

export const seatingConstraintSchema = z.object({
  a: personRefSchema,
  b: personRefSchema,
  kind: z.enum(['together', 'apart']),
})

/** Money in minor units (cents, fen) so that splits add up exactly. */
const amountCents = z.number().int().min(0).max(1_000_000_000)
export const billItemSchema = z.object({
  id: idSchema,
  label: shortText.default(''),
  amountCents,
  /** Who owes this item, shared equally between them. */
  owedBy: z.array(personRefSchema).min(1),
})
export const billSchema = z.object({
  /** own: everyone pays their own (the default); equal: split evenly; itemised: per item. */
  mode: z.enum(['own', 'equal', 'itemised']).default('own'),
  totalCents: amountCents.optional(),
  /** Who paid the restaurant. */
  payerId: personRefSchema.optional(),
  items: z.array(billItemSchema).max(200).default([]),
  /** People who have settled what they owed the payer. */
  settledIds: z.array(personRefSchema).default([]),
})

/** A dinner or meetup of a community: at most 15 people is the method's advice. */
export const gatheringSchema = z.object({
  ...recordBaseShape,
  communityId: idSchema.optional(),
  title: z.string().trim().min(1).max(200),
  startsAt: isoDateTimeSchema,
  timeZone: z.string().min(1).max(64),
  venue: shortText.default(''),
  /** How long it lasts (since v6); calendars show the end and ring before the start. */
  durationMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(180),
  /** Told to guests in advance. */
  budgetPerPerson: z.number().min(0).optional(),
  currency: z.string().length(3).optional(),
  bill: billSchema.default({ mode: 'own', items: [], settledIds: [] }),
  /** Guests; I am the host and always come. */
  attendees: z.array(gatheringAttendeeSchema).default([]),
  tables: z
    .array(tableSchema)
    .max(20)
    .default([{ shape: 'long', seatsPerSide: 8 }]),
  seating: z.array(seatSchema).default([]),
  constraints: z.array(seatingConstraintSchema).default([]),
  outcomes: z
    .object({
      connectedPairs: z.array(z.tuple([idSchema, idSchema])).default([]),
      secondMeetings: z.array(z.tuple([idSchema, idSchema])).default([]),
      notes: longText.default(''),
    })
    .default({ connectedPairs: [], secondMeetings: [], notes: '' }),
  notes: longText.default(''),
})
export type Gathering = z.infer<typeof gatheringSchema>
export type GatheringTable = z.infer<typeof tableSchema>
export type Seat = z.infer<typeof seatSchema>
export type Bill = z.infer<typeof billSchema>
