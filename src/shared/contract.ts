import { z } from 'zod'
import type { AppErrorValue, Envelope } from './errors'
import type { CardView, ContactListItem } from './contacts/cardView'
import type { BackupInfo, StoreNotice } from './store/storeNotice'
import {
  contactFieldsShape,
  communityMemberSchema,
  careKindSchema,
  contactSchema,
  ecosystemSchema,
  encounterSchema,
  followUpSchema,
  idSchema,
  isoDateTimeSchema,
  languagePreferenceSchema,
  phoneRegionSchema,
  meSchema,
  patchSchemaOf,
  remindersSchema,
  relationshipKindSchema,
  relationshipSchema,
  tierSchema,
  type Contact,
  type Encounter,
  type FollowUp,
  type Help,
  type Relationship,
  type Tier,
  type RapportEvent,
  type Settings,
} from './model'
import { cardOperations } from './cards/cardOperations'
import { communityOperations } from './communities/communityOperations'
import { eventOperations } from './events/eventOperations'
import { mapOperations } from './map/mapOperations'
import { qrCardOperations } from './cards/qrCardOperations'
import {
  MAX_CALENDAR_FILE_BYTES,
  type CalendarImportPreview,
  type CalendarImportResult,
} from './calendar/calendarImport'
import { noInput, op } from './operation'
import { versionedEditShape } from './store/versionedEdit'
import { ipcChannel, operationNames, type OperationName } from './operationNames'
import { syncOperations } from './sync/syncOperations'

export const contactInputSchema = z.object(contactFieldsShape).strict()
export const contactPatchSchema = patchSchemaOf(contactFieldsShape)

/** Everything removed with a contact, so that "undo" can put it all back. */
export const deletedContactSchema = z.object({
  contact: contactSchema,
  encounters: z.array(encounterSchema),
  followUps: z.array(followUpSchema),
  relationships: z.array(relationshipSchema),
  /** The contact's entries in community member lists. */
  memberships: z.array(z.object({ communityId: idSchema, member: communityMemberSchema })),
})
export type DeletedContact = z.infer<typeof deletedContactSchema>

export const contactQuerySchema = z
  .object({
    text: z.string().max(200).optional(),
    tags: z.array(z.string().max(60)).max(20).optional(),
    tiers: z.array(tierSchema).max(4).optional(),
    ecosystems: z.array(ecosystemSchema).max(6).optional(),
    /** Targets of the event, or people met there. */
    eventId: idSchema.optional(),
    communityId: idSchema.optional(),
    /** Only people past their keep-in-touch cadence. */
    overdue: z.boolean().optional(),
    includeArchived: z.boolean().optional(),
    sort: z
      .object({
        by: z.enum(['name', 'organization', 'tier', 'updatedAt', 'createdAt']),
        direction: z.enum(['asc', 'desc']),
      })
      .optional(),
    offset: z.number().int().min(0).optional(),
    /** One window of the list; the interface asks for the next window by offset. */
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .strict()
export type ContactQueryInput = z.input<typeof contactQuerySchema>

/** The same filters without the window: "select all" means every contact that matches. */
export const contactMatchSchema = contactQuerySchema.omit({ offset: true, limit: true })

export interface ContactSearchResult {
  total: number
  items: ContactListItem[]
  facets: { tags: { tag: string; count: number }[]; tiers: Record<Tier, number> }
}

export const columnTargetSchema = z.enum([
  'name',
  'givenName',
  'familyName',
  'nickname',
  'email',
  'phone',
  'organization',
  'role',
  'linkedin',
  'wechat',
  'website',
  'notes',
  'tags',
  'birthday',
  /** When we first met: LinkedIn's "Connected On", a CRM's "Date added" (since the trust figure's length). */
  'firstMet',
  'ignore',
])

/** The text encodings a CSV file can be read in; the preview shows its guess and lets the user change it. */
export const csvEncodingSchema = z.enum([
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'shift_jis',
  'windows-1252',
])

export interface ImportPreviewRow {
  line: number
  status: 'new' | 'duplicate' | 'exact' | 'error'
  name: string
  organization: string
  email: string
  hasPhoto: boolean
  /**
   * Who this row may be: an existing contact (its id), or an earlier line of the same file
   * (`line`, with an empty id). `reasons` says what they share.
   */
  matches: {
    id: string
    name: string
    line?: number
    reasons: ('email' | 'phone' | 'linkedin' | 'name+organization' | 'name')[]
  }[]
  errors: string[]
  warnings: string[]
}

export interface ImportPreview {
  previewId: string
  fileName: string
  kind: 'vcard' | 'csv'
  /** CSV only: the columns and the suggested (or given) mapping. */
  headers: string[]
  mapping: z.infer<typeof columnTargetSchema>[]
  /** CSV: the encoding the file was read in (detected, or the one asked for). */
  encoding: z.infer<typeof csvEncodingSchema>
  rows: ImportPreviewRow[]
  counts: { new: number; duplicate: number; exact: number; error: number }
}

export interface DuplicateGroup {
  reasons: string[]
  contacts: Contact[]
}

export interface ReviewView {
  slipping: { contactId: string; name: string; tier: Tier; dueSince: string; cadenceDays: number }[]
  circle: { tier: Tier; count: number; target: number; status: 'under' | 'ok' | 'over' }[]
  ecosystems: { ecosystem: z.infer<typeof ecosystemSchema>; count: number; thin: boolean }[]
  moveIn: { contactId: string; name: string; tier: Tier }[]
  moveOut: { contactId: string; name: string; tier: Tier }[]
}

export interface HabitRate {
  done: number
  within24h: number
  share: number | null
}

export interface FollowUpQueue {
  overdue: FollowUpView[]
  next24h: FollowUpView[]
  upcoming: FollowUpView[]
  habits: {
    last30: HabitRate
    last90: HabitRate
    byEvent: { eventId: string; name: string; rate: HabitRate }[]
  }
}

export type ReminderNotification =
  | { kind: 'single'; id: string; title: string; body: string }
  | { kind: 'summary'; count: number; ids: string[] }

export const snoozeChoiceSchema = z.enum(['1h', 'tonight', 'tomorrow9', 'nextWeek'])

export interface AppInfo {
  version: string
  dataDir: string
  storeFile: string
  /** The language the system asks for, used when the setting is "system". */
  systemLanguage: 'zh-CN' | 'en'
  hasDemoData: boolean
  /** Why the data file cannot be used (STORE_UNAVAILABLE), or null when all is well. */
  storeError: AppErrorValue | null
  /** What the user must be told about the data file (restored from a backup, reloaded, …). */
  notices: StoreNotice[]
}

export interface FollowUpView extends FollowUp {
  contactName: string
}

export interface Overview {
  counts: {
    contacts: number
    events: number
    communities: number
    relationships: number
    openFollowUps: number
  }
  overdue: FollowUpView[]
  dueToday: FollowUpView[]
  upcoming: FollowUpView[]
  nextEvent: RapportEvent | null
  /** Share of finished follow-ups done within 24 hours of the conversation, 0..1, or null. */
  within24hRate: number | null
}

/**
 * Every operation the renderer may call, declared once: its input schema and its result type.
 * The IPC and HTTP transports are generated from this object, so neither can drift from it.
 * Events, communities and the map declare theirs in their own files.
 */
export const contract = {
  ...eventOperations,
  ...communityOperations,
  ...cardOperations,
  ...mapOperations,
  ...syncOperations,
  ...qrCardOperations,
  'app.info': op<AppInfo>()(noInput),
  'settings.get': op<Settings>()(noInput),
  'settings.update': op<Settings>()(
    z
      .object({
        language: languagePreferenceSchema.optional(),
        phoneRegion: phoneRegionSchema.optional(),
        me: patchSchemaOf(meSchema.shape).optional(),
        reminders: patchSchemaOf(remindersSchema.shape).optional(),
        /** Settings carry no version: the changed fields' values when the page opened. */
        base: versionedEditShape.base,
      })
      .strict(),
  ),
  'overview.get': op<Overview>()(z.object({ now: isoDateTimeSchema.optional() }).strict()),
  'contacts.list': op<Contact[]>()(
    z
      .object({
        query: z.string().max(200).optional(),
        includeArchived: z.boolean().optional(),
      })
      .strict(),
  ),
  'contacts.get': op<Contact>()(z.object({ id: idSchema }).strict()),
  'contacts.create': op<Contact>()(contactInputSchema),
  'contacts.update': op<Contact>()(
    z
      .object({
        id: idSchema,
        patch: contactPatchSchema,
        /** When given, a write over a change made elsewhere is refused with CONFLICT. */
        ...versionedEditShape,
      })
      .strict(),
  ),
  /** One change to many contacts (all that "select all" matched), in one transaction. */
  'contacts.bulkUpdate': op<{ updated: number }>()(
    z
      .object({
        ids: z.array(idSchema).min(1).max(100_000),
        archived: z.boolean().optional(),
        addTags: z.array(z.string().trim().min(1).max(60)).min(1).max(20).optional(),
      })
      .strict()
      .refine((input) => input.archived !== undefined || input.addTags !== undefined, {
        message: 'say what to change: archived or addTags',
      }),
  ),
  'contacts.delete': op<DeletedContact>()(z.object({ id: idSchema }).strict()),
  'contacts.restore': op<Contact>()(deletedContactSchema),
  'contacts.search': op<ContactSearchResult>()(contactQuerySchema),
  /** The ids of every contact a search matches, in list order: what "select all" selects. */
  'contacts.matchingIds': op<string[]>()(contactMatchSchema),
  'contacts.card': op<CardView>()(z.object({ id: idSchema }).strict()),
  'contacts.duplicates': op<DuplicateGroup[]>()(noInput),
  'contacts.merge': op<Contact>()(
    z
      .object({
        keepId: idSchema,
        removeId: idSchema,
        /** Per field: keep's value, the other's, or both (list fields). */
        choice: z.record(z.string().max(40), z.enum(['a', 'b', 'both'])),
      })
      .strict(),
  ),
  'relationships.create': op<Relationship>()(
    z
      .object({
        fromId: idSchema,
        toId: idSchema,
        kind: relationshipKindSchema,
        note: z.string().max(200).optional(),
      })
      .strict(),
  ),
  'relationships.delete': op<{ ok: true }>()(z.object({ id: idSchema }).strict()),
  'helps.create': op<Help>()(
    z
      .object({
        contactId: idSchema,
        direction: z.enum(['given', 'asked']),
        what: z.string().trim().min(1).max(2000),
        at: isoDateTimeSchema.optional(),
        careKind: careKindSchema.optional(),
      })
      .strict(),
  ),
  'helps.delete': op<{ ok: true }>()(z.object({ id: idSchema }).strict()),
  'photos.save': op<{ ref: string }>()(
    z
      .object({
        /** Base64 of the image file; checked by content, at most 10 MB. */
        data: z.string().min(1).max(14_000_000),
        thumbnail: z.string().max(300_000).optional(),
      })
      .strict(),
  ),
  'photos.get': op<{ dataUrl: string }>()(
    z.object({ ref: z.string().min(1).max(200), variant: z.enum(['full', 'thumb']) }).strict(),
  ),
  'import.preview': op<ImportPreview>()(
    z
      .object({
        fileName: z.string().min(1).max(500),
        /** Base64 of the file, so any encoding reaches the parser byte for byte. */
        data: z.string().min(1).max(70_000_000),
        mapping: z.array(columnTargetSchema).max(500).optional(),
        /** CSV only: read the file in this encoding instead of the detected one. */
        encoding: csvEncodingSchema.optional(),
      })
      .strict(),
  ),
  'import.commit': op<{ created: number; merged: number; skipped: number }>()(
    z
      .object({
        previewId: z.string().min(1).max(100),
        /** Per line: what to do with a duplicate; new rows are imported, errors skipped. */
        duplicates: z.enum(['skip', 'merge', 'import']),
      })
      .strict(),
  ),
  'import.cancel': op<{ ok: true }>()(z.object({ previewId: z.string().min(1).max(100) }).strict()),
  'export.vcard': op<{ fileName: string; text: string }>()(
    z.object({ ids: z.array(idSchema).max(100_000).optional() }).strict(),
  ),
  'review.get': op<ReviewView>()(noInput),
  /** Logs a conversation; the 24-hour follow-up and a promise made in the seed follow from it. */
  'encounters.create': op<{ encounter: Encounter; followUps: FollowUp[] }>()(
    z
      .object({
        contactId: idSchema,
        eventId: idSchema.optional(),
        at: isoDateTimeSchema.optional(),
        howCanIHelp: z.string().max(20_000).optional(),
        theirAdvice: z.string().max(20_000).optional(),
        whomShouldTheyMeet: z.string().max(20_000).optional(),
        whomShouldIMeet: z.string().max(20_000).optional(),
        seed: z.string().max(20_000).optional(),
        deep: z.boolean().optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
  ),
  'followUps.queue': op<FollowUpQueue>()(z.object({ now: isoDateTimeSchema.optional() }).strict()),
  'followUps.create': op<FollowUp>()(
    z
      .object({
        contactId: idSchema,
        title: z.string().trim().min(1).max(200),
        dueAt: isoDateTimeSchema,
        reason: z
          .enum(['afterMeeting', 'promise', 'secondMeeting', 'cadence', 'importantDate', 'custom'])
          .optional(),
        careKind: careKindSchema.optional(),
        eventId: idSchema.optional(),
      })
      .strict(),
  ),
  'followUps.complete': op<FollowUp>()(
    z
      .object({
        id: idSchema,
        channel: z.string().trim().max(200).optional(),
        note: z.string().max(20_000).optional(),
      })
      .strict(),
  ),
  'followUps.snooze': op<FollowUp>()(
    z.object({ id: idSchema, choice: snoozeChoiceSchema }).strict(),
  ),
  'followUps.reschedule': op<FollowUp>()(
    z.object({ id: idSchema, dueAt: isoDateTimeSchema }).strict(),
  ),
  'followUps.drop': op<FollowUp>()(z.object({ id: idSchema }).strict()),
  /** Undo of done or drop: back in the queue as it was. */
  'followUps.reopen': op<FollowUp>()(z.object({ id: idSchema }).strict()),
  /** Reads past meetings from an .ics file and matches their attendees to contacts. */
  'calendar.importPreview': op<CalendarImportPreview>()(
    z
      .object({
        fileName: z.string().min(1).max(500),
        /** Base64 of the file, at most 10 MB. */
        data: z
          .string()
          .min(1)
          .max(Math.ceil(MAX_CALENDAR_FILE_BYTES / 3) * 4),
        /** Read the file in this encoding instead of the detected one. */
        encoding: csvEncodingSchema.optional(),
      })
      .strict(),
  ),
  /** Writes the previewed encounters, and the chosen new contacts, in one transaction. */
  'calendar.importCommit': op<CalendarImportResult>()(
    z
      .object({
        previewId: z.string().min(1).max(100),
        /** Emails of the offered new people to add as contacts. */
        newContacts: z.array(z.string().trim().min(3).max(320)).max(1000).default([]),
      })
      .strict(),
  ),
  'calendar.export': op<{ fileName: string; text: string }>()(
    z
      .object({
        include: z
          .object({ followUps: z.boolean(), events: z.boolean(), gatherings: z.boolean() })
          .strict(),
        from: z.iso.date().optional(),
        to: z.iso.date().optional(),
      })
      .strict(),
  ),
  /**
   * The calendar file kept up to date; '' stops it. Only an .ics file that is new or Rapport's
   * own, inside the data folder or an --export-dir folder; the desktop app uses the dialog below.
   */
  'calendar.setAutoExport': op<Settings>()(z.object({ path: z.string().max(4096) }).strict()),
  /** Desktop app: the save dialog chooses the calendar file (`chosen` false: cancelled). */
  'calendar.chooseAutoExport': op<{ chosen: boolean; settings: Settings }>()(noInput),
  /** Browser mode's reminder popups: what the scheduler wants shown since the last call. */
  'reminders.take': op<ReminderNotification[]>()(noInput),
  'demo.remove': op<{ removed: number }>()(noInput),
  'store.dismissNotice': op<{ ok: true }>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** Only after the user agreed: a damaged data file with no backup is set aside. */
  'store.startEmpty': op<{ ok: true }>()(z.object({ confirm: z.literal(true) }).strict()),
  /** After the data folder was deleted while running: writes everything from memory again. */
  'store.writeAgain': op<{ ok: true }>()(z.object({ confirm: z.literal(true) }).strict()),
  'backups.list': op<BackupInfo[]>()(noInput),
  'backups.create': op<BackupInfo>()(noInput),
  'backups.restore': op<{ ok: true }>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
  'backups.delete': op<{ ok: true }>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
} as const

export type Contract = typeof contract
export { operationNames, ipcChannel, type OperationName }

/** Fails to compile when the name list and the contract differ in either direction. */
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const namesMatchContract: SameSet<keyof Contract, OperationName> = true
void namesMatchContract

/** What a caller passes (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>
/** What a handler receives (validated, defaults applied). */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>
export type ResultOf<N extends OperationName> = NonNullable<Contract[N]['result']>

/** The typed API the renderer uses; both transports produce exactly this. */
export type RapportApi = {
  [N in OperationName]: (
    ...args: undefined extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>]
  ) => Promise<ResultOf<N>>
}

/** What the preload exposes: one function per operation, answering an envelope. */
export type RapportBridge = {
  [N in OperationName]: (input: unknown) => Promise<Envelope<ResultOf<N>>>
}

/** The core side: one handler per operation, given validated input. */
export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => Promise<ResultOf<N>> | ResultOf<N>
}

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}
