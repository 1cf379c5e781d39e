import { z } from 'zod'
import { communitySchema } from '../communities/community'
import { contactSchema } from '../contacts/contact'
import { encounterSchema } from '../followUps/encounter'
import { eventSchema } from '../events/event'
import { followUpSchema } from '../followUps/followUp'
import { gatheringSchema } from '../communities/gathering'
import { helpSchema } from '../contacts/help'
import { mapLayoutSchema } from '../map/mapLayout'
import { relationshipSchema } from '../contacts/relationship'
import { settingsSchema } from '../settings/settings'
import { syncConflictSchema, syncLogEntrySchema, syncStateSchema } from '../sync/syncModel'

/** Bump with every change to the stored shape, and add a migration from the previous one. */
export const CURRENT_SCHEMA_VERSION = 9

/** The whole store file: one readable JSON document the user owns. */
export const storeDataSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** The last journal entry folded into this snapshot; replay starts after it (since v2). */
  journalSeq: z.number().int().min(0),
  settings: settingsSchema,
  contacts: z.array(contactSchema),
  events: z.array(eventSchema),
  encounters: z.array(encounterSchema),
  followUps: z.array(followUpSchema),
  communities: z.array(communitySchema),
  gatherings: z.array(gatheringSchema),
  relationships: z.array(relationshipSchema),
  /** Help given and asked (since v3). */
  helps: z.array(helpSchema),
  /** Kept relationship-map positions (since v5). */
  mapLayouts: z.array(mapLayoutSchema),
  /** Phone sync: where each record lives on the server, the log and open conflicts (since v6). */
  syncStates: z.array(syncStateSchema),
  syncLog: z.array(syncLogEntrySchema),
  syncConflicts: z.array(syncConflictSchema),
})
export type StoreData = z.infer<typeof storeDataSchema>

/** Each collection's record schema: what a stored record of it must look like. */
export const collectionSchemas = {
  contacts: contactSchema,
  events: eventSchema,
  encounters: encounterSchema,
  followUps: followUpSchema,
  communities: communitySchema,
  gatherings: gatheringSchema,
  relationships: relationshipSchema,
  helps: helpSchema,
  mapLayouts: mapLayoutSchema,
  syncStates: syncStateSchema,
  syncLog: syncLogEntrySchema,
  syncConflicts: syncConflictSchema,
} as const

/** The collections that hold records (everything but the version and settings). */
export const collectionNames = [
  'contacts',
  'events',
  'encounters',
  'followUps',
  'communities',
  'gatherings',
  'relationships',
  'helps',
  'mapLayouts',
  'syncStates',
  'syncLog',
  'syncConflicts',
] as const
export type CollectionName = (typeof collectionNames)[number]

export function emptyStoreData(): StoreData {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journalSeq: 0,
    settings: settingsSchema.parse({}),
    contacts: [],
    events: [],
    encounters: [],
    followUps: [],
    communities: [],
    gatherings: [],
    relationships: [],
    helps: [],
    mapLayouts: [],
    syncStates: [],
    syncLog: [],
    syncConflicts: [],
  }
}
