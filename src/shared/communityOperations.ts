import type { Community, Gathering } from './model'
import { noInput, op } from './operation'

/** Communities and their gatherings. */
export const communityOperations = {
  'communities.list': op<Community[]>()(noInput),
  'gatherings.list': op<Gathering[]>()(noInput),
} as const
