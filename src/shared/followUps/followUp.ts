import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape, shortText } from '../store/record'

/** The six kinds of care that keep a relationship alive. */
export const careKindSchema = z.enum([
  'appreciate',
  'share',
  'company',
  'recommend',
  'support',
  'protect',
])

/** Why a follow-up exists; the queue and the calendar word it by this. */
export const followUpReasonSchema = z.enum([
  'afterMeeting',
  'promise',
  'secondMeeting',
  'cadence',
  'importantDate',
  'custom',
])
/** Titles Rapport writes itself; stored as this kind and worded in the reader's language. */
export const generatedTitleSchema = z.enum(['afterMeeting', 'cadence', 'importantDate'])
export const followUpStatusSchema = z.enum(['open', 'done', 'snoozed', 'dropped'])

export const followUpSchema = z.object({
  ...recordBaseShape,
  contactId: idSchema,
  encounterId: idSchema.optional(),
  eventId: idSchema.optional(),
  /** As typed, or for a generated title the English words (read by older versions). */
  title: shortText.min(1),
  /** Since v6: set when Rapport made the title; the interface words it from this. */
  titleKind: generatedTitleSchema.optional(),
  dueAt: isoDateTimeSchema,
  doneAt: isoDateTimeSchema.optional(),
  snoozedUntil: isoDateTimeSchema.optional(),
  careKind: careKindSchema.optional(),
  /** A promise made in a conversation ("I'll look for a job for your son"). */
  promise: z.boolean().default(false),
  notes: longText.default(''),
  /** Since v4. */
  reason: followUpReasonSchema.default('custom'),
  status: followUpStatusSchema.default('open'),
  /** How it was done (WeChat, email, call, coffee…), recorded with "done". */
  channel: shortText.default(''),
  doneNote: longText.default(''),
})
export type FollowUpReason = z.infer<typeof followUpReasonSchema>
export type GeneratedTitle = z.infer<typeof generatedTitleSchema>
export type CareKind = z.infer<typeof careKindSchema>
export type FollowUpStatus = z.infer<typeof followUpStatusSchema>
export type FollowUp = z.infer<typeof followUpSchema>
