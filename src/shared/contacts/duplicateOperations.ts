import { z } from 'zod'
import {
  collectionSchemas,
  idSchema,
  isoDateTimeSchema,
  MAX_GROUP_SIZE,
  type DuplicateDismissal,
} from '../model'
import { noInput, op } from '../operation'

/** More suggested groups than anyone's store holds, yet a bound on one request. */
const MAX_GROUPS = 20_000

export const mergeGroupsInputSchema = z
  .object({
    groups: z
      .array(
        z
          .object({
            /** The card that stays; every other member's card is merged into it. */
            keepId: idSchema,
            removeIds: z
              .array(idSchema)
              .min(1)
              .max(MAX_GROUP_SIZE - 1),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_GROUPS),
  })
  .strict()
export type MergeGroupsInput = z.infer<typeof mergeGroupsInputSchema>

/** One record a bulk merge touched: as it was (null: it did not exist) and its time after. */
const touched = <C extends MergeCollection>(collection: C) =>
  z
    .object({
      collection: z.literal(collection),
      id: idSchema,
      before: collectionSchemas[collection].nullable(),
      /** `updatedAt` after the merge, or null when the merge removed it. */
      after: isoDateTimeSchema.nullable(),
    })
    .strict()

/** The collections a merge re-points (see applyMerge). */
type MergeCollection =
  | 'contacts'
  | 'encounters'
  | 'followUps'
  | 'helps'
  | 'relationships'
  | 'events'
  | 'communities'
  | 'gatherings'
  | 'duplicateDismissals'

export const mergeUndoRecordSchema = z.discriminatedUnion('collection', [
  touched('contacts'),
  touched('encounters'),
  touched('followUps'),
  touched('helps'),
  touched('relationships'),
  touched('events'),
  touched('communities'),
  touched('gatherings'),
  touched('duplicateDismissals'),
])
export type MergeUndoRecord = z.infer<typeof mergeUndoRecordSchema>

/** What "undo" of a bulk merge sends back: every record it touched, as it was. */
export const mergeUndoSchema = z
  .object({ records: z.array(mergeUndoRecordSchema).min(1).max(1_000_000) })
  .strict()
export type MergeUndo = z.infer<typeof mergeUndoSchema>

export interface MergeGroupsResult {
  groups: number
  /** Cards merged into another, so gone from the list. */
  removed: number
  undo: MergeUndo
}

/** A "not a duplicate" the user can look at and take back. */
export interface DismissedGroup {
  id: string
  createdAt: string
  /** Those still in the store, in the order they were dismissed. */
  contacts: { id: string; name: string; organization: string }[]
}

export const duplicateOperations = {
  /** Merges every group given, each whole, in one transaction: all or nothing. */
  'contacts.mergeGroups': op<MergeGroupsResult>()(mergeGroupsInputSchema),
  'contacts.undoMergeGroups': op<{ restored: number }>()(mergeUndoSchema),
  /** "Not a duplicate": no two of these are suggested as one person again. */
  'contacts.dismissDuplicates': op<DuplicateDismissal>()(
    z
      .object({ ids: z.array(idSchema).min(2).max(MAX_GROUP_SIZE) })
      .strict()
      .refine((input) => new Set(input.ids).size === input.ids.length, {
        message: 'each contact once',
      }),
  ),
  'contacts.dismissedDuplicates': op<DismissedGroup[]>()(noInput),
  /** Takes a "not a duplicate" back: the group may be suggested again. */
  'contacts.undismissDuplicates': op<{ ok: true }>()(z.object({ id: idSchema }).strict()),
}
