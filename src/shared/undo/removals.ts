import { z } from 'zod'
import { communitySchema, eventSchema, gatheringSchema, idSchema } from '../model'

/**
 * What deleting an event, a community or a gathering took away, so that "undo" can put it all
 * back. Conversations and follow-ups outlive an event (they happened); they only lose the link.
 */
export const deletedEventSchema = z
  .object({
    event: eventSchema,
    /** Encounters and follow-ups that pointed at the event. */
    encounterIds: z.array(idSchema).max(100_000),
    followUpIds: z.array(idSchema).max(100_000),
  })
  .strict()
export type DeletedEvent = z.infer<typeof deletedEventSchema>

export const deletedCommunitySchema = z
  .object({
    community: communitySchema,
    /** Gatherings that belonged to the community; they stay, without it. */
    gatheringIds: z.array(idSchema).max(100_000),
  })
  .strict()
export type DeletedCommunity = z.infer<typeof deletedCommunitySchema>

export const deletedGatheringSchema = z.object({ gathering: gatheringSchema }).strict()
export type DeletedGathering = z.infer<typeof deletedGatheringSchema>
