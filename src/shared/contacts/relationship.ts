import { z } from 'zod'
import { idSchema, recordBaseShape, shortText } from '../store/record'

export const relationshipKindSchema = z.enum([
  'knows',
  'introduced',
  'colleague',
  'family',
  'mentor',
  'other',
])

/** A typed edge between two contacts; `introduced` reads "from introduced me to `to`". */
export const relationshipSchema = z.object({
  ...recordBaseShape,
  fromId: idSchema,
  toId: idSchema,
  kind: relationshipKindSchema,
  note: shortText.default(''),
})
export type Relationship = z.infer<typeof relationshipSchema>
export type RelationshipKind = z.infer<typeof relationshipKindSchema>
