import { z } from 'zod'
import {
  careKindSchema,
  idSchema,
  isoDateTimeSchema,
  type Encounter,
  type FollowUp,
  type RapportEvent,
} from '../model'
import { noInput, op } from '../operation'

export interface HabitRate {
  done: number
  within24h: number
  share: number | null
}

export interface FollowUpQueue {
  overdue: FollowUpView[]
  next24h: FollowUpView[]
  upcoming: FollowUpView[]
  habits: {
    last30: HabitRate
    last90: HabitRate
    byEvent: { eventId: string; name: string; rate: HabitRate }[]
  }
}

export type ReminderNotification =
  | { kind: 'single'; id: string; title: string; body: string }
  | { kind: 'summary'; count: number; ids: string[] }

export const snoozeChoiceSchema = z.enum(['1h', 'tonight', 'tomorrow9', 'nextWeek'])

export interface FollowUpView extends FollowUp {
  contactName: string
}

export interface Overview {
  counts: {
    contacts: number
    events: number
    communities: number
    relationships: number
    openFollowUps: number
  }
  overdue: FollowUpView[]
  dueToday: FollowUpView[]
  upcoming: FollowUpView[]
  nextEvent: RapportEvent | null
  /** Share of finished follow-ups done within 24 hours of the conversation, 0..1, or null. */
  within24hRate: number | null
}

/** The operations of conversations logged, the follow-up queue, Today's overview and reminders. */
export const followUpOperations = {
  'overview.get': op<Overview>()(z.object({ now: isoDateTimeSchema.optional() }).strict()),
  /** Logs a conversation; the 24-hour follow-up and a promise made in the seed follow from it. */
  'encounters.create': op<{ encounter: Encounter; followUps: FollowUp[] }>()(
    z
      .object({
        contactId: idSchema,
        eventId: idSchema.optional(),
        at: isoDateTimeSchema.optional(),
        howCanIHelp: z.string().max(20_000).optional(),
        theirAdvice: z.string().max(20_000).optional(),
        whomShouldTheyMeet: z.string().max(20_000).optional(),
        whomShouldIMeet: z.string().max(20_000).optional(),
        seed: z.string().max(20_000).optional(),
        deep: z.boolean().optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
  ),
  'followUps.queue': op<FollowUpQueue>()(z.object({ now: isoDateTimeSchema.optional() }).strict()),
  'followUps.create': op<FollowUp>()(
    z
      .object({
        contactId: idSchema,
        title: z.string().trim().min(1).max(200),
        dueAt: isoDateTimeSchema,
        reason: z
          .enum(['afterMeeting', 'promise', 'secondMeeting', 'cadence', 'importantDate', 'custom'])
          .optional(),
        careKind: careKindSchema.optional(),
        eventId: idSchema.optional(),
      })
      .strict(),
  ),
  'followUps.complete': op<FollowUp>()(
    z
      .object({
        id: idSchema,
        channel: z.string().trim().max(200).optional(),
        note: z.string().max(20_000).optional(),
      })
      .strict(),
  ),
  'followUps.snooze': op<FollowUp>()(
    z.object({ id: idSchema, choice: snoozeChoiceSchema }).strict(),
  ),
  'followUps.reschedule': op<FollowUp>()(
    z.object({ id: idSchema, dueAt: isoDateTimeSchema }).strict(),
  ),
  'followUps.drop': op<FollowUp>()(z.object({ id: idSchema }).strict()),
  /** Undo of done or drop: back in the queue as it was. */
  'followUps.reopen': op<FollowUp>()(z.object({ id: idSchema }).strict()),
  /** Browser mode's reminder popups: what the scheduler wants shown since the last call. */
  'reminders.take': op<ReminderNotification[]>()(noInput),
} as const
