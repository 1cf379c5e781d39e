import { z } from 'zod'

/** One record of a hand-edited data file that needs the user's attention. */
export const attentionRecordSchema = z.object({
  collection: z.string(),
  id: z.string(),
  name: z.string().optional(),
  problem: z.enum(['tooLong', 'missingField', 'invalid', 'duplicateId', 'unknownFields']),
  /** The field(s) concerned; for `duplicateId`, the id it shared. */
  field: z.string(),
  /** Whether the record is loaded (else it is in the set-aside file). */
  loaded: z.boolean(),
})
export type AttentionRecord = z.infer<typeof attentionRecordSchema>

/**
 * Things about the data file the user must be told, shown as a banner until dismissed. Never
 * silent: every recovery, reload or set-aside copy becomes one of these.
 */
export const storeNoticeSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('restoredFromBackup'),
    at: z.string(),
    damagedFile: z.string(),
    reason: z.string(),
    backupFile: z.string(),
    backupAt: z.string(),
    counts: z.object({ contacts: z.number(), events: z.number(), records: z.number() }),
    /** Changes from the change log applied on top of the backup (it was the file they continue). */
    replayed: z.number().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('journalTailIgnored'),
    at: z.string(),
    /** Lines that could not be used, e.g. one half-written when the app was killed. */
    lines: z.number(),
    keptAt: z.string().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('reloadedExternalChange'),
    at: z.string(),
    file: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('externalChangeSetAside'),
    at: z.string(),
    file: z.string(),
    /** Where the other program's version of the file was moved. */
    setAsideFile: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('restoredBackup'),
    at: z.string(),
    backupFile: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('journalLinesSetAside'),
    at: z.string(),
    /** Damaged lines of the change log (1-based), left out. */
    lines: z.array(z.number()),
    /** Intact changes after the first damaged line, all kept. */
    keptAfter: z.number(),
    keptAt: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('snapshotReplacedAfterCrash'),
    at: z.string(),
    /** Where the file another program put in place of Rapport's was moved. */
    setAsideFile: z.string(),
    journalSetAside: z.string(),
    /** What Rapport rebuilt its own version from, or `theirs` when it had nothing to rebuild from. */
    rebuiltFrom: z.enum(['backup', 'theirs']),
    backupAt: z.string().optional(),
    /** Changes from the change log that were applied to the rebuilt version. */
    replayed: z.number(),
    /** Changes between that backup and the change log exist only in the set-aside file. */
    gap: z.boolean(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('snapshotMissing'),
    at: z.string(),
    file: z.string(),
    /** The backup it was rebuilt from; absent when there was none (then it starts empty). */
    backupFile: z.string().optional(),
    backupAt: z.string().optional(),
    replayed: z.number(),
    journalSetAside: z.string().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('saveFailed'),
    at: z.string(),
    file: z.string(),
    reason: z.string(),
    /** The system's error code (ENOSPC: the disk is full), so the banner can word it. */
    code: z.string().optional(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('dataFolderGone'),
    at: z.string(),
    folder: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('recordsNeedAttention'),
    at: z.string(),
    file: z.string(),
    /** A copy of the file as it was found, before anything was changed. */
    copyAt: z.string(),
    records: z.array(attentionRecordSchema),
    /** Records that could not be loaded, with what is wrong, for fixing by hand. */
    setAsideFile: z.string().optional(),
  }),
])
export type StoreNotice = z.infer<typeof storeNoticeSchema>

/** Why a backup is kept until the user deletes it: it may be the last copy of that state. */
export const backupKeepSchema = z.enum([
  'beforeRestore',
  'conflict',
  'recovery',
  'otherVersion',
  /** Taken by Settings → "Remove demo data" before it removes anything. */
  'beforeDemoRemoval',
])
export type BackupKeep = z.infer<typeof backupKeepSchema>

/** One backup of the data file, as Settings lists it. */
export const backupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  counts: z.object({ contacts: z.number(), events: z.number(), records: z.number() }),
  /** The store's own change counter at the backup: orders backups whatever the clock said. */
  seq: z.number().int().optional(),
  /** Checksum and length of the uncompressed snapshot text. */
  crc32: z.number().int().optional(),
  bytes: z.number().int().optional(),
  keep: backupKeepSchema.optional(),
})
export type BackupInfo = z.infer<typeof backupInfoSchema>
