import { z } from 'zod'
import { idSchema, isoDateTimeSchema, recordBaseShape, shortText } from '../store/record'

/** Which contacts go to the phone. */
export const syncScopeSchema = z.enum(['active', 'golden', 'tags'])
export type SyncScope = z.infer<typeof syncScopeSchema>

const collectionUrl = z.string().max(2000)

/**
 * What the user chose in Settings → Sync. The password is not here: it never reaches the data
 * file (see the password provider in the core).
 */
export const syncSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** The address the user typed; discovery finds the collections from it. */
  serverUrl: collectionUrl.default(''),
  user: shortText.default(''),
  addressBookUrl: collectionUrl.default(''),
  calendarUrl: collectionUrl.default(''),
  scope: syncScopeSchema.default('active'),
  /** With scope `tags`: contacts carrying any of these. */
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  followUps: z.boolean().default(true),
  events: z.boolean().default(true),
  gatherings: z.boolean().default(true),
  /** 0 = manual only; otherwise every N minutes while Rapport runs, and right after start. */
  intervalMinutes: z.number().int().min(0).max(1440).default(15),
  /** A contact archived in Rapport leaves the phone only when the user asked for that. */
  removeArchivedFromPhone: z.boolean().default(false),
})
export type SyncSettings = z.infer<typeof syncSettingsSchema>

export const syncRecordKindSchema = z.enum(['contact', 'followUp', 'event', 'gathering'])
export type SyncRecordKind = z.infer<typeof syncRecordKindSchema>

/**
 * Where one record lives on the server and what both sides agreed on at the last sync: the base
 * of the three-way merge. `id` is `<kind>:<recordId>`; the cursor of a collection (sync-token or
 * ctag) is kept as kind `collection` under `collection:<url>`.
 */
export const syncStateSchema = z.object({
  ...recordBaseShape,
  kind: z.enum(['contact', 'followUp', 'event', 'gathering', 'collection']),
  recordId: z.string().min(1).max(2000),
  collectionUrl: collectionUrl,
  href: collectionUrl.default(''),
  etag: z.string().max(500).default(''),
  /** Field → JSON of its value as last synced (phone-editable fields only). */
  base: z.record(z.string().max(60), z.string().max(100_000)).default({}),
  /** A collection's sync-token, or its ctag when the server has no sync-collection. */
  syncToken: z.string().max(2000).default(''),
  ctag: z.string().max(2000).default(''),
})
export type SyncState = z.infer<typeof syncStateSchema>

export const syncDirectionSchema = z.enum(['up', 'down', 'none'])
export const syncActionSchema = z.enum([
  'created',
  'updated',
  'deleted',
  'archived',
  'completed',
  'rescheduled',
  'dropped',
  'captured',
  'conflict',
  'skipped',
  'run',
  'failed',
])
export type SyncAction = z.infer<typeof syncActionSchema>

/** One line of the sync log (kept 30 days). */
export const syncLogEntrySchema = z.object({
  ...recordBaseShape,
  runId: idSchema,
  at: isoDateTimeSchema,
  direction: syncDirectionSchema,
  action: syncActionSchema,
  kind: syncRecordKindSchema.optional(),
  recordId: z.string().max(2000).optional(),
  /** Who or what it was about, as shown (a name, a follow-up's title). */
  label: z.string().max(500).default(''),
  /** Technical English detail (a skip's reason, a run's error); never a secret. */
  detail: z.string().max(2000).default(''),
})
export type SyncLogEntry = z.infer<typeof syncLogEntrySchema>

/** Both sides changed the same field: Rapport kept its value, the phone's waits here. */
export const syncConflictSchema = z.object({
  ...recordBaseShape,
  kind: syncRecordKindSchema,
  recordId: idSchema,
  label: z.string().max(500).default(''),
  field: z.string().max(60),
  /** JSON of each side's value. */
  rapportValue: z.string().max(100_000),
  phoneValue: z.string().max(100_000),
})
export type SyncConflict = z.infer<typeof syncConflictSchema>

export const SYNC_LOG_DAYS = 30
