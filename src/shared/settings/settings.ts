import { z } from 'zod'
import { longText, shortText } from '../store/record'
import { syncSettingsSchema } from '../sync/syncModel'

export const languageSchema = z.enum(['zh-CN', 'en'])
export const languagePreferenceSchema = z.enum(['system', 'zh-CN', 'en'])
export type Language = z.infer<typeof languageSchema>

/** My positioning: the method's four questions and the one line they add up to. */
export const positioningSchema = z.object({
  whatIWantToDo: longText.default(''),
  forWhom: longText.default(''),
  whatTheyNeed: longText.default(''),
  whatChanges: longText.default(''),
  valueProposition: shortText.default(''),
})

export const meSchema = z.object({
  name: shortText.default(''),
  email: shortText.default(''),
  phone: shortText.default(''),
  wechat: shortText.default(''),
  positioning: positioningSchema.default({
    whatIWantToDo: '',
    forWhom: '',
    whatTheyNeed: '',
    whatChanges: '',
    valueProposition: '',
  }),
})

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 22:00')

/** Reminders: quiet hours, staying in the tray, and an .ics file kept up to date. */
export const remindersSchema = z.object({
  enabled: z.boolean().default(true),
  quietFrom: clockTime.default('22:00'),
  quietTo: clockTime.default('08:00'),
  closeToTray: z.boolean().default(true),
  /** Path of an .ics file rewritten after every change (for calendar apps subscribed to it). */
  autoExportPath: z.string().max(4096).default(''),
})

/**
 * The region (ISO 3166, as libphonenumber knows it) that phone numbers without a country code
 * are read in; '' = from the interface language (CN for Chinese). The shape is checked here; the
 * core checks that libphonenumber knows the region (its metadata stays out of the page's bundle).
 */
export const phoneRegionSchema = z.union([
  z.literal(''),
  z.string().regex(/^[A-Z]{2}$/, 'a region code such as CN or GB'),
])

export const settingsSchema = z.object({
  language: languagePreferenceSchema.default('system'),
  phoneRegion: phoneRegionSchema.default(''),
  reminders: remindersSchema.default({
    enabled: true,
    quietFrom: '22:00',
    quietTo: '08:00',
    closeToTray: true,
    autoExportPath: '',
  }),
  me: meSchema.default({
    name: '',
    email: '',
    phone: '',
    wechat: '',
    positioning: {
      whatIWantToDo: '',
      forWhom: '',
      whatTheyNeed: '',
      whatChanges: '',
      valueProposition: '',
    },
  }),
  /** Phone sync (since v6); the password is never stored here. */
  sync: syncSettingsSchema.prefault({}),
})
export type Settings = z.infer<typeof settingsSchema>
