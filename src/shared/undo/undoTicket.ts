import { z } from 'zod'

/**
 * What a deletion answers and its undo sends back: a token for what the core kept, never the
 * records themselves, so an undo can only put back exactly what was taken away.
 */
export const undoTicketSchema = z.object({ undoToken: z.string().min(1).max(100) }).strict()
export type UndoTicket = z.infer<typeof undoTicketSchema>
