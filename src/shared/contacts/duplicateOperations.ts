import { z } from 'zod'
import { idSchema, MAX_GROUP_SIZE, type DuplicateDismissal } from '../model'
import { noInput, op } from '../operation'
import { undoTicketSchema, type UndoTicket } from '../undo/undoTicket'

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

export interface MergeGroupsResult extends UndoTicket {
  groups: number
  /** Cards merged into another, so gone from the list. */
  removed: number
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
  /** Takes a bulk merge back by the token its answer carried; the core kept what it needs. */
  'contacts.undoMergeGroups': op<{ restored: number }>()(undoTicketSchema),
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
