import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape, shortText } from './record'

export const tableLayoutSchema = z.enum(['long', 'smallTables', 'round'])
export const seatSchema = z.object({
  contactId: idSchema,
  table: z.number().int().min(1),
  seat: z.number().int().min(1),
})

/** A dinner or meetup of a community: at most 15 people is the method's advice. */
export const gatheringSchema = z.object({
  ...recordBaseShape,
  communityId: idSchema.optional(),
  title: z.string().trim().min(1).max(200),
  startsAt: isoDateTimeSchema,
  timeZone: z.string().min(1).max(64),
  venue: shortText.default(''),
  budgetPerPerson: z.number().min(0).optional(),
  currency: z.string().length(3).optional(),
  splitBill: z.boolean().default(true),
  attendeeIds: z.array(idSchema).default([]),
  layout: tableLayoutSchema.default('long'),
  seating: z.array(seatSchema).default([]),
  outcomes: z
    .object({
      connectedPairs: z.array(z.tuple([idSchema, idSchema])).default([]),
      secondMeetings: z.array(z.tuple([idSchema, idSchema])).default([]),
    })
    .default({ connectedPairs: [], secondMeetings: [] }),
  notes: longText.default(''),
})
export type Gathering = z.infer<typeof gatheringSchema>
