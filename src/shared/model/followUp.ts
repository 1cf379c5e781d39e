import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape, shortText } from './record'

/** The six kinds of care that keep a relationship alive. */
export const careKindSchema = z.enum([
  'appreciate',
  'share',
  'company',
  'recommend',
  'support',
  'protect',
])

export const followUpSchema = z.object({
  ...recordBaseShape,
  contactId: idSchema,
  encounterId: idSchema.optional(),
  eventId: idSchema.optional(),
  title: shortText.min(1),
  dueAt: isoDateTimeSchema,
  doneAt: isoDateTimeSchema.optional(),
  snoozedUntil: isoDateTimeSchema.optional(),
  careKind: careKindSchema.optional(),
  /** A promise made in a conversation ("I'll look for a job for your son"). */
  promise: z.boolean().default(false),
  notes: longText.default(''),
})
export type FollowUp = z.infer<typeof followUpSchema>
