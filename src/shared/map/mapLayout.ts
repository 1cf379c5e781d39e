import { z } from 'zod'
import { recordBaseShape } from '../store/record'

/**
 * Kept positions of the relationship map's nodes (since v5), so reopening the map is instant
 * and stable. Keys are node keys ("me", "contact:<id>", "event:<id>", "community:<id>").
 */
export const mapLayoutSchema = z.object({
  ...recordBaseShape,
  positions: z.record(z.string().min(1).max(100), z.tuple([z.number(), z.number()])),
})
export type MapLayout = z.infer<typeof mapLayoutSchema>
