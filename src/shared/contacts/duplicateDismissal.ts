import { z } from 'zod'
import { idSchema, recordBaseShape } from '../store/record'

/** Most people one suggested group holds; more would be a shared office number, not a person. */
export const MAX_GROUP_SIZE = 100

/**
 * "Not a duplicate": the user said these contacts are different people. No two of them are
 * suggested as one person again (since v10).
 */
export const duplicateDismissalSchema = z.object({
  ...recordBaseShape,
  contactIds: z.array(idSchema).min(2).max(MAX_GROUP_SIZE),
})
export type DuplicateDismissal = z.infer<typeof duplicateDismissalSchema>
