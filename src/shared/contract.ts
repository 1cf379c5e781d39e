import { z } from 'zod'
import type { AppErrorValue, Envelope } from './errors'
import type { BackupInfo, StoreNotice } from './storeNotice'
import {
  contactFieldsShape,
  contactSchema,
  encounterSchema,
  followUpSchema,
  idSchema,
  isoDateTimeSchema,
  languagePreferenceSchema,
  meSchema,
  patchSchemaOf,
  relationshipSchema,
  type Community,
  type Contact,
  type FollowUp,
  type Gathering,
  type RapportEvent,
  type Settings,
} from './model'

/**
 * Every operation the renderer may call, declared once: its input schema and its result type.
 * The IPC and HTTP transports are generated from this object, so neither can drift from it.
 */
interface Operation<I extends z.ZodType, R> {
  readonly input: I
  /** Type-only marker of the result; never set at run time. */
  readonly result?: R
}

const op =
  <R>() =>
  <I extends z.ZodType>(input: I): Operation<I, R> => ({ input })

const noInput = z.undefined().or(z.object({}).strict())

export const contactInputSchema = z.object(contactFieldsShape).strict()
export const contactPatchSchema = patchSchemaOf(contactFieldsShape)

/** Everything removed with a contact, so that "undo" can put it all back. */
export const deletedContactSchema = z.object({
  contact: contactSchema,
  encounters: z.array(encounterSchema),
  followUps: z.array(followUpSchema),
  relationships: z.array(relationshipSchema),
  /** Communities whose member list held the contact. */
  communityIds: z.array(idSchema),
})
export type DeletedContact = z.infer<typeof deletedContactSchema>

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

export const contract = {
  'app.info': op<AppInfo>()(noInput),
  'settings.get': op<Settings>()(noInput),
  'settings.update': op<Settings>()(
    z
      .object({
        language: languagePreferenceSchema.optional(),
        me: patchSchemaOf(meSchema.shape).optional(),
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
        /** When given, the update is refused with CONFLICT if the card changed since. */
        expectedUpdatedAt: isoDateTimeSchema.optional(),
      })
      .strict(),
  ),
  'contacts.delete': op<DeletedContact>()(z.object({ id: idSchema }).strict()),
  'contacts.restore': op<Contact>()(deletedContactSchema),
  'events.list': op<RapportEvent[]>()(noInput),
  'communities.list': op<Community[]>()(noInput),
  'gatherings.list': op<Gathering[]>()(noInput),
  'demo.remove': op<{ removed: number }>()(noInput),
  'store.dismissNotice': op<{ ok: true }>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** Only after the user agreed: a damaged data file with no backup is set aside. */
  'store.startEmpty': op<{ ok: true }>()(z.object({ confirm: z.literal(true) }).strict()),
  'backups.list': op<BackupInfo[]>()(noInput),
  'backups.create': op<BackupInfo>()(noInput),
  'backups.restore': op<{ ok: true }>()(z.object({ file: z.string().min(1).max(4096) }).strict()),
} as const

export type Contract = typeof contract
export type OperationName = keyof Contract
export const operationNames = Object.keys(contract) as OperationName[]

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

/** The IPC channel of an operation; the preload and main both derive it from here. */
export const ipcChannel = (name: OperationName): string => `rapport:${name}`
