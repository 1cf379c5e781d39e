import { z } from 'zod'
import { idSchema, isoDateSchema, longText, recordBaseShape, shortText } from '../store/record'

/** Golden-circle tiers: about 5 life friends, 50 close friends, 100 good friends. */
export const tierSchema = z.enum(['life', 'close', 'good', 'outside'])
export const influenceSchema = z.enum(['weak', 'medium', 'strong'])
export const closenessSchema = z.enum(['distant', 'medium', 'close'])
/** The six ecosystems a balanced network spans. */
export const ecosystemSchema = z.enum([
  'interests',
  'work',
  'media',
  'finance',
  'community',
  'government',
])
export const linkKindSchema = z.enum(['linkedin', 'wechat', 'weibo', 'web', 'other'])

export const labelledValueSchema = z.object({
  label: shortText.default(''),
  value: z.string().trim().min(1).max(320),
})
export const linkSchema = z.object({
  kind: linkKindSchema,
  value: z.string().trim().min(1).max(2000),
})
/** A day of the Chinese lunar calendar (农历): month 1–12, day 1–30, and whether a leap month. */
export const lunarMonthDaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(30),
  leap: z.boolean().default(false),
})
export const dateCalendarSchema = z.enum(['gregorian', 'lunar'])
/**
 * A date that comes back every year. `date` is the Gregorian day it began (a birth date); a
 * lunar one (since v8) recurs on its lunar month and day, which `lunar` holds.
 */
export const importantDateSchema = z
  .object({
    label: shortText,
    date: isoDateSchema,
    // Absent means Gregorian, so every earlier record and caller stays valid.
    calendar: dateCalendarSchema.optional(),
    lunar: lunarMonthDaySchema.optional(),
  })
  .refine((d) => d.calendar !== 'lunar' || d.lunar !== undefined, {
    message: 'a lunar date needs its lunar month and day',
    path: ['lunar'],
  })

/** The editable part of a contact's background card. */
export const contactFieldsShape = {
  /** One field that suits Chinese names ("王小明") as well as "Ada Lovelace". */
  name: z.string().trim().min(1).max(200),
  givenName: shortText.optional(),
  familyName: shortText.optional(),
  nickname: shortText.optional(),
  /** The photo's content hash in the data folder's photos/ (see photoStore); older data: URLs still show. */
  photo: z.string().max(2_000_000).optional(),
  organization: shortText.default(''),
  role: shortText.default(''),
  whatTheyDo: longText.default(''),
  challenges: longText.default(''),
  canOffer: longText.default(''),
  theirAdvice: longText.default(''),
  goals: longText.default(''),
  /** Why they would stay in touch: one concrete reason. */
  seed: longText.default(''),
  bestWayToReach: shortText.default(''),
  assistantName: shortText.default(''),
  phones: z.array(labelledValueSchema).max(20).default([]),
  emails: z.array(labelledValueSchema).max(20).default([]),
  links: z.array(linkSchema).max(20).default([]),
  firstMet: z
    .object({
      date: isoDateSchema.optional(),
      place: shortText.default(''),
      how: longText.default(''),
    })
    .optional(),
  introducedById: idSchema.optional(),
  /** People we both know. */
  mutualIds: z.array(idSchema).max(200).default([]),
  importantDates: z.array(importantDateSchema).max(50).default([]),
  family: longText.default(''),
  interests: z.array(shortText).max(50).default([]),
  ecosystem: ecosystemSchema.optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  notes: longText.default(''),
  influence: influenceSchema.optional(),
  closeness: closenessSchema.optional(),
  tier: tierSchema.default('outside'),
  /** Overrides the tier's default keep-in-touch cadence, in days. */
  cadenceDays: z.number().int().min(1).max(3650).optional(),
  /** Archived contacts leave the circle but keep their history. */
  archived: z.boolean().default(false),
}

export const contactSchema = z.object({ ...recordBaseShape, ...contactFieldsShape })
export type Contact = z.infer<typeof contactSchema>
export type ContactLink = z.infer<typeof linkSchema>
export type Tier = z.infer<typeof tierSchema>
export type Ecosystem = z.infer<typeof ecosystemSchema>

/** Card fields that hold lists: a merge may keep both sides' values. */
export const contactListFields = [
  'emails',
  'phones',
  'links',
  'tags',
  'interests',
  'importantDates',
  'mutualIds',
] as const
