import type { RapportEvent } from './model'
import { noInput, op } from './operation'

/** The events workflow's operations (before, during and after an event). */
export const eventOperations = {
  'events.list': op<RapportEvent[]>()(noInput),
} as const
