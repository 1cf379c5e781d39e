import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape, shortText } from './record'

export const eventLevelSchema = z.enum(['city', 'national', 'global'])
/** How I get in: the seed's routes into an event. */
export const accessRouteSchema = z.enum(['ticket', 'organiser', 'friend', 'sponsor', 'volunteer'])
export const accessStatusSchema = z.enum(['planned', 'requested', 'confirmed', 'declined'])
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

export const eventTargetSchema = z.object({
  contactId: idSchema,
  rank: z.number().int().min(1),
  talkingPoints: longText.default(''),
  stage: targetStageSchema.default('researching'),
  pausedReason: shortText.optional(),
})

export const eventSchema = z.object({
  ...recordBaseShape,
  name: z.string().trim().min(1).max(200),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema.optional(),
  /** IANA zone of the venue, e.g. "Asia/Shanghai"; times are shown in it. */
  timeZone: z.string().min(1).max(64),
  venue: shortText.default(''),
  city: shortText.default(''),
  level: eventLevelSchema.default('city'),
  whyItMatters: longText.default(''),
  stretchesComfortZone: z.boolean().default(false),
  access: z
    .object({
      route: accessRouteSchema,
      status: accessStatusSchema.default('planned'),
      helperIds: z.array(idSchema).default([]),
    })
    .optional(),
  targets: z.array(eventTargetSchema).default([]),
  url: z.string().max(2000).default(''),
  notes: longText.default(''),
})
export type RapportEvent = z.infer<typeof eventSchema>
