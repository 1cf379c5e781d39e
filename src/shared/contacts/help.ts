import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape } from '../store/record'
import { careKindSchema } from '../followUps/followUp'

/** Give before you ask: one entry of help given to, or asked of, a contact. */
export const helpSchema = z.object({
  ...recordBaseShape,
  contactId: idSchema,
  direction: z.enum(['given', 'asked']),
  at: isoDateTimeSchema,
  what: longText.min(1),
  careKind: careKindSchema.optional(),
})
export type Help = z.infer<typeof helpSchema>
