import { z } from 'zod'
import { idSchema, isoDateTimeSchema, longText, recordBaseShape, shortText } from '../store/record'

/**
 * "You should meet X": X gets a mention; many mentions mark a core person. `direction` says
 * whose answer it was (whom should I meet / whom should they meet); `personId` points at a
 * prospect in the event's people list when X is not a contact yet (both since v5).
 */
export const mentionSchema = z.object({
  name: shortText,
  contactId: idSchema.optional(),
  personId: idSchema.optional(),
  direction: z.enum(['iShouldMeet', 'theyShouldMeet']).default('iShouldMeet'),
})

/** One conversation, usually at an event: the four questions and the seed. */
export const encounterSchema = z.object({
  ...recordBaseShape,
  contactId: idSchema,
  eventId: idSchema.optional(),
  at: isoDateTimeSchema,
  howCanIHelp: longText.default(''),
  theirAdvice: longText.default(''),
  whomShouldTheyMeet: longText.default(''),
  whomShouldIMeet: longText.default(''),
  seed: longText.default(''),
  bestWayToReach: shortText.default(''),
  assistantName: shortText.default(''),
  cardReceived: z.boolean().default(false),
  /** A real exchange rather than small talk; feeds the "depth" of trust. */
  deep: z.boolean().default(false),
  mentions: z.array(mentionSchema).default([]),
  notes: longText.default(''),
  /** Made from a contact created on the phone during the event (phone sync, since v6). */
  capturedOn: z.enum(['phone']).optional(),
})
export type Encounter = z.infer<typeof encounterSchema>
export type Mention = z.infer<typeof mentionSchema>
