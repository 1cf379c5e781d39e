import { z } from 'zod'

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
])
export type StoreNotice = z.infer<typeof storeNoticeSchema>

/** One backup of the data file, as Settings lists it. */
export const backupInfoSchema = z.object({
  file: z.string(),
  createdAt: z.string(),
  counts: z.object({ contacts: z.number(), events: z.number(), records: z.number() }),
})
export type BackupInfo = z.infer<typeof backupInfoSchema>
