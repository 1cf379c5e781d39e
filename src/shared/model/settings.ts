import { z } from 'zod'
import { longText, shortText } from './record'

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

export const settingsSchema = z.object({
  language: languagePreferenceSchema.default('system'),
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
})
export type Settings = z.infer<typeof settingsSchema>
