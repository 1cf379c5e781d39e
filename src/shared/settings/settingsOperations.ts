import { z } from 'zod'
import {
  languagePreferenceSchema,
  phoneRegionSchema,
  meSchema,
  patchSchemaOf,
  remindersSchema,
  type Settings,
} from '../model'
import { versionedEditShape } from '../store/versionedEdit'
import { noInput, op } from '../operation'

/** The operations of the settings. */
export const settingsOperations = {
  'settings.get': op<Settings>()(noInput),
  'settings.update': op<Settings>()(
    z
      .object({
        language: languagePreferenceSchema.optional(),
        phoneRegion: phoneRegionSchema.optional(),
        me: patchSchemaOf(meSchema.shape).optional(),
        reminders: patchSchemaOf(remindersSchema.shape).optional(),
        /** Settings carry no version: the changed fields' values when the page opened. */
        base: versionedEditShape.base,
      })
      .strict(),
  ),
} as const
